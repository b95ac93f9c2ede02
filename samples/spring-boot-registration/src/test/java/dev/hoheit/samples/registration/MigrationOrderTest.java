package dev.hoheit.samples.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import dev.hoheit.consent.ConsentService;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On an empty database the host's own Flyway migration runs first, on the empty schema, and the Hoheit
 * libraries migrate theirs afterwards, into the schema the host's migration created: the issue's
 * {@code Found non-empty schema(s) ... but no schema history table} cannot happen.
 */
class MigrationOrderTest {

    /**
     * A bean registered before everything else that needs the consent service at once: it asks for the
     * service before any JdbcTemplate (which Spring Boot orders after the host's Flyway by itself) is
     * created. Without the starter's detector the service would migrate first and the host's Flyway fail.
     */
    @Configuration(proxyBeanMethods = false)
    static class ConsentFirst {
        ConsentFirst(ConsentService consent) {
            consent.purposes();
        }
    }

    @TempDir
    Path keyDir;

    @ParameterizedTest
    @EnumSource(FreshDatabase.Kind.class)
    void the_hosts_flyway_migrates_first_and_the_libraries_after_it(FreshDatabase.Kind kind) {
        assumeTrue(kind.available(), "HOHEIT_TEST_PG_URL is not set");
        try (FreshDatabase database = FreshDatabase.create(kind);
             ConfigurableApplicationContext app = database.start(keyDir, ConsentFirst.class)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            // The host's Flyway found the schema empty: its history holds its V1 and no baseline.
            assertEquals(List.of(Map.of("version", "1", "type", "SQL", "success", true)), history(jdbc, "flyway_schema_history"));
            // Each library found the schema already holding the host's tables: it baselined at 0, then applied its own.
            for (String table : List.of("hoheit_consent_history", "hoheit_audit_history", "hoheit_retention_history")) {
                List<Map<String, Object>> rows = history(jdbc, table);
                assertEquals(Map.of("version", "0", "type", "BASELINE", "success", true), rows.get(0), table);
                assertTrue(rows.size() > 1 && rows.stream().allMatch(row -> Boolean.TRUE.equals(row.get("success"))), table);
            }

            // Why: every Hoheit service depends on the host's Flyway initializer.
            for (String bean : List.of("hoheitConsentService", "hoheitAuditLog", "hoheitRetentionService")) {
                String[] dependsOn = app.getBeanFactory().getBeanDefinition(bean).getDependsOn();
                assertTrue(dependsOn != null && Arrays.asList(dependsOn).contains("flywayInitializer"),
                        bean + " depends on " + Arrays.toString(dependsOn));
            }
        }
    }

    /** A history table's migrations, oldest first, without Flyway's marker rows (type TABLE or SCHEMA, written on H2). */
    private static List<Map<String, Object>> history(JdbcTemplate jdbc, String table) {
        return jdbc.query("SELECT \"version\", \"type\", \"success\" FROM \"" + table + "\""
                        + " WHERE \"type\" NOT IN ('TABLE', 'SCHEMA') ORDER BY \"installed_rank\"",
                (row, index) -> Map.of("version", String.valueOf(row.getString(1)), "type", row.getString(2),
                        "success", row.getBoolean(3)));
    }
}
