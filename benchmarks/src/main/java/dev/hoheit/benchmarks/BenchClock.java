package dev.hoheit.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the benchmark moves by hand, so a million events can be recorded "in" one month and a
 * purge can then be run "later". It stands still between moves and never moves back.
 */
final class BenchClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    BenchClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private BenchClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves the clock forward to {@code target}; does nothing if it is already later (safe from any thread). */
    void advanceTo(Instant target) {
        now.accumulateAndGet(target, (current, wanted) -> wanted.isAfter(current) ? wanted : current);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new BenchClock(now, newZone);
    }
}
