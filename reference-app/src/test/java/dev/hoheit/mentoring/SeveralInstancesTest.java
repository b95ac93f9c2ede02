package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.VerificationReport;
import dev.hoheit.testkit.DatabaseKind;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three app processes on one PostgreSQL under load on all three: the audit integrator's host is
 * killed with SIGKILL mid-load, then another instance. Every acknowledged request has its data and
 * its audit event, each entry exactly one event and each event its entry, no read event is lost,
 * the log verifies and has no gap, and a standby took over the integration within seconds.
 */
class SeveralInstancesTest {

    private static final Logger LOG = LoggerFactory.getLogger(SeveralInstancesTest.class);
    private static final int INSTANCES = 3;
    private static final int CLIENTS_PER_INSTANCE = 2;
    /** The log's name, given to the instances and to the verifier: a checkpoint under another name fails verification. */
    private static final String ORIGIN = "instances.test/audit";

    /** What one client saw acknowledged, and how many reads it tried. */
    private record Client(String menteeId, Set<String> entries, int reads, int readsTried) {
    }

    @DatabaseTest
    void killed_instances_lose_no_acknowledged_event_and_a_standby_takes_over(TestDatabase db) throws Exception {
        Assumptions.assumeTrue(db.kind() == DatabaseKind.POSTGRESQL,
                "several processes need a database server; H2 here is in-memory, private to this JVM");
        Path dataDir = Files.createTempDirectory("smoffen-instances");
        List<AppProcess> instances = new ArrayList<>();
        try {
            for (int i = 0; i < INSTANCES; i++) {
                instances.add(start(db, dataDir, i)); // one after the other: the first creates keys and the operator
            }
            Map<Integer, List<TestApp.Client>> clients = new HashMap<>();
            Map<TestApp.Client, String> mentees = new HashMap<>();
            for (int i = 0; i < INSTANCES; i++) {
                for (int c = 0; c < CLIENTS_PER_INSTANCE; c++) {
                    TestApp.Client client = new TestApp.Client(instances.get(i).url());
                    String nickname = "inst" + i + "c" + c;
                    mentees.put(client, TestApp.json(client.register(nickname, "correct horse " + nickname)).get("id").asText());
                    client.signIn(nickname, "correct horse " + nickname);
                    clients.computeIfAbsent(i, k -> new ArrayList<>()).add(client);
                }
            }

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(INSTANCES * CLIENTS_PER_INSTANCE);
            List<Future<Client>> futures = new ArrayList<>();
            for (List<TestApp.Client> group : clients.values()) {
                for (TestApp.Client client : group) {
                    futures.add(pool.submit(() -> load(client, mentees.get(client), stop)));
                }
            }
            Thread.sleep(3_000);
            int leader = leader(instances);
            long killedAt = System.nanoTime();
            instances.get(leader).process().destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
            int next = -1;
            while (next < 0 && System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(30)) {
                next = leader(instances, leader);
                Thread.sleep(20);
            }
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            assertTrue(next >= 0, "no standby took over the integration within 30 s");
            LOG.info("Integrator on instance {} killed; instance {} took over after {} ms", leader, next, takeover.toMillis());
            Thread.sleep(2_000);
            int other = -1;
            for (int i = 0; i < INSTANCES; i++) {
                if (i != leader && i != next) {
                    other = i;
                }
            }
            instances.get(other).process().destroyForcibly();
            Thread.sleep(2_000);
            stop.set(true);
            List<Client> results = new ArrayList<>();
            for (Future<Client> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();

            try (AuditLog audit = AuditLog.create(db.dataSource(), AuditConfig.of(AuditKeys.loadOrCreate(dataDir.resolve("keys")))
                    .withOrigin(ORIGIN).withoutMigration())) {
                audit.flush();
                long acknowledgedWrites = 0;
                long acknowledgedReads = 0;
                for (Client client : results) {
                    long reads = AuditedEntries.check(db, audit, client.menteeId(), client.entries());
                    assertTrue(reads >= client.reads() && reads <= client.readsTried(),
                            "acknowledged reads " + client.reads() + " <= read events " + reads + " <= reads tried " + client.readsTried());
                    acknowledgedWrites += client.entries().size();
                    acknowledgedReads += client.reads();
                }
                VerificationReport report = audit.verify();
                assertTrue(report.ok(), report.toText());
                assertEquals(0, db.queryLong("SELECT count(*) FROM audit_outbox"));
                assertEquals(audit.treeSize(), db.queryLong("SELECT count(DISTINCT seq) FROM audit_entry"), "no gap");
                assertTrue(takeover.compareTo(Duration.ofSeconds(10)) < 0, "standby took over in " + takeover);
                LOG.info("{} instances, 2 killed: {} acknowledged writes and {} acknowledged reads, every one integrated once;"
                        + " tree size {}; takeover {} ms", INSTANCES, acknowledgedWrites, acknowledgedReads, audit.treeSize(), takeover.toMillis());
                assertTrue(acknowledgedWrites > 50, "the load ran: " + acknowledgedWrites);
            }
        } finally {
            for (AppProcess instance : instances) {
                instance.process().destroyForcibly();
                instance.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Client load(TestApp.Client client, String menteeId, AtomicBoolean stop) {
        Set<String> entries = new HashSet<>();
        int reads = 0;
        int tried = 0;
        int i = 0;
        try {
            while (!stop.get()) {
                i++;
                HttpResponse<String> created = client.post("/api/me/smoff-sessions",
                        Map.of("kind", "day", "date", "2026-02-" + String.format("%02d", 1 + i % 28), "minutes", 1 + i % 50));
                if (created.statusCode() == 201) {
                    entries.add(TestApp.json(created).get("id").asText());
                }
                tried++;
                if (client.get("/api/me/smoff-sessions").statusCode() == 200) {
                    reads++;
                }
            }
        } catch (RuntimeException e) {
            // The instance was killed: this client stops; what it had acknowledged is checked.
        }
        return new Client(menteeId, entries, reads, tried);
    }

    /** The instance whose /health says it integrates, among those not excluded; -1 when none (yet). */
    private static int leader(List<AppProcess> instances, int... excluded) {
        Set<Integer> skip = new HashSet<>();
        for (int e : excluded) {
            skip.add(e);
        }
        for (int i = 0; i < instances.size(); i++) {
            if (skip.contains(i) || !instances.get(i).process().isAlive()) {
                continue;
            }
            try {
                HttpResponse<String> health = new TestApp.Client(instances.get(i).url()).get("/health");
                if (health.statusCode() == 200 && TestApp.json(health).get("auditIntegrator").asText().equals("leading")) {
                    return i;
                }
            } catch (RuntimeException e) {
                // not answering
            }
        }
        return -1;
    }

    private static int leader(List<AppProcess> instances) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int found = leader(instances, new int[0]);
            if (found >= 0) {
                return found;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no instance reports that it integrates");
    }

    private static AppProcess start(TestDatabase db, Path dataDir, int index) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOHEIT_DB_URL", db.jdbcUrl());
        if (db.user() != null) {
            environment.put("HOHEIT_DB_USER", db.user());
        }
        if (db.password() != null) {
            environment.put("HOHEIT_DB_PASSWORD", db.password());
        }
        environment.put("HOHEIT_DATA_DIR", dataDir.toString());
        environment.put("HOHEIT_OPERATOR_PASSWORD", "operator-secret-1");
        environment.put("HOHEIT_AUDIT_ORIGIN", ORIGIN);
        return AppProcess.start("384m", environment, dataDir.resolve("instance-" + index + ".err"));
    }
}
