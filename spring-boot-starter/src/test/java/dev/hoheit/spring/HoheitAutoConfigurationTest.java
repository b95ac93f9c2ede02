package dev.hoheit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.retention.RetentionService;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.transaction.CallerTransaction;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What the auto-configuration creates, what it leaves to the application, and how it fails when a setting is missing. */
class HoheitAutoConfigurationTest {

    @TempDir
    Path keyDir;

    private ApplicationContextRunner runner() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HoheitTransactionAutoConfiguration.class,
                        HoheitConsentAutoConfiguration.class, HoheitAuditAutoConfiguration.class,
                        HoheitRetentionAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("hoheit.audit.key-dir=" + keyDir,
                        "hoheit.consent.controller.name=Sample GmbH", "hoheit.consent.controller.contact=Datenschutz",
                        "hoheit.consent.controller.address=Hauptstr. 1", "hoheit.consent.controller.email=privacy@sample.example",
                        "hoheit.consent.controller.phone=+49 30 1234567", "hoheit.consent.controller.jurisdiction=DE",
                        "hoheit.consent.controller.policy-url=https://sample.example/privacy");
    }

    @Test
    void the_three_services_are_created_on_the_data_source_and_join_springs_transactions() {
        runner().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ConsentService.class).hasSingleBean(AuditLog.class)
                    .hasSingleBean(RetentionService.class);
            assertThat(context.getBean(CallerTransaction.class)).isInstanceOf(SpringCallerTransaction.class);
            assertThat(context.getBean(RetentionService.class).stores()).extracting(store -> store.descriptor().name())
                    .contains("consent", "audit");
        });
    }

    @Test
    void each_service_can_be_switched_off() {
        runner().withPropertyValues("hoheit.consent.enabled=false", "hoheit.retention.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ConsentService.class).doesNotHaveBean(RetentionService.class)
                    .hasSingleBean(AuditLog.class);
        });
        runner().withPropertyValues("hoheit.audit.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ConsentService.class).doesNotHaveBean(AuditLog.class)
                    .doesNotHaveBean(RetentionService.class);
        });
    }

    @Test
    void a_store_bean_of_the_application_is_registered_with_the_retention_service() {
        runner().withBean("notesStore", PersonalDataStore.class, () -> new FakeStore("notes", "notes"))
                .withPropertyValues("hoheit.retention.policies[0].category=notes", "hoheit.retention.policies[0].max-age=30d",
                        "hoheit.retention.policies[0].reason=notes kept a month")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(RetentionService.class).stores()).extracting(store -> store.descriptor().name())
                            .contains("notes");
                });
    }

    @Test
    void a_service_the_application_defines_itself_is_left_alone() {
        runner().withPropertyValues("hoheit.consent.enabled=false").run(first -> {
            AuditLog own = first.getBean(AuditLog.class);
            runner().withBean("myAudit", AuditLog.class, () -> own, definition -> definition.setDestroyMethodName(""))
                    .run(context -> assertThat(context).hasNotFailed().getBean(AuditLog.class).isSameAs(own));
        });
    }

    @Test
    void a_missing_key_folder_fails_the_start_and_says_what_to_set() {
        runner().withPropertyValues("hoheit.audit.key-dir=").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("hoheit.audit.key-dir"));
    }

    @Test
    void hoheit_schema_puts_every_library_in_one_schema_and_a_library_property_overrides_it() {
        runner().withPropertyValues("hoheit.schema=hoheit", "hoheit.audit.schema=hoheit_audit").run(context -> {
            assertThat(context).hasNotFailed();
            DataSource dataSource = context.getBean(DataSource.class);
            // H2 folds the libraries' unquoted names to upper case; Flyway quotes its history tables' names.
            assertThat(tablesIn(dataSource, "HOHEIT")).contains("CONSENT_PURPOSE", "hoheit_consent_history",
                    "RETENTION_RUN", "hoheit_retention_history").doesNotContain("AUDIT_ENTRY");
            assertThat(tablesIn(dataSource, "HOHEIT_AUDIT")).contains("AUDIT_ENTRY", "hoheit_audit_history");
            assertThat(tablesIn(dataSource, "PUBLIC")).isEmpty();
            context.getBean(ConsentService.class).definePurpose(dev.hoheit.consent.Purpose.required("terms", "Terms"));
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT count(*) FROM hoheit.consent_purpose")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        });
    }

    @Test
    void an_invalid_schema_fails_the_start_naming_it() {
        runner().withPropertyValues("hoheit.consent.schema=Hoheit Consent").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("'Hoheit Consent'"));
    }

    private static java.util.List<String> tablesIn(DataSource dataSource, String schema) throws java.sql.SQLException {
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (var connection = dataSource.getConnection();
             var rows = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
