package dev.hoheit.mentoring.account;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_ACCOUNT;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_ACCOUNT_CODE;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_SESSION;

import dev.hoheit.mentoring.crypto.PersonKeys;
import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The account, its key and its sessions, as a store of personal data. */
public final class AccountStore implements PersonalDataStore {

    /** Category of expired sessions (deleted when they expire). */
    public static final String SESSIONS = "sessions";

    private final DSLContext db;
    private final AccountService accounts;
    private final PersonKeys keys;

    public AccountStore(DSLContext db, AccountService accounts, PersonKeys keys) {
        this.db = db;
        this.accounts = accounts;
        this.keys = keys;
    }

    @Override
    public StoreDescriptor descriptor() {
        return new StoreDescriptor("accounts", "Your account: nickname, roles, e-mail address if you gave one, your sessions and your recovery and reset codes (hashes only).",
                List.of(new DataCategory("account", "The account", List.of("nickname", "password hash", "e-mail", "roles", "created",
                                "password change required", "password changed", "first-sign-in explanation read"), false),
                        new DataCategory(SESSIONS, "Login sessions", List.of("created", "last used", "expires", "browser (user agent)"), true),
                        new DataCategory("account-codes", "Recovery and reset codes", List.of("code hash", "kind", "created", "expires", "used"), false)),
                List.of("app_account", "app_person_key", "app_session", "app_account_code"));
    }

    @Override
    public long count(String subjectId) {
        return db.fetchCount(APP_ACCOUNT, APP_ACCOUNT.ACCOUNT_ID.eq(subjectId))
                + db.fetchCount(APP_SESSION, APP_SESSION.ACCOUNT_ID.eq(subjectId))
                + db.fetchCount(APP_ACCOUNT_CODE, APP_ACCOUNT_CODE.ACCOUNT_ID.eq(subjectId));
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        long written = 0;
        Optional<Account> account = accounts.find(subjectId);
        if (account.isPresent()) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("type", "account");
            record.put("id", account.get().id());
            record.put("nickname", account.get().nickname());
            record.put("roles", account.get().roles().stream().map(Role::id).sorted().toList());
            record.put("email", accounts.email(subjectId).orElse(null));
            record.put("createdAt", account.get().createdAt());
            record.put("welcomeSeenAt", accounts.welcomeSeenAt(subjectId).orElse(null));
            sink.record(record);
            written++;
        }
        for (var session : db.selectFrom(APP_SESSION).where(APP_SESSION.ACCOUNT_ID.eq(subjectId)).fetch()) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("type", "session");
            record.put("createdAt", session.getCreatedAt());
            record.put("lastSeenAt", session.getLastSeenAt());
            record.put("expiresAt", session.getExpiresAt());
            record.put("userAgent", session.getUserAgent());
            sink.record(record);
            written++;
        }
        for (var code : accounts.codes().codes(subjectId)) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("type", code.kind() == AccountCodes.Kind.RECOVERY ? "recovery-code" : "reset-code");
            record.put("createdAt", code.createdAt());
            record.put("expiresAt", code.expiresAt().orElse(null));
            record.put("usedAt", code.usedAt().orElse(null));
            sink.record(record);
            written++;
        }
        return written;
    }

    @Override
    public long erase(String subjectId) {
        long erased = db.deleteFrom(APP_SESSION).where(APP_SESSION.ACCOUNT_ID.eq(subjectId)).execute();
        erased += db.deleteFrom(APP_ACCOUNT_CODE).where(APP_ACCOUNT_CODE.ACCOUNT_ID.eq(subjectId)).execute();
        erased += db.deleteFrom(APP_ACCOUNT).where(APP_ACCOUNT.ACCOUNT_ID.eq(subjectId)).execute();
        erased += keys.destroy(subjectId) ? 1 : 0;
        return erased;
    }

    @Override
    public PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects, int limit) {
        if (!SESSIONS.equals(category)) {
            return PurgeBatch.none();
        }
        var expired = DSL.or(APP_SESSION.EXPIRES_AT.lt(cutoff), APP_SESSION.LAST_SEEN_AT.lt(cutoff.minus(SessionService.IDLE)));
        int deleted = db.deleteFrom(APP_SESSION).where(expired).and(APP_SESSION.ACCOUNT_ID.notIn(heldSubjects)).execute();
        return new PurgeBatch(deleted, false);
    }

    @Override
    public Optional<Instant> oldest(String category, Set<String> heldSubjects) {
        if (!SESSIONS.equals(category)) {
            return Optional.empty();
        }
        return Optional.ofNullable(db.select(DSL.min(APP_SESSION.EXPIRES_AT)).from(APP_SESSION)
                .where(APP_SESSION.ACCOUNT_ID.notIn(heldSubjects)).fetchOne(0, Instant.class));
    }
}
