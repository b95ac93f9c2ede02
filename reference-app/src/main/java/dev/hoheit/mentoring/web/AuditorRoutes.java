package dev.hoheit.mentoring.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.Resource;
import dev.hoheit.audit.tlog.Note;
import dev.hoheit.audit.tlog.NoteVerifier;
import dev.hoheit.audit.tlog.TlogException;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.retention.RetentionService;
import dev.hoheit.retention.RunReport;
import dev.hoheit.retention.StepReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The auditor's view, open to the operator too: the retention verification report, the retention
 * runs, and the audit log's signed checkpoints for the command-line verifier. The log's tiles and
 * entries are served by {@link TransparencyLogRoutes}.
 */
final class AuditorRoutes {

    private final AuditLog audit;
    private final RetentionService retention;

    AuditorRoutes(AuditLog audit, RetentionService retention) {
        this.audit = audit;
        this.retention = retention;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/auditor/verification", this::verification);
        routes.get("/api/auditor/retention-runs", this::runs);
        routes.post("/api/operator/retention-runs", this::runNow);
        routes.get("/api/auditor/checkpoints", this::checkpoints);
        routes.post("/api/auditor/checkpoints", this::seal);
    }

    /** The verification report: JSON ({@code hoheit-auditor-report/1}) or a self-contained HTML page ({@code ?format=html}). */
    private void verification(Context ctx) {
        Access.require(ctx, Role.AUDITOR, Role.OPERATOR);
        var report = retention.verify();
        if ("html".equals(ctx.queryParam("format"))) {
            ctx.contentType("text/html; charset=utf-8").result(report.toHtml());
        } else {
            ctx.contentType("application/json").result(report.toJson());
        }
    }

    /** The latest retention runs, newest first, with what each store did for each policy. */
    private void runs(Context ctx) {
        Access.require(ctx, Role.AUDITOR, Role.OPERATOR);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (RunReport run : retention.runs(50)) {
            runs.add(runJson(run));
        }
        ctx.json(Paging.slice(ctx, "runs", runs));
    }

    /** The operator starts a retention run now (the scheduler runs one every hour); it is recorded like any run. */
    private void runNow(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        RunReport run = retention.runDuePolicies();
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.CREATE,
                Resource.of("retention-run", run.runId().toString())).from(Web.client(ctx)));
        ctx.json(runJson(run));
    }

    private static Map<String, Object> runJson(RunReport run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", run.runId().toString());
        json.put("trigger", run.trigger().name());
        json.put("startedAt", run.startedAt().toString());
        json.put("finishedAt", run.finishedAt().map(Object::toString).orElse(null));
        json.put("outcome", run.outcome().name());
        json.put("affected", run.affected());
        json.put("steps", run.steps().stream().map(AuditorRoutes::stepJson).toList());
        return json;
    }

    /**
     * The signed checkpoints: JSON with each signature checked against this log's key, JSON lines for
     * the command-line verifier ({@code ?format=jsonl}), the newest checkpoint as its signed note
     * ({@code ?format=note}, as at {@code /log/checkpoint}), the note verifier key ({@code ?format=vkey})
     * or the PEM public key ({@code ?format=pem}).
     */
    private void checkpoints(Context ctx) {
        Access.require(ctx, Role.AUDITOR, Role.OPERATOR);
        String format = ctx.queryParam("format");
        if ("jsonl".equals(format)) {
            ctx.header("Content-Disposition", "attachment; filename=\"checkpoints.jsonl\"");
            ctx.contentType("application/x-ndjson").result(audit.checkpoints().stream().map(c -> c.toJson() + "\n")
                    .collect(Collectors.joining()));
        } else if ("pem".equals(format)) {
            ctx.header("Content-Disposition", "attachment; filename=\"audit-signing.pub\"");
            ctx.contentType("application/x-pem-file").result(audit.publicKeyPem());
        } else if ("note".equals(format)) {
            Checkpoint latest = audit.latestCheckpoint().orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.NO_CHECKPOINT,
                    "the audit log has no checkpoint yet: seal one first"));
            ctx.header("Content-Disposition", "attachment; filename=\"checkpoint.txt\"");
            ctx.contentType("text/plain; charset=utf-8").result(latest.note().getBytes(StandardCharsets.UTF_8));
        } else if ("vkey".equals(format)) {
            ctx.header("Content-Disposition", "attachment; filename=\"audit-log.vkey\"");
            ctx.contentType("text/plain; charset=utf-8").result(audit.verifierKey() + "\n");
        } else if (format == null || "json".equals(format)) {
            List<NoteVerifier> keys = List.of(NoteVerifier.parse(audit.verifierKey()));
            ObjectNode body = Web.JSON.createObjectNode().put("publicKey", audit.publicKeyPem())
                    .put("verifierKey", audit.verifierKey()).put("origin", audit.origin());
            ArrayNode list = body.putArray("checkpoints");
            audit.checkpoints().forEach(checkpoint -> list.add(checkpointJson(checkpoint, keys)));
            ctx.contentType("application/json").result(body.toString());
        } else {
            throw AppException.badRequest(ErrorCode.FORMAT_INVALID.with("formats", "json, jsonl, note, vkey, pem"), "format is json, jsonl, note, vkey or pem");
        }
    }

    /** Seals a checkpoint of the audit log's head now (or returns the head's, if it is sealed already). */
    private void seal(Context ctx) {
        Account caller = Access.require(ctx, Role.AUDITOR, Role.OPERATOR);
        Checkpoint checkpoint = audit.seal();
        String role = caller.is(Role.AUDITOR) ? Role.AUDITOR.id() : Role.OPERATOR.id();
        audit.append(AuditEvent.of(Actor.of(caller.id(), role), AuditAction.CREATE,
                Resource.of("audit-checkpoint", Long.toString(checkpoint.size()))).from(Web.client(ctx)));
        ctx.status(201).contentType("application/json")
                .result(checkpointJson(checkpoint, List.of(NoteVerifier.parse(audit.verifierKey()))).toString());
    }

    /**
     * A checkpoint as exported, whether it is signed by this log's current key, and the fields of the
     * hash-chain checkpoints before 0.2 (seq, headHash, keyId) for older readers.
     */
    private static ObjectNode checkpointJson(Checkpoint checkpoint, List<NoteVerifier> logKeys) {
        try {
            ObjectNode json = (ObjectNode) Web.JSON.readTree(checkpoint.toJson());
            json.put("seq", checkpoint.size());
            json.put("headHash", checkpoint.rootHash());
            Note note = Note.parse(checkpoint.note());
            note.signatures().stream().filter(signature -> signature.keyName().equals(checkpoint.origin())).findFirst()
                    .ifPresent(signature -> json.put("keyId", String.format("%08x", signature.keyId())));
            json.put("signatureValid", signedBy(checkpoint, logKeys));
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checkpoint always serialises", e);
        }
    }

    /** A signature by a trusted key that fails to verify is a broken checkpoint, not a failed request. */
    private static boolean signedBy(Checkpoint checkpoint, List<NoteVerifier> logKeys) {
        try {
            return checkpoint.signedBy(logKeys);
        } catch (TlogException e) {
            return false;
        }
    }

    private static Map<String, Object> stepJson(StepReport step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("category", step.category());
        json.put("store", step.store());
        json.put("action", step.action().name());
        json.put("cutoff", step.cutoff().toString());
        json.put("affected", step.affected());
        json.put("status", step.status().name());
        step.error().ifPresent(error -> json.put("error", error));
        return json;
    }
}
