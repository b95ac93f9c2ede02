package dev.hoheit.mentoring.account;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_REGISTRATION_THROTTLE;

import dev.hoheit.mentoring.core.AppLimits;
import dev.hoheit.mentoring.core.AppTransactions;
import dev.hoheit.mentoring.internal.jooq.tables.records.AppRegistrationThrottleRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.SecretKey;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * At most {@link AppLimits#registrationsPerHour()} registrations from one client address per hour,
 * counted in the database so that every instance sees the same count. The count is taken in the
 * request's transaction under a row lock held until it ends, so parallel attempts from one address
 * run one after the other and cannot together pass the limit; a registration that fails (a taken
 * nickname, say) is not counted, but it spent its password hash while holding the lock, so an address
 * never costs more than one hash at a time. Addresses are stored only as HMAC tags.
 */
public final class RegistrationThrottle {

    static final Duration WINDOW = Duration.ofHours(1);

    private final DSLContext db;
    private final ThrottleTags tags;
    private final int perWindow;
    private final Clock clock;

    public RegistrationThrottle(DSLContext db, SecretKey masterKey, AppLimits limits, Clock clock) {
        this.db = db;
        this.tags = new ThrottleTags(masterKey, "smoffen-registration-throttle-v1");
        this.perWindow = limits.registrationsPerHour();
        this.clock = clock;
    }

    /** The registrations allowed per client address and hour. */
    public int perHour() {
        return perWindow;
    }

    /**
     * Counts a registration attempt from {@code address}: zero when it may go ahead, else how long
     * until the address may register again (the attempt is then not counted).
     */
    public Duration admit(String address) {
        String tag = tags.tag(address == null ? "" : address);
        Instant now = clock.instant();
        try {
            AppTransactions.atomically(db, t -> ThrottleRows.insertIfAbsent(t, t.insertInto(APP_REGISTRATION_THROTTLE)
                    .set(APP_REGISTRATION_THROTTLE.THROTTLE_KEY, tag).set(APP_REGISTRATION_THROTTLE.WINDOW_START, now)
                    .set(APP_REGISTRATION_THROTTLE.ATTEMPTS, 0), APP_REGISTRATION_THROTTLE.ATTEMPTS));
        } catch (DataAccessException e) {
            if (e.sqlState() == null || !e.sqlState().startsWith("23")) {
                throw e;
            }
            // a parallel attempt inserted the row first: it is counted below like any other
        }
        // Locked until the request's transaction ends: attempts from one address run one after the other,
        // on every instance, and each sees the count the previous one committed.
        AppRegistrationThrottleRecord row = db.selectFrom(APP_REGISTRATION_THROTTLE)
                .where(APP_REGISTRATION_THROTTLE.THROTTLE_KEY.eq(tag)).forUpdate().fetchSingle();
        Instant start = row.getWindowStart();
        int attempts = row.getAttempts();
        if (!start.plus(WINDOW).isAfter(now)) {
            start = now;
            attempts = 0;
        }
        if (attempts >= perWindow) {
            return Duration.between(now, start.plus(WINDOW));
        }
        db.update(APP_REGISTRATION_THROTTLE).set(APP_REGISTRATION_THROTTLE.WINDOW_START, start)
                .set(APP_REGISTRATION_THROTTLE.ATTEMPTS, attempts + 1)
                .where(APP_REGISTRATION_THROTTLE.THROTTLE_KEY.eq(tag)).execute();
        db.deleteFrom(APP_REGISTRATION_THROTTLE).where(APP_REGISTRATION_THROTTLE.WINDOW_START.lt(now.minus(WINDOW.multipliedBy(2))))
                .execute();
        return Duration.ZERO;
    }
}
