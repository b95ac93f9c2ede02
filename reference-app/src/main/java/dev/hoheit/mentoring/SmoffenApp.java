package dev.hoheit.mentoring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.consent.AccessGrant;
import dev.hoheit.consent.ConsentConfig;
import dev.hoheit.consent.ConsentListener;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.Controller;
import dev.hoheit.consent.GrantEvent;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.AccountStore;
import dev.hoheit.mentoring.account.ConsentCatalog;
import dev.hoheit.mentoring.account.LoginThrottle;
import dev.hoheit.mentoring.account.RegistrationThrottle;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.account.SessionService;
import dev.hoheit.mentoring.account.UsageCaps;
import dev.hoheit.mentoring.core.AppTransactions;
import dev.hoheit.mentoring.core.ContentStore;
import dev.hoheit.mentoring.crypto.MasterKey;
import dev.hoheit.mentoring.crypto.PasswordHasher;
import dev.hoheit.mentoring.crypto.PersonKeys;
import dev.hoheit.mentoring.mentorship.AccessGuard;
import dev.hoheit.mentoring.mentorship.MentorService;
import dev.hoheit.mentoring.mentorship.MessageService;
import dev.hoheit.mentoring.mentorship.MessageStore;
import dev.hoheit.mentoring.notification.Mailer;
import dev.hoheit.mentoring.notification.NotificationService;
import dev.hoheit.mentoring.notification.NotificationStore;
import dev.hoheit.mentoring.organisation.CourseService;
import dev.hoheit.mentoring.organisation.EmploymentService;
import dev.hoheit.mentoring.planning.PictureService;
import dev.hoheit.mentoring.planning.PlanService;
import dev.hoheit.mentoring.planning.PlanningStores;
import dev.hoheit.mentoring.planning.SmoffTimeService;
import dev.hoheit.mentoring.privacy.PrivacyRequestService;
import dev.hoheit.mentoring.privacy.PrivacyRequestStore;
import dev.hoheit.mentoring.research.ResearchExport;
import dev.hoheit.mentoring.supervision.SupervisionService;
import dev.hoheit.mentoring.supervision.SupervisionStore;
import dev.hoheit.mentoring.web.RequestTransaction;
import dev.hoheit.mentoring.web.WebServer;
import dev.hoheit.retention.RetentionConfig;
import dev.hoheit.retention.RetentionPolicy;
import dev.hoheit.retention.RetentionService;
import dev.hoheit.retention.Stores;
import dev.hoheit.transaction.Transactions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Smoffen, assembled: the database, the three Hoheit libraries, the app's own services and the web
 * server. One instance per process; several processes may share one PostgreSQL database.
 */
public final class SmoffenApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmoffenApp.class);
    static final Controller CONTROLLER = new Controller("Smoffen (Hoheit reference app)", "Datenschutz",
            "Musterstraße 1, 10115 Berlin", "datenschutz@smoffen.example", "+49 30 0000000", "DE",
            "https://smoffen.example/datenschutz");

    private final HikariDataSource ownedDataSource;
    private final AuditLog audit;
    private final RetentionService retention;
    private final WebServer web;
    private final Optional<String> generatedOperatorPassword;
    private final boolean demoSeeded;
    private final boolean operatorPasswordIgnored;
    private final Mailer mailer; // null without SMTP settings

    private SmoffenApp(HikariDataSource ownedDataSource, AuditLog audit, RetentionService retention, WebServer web,
                       Optional<String> generatedOperatorPassword, boolean operatorPasswordIgnored, boolean demoSeeded, Mailer mailer) {
        this.ownedDataSource = ownedDataSource;
        this.mailer = mailer;
        this.audit = audit;
        this.retention = retention;
        this.web = web;
        this.generatedOperatorPassword = generatedOperatorPassword;
        this.demoSeeded = demoSeeded;
        this.operatorPasswordIgnored = operatorPasswordIgnored;
    }

    /** Whether this start seeded the demo accounts. */
    public boolean demoSeeded() {
        return demoSeeded;
    }

    /** Starts the app on the database the settings name (the embedded H2 by default). */
    public static SmoffenApp start(AppSettings settings) {
        return start(settings, UnaryOperator.identity());
    }

    /**
     * Starts the app on the database the settings name, its audit log passed through {@code auditLog}
     * first: the benchmark module wraps it to measure what auditing costs a request (appends replaced
     * by no-ops). Not a switch of the app: its own start always audits.
     */
    public static SmoffenApp start(AppSettings settings, UnaryOperator<AuditLog> auditLog) {
        DataFolder.create(settings.dataDir()); // 0700 before H2 creates its file in it
        HikariDataSource dataSource = dataSource(settings);
        try {
            return start(settings, dataSource, Clock.systemUTC(), new PasswordHasher(), dataSource, auditLog);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Starts the app on a data source the caller owns (tests). */
    public static SmoffenApp start(AppSettings settings, DataSource dataSource, Clock clock, PasswordHasher hasher) {
        return start(settings, dataSource, clock, hasher, null, UnaryOperator.identity());
    }

    private static SmoffenApp start(AppSettings settings, DataSource dataSource, Clock clock, PasswordHasher hasher,
                                    HikariDataSource owned, UnaryOperator<AuditLog> auditLog) {
        LOG.info("Starting Smoffen: {}", settings);
        System.setProperty("java.awt.headless", "true"); // pictures are decoded without a display
        AppMigrations.migrate(dataSource);
        DSLContext db = context(dataSource);
        // Every library write joins the request's transaction (web.RequestTransaction); outside a
        // request, each runs in a transaction of its own.
        Transactions inRequest = Transactions.joining(RequestTransaction.caller());
        ConsentService consent = ConsentService.create(dataSource, ConsentConfig.of(CONTROLLER).withClock(clock)
                .withServiceName("Smoffen").withTransactions(inRequest));
        ConsentCatalog.install(consent);
        Path auditKeys = settings.dataDir().resolve("keys");
        AuditLog audit = auditLog.apply(AuditLog.create(dataSource, AuditConfig.of(AuditKeys.loadOrCreate(auditKeys))
                .withClock(clock).withOrigin(settings.auditOrigin()).withStateDirectory(auditKeys)
                .withWitnesses(settings.auditWitnesses(), settings.auditWitnessQuorum()).withTransactions(inRequest)));
        javax.crypto.SecretKey masterKey = MasterKey.loadOrCreate(settings.masterKeyFile());
        PersonKeys keys = new PersonKeys(db, masterKey, clock);
        AccountService accounts = new AccountService(db, consent, keys, hasher, clock);
        accounts.fillSkeletons(); // accounts from before schema version 16
        SessionService sessions = new SessionService(db, clock);
        SmoffTimeService smoffTime = new SmoffTimeService(db, keys, clock);
        MentorService mentors = new MentorService(consent, accounts);
        PlanService plans = new PlanService(db, keys, clock);
        PictureService pictures = new PictureService(db, keys, clock, settings.limits());
        MessageService messages = new MessageService(db, consent, keys, clock);
        EmploymentService employments = new EmploymentService(db, accounts, clock);
        CourseService courses = new CourseService(db, accounts, mentors, clock);
        PrivacyRequestService privacyRequests = new PrivacyRequestService(db, keys, clock);
        NotificationService notifications = new NotificationService(db, keys, accounts::email, settings.mail().isPresent(), clock);
        SupervisionService supervision = new SupervisionService(db, keys, consent, accounts, smoffTime, plans, clock);
        // A grant that ends takes the cases its mentor opened about that mentee with it, in the same transaction.
        consent.addListener(new ConsentListener() {
            @Override
            public void onRevoked(AccessGrant grant, GrantEvent revocation) {
                supervision.deleteForGrant(grant.subjectId(), grant.granteeId());
            }
        });
        RetentionService retention = RetentionService.create(dataSource, RetentionConfig.of(audit)
                .withStore(PlanningStores.smoffTime(smoffTime))
                .withStore(PlanningStores.plans(plans))
                .withStore(PlanningStores.pictures(pictures))
                .withStore(MessageStore.of(messages))
                .withStore(PrivacyRequestStore.of(privacyRequests))
                .withStore(NotificationStore.of(notifications))
                .withStore(new SupervisionStore(supervision, accounts))
                .withStore(new ContentStore("employments", "Which employer you are linked to (they see assessments only).",
                        List.of("employee", "employer", "since"), List.of("app_employment"), employments::count,
                        (id, sink) -> {
                            employments.employersOf(id).forEach(employer -> sink.record(Map.of("employer", employer)));
                            employments.employeesOf(id).forEach(employee -> sink.record(Map.of("employee", employee)));
                            return employments.count(id);
                        }, employments::erase))
                .withStore(new ContentStore("courses", "The courses you take part in, or were assigned to as their mentor.",
                        List.of("course", "mentor of course"), List.of("app_course_member", "app_course"), courses::count, (id, sink) -> {
                            courses.coursesOf(id).forEach(course -> sink.record(Map.of("course", course)));
                            courses.coursesMentoredBy(id).forEach(course -> sink.record(Map.of("mentorOf", course)));
                            return courses.count(id);
                        }, courses::erase))
                .withStore(new AccountStore(db, accounts, keys))
                .withStore(Stores.consent(consent))
                .withStore(Stores.audit(audit))
                .withPolicy(RetentionPolicy.delete(Stores.USAGE_LOG, Duration.ofDays(365), "R5: usage and access log kept 12 months"))
                .withPolicy(RetentionPolicy.anonymise(Stores.CLIENT_DATA, Duration.ofDays(6), "R28: IP addresses at most 7 days"))
                .withPolicy(RetentionPolicy.delete(SupervisionService.CATEGORY, Duration.ofDays(365),
                        "R26: supervision cases deleted 12 months after they were closed"))
                .withPolicy(RetentionPolicy.delete(AccountStore.SESSIONS, Duration.ofMinutes(1), "sessions deleted when expired"))
                .withClock(clock).withTransactions(inRequest));
        boolean operatorExisted = accounts.findByNickname("operator").isPresent();
        Optional<String> generated = operatorExisted ? Optional.empty() : createOperator(accounts, settings);
        boolean operatorPasswordIgnored = operatorExisted && settings.operatorPassword().isPresent();
        if (operatorPasswordIgnored) {
            LOG.warn("HOHEIT_OPERATOR_PASSWORD is set, but the operator account exists already: the variable only chooses the"
                    + " first start's password and was ignored. To set a new one, run the reset-operator-password command (README)");
        }
        DataFolder.restrict(settings.dataDir(), settings.masterKeyFile()); // the database file and the keys: 0600
        AccessGuard guard = new AccessGuard(consent, audit, id -> retention.restriction(id).isPresent(), clock);
        boolean demoSeeded = settings.demo() && DemoData.seed(new DemoData.Services(accounts, consent, smoffTime, plans, pictures, messages,
                mentors, employments, courses, supervision, guard, audit, clock));
        retention.startScheduler(Duration.ofHours(1));
        WebServer web = WebServer.start(new WebServer.Services(dataSource, accounts, sessions, consent, audit, retention, smoffTime,
                mentors, guard, plans, pictures, messages, employments, courses,
                privacyRequests, notifications, supervision, new ResearchExport(db, consent, id -> retention.restriction(id).isPresent(), settings.researchMinGroup()),
                new LoginThrottle(db, masterKey, clock), clock,
                settings.behindTls(),
                new UsageCaps(db, settings.limits(), clock), new RegistrationThrottle(db, masterKey, settings.limits(), clock)), settings.host(), settings.port());
        Mailer mailer = settings.mail().map(mail -> new Mailer(db, notifications, accounts::email, mail, clock)).orElse(null);
        return new SmoffenApp(owned, audit, retention, web, generated, operatorPasswordIgnored, demoSeeded, mailer);
    }

    /** The first start creates the operator; returns the password when it was generated. */
    private static Optional<String> createOperator(AccountService accounts, AppSettings settings) {
        Optional<String> given = settings.operatorPassword();
        String password = given.orElseGet(() -> {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
        accounts.createByOperator("operator", password.toCharArray(), Set.of(Role.OPERATOR));
        LOG.info("Created the operator account 'operator'");
        return given.isPresent() ? Optional.empty() : Optional.of(password);
    }

    /**
     * The operator's way back after a lost password ({@code java -jar hoheit-mentoring.jar reset-operator-password}):
     * gives the operator account a one-time password, which must be changed at the next sign-in, ends its
     * sessions and records the reset in the audit log. Returns the one-time password.
     */
    public static String resetOperatorPassword(AppSettings settings) {
        try (HikariDataSource dataSource = dataSource(settings)) {
            return resetOperatorPassword(settings, dataSource, Clock.systemUTC(), new PasswordHasher());
        }
    }

    /** The reset on a data source the caller owns (tests). */
    static String resetOperatorPassword(AppSettings settings, DataSource dataSource, Clock clock, PasswordHasher hasher) {
        Path auditKeys = settings.dataDir().resolve("keys");
        if (!java.nio.file.Files.isRegularFile(settings.masterKeyFile()) || !java.nio.file.Files.isDirectory(auditKeys)) {
            throw new IllegalStateException("no Smoffen installation at " + settings.dataDir()
                    + ": run the command with the HOHEIT_DATA_DIR (and HOHEIT_DB_URL) of the app");
        }
        AppMigrations.migrate(dataSource);
        DSLContext db = context(dataSource);
        ConsentService consent = ConsentService.create(dataSource, ConsentConfig.of(CONTROLLER).withClock(clock).withServiceName("Smoffen"));
        javax.crypto.SecretKey masterKey = MasterKey.loadOrCreate(settings.masterKeyFile());
        AccountService accounts = new AccountService(db, consent, new PersonKeys(db, masterKey, clock), hasher, clock);
        var operator = accounts.findByNickname("operator")
                .orElseThrow(() -> new IllegalStateException("there is no operator account yet: start the app once to create it"));
        try (AuditLog audit = AuditLog.create(dataSource, AuditConfig.of(AuditKeys.loadOrCreate(auditKeys)).withClock(clock)
                .withOrigin(settings.auditOrigin()).withStateDirectory(auditKeys)
                .withWitnesses(settings.auditWitnesses(), settings.auditWitnessQuorum()))) {
            String password = accounts.issueOneTimePassword(operator.id());
            new SessionService(db, clock).endAll(operator.id());
            audit.append(dev.hoheit.audit.AuditEvent.of(dev.hoheit.audit.Actor.of("system", "command"), dev.hoheit.audit.AuditAction.UPDATE,
                    dev.hoheit.audit.Resource.of("password")).about(operator.id())
                    .withDetails(Map.of("method", "reset-operator-password")));
            LOG.info("The operator's password was reset by the command; it must be changed at the next sign-in");
            return password;
        }
    }

    private static HikariDataSource dataSource(AppSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("smoffen");
        config.setMaximumPoolSize(10);
        if (settings.dbUrl().isPresent()) {
            config.setJdbcUrl(settings.dbUrl().get());
            settings.dbUser().ifPresent(config::setUsername);
            settings.dbPassword().ifPresent(config::setPassword);
        } else {
            config.setJdbcUrl("jdbc:h2:file:" + settings.dataDir().resolve("smoffen") + ";LOCK_TIMEOUT=10000");
            config.setUsername("sa");
            config.setPassword("");
        }
        return new HikariDataSource(config);
    }

    private static DSLContext context(DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            SQLDialect dialect = JDBCUtils.dialect(connection);
            return DSL.using(AppTransactions.connections(dataSource), dialect, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)
                    .withExecuteLogging(false).withRenderSchema(false));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot connect to the database", e);
        }
    }

    /** Waits until every durable audit event is integrated (tests). */
    void flushAudit() {
        audit.flush();
    }

    /** The audit log (for the app's own tests: its verifier key, out of band, and its size). */
    AuditLog audit() {
        return audit;
    }

    /** The retention service (for the app's own tests: the coverage check). */
    RetentionService retention() {
        return retention;
    }

    /** The port the web server listens on. */
    public int port() {
        return web.port();
    }

    /**
     * Whether {@code HOHEIT_OPERATOR_PASSWORD} was set although the operator account existed already (it
     * only chooses the first start's password; the start ignored it).
     */
    public boolean operatorPasswordIgnored() {
        return operatorPasswordIgnored;
    }

    /** The operator password, when the first start generated it (shown once, then forgotten). */
    public Optional<String> generatedOperatorPassword() {
        return generatedOperatorPassword;
    }

    @Override
    public void close() {
        web.close();
        if (mailer != null) {
            mailer.close();
        }
        retention.close();
        audit.close();
        if (ownedDataSource != null) {
            ownedDataSource.close();
        }
    }
}
