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
 * SHA-256 is stored, so a database leak yields no usable session. An account holds at most
 * {@link #MAX_PER_ACCOUNT} sessions: a sign-in beyond that ends the oldest. The person sees her
 * sessions (created, last used, browser) and can end any of them.
 *
 * <p>The CSRF token is derived from the session token (HMAC-SHA256 keyed by it), so every tab of a
 * session can ask for it ({@code GET /api/me}, same origin only) while the database, which holds only
 * hashes, cannot produce it.
 */
public final class SessionService {

    /** Idle timeout. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** Absolute timeout. */
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** Most sessions one account holds at once. */
    public static final int MAX_PER_ACCOUNT = 10;
    private static final int MAX_USER_AGENT = 200;

    /** A session as its owner sees it: a public id, never the token or its hash. */
    public record Listed(String id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String userAgent, boolean current) {
    }

    /** A new session: the token goes into the cookie, the CSRF token to the client. */
    public record Created(String token, String csrfToken) {
    }

    /**
     * A live session.
     *
     * @param csrfToken the session's CSRF token, for a tab that asks for it (never stored)
     */
    public record Session(String tokenHash, String accountId, String csrfHash, String csrfToken) {

        /**
         * Whether {@code given} is this session's CSRF token, in constant time. Sessions created before
         * tokens were derived keep a random one, which only their stored hash knows; it is accepted too.
         */
        public boolean acceptsCsrf(String given) {
            if (given == null) {
                return false;
            }
            byte[] givenHash = sha256(given).getBytes(StandardCharsets.US_ASCII);
            boolean stored = MessageDigest.isEqual(givenHash, csrfHash.getBytes(StandardCharsets.US_ASCII));
            boolean derived = MessageDigest.isEqual(givenHash, sha256(csrfToken).getBytes(StandardCharsets.US_ASCII));
            return stored | derived;
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
        return create(accountId, null);
    }

    /** A new session for a sign-in from a browser with {@code userAgent}; the oldest ends when the account has too many. */
    public Created create(String accountId, String userAgent) {
        String token = randomToken();
        String csrf = csrfOf(token);
        Instant now = clock.instant();
        db.insertInto(APP_SESSION)
                .set(APP_SESSION.TOKEN_HASH, sha256(token))
                .set(APP_SESSION.ACCOUNT_ID, accountId)
                .set(APP_SESSION.CSRF_HASH, sha256(csrf))
                .set(APP_SESSION.CREATED_AT, now)
                .set(APP_SESSION.LAST_SEEN_AT, now)
                .set(APP_SESSION.EXPIRES_AT, now.plus(ABSOLUTE))
                .set(APP_SESSION.SESSION_ID, java.util.UUID.randomUUID().toString())
                .set(APP_SESSION.USER_AGENT, userAgent == null ? null : userAgent.substring(0, Math.min(MAX_USER_AGENT, userAgent.length())))
                .execute();
        var beyondCap = db.select(APP_SESSION.TOKEN_HASH).from(APP_SESSION).where(APP_SESSION.ACCOUNT_ID.eq(accountId))
                .orderBy(APP_SESSION.SESSION_SEQ.desc()).offset(MAX_PER_ACCOUNT).fetch(APP_SESSION.TOKEN_HASH);
        if (!beyondCap.isEmpty()) {
            db.deleteFrom(APP_SESSION).where(APP_SESSION.TOKEN_HASH.in(beyondCap)).execute();
        }
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
        return Optional.of(new Session(hash, row.getAccountId(), row.getCsrfHash(), csrfOf(token)));
    }

    public void end(String tokenHash) {
        db.deleteFrom(APP_SESSION).where(APP_SESSION.TOKEN_HASH.eq(tokenHash)).execute();
    }

    /** The account's live sessions, newest first; {@code currentHash} marks the caller's own. */
    public java.util.List<Listed> list(String accountId, String currentHash) {
        Instant now = clock.instant();
        return db.selectFrom(APP_SESSION).where(APP_SESSION.ACCOUNT_ID.eq(accountId)).and(APP_SESSION.EXPIRES_AT.gt(now))
                .and(APP_SESSION.LAST_SEEN_AT.gt(now.minus(IDLE))).orderBy(APP_SESSION.SESSION_SEQ.desc())
                .fetch(row -> new Listed(row.getSessionId().strip(), row.getCreatedAt(), row.getLastSeenAt(), row.getExpiresAt(),
                        row.getUserAgent(), row.getTokenHash().equals(currentHash)));
    }

    /** Ends one of the account's sessions by its public id; false when the account has no such session. */
    public boolean end(String accountId, String sessionId) {
        return db.deleteFrom(APP_SESSION).where(APP_SESSION.ACCOUNT_ID.eq(accountId)).and(APP_SESSION.SESSION_ID.eq(sessionId)).execute() > 0;
    }

    /** Ends every session of the account but the caller's own ("sign out everywhere else"); returns how many. */
    public int endOthers(String accountId, String currentHash) {
        return db.deleteFrom(APP_SESSION).where(APP_SESSION.ACCOUNT_ID.eq(accountId)).and(APP_SESSION.TOKEN_HASH.ne(currentHash)).execute();
    }

    /** Ends every session of an account (password change, deletion, lost mentor rights). */
    public int endAll(String accountId) {
        return db.deleteFrom(APP_SESSION).where(APP_SESSION.ACCOUNT_ID.eq(accountId)).execute();
    }

    /** The CSRF token of the session with cookie {@code token}: HMAC-SHA256 keyed by the token, base64url. */
    static String csrfOf(String token) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(token.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(CSRF_LABEL));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }

    private static final byte[] CSRF_LABEL = "smoffen-csrf-v1".getBytes(StandardCharsets.US_ASCII);

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
