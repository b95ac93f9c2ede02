package dev.hoheit.consent;

/**
 * A registered listener; closing it unregisters the listener.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Unregisters the listener. Closing twice does nothing. */
    @Override
    void close();
}
