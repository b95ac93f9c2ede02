package dev.hoheit.mentoring.notification;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_NOTIFICATION;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_NOTIFICATION_SETTING;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.AppTransactions;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.crypto.PersonKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * In-app notifications (R21) and the choice of what a person is told. Messages and mentoring news can be
 * switched off; service messages (about the person's own data and account) cannot. An e-mail copy goes
 * only to a person who gave an address and switched e-mail on for that kind; the mailer sends it after
 * the request committed (the outbox is the {@code email_state} column). Nothing is tracked: no read
 * receipts to others, no pixels or per-person links in e-mails.
 */
public final class NotificationService {

    /** What a notification is about, each with its defaults. */
    public enum Kind {
        /** A new message from a mentor or mentee. */
        MESSAGES(true, true),
        /** Mentor requests, assignments, accepted or revoked grants, mentor rights. */
        MENTORING(true, true),
        /** About the person's own data and account: restriction, export, privacy requests. Always shown in the app. */
        SERVICE(false, true);

        private final boolean switchable;
        private final boolean inAppByDefault;

        Kind(boolean switchable, boolean inAppByDefault) {
            this.switchable = switchable;
            this.inAppByDefault = inAppByDefault;
        }

        /** Whether the person can turn the in-app notification off. */
        public boolean switchable() {
            return switchable;
        }

        /** The kind as the API names it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind named {@code name}; 400 otherwise. */
        public static Kind parse(String name) {
            for (Kind kind : values()) {
                if (kind.id().equals(name)) {
                    return kind;
                }
            }
            throw AppException.badRequest(ErrorCode.NOTIFICATION_KIND_INVALID, "kind is messages, mentoring or service");
        }
    }

    /** A person's choice for one kind: in the app (always true for service messages) and by e-mail (off unless chosen). */
    public record Setting(Kind kind, boolean inApp, boolean email) {
    }

    /**
     * A notification: {@code event} names what happened (such as {@code message}), {@code params} fill
     * the console's text in the reader's language (such as who sent it).
     */
    public record Notification(String id, long seq, Kind kind, String event, Map<String, String> params, Instant createdAt, boolean read) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() { };

    private final DSLContext db;
    private final PersonKeys keys;
    private final Function<String, Optional<String>> emailOf;
    private final boolean mailConfigured;
    private final Clock clock;
    private volatile Runnable afterQueued = () -> { };

    /**
     * @param emailOf the address a person gave, if any
     * @param mailConfigured whether the operator configured SMTP; without it no e-mail is queued
     */
    public NotificationService(DSLContext db, PersonKeys keys, Function<String, Optional<String>> emailOf, boolean mailConfigured, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.emailOf = emailOf;
        this.mailConfigured = mailConfigured;
        this.clock = clock;
    }

    /** Called after an e-mail was queued (the mailer wakes up). */
    public void onQueued(Runnable wake) {
        this.afterQueued = wake;
    }

    /** Tells {@code accountId} that {@code event} happened, as the person chose; in the caller's transaction. */
    public void notify(String accountId, Kind kind, String event, Map<String, String> params) {
        Setting setting = settings(accountId).get(kind);
        boolean email = setting.email() && mailConfigured && emailOf.apply(accountId).isPresent();
        if (!setting.inApp() && !email) {
            return;
        }
        String id = UUID.randomUUID().toString();
        String sealed;
        try {
            sealed = JSON.writeValueAsString(Map.of("event", event, "params", params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification could not be written", e);
        }
        db.insertInto(APP_NOTIFICATION)
                .set(APP_NOTIFICATION.NOTIFICATION_ID, id).set(APP_NOTIFICATION.ACCOUNT_ID, accountId)
                .set(APP_NOTIFICATION.KIND, kind.name()).set(APP_NOTIFICATION.EVENT_ENC, keys.sealText(accountId, context(id), sealed))
                .set(APP_NOTIFICATION.CREATED_AT, clock.instant()).set(APP_NOTIFICATION.IN_APP, setting.inApp())
                .set(APP_NOTIFICATION.EMAIL_STATE, email ? "PENDING" : "NONE").set(APP_NOTIFICATION.EMAIL_ATTEMPTS, 0)
                .execute();
        if (email) {
            AppTransactions.afterCommit(afterQueued);
        }
    }

    /** A person's in-app notifications, newest first, at most {@code limit} before position {@code before} (0: the newest). */
    public List<Notification> list(String accountId, long before, int limit) {
        var condition = APP_NOTIFICATION.ACCOUNT_ID.eq(accountId).and(APP_NOTIFICATION.IN_APP.isTrue());
        if (before > 0) {
            condition = condition.and(APP_NOTIFICATION.SEQ.lt(before));
        }
        List<Notification> shown = new ArrayList<>();
        for (var r : db.selectFrom(APP_NOTIFICATION).where(condition).orderBy(APP_NOTIFICATION.SEQ.desc()).limit(limit).fetch()) {
            open(r.getAccountId(), r.getNotificationId(), r.getEventEnc()).ifPresent(e -> shown.add(notification(r.getNotificationId(),
                    r.getSeq(), Kind.valueOf(r.getKind()), e, r.getCreatedAt(), r.getReadAt() != null)));
        }
        return shown;
    }

    /** How many in-app notifications the person has not read. */
    public int unread(String accountId) {
        return db.fetchCount(APP_NOTIFICATION, APP_NOTIFICATION.ACCOUNT_ID.eq(accountId).and(APP_NOTIFICATION.IN_APP.isTrue())
                .and(APP_NOTIFICATION.READ_AT.isNull()));
    }

    /** Marks every notification of the person read. */
    public int markAllRead(String accountId) {
        return db.update(APP_NOTIFICATION).set(APP_NOTIFICATION.READ_AT, clock.instant())
                .where(APP_NOTIFICATION.ACCOUNT_ID.eq(accountId)).and(APP_NOTIFICATION.READ_AT.isNull()).execute();
    }

    /** The person's choice for every kind, defaults where she chose nothing. */
    public Map<Kind, Setting> settings(String accountId) {
        Map<Kind, Setting> settings = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            settings.put(kind, new Setting(kind, kind.inAppByDefault, false));
        }
        db.selectFrom(APP_NOTIFICATION_SETTING).where(APP_NOTIFICATION_SETTING.ACCOUNT_ID.eq(accountId)).forEach(r -> {
            Kind kind = Kind.valueOf(r.getKind());
            settings.put(kind, new Setting(kind, kind.switchable() ? r.getInApp() : true, r.getEmail()));
        });
        return settings;
    }

    /** Stores the person's choice for one kind; 422 for switching service messages off. */
    public Setting choose(String accountId, Kind kind, boolean inApp, boolean email) {
        if (!kind.switchable() && !inApp) {
            throw AppException.unprocessable(ErrorCode.SERVICE_NOTIFICATIONS_REQUIRED, "service messages about your own data and account cannot be switched off in the app");
        }
        if (email && emailOf.apply(accountId).isEmpty()) {
            throw AppException.unprocessable(ErrorCode.EMAIL_NEEDED, "e-mail notifications need an e-mail address: add one under \"My data\" first");
        }
        int updated = db.update(APP_NOTIFICATION_SETTING).set(APP_NOTIFICATION_SETTING.IN_APP, inApp).set(APP_NOTIFICATION_SETTING.EMAIL, email)
                .where(APP_NOTIFICATION_SETTING.ACCOUNT_ID.eq(accountId)).and(APP_NOTIFICATION_SETTING.KIND.eq(kind.name())).execute();
        if (updated == 0) {
            db.insertInto(APP_NOTIFICATION_SETTING).set(APP_NOTIFICATION_SETTING.ACCOUNT_ID, accountId)
                    .set(APP_NOTIFICATION_SETTING.KIND, kind.name()).set(APP_NOTIFICATION_SETTING.IN_APP, inApp)
                    .set(APP_NOTIFICATION_SETTING.EMAIL, email).execute();
        }
        return new Setting(kind, inApp, email);
    }

    /** The choices the person stored (not the defaults), for her export. */
    List<Setting> chosen(String accountId) {
        return db.selectFrom(APP_NOTIFICATION_SETTING).where(APP_NOTIFICATION_SETTING.ACCOUNT_ID.eq(accountId))
                .orderBy(APP_NOTIFICATION_SETTING.KIND).fetch(r -> new Setting(Kind.valueOf(r.getKind()), r.getInApp(), r.getEmail()));
    }

    /** Whether e-mail delivery is configured at all. */
    public boolean mailConfigured() {
        return mailConfigured;
    }

    long count(String accountId) {
        return db.fetchCount(APP_NOTIFICATION, APP_NOTIFICATION.ACCOUNT_ID.eq(accountId))
                + db.fetchCount(APP_NOTIFICATION_SETTING, APP_NOTIFICATION_SETTING.ACCOUNT_ID.eq(accountId));
    }

    long erase(String accountId) {
        return db.deleteFrom(APP_NOTIFICATION).where(APP_NOTIFICATION.ACCOUNT_ID.eq(accountId)).execute()
                + db.deleteFrom(APP_NOTIFICATION_SETTING).where(APP_NOTIFICATION_SETTING.ACCOUNT_ID.eq(accountId)).execute();
    }

    /** Every notification of the person (for her export), newest first. */
    List<Notification> all(String accountId) {
        List<Notification> all = new ArrayList<>();
        for (var r : db.selectFrom(APP_NOTIFICATION).where(APP_NOTIFICATION.ACCOUNT_ID.eq(accountId))
                .orderBy(APP_NOTIFICATION.SEQ.desc()).fetch()) {
            open(r.getAccountId(), r.getNotificationId(), r.getEventEnc()).ifPresent(e -> all.add(notification(r.getNotificationId(),
                    r.getSeq(), Kind.valueOf(r.getKind()), e, r.getCreatedAt(), r.getReadAt() != null)));
        }
        return all;
    }

    /** The event of a queued e-mail (for the mailer), if the key still exists. */
    Optional<String> event(String accountId, String notificationId, byte[] sealed) {
        return open(accountId, notificationId, sealed).map(e -> (String) e.get("event"));
    }

    private Optional<Map<String, Object>> open(String accountId, String id, byte[] sealed) {
        return keys.openText(accountId, context(id), sealed).map(text -> {
            try {
                return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored notification is unreadable", e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Notification notification(String id, long seq, Kind kind, Map<String, Object> event, Instant at, boolean read) {
        return new Notification(id, seq, kind, (String) event.get("event"), JSON.convertValue(event.getOrDefault("params", Map.of()), PARAMS), at, read);
    }

    private static String context(String notificationId) {
        return "notification:" + notificationId;
    }
}
