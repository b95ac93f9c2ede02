package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.ConsentConfig;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.Controller;
import dev.hoheit.consent.DecisionRequest;
import dev.hoheit.consent.NoticeDraft;
import dev.hoheit.consent.NoticeRef;
import dev.hoheit.consent.Purpose;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.ReadmeBlocks;
import dev.hoheit.testkit.TestDatabase;
import dev.hoheit.transaction.BoundTransaction;
import dev.hoheit.transaction.Transactions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The README's transaction example, compiled and run, and checked to be in the README verbatim. */
@MigrateWith(HostSchema.class)
class TransactionReadmeExampleTest {

    @DatabaseTest
    void the_readme_transaction_example_commits_the_hosts_row_and_both_records_together(TestDatabase db) throws Exception {
        DataSource dataSource = db.dataSource();
        Controller controller = RetentionFixtures.CONTROLLER;
        AuditKeys keys = AuditKeys.generate();
        ConsentService setup = ConsentService.create(dataSource, ConsentConfig.of(controller));
        setup.definePurpose(Purpose.required("terms", "Nutzungsbedingungen"));
        NoticeRef terms = setup.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 1.")).ref();
        // README example start
        Transactions joined = Transactions.joining(BoundTransaction.caller());
        ConsentService consent = ConsentService.create(dataSource, ConsentConfig.of(controller).withTransactions(joined));
        AuditLog audit = AuditLog.create(dataSource, AuditConfig.of(keys).withTransactions(joined));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (BoundTransaction.Binding bound = BoundTransaction.bind(connection)) {
                insertAccount(connection, "mentee-42");                                   // the host's own write
                consent.record(DecisionRequest.grant("mentee-42", terms).as("mentee").via("checkbox"));
                audit.append(AuditEvent.of(Actor.of("mentee-42", "mentee"), AuditAction.CREATE, Resource.of("account")));
            }
            connection.commit();                                                          // all three, or none of them
        }
        // README example end
        try (audit) {
            audit.flush();
            assertEquals(1, db.queryLong("SELECT count(*) FROM host_note"));
            assertTrue(consent.isGranted("mentee-42", "terms", Instant.now()));
            assertEquals(1, audit.byActor("mentee-42", AuditQuery.newest(5)).entries().size());
        }
    }

    @Test
    void the_readme_shows_exactly_this_example() throws Exception {
        ReadmeBlocks.assertReadmeContainsExample(Path.of("src/test/java/dev/hoheit/retention/TransactionReadmeExampleTest.java"));
    }

    private static void insertAccount(Connection connection, String id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO host_note (id, owner_id, recipient_id, body, created_at) VALUES (1, ?, NULL, 'account', ?)")) {
            insert.setString(1, id);
            insert.setObject(2, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
