package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.consent.ConsentConfig;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.ReadmeBlocks;
import dev.hoheit.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The lib-retention example of the README, verbatim between the markers. */
@MigrateWith(HostSchema.class)
class ReadmeExampleTest {

    /** The host's own store in the example; here it wraps the test's notes store. */
    static final class PlansStore implements PersonalDataStore {
        private final NotesStore notes;

        PlansStore(DataSource dataSource) {
            this.notes = new NotesStore(dataSource);
        }

        @Override
        public StoreDescriptor descriptor() {
            return notes.descriptor();
        }

        @Override
        public long count(String subjectId) {
            return notes.count(subjectId);
        }

        @Override
        public long export(String subjectId, ExportSink sink) {
            return notes.export(subjectId, sink);
        }

        @Override
        public long erase(String subjectId) {
            return notes.erase(subjectId);
        }

        @Override
        public PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> held, int limit) {
            return notes.purge(category, cutoff, action, held, limit);
        }

        @Override
        public Optional<Instant> oldest(String category, Set<String> held) {
            return notes.oldest(category, held);
        }
    }

    @DatabaseTest
    void the_readme_example_works(TestDatabase db) {
        DataSource dataSource = db.dataSource();
        ConsentService consent = ConsentService.create(dataSource, ConsentConfig.of(RetentionFixtures.CONTROLLER));
        ByteArrayOutputStream zipOut = new ByteArrayOutputStream();
        try (AuditLog auditLog = AuditLog.create(dataSource, AuditConfig.of(RetentionFixtures.KEYS))) {
            // README example start
            RetentionService retention = RetentionService.create(dataSource, RetentionConfig.of(auditLog)
                    .withStore(new PlansStore(dataSource))              // yours: implements PersonalDataStore
                    .withStore(Stores.consent(consent))
                    .withStore(Stores.audit(auditLog))
                    .withPolicy(RetentionPolicy.delete(Stores.USAGE_LOG, Duration.ofDays(365), "R5"))
                    .withPolicy(RetentionPolicy.anonymise(Stores.CLIENT_DATA, Duration.ofDays(7), "R28")));
            retention.startScheduler(Duration.ofDays(1));
            retention.exportSubject("mentee-42", zipOut);                            // Art. 15, 20
            ErasureReceipt receipt = retention.eraseSubject("mentee-42", "subject");  // Art. 17
            String page = retention.verify().toHtml();                               // for the auditor
            // README example end
            retention.close();
            assertTrue(receipt.complete());
            assertTrue(page.contains("no findings"), page);
            assertTrue(zipOut.size() > 0);
        }
    }

    @Test
    void the_readme_shows_exactly_this_example() throws Exception {
        ReadmeBlocks.assertReadmeContainsExample(Path.of("src/test/java/dev/hoheit/retention/ReadmeExampleTest.java"));
    }
}
