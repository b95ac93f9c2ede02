package dev.hoheit.benchmarks;

import dev.hoheit.audit.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Producer threads calling {@link AuditLog#appendBatched} (or lib-audit 0.1's, through a
 * {@link Target}) as fast as they can, then one {@link AuditLog#flush}. Events
 * {@code first..first+count-1} of a load of {@code total} events are queued; the clock moves evenly
 * from {@code from} (event 0) to {@code to} (event {@code total}).
 */
final class BatchedLoad {

    /** A log taking event number {@code i} of {@link AuditTraffic#event} for group commit. */
    interface Target {
        CompletableFuture<?> appendBatched(long i, int actor, int subject);

        void flush();

        /** The current lib-audit. */
        static Target of(AuditLog log, AuditTraffic traffic) {
            return new Target() {
                @Override
                public CompletableFuture<?> appendBatched(long i, int actor, int subject) {
                    return log.appendBatched(traffic.event(i, actor, subject));
                }

                @Override
                public void flush() {
                    log.flush();
                }
            };
        }

        /** lib-audit 0.1, the hash chain. */
        static Target of(ChainLibrary chain) {
            return new Target() {
                @Override
                public CompletableFuture<?> appendBatched(long i, int actor, int subject) {
                    return chain.appendBatched(i, actor, subject);
                }

                @Override
                public void flush() {
                    chain.flush();
                }
            };
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(BatchedLoad.class);

    /** The outcome: events written, wall time, failed events, producer CPU time and the CPU used. */
    record Outcome(long events, long nanos, long failures, long producerCpuNanos, CpuMeter.Usage cpu) {

        double perSecond() {
            return events / (nanos / 1e9);
        }
    }

    private BatchedLoad() {
    }

    static Outcome run(BenchContext context, AuditLog log, long first, long count, long total, Instant from, Instant to,
                       long seed) throws InterruptedException {
        return run(context, Target.of(log, context.traffic()), first, count, total, from, to, seed);
    }

    static Outcome run(BenchContext context, Target log, long first, long count, long total, Instant from, Instant to,
                       long seed) throws InterruptedException {
        BenchSettings settings = context.settings();
        AuditTraffic traffic = context.traffic();
        long span = Duration.between(from, to).toNanos();
        AtomicLong next = new AtomicLong(first);
        long end = first + count;
        LongAdder failures = new LongAdder();
        LongAdder producerCpu = new LongAdder();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        long tenth = Math.max(1, total / 10);
        context.clock().advanceTo(from.plusNanos((long) (span * ((double) first / total))));

        CpuMeter.Sample start = context.cpu().sample(BenchContext.WRITER_THREAD);
        long started = System.nanoTime();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < settings.producers(); p++) {
            SplittableRandom random = new SplittableRandom(seed + p);
            producers.add(Thread.ofPlatform().name("bench-producer-" + p).start(() -> {
                try {
                    long i;
                    while ((i = next.getAndIncrement()) < end && crash.get() == null) {
                        if (i % 1_000 == 0) {
                            context.clock().advanceTo(from.plusNanos((long) (span * ((double) i / total))));
                        }
                        if (i > 0 && i % tenth == 0) {
                            LOG.info("  queued {} of {} events", BenchSettings.count(i), BenchSettings.count(total));
                        }
                        log.appendBatched(i, random.nextInt(traffic.actors()), random.nextInt(traffic.subjects()))
                                .whenComplete((receipt, failure) -> {
                                    if (failure != null) {
                                        failures.increment();
                                    }
                                });
                    }
                } catch (RuntimeException | Error e) {
                    crash.compareAndSet(null, e);
                } finally {
                    producerCpu.add(context.cpu().currentThreadNanos());
                }
            }));
        }
        for (Thread producer : producers) {
            producer.join();
        }
        if (crash.get() != null) {
            throw new BenchmarkException("a producer failed", crash.get());
        }
        log.flush();
        long nanos = System.nanoTime() - started;
        CpuMeter.Sample finish = context.cpu().sample(BenchContext.WRITER_THREAD);
        return new Outcome(count, nanos, failures.sum(), producerCpu.sum(), CpuMeter.Usage.between(start, finish));
    }
}
