package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_CLIENT_KEY;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_PERSON_KEY;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_V1_SUBJECT_KEY;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.Record2;
import dev.hoheit.transaction.internal.Library;
import org.jooq.exception.DataAccessException;

/**
 * The per-person and per-day data keys, stored wrapped by the master key and cached for a short time.
 *
 * <p>A person's stored key {@code k} yields an encryption key {@code HMAC(k, "enc")} and the tag
 * their entries carry, {@code HMAC(k, "tag")}: once {@code k} is destroyed, neither the fields nor
 * the tag can be linked to the person again. The key row itself is found by
 * {@code id_tag = HMAC(lookup key, person id)}, where the lookup key is derived from the master key:
 * no person's id is stored in clear, and without the master key the rows cannot be attributed.
 */
final class KeyRing {

    /** A person's keys. */
    record PersonKey(String idTag, String tag, SecretKey encryption) {
    }

    private record Cached<T>(T value, long expiresAt) {
    }

    private static final int MAX_CACHED = 50_000;

    private final DSLContext db;
    private final SecretKey master;
    private final Clock clock;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Cached<PersonKey>> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Cached<Optional<PersonKey>>> byTag = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Cached<Optional<SecretKey>>> byDay = new ConcurrentHashMap<>();

    private final byte[] lookupKey;

    KeyRing(DSLContext db, SecretKey master, Clock clock, Duration ttl) {
        this.db = db;
        this.master = master;
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
        this.lookupKey = Crypto.hmac(master.getEncoded(), "hoheit-audit-person-lookup");
    }

    /** The tag a person's key row is found by. */
    String idTag(String subjectId) {
        return Crypto.base64Url(Crypto.hmac(lookupKey, "person:" + subjectId));
    }

    /**
     * Moves the keys of schema version 1 (stored beside the person's id in clear) to
     * {@code audit_person_key}, re-wrapped under the id tag, and deletes the old rows. Runs in one
     * transaction; returns how many keys moved.
     */
    int moveVersionOneKeys() {
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            int moved = 0;
            for (var row : tx.selectFrom(AUDIT_V1_SUBJECT_KEY).forUpdate().fetch()) {
                String idTag = idTag(row.getSubjectId());
                byte[] raw = Crypto.decrypt(master, row.getWrappedKey(), "person:" + row.getSubjectId());
                Database.insertUnlessDuplicate(tx.insertInto(AUDIT_PERSON_KEY)
                        .set(AUDIT_PERSON_KEY.ID_TAG, idTag)
                        .set(AUDIT_PERSON_KEY.TAG, row.getTag())
                        .set(AUDIT_PERSON_KEY.WRAPPED_KEY, Crypto.encrypt(master, raw, "person:" + idTag))
                        .set(AUDIT_PERSON_KEY.CREATED_AT, row.getCreatedAt()), AUDIT_PERSON_KEY.ID_TAG);
                Arrays.fill(raw, (byte) 0);
                tx.deleteFrom(AUDIT_V1_SUBJECT_KEY).where(AUDIT_V1_SUBJECT_KEY.SUBJECT_ID.eq(row.getSubjectId())).execute();
                moved++;
            }
            return moved;
        });
    }

    /** The person's keys, created on first use. */
    PersonKey personKey(String subjectId) {
        Cached<PersonKey> cached = byId.get(subjectId);
        if (cached != null && cached.expiresAt() - System.nanoTime() > 0) {
            return cached.value();
        }
        prefetch(List.of(subjectId));
        Cached<PersonKey> created = byId.get(subjectId);
        // Another thread may have emptied the cache (it is cleared when full) since: read the stored key.
        return created != null ? created.value() : loadPerson(subjectId).orElseThrow();
    }

    /**
     * Makes sure the keys of {@code subjectIds} are cached, creating the missing ones: one query for
     * the known keys and one multi-row insert for the first-seen persons, instead of a round trip
     * (or three) per person. The integrator calls it once per batch.
     */
    void prefetch(java.util.Collection<String> subjectIds) {
        java.util.Map<String, String> missing = new java.util.LinkedHashMap<>(); // id tag -> subject id
        for (String subjectId : subjectIds) {
            Cached<PersonKey> cached = byId.get(subjectId);
            if (cached == null || cached.expiresAt() - System.nanoTime() <= 0) {
                missing.put(idTag(subjectId), subjectId);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        loadAll(missing);
        if (missing.isEmpty()) {
            return;
        }
        List<String> tags = new ArrayList<>(missing.keySet());
        for (int from = 0; from < tags.size(); from += 500) {
            var insert = db.insertInto(AUDIT_PERSON_KEY, AUDIT_PERSON_KEY.ID_TAG, AUDIT_PERSON_KEY.TAG,
                    AUDIT_PERSON_KEY.WRAPPED_KEY, AUDIT_PERSON_KEY.CREATED_AT);
            for (String idTag : tags.subList(from, Math.min(tags.size(), from + 500))) {
                byte[] raw = Crypto.randomBytes(32);
                insert = insert.values(idTag, Crypto.base64Url(Crypto.hmac(raw, "hoheit-audit-tag")),
                        Crypto.encrypt(master, raw, "person:" + idTag), clock.instant());
                Arrays.fill(raw, (byte) 0);
            }
            var batch = insert;
            insertUnlessPresent(() -> Database.insertUnlessDuplicate(batch, AUDIT_PERSON_KEY.ID_TAG));
        }
        // Another writer may have created some first: the stored keys win.
        loadAll(missing);
    }

    /** Loads and caches the stored keys among {@code missing} (id tag -> subject id), removing them from it. */
    private void loadAll(java.util.Map<String, String> missing) {
        List<String> tags = new ArrayList<>(missing.keySet());
        for (int from = 0; from < tags.size(); from += 1_000) {
            for (Record2<String, byte[]> row : db.select(AUDIT_PERSON_KEY.ID_TAG, AUDIT_PERSON_KEY.WRAPPED_KEY)
                    .from(AUDIT_PERSON_KEY).where(AUDIT_PERSON_KEY.ID_TAG.in(tags.subList(from, Math.min(tags.size(), from + 1_000))))
                    .fetch()) {
                PersonKey key = unwrapPerson(row);
                String subjectId = missing.remove(key.idTag());
                remember(byId, subjectId, key);
                remember(byTag, key.tag(), Optional.of(key));
            }
        }
    }

    /** The person's keys if they exist (never creates one). */
    Optional<PersonKey> existingPersonKey(String subjectId) {
        Cached<PersonKey> cached = byId.get(subjectId);
        if (cached != null && cached.expiresAt() - System.nanoTime() > 0) {
            return Optional.of(cached.value());
        }
        Optional<PersonKey> key = loadPerson(subjectId);
        key.ifPresent(k -> {
            remember(byId, subjectId, k);
            remember(byTag, k.tag(), Optional.of(k));
        });
        return key;
    }

    /** The keys behind a tag, unless destroyed. */
    Optional<PersonKey> byTag(String tag) {
        Cached<Optional<PersonKey>> cached = byTag.get(tag);
        if (cached != null && cached.expiresAt() - System.nanoTime() > 0) {
            return cached.value();
        }
        Optional<PersonKey> key = db.select(AUDIT_PERSON_KEY.ID_TAG, AUDIT_PERSON_KEY.WRAPPED_KEY)
                .from(AUDIT_PERSON_KEY).where(AUDIT_PERSON_KEY.TAG.eq(tag))
                .fetchOptional().map(this::unwrapPerson);
        remember(byTag, tag, key);
        return key;
    }

    /**
     * Destroys a person's key in the transaction of {@code tx} (the integrator's, with the ERASE
     * entry); returns the tag it had, if any. Call {@link #forget} once it commits.
     */
    Optional<String> destroyPersonKey(DSLContext tx, String subjectId) {
        Optional<String> tag = tx.select(AUDIT_PERSON_KEY.TAG).from(AUDIT_PERSON_KEY)
                .where(AUDIT_PERSON_KEY.ID_TAG.eq(idTag(subjectId))).fetchOptional(AUDIT_PERSON_KEY.TAG);
        tx.deleteFrom(AUDIT_PERSON_KEY).where(AUDIT_PERSON_KEY.ID_TAG.eq(idTag(subjectId))).execute();
        return tag;
    }

    /** Drops a person's cached keys (after their key was destroyed). */
    void forget(String subjectId, String tag) {
        byId.remove(subjectId);
        if (tag != null) {
            byTag.remove(tag);
        }
    }

    /** The client-data key of a day, created on first use. */
    SecretKey dayKey(int epochDay) {
        Optional<SecretKey> key = existingDayKey(epochDay);
        if (key.isPresent()) {
            return key.get();
        }
        byte[] raw = Crypto.randomBytes(32);
        insertUnlessPresent(() -> Database.insertUnlessDuplicate(db.insertInto(AUDIT_CLIENT_KEY)
                .set(AUDIT_CLIENT_KEY.EPOCH_DAY, epochDay)
                .set(AUDIT_CLIENT_KEY.WRAPPED_KEY, Crypto.encrypt(master, raw, "day:" + epochDay))
                .set(AUDIT_CLIENT_KEY.CREATED_AT, clock.instant()), AUDIT_CLIENT_KEY.EPOCH_DAY));
        Arrays.fill(raw, (byte) 0);
        byDay.remove(epochDay);
        return existingDayKey(epochDay).orElseThrow();
    }

    /** The client-data key of a day, unless destroyed. */
    Optional<SecretKey> existingDayKey(int epochDay) {
        Cached<Optional<SecretKey>> cached = byDay.get(epochDay);
        if (cached != null && cached.value().isPresent() && cached.expiresAt() - System.nanoTime() > 0) {
            return cached.value();
        }
        Optional<SecretKey> key = db.select(AUDIT_CLIENT_KEY.WRAPPED_KEY).from(AUDIT_CLIENT_KEY)
                .where(AUDIT_CLIENT_KEY.EPOCH_DAY.eq(epochDay))
                .fetchOptional(AUDIT_CLIENT_KEY.WRAPPED_KEY)
                .map(wrapped -> (SecretKey) new SecretKeySpec(Crypto.decrypt(master, wrapped, "day:" + epochDay), "AES"));
        remember(byDay, epochDay, key);
        return key;
    }

    /** Destroys the client-data keys of days before {@code epochDay}; returns how many. */
    int destroyDayKeysBefore(int epochDay) {
        int destroyed = db.deleteFrom(AUDIT_CLIENT_KEY).where(AUDIT_CLIENT_KEY.EPOCH_DAY.lt(epochDay)).execute();
        byDay.keySet().removeIf(day -> day < epochDay);
        return destroyed;
    }

    private Optional<PersonKey> loadPerson(String subjectId) {
        return db.select(AUDIT_PERSON_KEY.ID_TAG, AUDIT_PERSON_KEY.WRAPPED_KEY)
                .from(AUDIT_PERSON_KEY).where(AUDIT_PERSON_KEY.ID_TAG.eq(idTag(subjectId)))
                .fetchOptional().map(this::unwrapPerson);
    }

    /**
     * Runs an insert-or-ignore. H2 emulates it with MERGE, which a concurrent writer can still beat
     * with a unique violation; the row exists then, which is all that was wanted.
     */
    private static void insertUnlessPresent(Runnable insert) {
        try {
            insert.run();
        } catch (DataAccessException e) {
            if (!Library.isConstraintViolation(e)) {
                throw e;
            }
        }
    }

    private PersonKey unwrapPerson(Record2<String, byte[]> row) {
        String idTag = row.value1();
        byte[] raw = Crypto.decrypt(master, row.value2(), "person:" + idTag);
        PersonKey key = new PersonKey(idTag, Crypto.base64Url(Crypto.hmac(raw, "hoheit-audit-tag")),
                new SecretKeySpec(Crypto.hmac(raw, "hoheit-audit-enc"), "AES"));
        Arrays.fill(raw, (byte) 0);
        return key;
    }

    private <K, V> void remember(ConcurrentHashMap<K, Cached<V>> cache, K key, V value) {
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, new Cached<>(value, System.nanoTime() + ttlNanos));
    }
}
