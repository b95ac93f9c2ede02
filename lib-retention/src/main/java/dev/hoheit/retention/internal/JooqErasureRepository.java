package dev.hoheit.retention.internal;

import static dev.hoheit.retention.internal.jooq.Tables.RETENTION_ERASURE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoheit.retention.ErasureReceipt;
import dev.hoheit.retention.RetentionException;
import dev.hoheit.retention.StoreErasure;
import dev.hoheit.retention.internal.jooq.tables.records.RetentionErasureRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Erasure requests and their receipts. The subject id is cleared once the erasure is complete. */
final class JooqErasureRepository {

    /** An incomplete erasure that still needs its subject id. */
    record Pending(UUID id, String subjectId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    void create(DSLContext ctx, UUID id, String subjectId, String requestedBy, Instant at) {
        ctx.insertInto(RETENTION_ERASURE)
                .set(RETENTION_ERASURE.ERASURE_ID, id.toString())
                .set(RETENTION_ERASURE.SUBJECT_ID, subjectId)
                .set(RETENTION_ERASURE.REQUESTED_AT, at)
                .set(RETENTION_ERASURE.REQUESTED_BY, requestedBy)
                .set(RETENTION_ERASURE.STATUS, "INCOMPLETE")
                .set(RETENTION_ERASURE.ATTEMPTS, 0)
                .set(RETENTION_ERASURE.RESULTS, "[]")
                .execute();
    }

    /** Stores an attempt's results; a complete erasure forgets the subject id. */
    void record(DSLContext ctx, UUID id, List<StoreErasure> results, boolean complete, Instant at) {
        var update = ctx.update(RETENTION_ERASURE)
                .set(RETENTION_ERASURE.RESULTS, json(results))
                .set(RETENTION_ERASURE.ATTEMPTS, RETENTION_ERASURE.ATTEMPTS.plus(1))
                .set(RETENTION_ERASURE.STATUS, complete ? "COMPLETE" : "INCOMPLETE");
        if (complete) {
            update.set(RETENTION_ERASURE.COMPLETED_AT, at).set(RETENTION_ERASURE.SUBJECT_ID, (String) null)
                    .where(RETENTION_ERASURE.ERASURE_ID.eq(id.toString())).execute();
        } else {
            update.where(RETENTION_ERASURE.ERASURE_ID.eq(id.toString())).execute();
        }
    }

    List<Pending> incomplete(DSLContext ctx) {
        return ctx.select(RETENTION_ERASURE.ERASURE_ID, RETENTION_ERASURE.SUBJECT_ID).from(RETENTION_ERASURE)
                .where(RETENTION_ERASURE.STATUS.eq("INCOMPLETE")).orderBy(RETENTION_ERASURE.REQUESTED_AT)
                .fetch(r -> new Pending(UUID.fromString(r.value1()), r.value2()));
    }

    Optional<ErasureReceipt> receipt(DSLContext ctx, UUID id) {
        return ctx.selectFrom(RETENTION_ERASURE).where(RETENTION_ERASURE.ERASURE_ID.eq(id.toString()))
                .fetchOptional(JooqErasureRepository::toReceipt);
    }

    List<ErasureReceipt> latest(DSLContext ctx, int limit) {
        return ctx.selectFrom(RETENTION_ERASURE).orderBy(RETENTION_ERASURE.REQUESTED_AT.desc())
                .limit(limit).fetch(JooqErasureRepository::toReceipt);
    }

    List<ErasureReceipt> allIncomplete(DSLContext ctx) {
        return ctx.selectFrom(RETENTION_ERASURE).where(RETENTION_ERASURE.STATUS.eq("INCOMPLETE"))
                .orderBy(RETENTION_ERASURE.REQUESTED_AT).fetch(JooqErasureRepository::toReceipt);
    }

    long countPendingFor(DSLContext ctx, String subjectId) {
        return ctx.fetchCount(RETENTION_ERASURE, RETENTION_ERASURE.SUBJECT_ID.eq(subjectId));
    }

    private static ErasureReceipt toReceipt(RetentionErasureRecord r) {
        return new ErasureReceipt(UUID.fromString(r.getErasureId()), r.getRequestedAt(), r.getRequestedBy(),
                "COMPLETE".equals(r.getStatus()), Optional.ofNullable(r.getCompletedAt()), r.getAttempts(), results(r.getResults()));
    }

    static String json(List<StoreErasure> results) {
        ArrayNode array = JSON.createArrayNode();
        for (StoreErasure result : results) {
            ObjectNode node = array.addObject();
            node.put("store", result.store());
            node.put("erased", result.erased());
            result.error().ifPresent(error -> node.put("error", error));
        }
        return array.toString();
    }

    static List<StoreErasure> results(String json) {
        try {
            List<StoreErasure> results = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                results.add(new StoreErasure(node.get("store").asText(), node.get("erased").asLong(),
                        node.hasNonNull("error") ? Optional.of(node.get("error").asText()) : Optional.empty()));
            }
            return results;
        } catch (JsonProcessingException e) {
            throw new RetentionException(RetentionException.Problem.STORAGE, "stored erasure results are unreadable", e);
        }
    }
}
