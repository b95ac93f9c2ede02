package dev.hoheit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hoheit.audit.Appended;
import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.AuditLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One writer process of {@link IntegrationBenchmark}'s multi-process section: an appending-only
 * audit log on the benchmark's schema and keys, which appends its events from producer threads once
 * it reads {@code go} on standard input, and prints {@code done <nanoseconds>}.
 *
 * <p>Arguments: JDBC URL, schema, keys folder, first event number, events, producer threads.
 */
public final class AppendWorker {

    private AppendWorker() {
    }

    /**
     * Runs one writer.
     *
     * @param args JDBC URL, schema, keys folder, first event number, events, producer threads
     */
    public static void main(String[] args) throws Exception {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(args[0]);
        pool.setSchema(args[1]);
        pool.setMaximumPoolSize(4);
        long first = Long.parseLong(args[3]);
        int events = Integer.parseInt(args[4]);
        int producers = Integer.parseInt(args[5]);
        AuditTraffic traffic = new AuditTraffic(1_000, 10_000);
        try (HikariDataSource dataSource = new HikariDataSource(pool);
             AuditLog log = AuditLog.create(dataSource, AuditConfig.of(AuditKeys.loadOrCreate(Path.of(args[2])))
                     .withoutMigration().withoutIntegrator())) {
            System.out.println("ready");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"go".equals(in.readLine())) {
                return;
            }
            long start = System.nanoTime();
            ExecutorService threads = Executors.newFixedThreadPool(producers);
            List<Future<CompletableFuture<Appended>>> lasts = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                lasts.add(threads.submit(() -> {
                    CompletableFuture<Appended> last = null;
                    SplittableRandom random = new SplittableRandom(first + producer);
                    for (long i = first + producer; i < first + events; i += producers) {
                        last = log.appendBatched(traffic.event(i, random.nextInt(traffic.actors()), random.nextInt(traffic.subjects())));
                    }
                    return last;
                }));
            }
            for (Future<CompletableFuture<Appended>> last : lasts) {
                last.get().join();
            }
            threads.shutdown();
            System.out.println("done " + (System.nanoTime() - start));
            System.out.flush();
        }
    }
}
