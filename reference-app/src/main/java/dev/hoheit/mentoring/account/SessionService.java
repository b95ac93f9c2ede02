package dev.hoheit.mentoring.account;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_SESSION;

import dev.hoheit.mentoring.internal.jooq.tables.records.AppSessionRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Sessions in the database, so any instance can serve any request. A session ends after 30 minutes
 * without use or 12 hours after login, whichever comes first. Tokens are 256 random bits; only their
 * SHA-256 is stored, so a database leak yields no usable session.
 */
public final class SessionService {

    /** Idle timeout. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** Absolute timeout. */
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A new session: the token goes into the cookie, the CSRF token to the client. */
    public record Created(String token, String csrfToken) {
    }

    /** A live session. */
    public record Session(String tokenHash, String accountId, String csrfHash) {

        /** Whether {@code csrfToken} is this session's, in constant time. */
        public boolean acceptsCsrf(String csrfToken) {
            return csrfToken != null && MessageDigest.isEqual(sha256(csrfToken).getBytes(StandardCharsets.US_ASCII),
                    csrfHash.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private final DSLContext db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SessionService(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Created create(String accountId) {
        String token = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        db.insertInto(APP_SESSION)
                .set(APP_SESSION.TOKEN_HASH, sha256(token))
                .set(APP_SESSION.ACCOUNT_ID, accountId)
                .set(APP_SESSION.CSRF_HASH, sha256(csrf))
                .set(APP_SESSION.CREATED_AT, now)
                .set(APP_SESSION.LAST_SEEN_AT, now)
                .set(APP_SESSION.EXPIRES_AT, now.plus(ABSOLUTE))
                .execute();
        return new Created(token, csrf);
    }

    /** The live session behind a cookie token; an expired one is deleted on sight. */
    public Optional<Session> resolve(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        String hash = sha256(token);
        AppSessionRecord row = db.selectFrom(APP_SESSION).where(APP_SESSION.TOKEN_HASH.eq(hash)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(row.getExpiresAt()) || !now.isBefore(row.getLastSeenAt().plus(IDLE))) {
            db.deleteFrom(APP_SESSION).where(APP_SESSION.TOKEN_HASH.eq(hash)).execute();
            return Optional.empty();
        }
        if (now.isAfter(row.getLastSeenAt().plus(TOUCH_EVERY))) {
            db.update(APP_SESSION).set(APP_SESSION.LAST_SEEN_AT, now).where(APP_SESSION.TOKEN_HASH.eq(hash)).execute();
        }
        return Optional.of(new Session(hash, row.getAccountId(), row.getCsrfHash()));
    }

    public void end(String tokenHash) {
        db.deleteFrom(APP_SESSION).where(APP_SESSION.TOKEN_HASH.eq(tokenHash)).execute();
    }

    /** Ends every session of an account (password change, deletion, lost mentor rights). */
    public int endAll(String accountId) {
        return db.deleteFrom(APP_SESSION).where(APP_SESSION.ACCOUNT_ID.eq(accountId)).execute();
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
