package dev.hoheit.mentoring.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after 5 failures for one nickname or one client address, further
 * attempts are refused for a delay that doubles with every failure, up to 15 minutes. Kept in
 * memory per instance; the keys are hashed nicknames and addresses, never logged.
 */
public final class LoginThrottle {

    private static final int FREE_ATTEMPTS = 5;
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private record Failures(int count, Instant blockedUntil) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying again; zero when allowed now. */
    public Duration waitFor(String... keys) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            Failures f = failures.get(key);
            if (f != null && f.blockedUntil().isAfter(now)) {
                Duration wait = Duration.between(now, f.blockedUntil());
                longest = wait.compareTo(longest) > 0 ? wait : longest;
            }
        }
        return longest;
    }

    /** Counts a failed attempt against every key. */
    public void failed(String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            failures.compute(key, (k, f) -> {
                int count = f == null ? 1 : f.count() + 1;
                Instant until = now;
                if (count >= FREE_ATTEMPTS) {
                    long seconds = Math.min(MAX_DELAY.toSeconds(), 1L << Math.min(20, count - FREE_ATTEMPTS + 1));
                    until = now.plusSeconds(seconds);
                }
                return new Failures(count, until);
            });
        }
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> e.getValue().blockedUntil().isBefore(now.minus(MAX_DELAY)));
        }
    }

    /** Forgets the failures of a nickname after a successful login. */
    public void succeeded(String key) {
        failures.remove(key);
    }
}
