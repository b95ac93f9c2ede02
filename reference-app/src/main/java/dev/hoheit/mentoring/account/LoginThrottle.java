package dev.hoheit.mentoring.account;

import dev.hoheit.mentoring.core.AppTransactions;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_LOGIN_THROTTLE;

import dev.hoheit.mentoring.internal.jooq.tables.records.AppLoginThrottleRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javax.crypto.SecretKey;
import org.jooq.DSLContext;

/**
 * Slows password guessing: after 5 failures for one nickname or one client address, further
 * attempts are refused for a delay that doubles with every failure, up to 15 minutes. The counts
 * live in the database, so every instance sees the same ones. Nicknames and addresses are stored
 * only as HMAC tags under a key derived from the master key, never logged, and a row is deleted
 * 15 minutes after its block ends.
 */
public final class LoginThrottle {

    private static final int FREE_ATTEMPTS = 5;
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final DSLContext db;
    private final ThrottleTags tags;
    private final Clock clock;

    /**
     * @param db the application's database
     * @param masterKey the controller's master key; the throttle's tag key is derived from it, so
     *                  instances sharing the master key share the counts
     * @param clock decides when a block ends
     */
    public LoginThrottle(DSLContext db, SecretKey masterKey, Clock clock) {
        this.db = db;
        this.tags = new ThrottleTags(masterKey, "smoffen-login-throttle-v1");
        this.clock = clock;
    }

    /** The key of a nickname (any case). */
    public static String nickname(String nickname) {
        return "n:" + (nickname == null ? "" : nickname.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** The key of a client address. */
    public static String client(String address) {
        return "c:" + address;
    }

    /** How long the caller must wait before trying again; zero when allowed now. */
    public Duration waitFor(String... keys) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (Instant until : db.select(APP_LOGIN_THROTTLE.BLOCKED_UNTIL).from(APP_LOGIN_THROTTLE)
                .where(APP_LOGIN_THROTTLE.THROTTLE_KEY.in(Arrays.stream(keys).map(this::tag).toList()))
                .fetch(APP_LOGIN_THROTTLE.BLOCKED_UNTIL)) {
            if (until.isAfter(now) && Duration.between(now, until).compareTo(longest) > 0) {
                longest = Duration.between(now, until);
            }
        }
        return longest;
    }

    /** Counts a failed attempt against every key. */
    public void failed(String... keys) {
        // Microseconds, as the database keeps them: a nanosecond instant would be rounded up when stored and
        // read back as a block a few nanoseconds long (a 429 for the very next attempt on a clock that stands still).
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        for (String key : keys) {
            String tag = tag(key);
            AppTransactions.atomically(db, t -> {
                ThrottleRows.insertIfAbsent(t, t.insertInto(APP_LOGIN_THROTTLE).set(APP_LOGIN_THROTTLE.THROTTLE_KEY, tag)
                        .set(APP_LOGIN_THROTTLE.FAILURES, 0).set(APP_LOGIN_THROTTLE.BLOCKED_UNTIL, now), APP_LOGIN_THROTTLE.FAILURES);
                // Locked, so concurrent failures on several instances each count.
                AppLoginThrottleRecord row = t.selectFrom(APP_LOGIN_THROTTLE).where(APP_LOGIN_THROTTLE.THROTTLE_KEY.eq(tag))
                        .forUpdate().fetchSingle();
                int count = row.getFailures() + 1;
                Instant until = now;
                if (count >= FREE_ATTEMPTS) {
                    long seconds = Math.min(MAX_DELAY.toSeconds(), 1L << Math.min(20, count - FREE_ATTEMPTS + 1));
                    until = now.plusSeconds(seconds);
                }
                t.update(APP_LOGIN_THROTTLE).set(APP_LOGIN_THROTTLE.FAILURES, count).set(APP_LOGIN_THROTTLE.BLOCKED_UNTIL, until)
                        .where(APP_LOGIN_THROTTLE.THROTTLE_KEY.eq(tag)).execute();
            });
        }
        db.deleteFrom(APP_LOGIN_THROTTLE).where(APP_LOGIN_THROTTLE.BLOCKED_UNTIL.lt(now.minus(MAX_DELAY))).execute();
    }

    /** Forgets the failures of a key (a nickname after a successful sign-in). */
    public void succeeded(String key) {
        db.deleteFrom(APP_LOGIN_THROTTLE).where(APP_LOGIN_THROTTLE.THROTTLE_KEY.eq(tag(key))).execute();
    }

    private String tag(String key) {
        return tags.tag(key);
    }
}
