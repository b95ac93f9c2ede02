package dev.hoheit.spring;

import dev.hoheit.retention.RetentionService;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/** Starts the retention runner when the context starts; the service's {@code close} stops it. */
final class RetentionScheduler implements SmartLifecycle {

    private final RetentionService retention;
    private final Duration interval;
    private volatile boolean running;

    RetentionScheduler(RetentionService retention, Duration interval) {
        this.retention = retention;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (!running) {
            // The service keeps its scheduler until it is closed (it cannot be paused), so stop() only marks it.
            retention.startScheduler(interval);
            running = true;
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
