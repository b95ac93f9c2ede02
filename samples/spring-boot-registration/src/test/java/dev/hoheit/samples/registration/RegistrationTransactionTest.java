package dev.hoheit.samples.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.consent.ConsentService;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registration in one {@code @Transactional} method: two host rows, a consent decision and an audit
 * event. When the last step fails, nothing is left (no user, no role, no decision, no outbox row, no audit
 * entry); when it succeeds, everything is kept. On H2, and on PostgreSQL when HOHEIT_TEST_PG_URL is set.
 */
class RegistrationTransactionTest {

    /** A welcome that fails: the registration fails after both host inserts and every library call. */
    @Configuration(proxyBeanMethods = false)
    static class FailingWelcome {
        @Bean
        @Primary
        Welcome failingWelcome() {
            return userId -> {
                throw new IllegalStateException("the welcome message cannot be sent");
            };
        }
    }

    @TempDir
    Path keyDir;

    @ParameterizedTest
    @EnumSource(FreshDatabase.Kind.class)
    void a_rollback_leaves_no_user_no_decision_and_no_audit_row(FreshDatabase.Kind kind) {
        assumeTrue(kind.available(), "HOHEIT_TEST_PG_URL is not set");
        try (FreshDatabase database = FreshDatabase.create(kind);
             ConfigurableApplicationContext app = database.start(keyDir, FailingWelcome.class)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            AuditLog audit = app.getBean(AuditLog.class);
            long entriesBefore = count(jdbc, "audit_entry");

            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> app.getBean(RegistrationService.class).register("user-1", "one@sample.example"));
            assertEquals("the welcome message cannot be sent", failure.getMessage());

            audit.flush();
            assertEquals(0, count(jdbc, "app_user"), "no host row");
            assertEquals(0, count(jdbc, "app_user_role"), "no second host row");
            assertEquals(0, count(jdbc, "consent_decision"), "no consent decision");
            assertFalse(app.getBean(ConsentService.class).isGranted("user-1", Terms.PURPOSE, Instant.now()));
            assertEquals(0, count(jdbc, "audit_outbox"), "no audit outbox row");
            assertEquals(entriesBefore, count(jdbc, "audit_entry"), "no audit entry");
            assertEquals(0, audit.byActor("user-1", AuditQuery.newest(10)).entries().size());
        }
    }

    @ParameterizedTest
    @EnumSource(FreshDatabase.Kind.class)
    void a_commit_keeps_the_user_the_decision_and_the_audit_entry(FreshDatabase.Kind kind) {
        assumeTrue(kind.available(), "HOHEIT_TEST_PG_URL is not set");
        try (FreshDatabase database = FreshDatabase.create(kind);
             ConfigurableApplicationContext app = database.start(keyDir)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            AuditLog audit = app.getBean(AuditLog.class);

            app.getBean(RegistrationService.class).register("user-2", "two@sample.example");

            audit.flush();
            assertEquals(1, count(jdbc, "app_user"));
            assertEquals(1, count(jdbc, "app_user_role"));
            assertEquals(1, count(jdbc, "consent_decision"));
            assertTrue(app.getBean(ConsentService.class).isGranted("user-2", Terms.PURPOSE, Instant.now()));
            assertEquals(0, count(jdbc, "audit_outbox"), "integrated");
            assertEquals(1, audit.byActor("user-2", AuditQuery.newest(10)).entries().size());
            assertTrue(audit.verify().ok());
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
