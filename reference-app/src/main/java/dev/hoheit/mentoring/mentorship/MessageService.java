package dev.hoheit.mentoring.mentorship;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_MESSAGE;

import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.GrantStatus;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.crypto.PersonKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Messages between a mentee and a mentor with an active grant; encrypted under the mentee's key. */
public final class MessageService {

    /** A message. */
    public record Message(String id, String menteeId, String mentorId, String senderId, Optional<String> body, Instant at) {
    }

    private final DSLContext db;
    private final ConsentService consent;
    private final PersonKeys keys;
    private final Clock clock;

    public MessageService(DSLContext db, ConsentService consent, PersonKeys keys, Clock clock) {
        this.db = db;
        this.consent = consent;
        this.keys = keys;
        this.clock = clock;
    }

    /** Sends a message in the conversation of {@code menteeId} and {@code mentorId}. */
    public Message send(String senderId, String menteeId, String mentorId, String body) {
        if (body == null || body.isBlank() || body.length() > 5_000) {
            throw AppException.unprocessable(ErrorCode.MESSAGE_LENGTH.with("max", 5000), "a message has 1 to 5,000 characters");
        }
        boolean connected = consent.grantsOf(menteeId).stream()
                .anyMatch(g -> g.granteeId().equals(mentorId) && g.status() == GrantStatus.ACTIVE);
        if (!connected) {
            throw AppException.forbidden(ErrorCode.MENTOR_RELATION_REQUIRED, "messages need an active mentor relation");
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        db.insertInto(APP_MESSAGE)
                .set(APP_MESSAGE.MESSAGE_ID, id).set(APP_MESSAGE.MENTEE_ID, menteeId).set(APP_MESSAGE.MENTOR_ID, mentorId)
                .set(APP_MESSAGE.SENDER_ID, senderId).set(APP_MESSAGE.BODY_ENC, keys.sealText(menteeId, "message:" + id, body.strip()))
                .set(APP_MESSAGE.CREATED_AT, now).execute();
        return new Message(id, menteeId, mentorId, senderId, Optional.of(body.strip()), now);
    }

    /** Every message a person sent or received, oldest first. */
    public List<Message> of(String accountId) {
        return db.selectFrom(APP_MESSAGE).where(APP_MESSAGE.MENTEE_ID.eq(accountId).or(APP_MESSAGE.MENTOR_ID.eq(accountId)))
                .orderBy(APP_MESSAGE.CREATED_AT, APP_MESSAGE.MESSAGE_ID)
                .fetch(r -> new Message(r.getMessageId(), r.getMenteeId(), r.getMentorId(), r.getSenderId(),
                        keys.openText(r.getMenteeId(), "message:" + r.getMessageId(), r.getBodyEnc()), r.getCreatedAt()));
    }

    long erase(String accountId) {
        return db.deleteFrom(APP_MESSAGE).where(APP_MESSAGE.MENTEE_ID.eq(accountId).or(APP_MESSAGE.MENTOR_ID.eq(accountId))).execute();
    }

    long count(String accountId) {
        return db.fetchCount(APP_MESSAGE, APP_MESSAGE.MENTEE_ID.eq(accountId).or(APP_MESSAGE.MENTOR_ID.eq(accountId)));
    }
}
