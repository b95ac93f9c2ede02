package dev.hoheit.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use during one measured call. {@link #start()} runs {@code System.gc()} twice and takes the used
 * heap as the baseline; a background thread then samples the used heap (all pools,
 * {@link MemoryMXBean#getHeapMemoryUsage()}) every {@code intervalMicros}, and a GC listener records
 * the used heap after every collection. {@link #stop()} gives:
 *
 * <ul>
 *   <li>peak used minus baseline: the most heap the call occupied, garbage not yet collected included
 *       (an upper bound of what it needed; it depends on when the collector ran);</li>
 *   <li>peak used after a collection minus baseline: what was still reachable when the collector ran
 *       (the live data the call held; zero collections means no figure). With {@code gcEveryMillis} the
 *       sampler forces those collections itself, so the figure does not depend on when the collector chose to run.</li>
 * </ul>
 */
final class HeapSampler {

    /** What one measured call did to the heap, in bytes. */
    record Usage(long baselineBytes, long peakBytes, long samples, long collections, long peakAfterGcBytes) {

        long growth() {
            return peakBytes - baselineBytes;
        }

        /** Peak after a collection minus the baseline, or -1 when no collection ran during the call. */
        long liveGrowth() {
            return collections == 0 ? -1 : Math.max(0, peakAfterGcBytes - baselineBytes);
        }
    }

    private final long intervalMicros;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final java.util.Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
            .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
    private volatile boolean running;
    private long baseline;
    private Thread sampler;

    private final long gcEveryMillis;

    HeapSampler(long intervalMicros) {
        this(intervalMicros, 0);
    }

    /**
     * @param gcEveryMillis when positive, the sampler thread also calls {@code System.gc()} this often and
     *     records the used heap right after it: the live data at that moment (for untimed calls only)
     */
    HeapSampler(long intervalMicros, long gcEveryMillis) {
        this.intervalMicros = intervalMicros;
        this.gcEveryMillis = gcEveryMillis;
    }

    void start() {
        System.gc();
        System.gc();
        baseline = memory.getHeapMemoryUsage().getUsed();
        peak.set(baseline);
        peakAfterGc.set(0);
        samples.set(0);
        collections.set(0);
        NotificationListener listener = this::collected;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
        running = true;
        sampler = Thread.ofPlatform().name("bench-heap-sampler").daemon(true).start(() -> {
            long nanos = intervalMicros * 1_000;
            long lastGc = System.nanoTime();
            while (running) {
                sample();
                if (gcEveryMillis > 0 && System.nanoTime() - lastGc >= gcEveryMillis * 1_000_000) {
                    System.gc();
                    long live = memory.getHeapMemoryUsage().getUsed();
                    collections.incrementAndGet();
                    peakAfterGc.accumulateAndGet(live, Math::max);
                    lastGc = System.nanoTime();
                }
                LockSupport.parkNanos(nanos);
            }
        });
    }

    Usage stop() throws InterruptedException {
        sample();
        running = false;
        sampler.join();
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
        return new Usage(baseline, peak.get(), samples.get(), collections.get(), peakAfterGc.get());
    }

    private void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        samples.incrementAndGet();
        peak.accumulateAndGet(used, Math::max);
    }

    private void collected(Notification notification, Object handback) {
        if (!running || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long before = 0;
        long after = 0;
        // The maps cover every memory pool; count the heap's only (not Metaspace or the code cache).
        for (var pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            before += heapPools.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
        }
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            after += heapPools.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
        }
        collections.incrementAndGet();
        peak.accumulateAndGet(before, Math::max); // the heap just before a collection is a peak the sampler may miss
        peakAfterGc.accumulateAndGet(after, Math::max);
    }

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }
}
