package dev.hoheit.consent.internal;

import dev.hoheit.consent.ConsentException;
import dev.hoheit.consent.ConsentListener;
import dev.hoheit.consent.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered listeners; every one is called even when an earlier one fails. */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<ConsentListener> listeners = new CopyOnWriteArrayList<>();

    Subscription add(ConsentListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Calls every listener after the change is committed; failures are collected and reported together. */
    void fire(String what, Consumer<ConsentListener> call) {
        ConsentException failure = null;
        for (ConsentListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Listener {} failed on {} with {}", listener.getClass().getName(), what, e.getClass().getName());
                if (failure == null) {
                    failure = new ConsentException(ConsentException.Problem.LISTENER_FAILED,
                            "The " + what + " is stored, but a listener failed: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
