package dev.hoheit.retention;

import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.consent.ConsentConfig;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.Controller;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.time.Duration;

/** A host application in miniature: consent, audit, a notes store and the retention service over them. */
final class RetentionFixtures implements AutoCloseable {

    static final AuditKeys KEYS = AuditKeys.generate();
    static final Controller CONTROLLER = new Controller("Smoffen GmbH", "Datenschutz", "Hauptstr. 1, Berlin",
            "privacy@smoffen.example", "+49 30 1", "DE", "https://smoffen.example/privacy");
    static final Duration NOTES_KEPT = Duration.ofDays(30);

    final MutableClock clock;
    final ConsentService consent;
    final AuditLog audit;
    final NotesStore notes;
    final RetentionService retention;

    RetentionFixtures(TestDatabase db) {
        this(db, MutableClock.at("2026-01-05T09:00:00Z"));
    }

    RetentionFixtures(TestDatabase db, MutableClock clock) {
        this(db.dataSource(), clock, dev.hoheit.transaction.Transactions.own());
    }

    /** All three libraries on {@code dataSource} with the same transaction binding. */
    RetentionFixtures(javax.sql.DataSource dataSource, MutableClock clock, dev.hoheit.transaction.Transactions transactions) {
        this.clock = clock;
        this.consent = ConsentService.create(dataSource, ConsentConfig.of(CONTROLLER).withClock(clock).withoutMigration()
                .withTransactions(transactions));
        this.audit = AuditLog.create(dataSource, AuditConfig.of(KEYS).withClock(clock).withoutMigration()
                .withTransactions(transactions));
        this.notes = new NotesStore(dataSource);
        this.retention = RetentionService.create(dataSource, RetentionConfig.of(audit)
                .withTransactions(transactions)
                .withStore(notes)
                .withStore(Stores.consent(consent))
                .withStore(Stores.audit(audit))
                .withPolicy(RetentionPolicy.delete("notes", NOTES_KEPT, "notes are kept 30 days"))
                .withPolicy(RetentionPolicy.delete(Stores.USAGE_LOG, Duration.ofDays(365), "R5: usage log 12 months"))
                .withPolicy(RetentionPolicy.anonymise(Stores.CLIENT_DATA, Duration.ofDays(7), "R28: IP addresses 7 days"))
                .withClock(clock)
                .withBatchSize(3));
    }

    @Override
    public void close() {
        retention.close();
        audit.close();
    }
}
