package dev.hoheit.mentoring.web;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.Resource;
import dev.hoheit.audit.tlog.TilePath;
import dev.hoheit.audit.tlog.TlogException;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The audit log as a C2SP tiled transparency log, read-only, under {@code /log/}: the latest
 * checkpoint and the tiles of hashes for anyone (hashes of encrypted entries reveal nothing about
 * anybody), the entry bundles, the log's encrypted content, for auditors only (not the operator).
 * Anonymous reads write nothing to the log, so nobody can make it grow by reading it; an auditor's
 * read of entries is logged as the auditor's view.
 */
final class TransparencyLogRoutes {

    static final String PREFIX = "/log/";
    private static final String ENTRIES = "tile/entries/";
    /** The checkpoint changes with every seal: cached for a few seconds at most (C2SP tlog-tiles). */
    static final String CHECKPOINT_CACHE = "public, max-age=5";
    /** A tile at a given width never changes. */
    static final String TILE_CACHE = "public, max-age=31536000, immutable";
    /** Neither does an entry bundle, but it is for the auditor's own cache only. */
    static final String ENTRIES_CACHE = "private, max-age=31536000, immutable";
    private static final List<String> PATHS = List.of(PREFIX + "checkpoint", PREFIX + "tile/<path>");

    private final AuditLog audit;

    TransparencyLogRoutes(AuditLog audit) {
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get(PREFIX + "checkpoint", this::checkpoint);
        routes.get(PREFIX + "tile/<path>", this::tile);
        Handler readOnly = ctx -> ctx.header("Allow", "GET").status(405);
        for (String path : PATHS) {
            routes.post(path, readOnly);
            routes.put(path, readOnly);
            routes.patch(path, readOnly);
            routes.delete(path, readOnly);
        }
    }

    /** The newest checkpoint as a signed note, with the witnesses' cosignature lines. */
    private void checkpoint(Context ctx) {
        Checkpoint latest = audit.latestCheckpoint().orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.NO_CHECKPOINT,
                "the audit log has no checkpoint yet: none has been signed so far"));
        ctx.header("Cache-Control", CHECKPOINT_CACHE).contentType("text/plain; charset=utf-8")
                .result(latest.note().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code tile/<L>/<N>[.p/<W>]} for anyone, {@code tile/entries/<N>[.p/<W>]} for auditors. */
    private void tile(Context ctx) {
        String path = ctx.path().substring(ctx.path().indexOf(PREFIX) + PREFIX.length());
        if (path.startsWith(ENTRIES)) {
            entries(ctx, path);
            return;
        }
        TilePath tile = parse(path);
        byte[] hashes = found(() -> audit.tile(tile.level(), tile.index(), tile.width()));
        binary(ctx, TILE_CACHE, hashes);
    }

    private void entries(Context ctx, String path) {
        Account auditor = Access.require(ctx, Role.AUDITOR);
        TilePath bundle = parse(path);
        byte[] entries = found(() -> audit.entryBundle(bundle.index(), bundle.width()));
        audit.appendBatched(AuditEvent.of(Actor.of(auditor.id(), Role.AUDITOR.id()), AuditAction.VIEW,
                Resource.of("audit-entries", bundle.path())).from(Web.client(ctx)));
        binary(ctx, ENTRIES_CACHE, entries);
    }

    /** Bytes, without the charset Jetty would carry over from the default JSON content type. */
    private static void binary(Context ctx, String cacheControl, byte[] body) {
        ctx.res().setCharacterEncoding(null);
        ctx.header("Cache-Control", cacheControl).contentType("application/octet-stream").result(body);
    }

    private static TilePath parse(String path) {
        try {
            return TilePath.parse(path);
        } catch (TlogException e) {
            throw AppException.badRequest(ErrorCode.TILE_PATH_INVALID, "not a C2SP tile path (tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>]): "
                    + e.getMessage());
        }
    }

    /** The log answers a tile it does not have, at that width or below its purged prefix, as an invalid argument. */
    private static byte[] found(Supplier<byte[]> read) {
        try {
            return read.get();
        } catch (AuditException e) {
            if (e.problem() == AuditException.Problem.INVALID_ARGUMENT) {
                throw new AppException(AppException.Kind.NOT_FOUND, ErrorCode.TILE_NOT_FOUND, "the log has no such tile: " + e.getMessage());
            }
            throw e;
        }
    }
}
