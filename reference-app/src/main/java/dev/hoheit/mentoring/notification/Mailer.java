package dev.hoheit.mentoring.notification;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_NOTIFICATION;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the e-mail copies of notifications over SMTP, after the request that queued them committed: it
 * claims a PENDING row (one instance wins the claim), sends, marks it SENT; a failure is retried up to
 * {@link #MAX_ATTEMPTS} times, and a claim older than {@link #CLAIM_TIMEOUT} (an instance that died
 * mid-send) is taken over. The e-mail says only what kind of thing happened, in German and English:
 * no names, no content, no tracking pixel, no per-person link. Logs carry no address.
 */
public final class Mailer implements AutoCloseable {

    /** Where and how to send. */
    public record Settings(String host, int port, String from, Optional<String> user, Optional<String> password, boolean startTls) {
    }

    static final int MAX_ATTEMPTS = 5;
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    /** What each event says in an e-mail: German, then English. Nothing that names a person or quotes content. */
    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("message", new String[] {"Sie haben eine neue Nachricht.", "You have a new message."}),
            Map.entry("mentor-request", new String[] {"Jemand möchte Sie als Mentor.", "Someone asked you to be their mentor."}),
            Map.entry("assignment", new String[] {"Ihnen wurde ein Mentor vorgeschlagen.", "A mentor was proposed to you."}),
            Map.entry("grant-accepted", new String[] {"Eine Mentor-Beziehung wurde angenommen.", "A mentor relation was accepted."}),
            Map.entry("grant-ended", new String[] {"Eine Mentor-Beziehung wurde beendet.", "A mentor relation ended."}),
            Map.entry("mentor-rights", new String[] {"Sie haben Mentorenrechte erhalten.", "You were given mentor rights."}),
            Map.entry("mentor-rights-withdrawn", new String[] {"Ihre Mentorenrechte wurden entzogen.", "Your mentor rights were withdrawn."}),
            Map.entry("supervisor-rights", new String[] {"Sie haben Supervisionsrechte erhalten.", "You were given supervisor rights."}),
            Map.entry("supervisor-rights-withdrawn", new String[] {"Ihre Supervisionsrechte wurden entzogen.",
                    "Your supervisor rights were withdrawn."}),
            Map.entry("case-opened", new String[] {"Ihnen wurde ein Supervisionsfall vorgelegt.", "A supervision case was brought to you."}),
            Map.entry("case-message", new String[] {"In einem Supervisionsfall gibt es eine neue Nachricht.",
                    "There is a new message in a supervision case."}),
            Map.entry("case-answered", new String[] {"Ihr Supervisionsfall wurde beantwortet.", "Your supervision case was answered."}),
            Map.entry("case-closed", new String[] {"Ein Supervisionsfall wurde geschlossen.", "A supervision case was closed."}),
            Map.entry("restricted", new String[] {"Die Verarbeitung Ihrer Daten ist eingeschränkt.", "The processing of your data is restricted."}),
            Map.entry("restriction-lifted", new String[] {"Die Einschränkung der Verarbeitung ist aufgehoben.", "The restriction of processing was lifted."}),
            Map.entry("export", new String[] {"Ihre Daten wurden exportiert. Waren Sie das nicht, ändern Sie Ihr Passwort.",
                    "Your data was exported. If this was not you, change your password."}),
            Map.entry("privacy-answered", new String[] {"Der Betreiber hat Ihre Datenschutz-Anfrage beantwortet.",
                    "The operator answered your privacy request."}),
            Map.entry("privacy-extended", new String[] {"Der Betreiber hat die Frist Ihrer Datenschutz-Anfrage verlängert.",
                    "The operator extended the deadline of your privacy request."}));

    private final DSLContext db;
    private final NotificationService notifications;
    private final Function<String, Optional<String>> emailOf;
    private final Settings settings;
    private final Session session;
    private final Clock clock;
    private final Thread thread;
    private final Object signal = new Object();
    private volatile boolean running = true;
    private boolean woken;

    public Mailer(DSLContext db, NotificationService notifications, Function<String, Optional<String>> emailOf, Settings settings, Clock clock) {
        this.db = db;
        this.notifications = notifications;
        this.emailOf = emailOf;
        this.settings = settings;
        this.clock = clock;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        if (settings.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        Authenticator authenticator = null;
        if (settings.user().isPresent()) {
            properties.put("mail.smtp.auth", "true");
            String user = settings.user().get();
            String password = settings.password().orElse("");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
        this.thread = new Thread(this::run, "hoheit-mailer");
        this.thread.setDaemon(true);
        notifications.onQueued(this::wake);
        this.thread.start();
    }

    /** Sends what is queued soon, without waiting for the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Sends every queued e-mail it can claim now; returns how many were sent. */
    public int sendQueued() {
        int sent = 0;
        Instant stale = clock.instant().minus(CLAIM_TIMEOUT);
        for (Record4<String, String, byte[], Integer> row : db.select(APP_NOTIFICATION.NOTIFICATION_ID, APP_NOTIFICATION.ACCOUNT_ID,
                        APP_NOTIFICATION.EVENT_ENC, APP_NOTIFICATION.EMAIL_ATTEMPTS).from(APP_NOTIFICATION)
                .where(APP_NOTIFICATION.EMAIL_STATE.eq("PENDING")
                        .or(APP_NOTIFICATION.EMAIL_STATE.eq("SENDING").and(APP_NOTIFICATION.EMAIL_CLAIMED_AT.lt(stale))))
                .orderBy(APP_NOTIFICATION.SEQ).limit(100).fetch()) {
            String id = row.value1();
            int claimed = db.update(APP_NOTIFICATION).set(APP_NOTIFICATION.EMAIL_STATE, "SENDING")
                    .set(APP_NOTIFICATION.EMAIL_CLAIMED_AT, clock.instant())
                    .set(APP_NOTIFICATION.EMAIL_ATTEMPTS, row.value4() + 1)
                    .where(APP_NOTIFICATION.NOTIFICATION_ID.eq(id)).and(APP_NOTIFICATION.EMAIL_ATTEMPTS.eq(row.value4()))
                    .and(APP_NOTIFICATION.EMAIL_STATE.eq("PENDING")
                            .or(APP_NOTIFICATION.EMAIL_STATE.eq("SENDING").and(APP_NOTIFICATION.EMAIL_CLAIMED_AT.lt(stale))))
                    .execute();
            if (claimed == 0) {
                continue; // another instance took it
            }
            Optional<String> address = emailOf.apply(row.value2());
            Optional<String> event = notifications.event(row.value2(), id, row.value3());
            if (address.isEmpty() || event.isEmpty()) {
                finish(id, "FAILED"); // the address was removed or the person erased since it was queued
                continue;
            }
            try {
                send(address.get(), event.get());
                finish(id, "SENT");
                sent++;
            } catch (MessagingException | RuntimeException e) {
                boolean last = row.value4() + 1 >= MAX_ATTEMPTS;
                finish(id, last ? "FAILED" : "PENDING");
                LOG.warn("An e-mail notification could not be sent (attempt {} of {}): {}", row.value4() + 1, MAX_ATTEMPTS,
                        e.getClass().getSimpleName());
            }
        }
        return sent;
    }

    private void finish(String id, String state) {
        db.update(APP_NOTIFICATION).set(APP_NOTIFICATION.EMAIL_STATE, state).where(APP_NOTIFICATION.NOTIFICATION_ID.eq(id)).execute();
    }

    private void send(String address, String event) throws MessagingException {
        String[] text = TEXTS.getOrDefault(event, new String[] {"Es gibt Neuigkeiten in Smoffen.", "There is news in Smoffen."});
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(settings.from()));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        mail.setSubject("Smoffen: " + text[0] + " / " + text[1], StandardCharsets.UTF_8.name());
        mail.setText(text[0] + "\n\nMelden Sie sich in Smoffen an, um mehr zu sehen. Welche E-Mails Sie erhalten, stellen Sie unter"
                + " „Benachrichtigungen“ ein.\n\n---\n\n" + text[1] + "\n\nSign in to Smoffen to see more. Choose which e-mails you get"
                + " under \"Notifications\".\n", StandardCharsets.UTF_8.name());
        Transport.send(mail);
    }

    private void run() {
        while (running) {
            try {
                sendQueued();
            } catch (RuntimeException e) {
                LOG.warn("The mailer could not read its queue: {}", e.getClass().getSimpleName());
            }
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
