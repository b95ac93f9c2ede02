package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_COSIGNATURE;

import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.WitnessEndpoint;
import dev.hoheit.audit.internal.witness.WitnessClient;
import dev.hoheit.audit.tlog.AddCheckpointRequest;
import dev.hoheit.audit.tlog.CosignatureVerifier;
import dev.hoheit.audit.tlog.NoteSignature;
import dev.hoheit.audit.tlog.TileMissingException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits new checkpoints to the configured witnesses (C2SP tlog-witness) with a consistency proof
 * from the newest checkpoint each witness cosigned, and stores the cosignatures they return.
 * Automatic seals are submitted in the background, explicit ones wait for the witnesses.
 */
final class Witnessing implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Witnessing.class);
    private static final int ATTEMPTS = 3;

    private final DSLContext db;
    private final List<WitnessEndpoint> witnesses;
    private final TileStore tiles;
    private final WitnessClient client;
    private final ExecutorService background;

    Witnessing(DSLContext db, List<WitnessEndpoint> witnesses, TileStore tiles) {
        this.db = db;
        this.witnesses = List.copyOf(witnesses);
        this.tiles = tiles;
        this.client = witnesses.isEmpty() ? null
                : new WitnessClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(10));
        this.background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hoheit-audit-witnessing");
            thread.setDaemon(true);
            return thread;
        });
    }

    boolean enabled() {
        return !witnesses.isEmpty();
    }

    /** Submits {@code checkpoint} in the background. */
    Future<?> submitLater(Checkpoint checkpoint) {
        return background.submit(() -> submit(checkpoint));
    }

    /** Submits {@code checkpoint} to every witness and waits; returns how many cosigned it. */
    int submit(Checkpoint checkpoint) {
        int cosigned = 0;
        for (WitnessEndpoint witness : witnesses) {
            try {
                if (submitTo(witness, checkpoint)) {
                    cosigned++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Submitting the checkpoint of size {} to witness {} failed: {}", checkpoint.size(), witness.name(),
                        e.toString());
            }
        }
        return cosigned;
    }

    private boolean submitTo(WitnessEndpoint witness, Checkpoint checkpoint) {
        CosignatureVerifier verifier = witness.verifier();
        if (alreadyCosigned(verifier, checkpoint.size())) {
            return true;
        }
        long oldSize = latestCosigned(verifier).orElse(0);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (oldSize > checkpoint.size()) {
                LOG.error("Witness {} has cosigned a tree of {} entries, larger than this checkpoint's {}:"
                        + " this log's database may have been rolled back", witness.name(), oldSize, checkpoint.size());
                return false;
            }
            List<byte[]> proof;
            try {
                proof = oldSize == 0 || oldSize == checkpoint.size() ? List.of()
                        : tiles.tree().consistencyProof(oldSize, checkpoint.size());
            } catch (TileMissingException e) {
                LOG.warn("Witness {} last cosigned size {}, whose tiles are purged; it cannot be caught up", witness.name(), oldSize);
                return false;
            }
            WitnessClient.Result result = client.addCheckpoint(witness.url(),
                    new AddCheckpointRequest(oldSize, proof, checkpoint.note()));
            if (result instanceof WitnessClient.Cosigned cosigned) {
                return store(witness, verifier, checkpoint, cosigned.cosignatures());
            }
            if (result instanceof WitnessClient.Conflict conflict) {
                oldSize = conflict.latestSize();
                continue;
            }
            LOG.warn("Witness {} did not cosign the checkpoint of size {}: {}", witness.name(), checkpoint.size(), result);
            return false;
        }
        return false;
    }

    private boolean store(WitnessEndpoint witness, CosignatureVerifier verifier, Checkpoint checkpoint, List<NoteSignature> signatures) {
        String text = checkpoint.text();
        for (NoteSignature signature : signatures) {
            if (!signature.keyName().equals(verifier.name()) || signature.keyId() != verifier.keyId()) {
                continue;
            }
            OptionalLong at = verifier.verify(text, signature);
            if (at.isEmpty()) {
                LOG.warn("Witness {} returned a cosignature that does not verify; ignored", witness.name());
                continue;
            }
            Database.insertUnlessDuplicate(db.insertInto(AUDIT_COSIGNATURE)
                    .set(AUDIT_COSIGNATURE.TREE_SIZE, checkpoint.size())
                    .set(AUDIT_COSIGNATURE.WITNESS, verifier.name())
                    .set(AUDIT_COSIGNATURE.KEY_ID, verifier.keyId())
                    .set(AUDIT_COSIGNATURE.SIGNED_AT, Instant.ofEpochSecond(at.getAsLong()))
                    .set(AUDIT_COSIGNATURE.SIGNATURE_LINE, signature.line()), AUDIT_COSIGNATURE.TREE_SIZE);
            return true;
        }
        LOG.warn("Witness {} answered without a valid cosignature by its configured key", witness.name());
        return false;
    }

    private boolean alreadyCosigned(CosignatureVerifier verifier, long size) {
        return db.fetchExists(AUDIT_COSIGNATURE, AUDIT_COSIGNATURE.TREE_SIZE.eq(size)
                .and(AUDIT_COSIGNATURE.WITNESS.eq(verifier.name())).and(AUDIT_COSIGNATURE.KEY_ID.eq(verifier.keyId())));
    }

    private OptionalLong latestCosigned(CosignatureVerifier verifier) {
        Long size = db.select(DSL.max(AUDIT_COSIGNATURE.TREE_SIZE)).from(AUDIT_COSIGNATURE)
                .where(AUDIT_COSIGNATURE.WITNESS.eq(verifier.name()).and(AUDIT_COSIGNATURE.KEY_ID.eq(verifier.keyId())))
                .fetchOne(0, Long.class);
        return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /** Waits until the background submissions queued so far are done. */
    void awaitIdle() {
        try {
            background.submit(() -> { }).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("Witness submissions did not finish in time: {}", e.toString());
        }
    }

    @Override
    public void close() {
        background.shutdown();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
