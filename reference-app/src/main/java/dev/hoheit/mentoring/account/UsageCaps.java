package dev.hoheit.mentoring.account;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_ACCOUNT;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_MESSAGE;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_PICTURE;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_SMOFF_SESSION;

import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.AppLimits;
import dev.hoheit.mentoring.core.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Per-account caps ({@link AppLimits}): Smoff-Time entries per day, pictures kept, messages per
 * minute; beyond a cap the request is refused with 429 and a message. Each check locks the account's
 * row in the request's transaction, so parallel requests of one account are counted one after the
 * other and cannot together pass a cap.
 */
public final class UsageCaps {

    private final DSLContext db;
    private final AppLimits limits;
    private final Clock clock;

    public UsageCaps(DSLContext db, AppLimits limits, Clock clock) {
        this.db = db;
        this.limits = limits;
        this.clock = clock;
    }

    /** Before recording a Smoff-Time entry: at most {@link AppLimits#smoffEntriesPerDay()} per UTC day. */
    public void smoffEntry(String accountId) {
        lock(accountId);
        Instant now = clock.instant();
        Instant dayStart = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        int today = db.fetchCount(APP_SMOFF_SESSION, APP_SMOFF_SESSION.ACCOUNT_ID.eq(accountId)
                .and(APP_SMOFF_SESSION.CREATED_AT.ge(dayStart)));
        if (today >= limits.smoffEntriesPerDay()) {
            throw AppException.tooMany(ErrorCode.SMOFF_TIME_DAILY_LIMIT.with("count", today), "you have recorded " + today + " Smoff-Time entries today, the most one day allows;"
                    + " please record more tomorrow (UTC)", Duration.between(now, dayStart.plus(Duration.ofDays(1))));
        }
    }

    /** Before storing a picture: at most {@link AppLimits#picturesPerAccount()} per account. */
    public void picture(String accountId) {
        lock(accountId);
        int kept = db.fetchCount(APP_PICTURE, APP_PICTURE.ACCOUNT_ID.eq(accountId));
        if (kept >= limits.picturesPerAccount()) {
            throw AppException.tooMany(ErrorCode.PICTURES_LIMIT.with("count", kept), "you keep " + kept + " pictures, the most an account may keep;"
                    + " please delete some you no longer need before uploading more", null);
        }
    }

    /** Before sending a message: at most {@link AppLimits#messagesPerMinute()} per sender and minute. */
    public void message(String senderId) {
        lock(senderId);
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofMinutes(1));
        var recent = db.select(APP_MESSAGE.CREATED_AT).from(APP_MESSAGE)
                .where(APP_MESSAGE.MENTEE_ID.eq(senderId).or(APP_MESSAGE.MENTOR_ID.eq(senderId)))
                .and(APP_MESSAGE.SENDER_ID.eq(senderId)).and(APP_MESSAGE.CREATED_AT.gt(since))
                .orderBy(APP_MESSAGE.CREATED_AT).fetch(APP_MESSAGE.CREATED_AT);
        if (recent.size() >= limits.messagesPerMinute()) {
            Duration wait = Duration.between(now, recent.get(recent.size() - limits.messagesPerMinute()).plus(Duration.ofMinutes(1)));
            throw AppException.tooMany(ErrorCode.MESSAGES_LIMIT.with("count", recent.size()), "you have sent " + recent.size() + " messages in the last minute, the most allowed;"
                    + " please wait a moment", wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
        }
    }

    /** Locks the account's row until the request's transaction ends: one cap check of an account at a time. */
    private void lock(String accountId) {
        db.select(APP_ACCOUNT.ACCOUNT_ID).from(APP_ACCOUNT).where(APP_ACCOUNT.ACCOUNT_ID.eq(accountId)).forUpdate().fetch();
    }
}
