package dev.hoheit.audit.verifier.witness;

import dev.hoheit.audit.tlog.Cosigner;
import dev.hoheit.audit.tlog.NoteVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a witness needs: its own cosigning key, the logs it witnesses, where it keeps its state, and
 * the clock that timestamps its cosignatures.
 *
 * @param cosigner the witness's name and Ed25519 key (used for nothing else)
 * @param logs for each log origin, the log's trusted keys (at least one; more during a key rotation)
 * @param stateDirectory where the latest cosigned checkpoint of each log is kept; created if missing
 * @param clock the source of cosignature timestamps
 * @since 0.2
 */
public record WitnessConfig(Cosigner cosigner, Map<String, List<NoteVerifier>> logs, Path stateDirectory, Clock clock) {

    /**
     * Validates and copies the configuration.
     *
     * @throws IllegalArgumentException if there is no log, an origin is empty or has no key
     * @since 0.2
     */
    public WitnessConfig {
        Objects.requireNonNull(cosigner, "cosigner");
        Objects.requireNonNull(stateDirectory, "state directory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(logs, "logs");
        if (logs.isEmpty()) {
            throw new IllegalArgumentException("a witness needs at least one log");
        }
        Map<String, List<NoteVerifier>> copy = new LinkedHashMap<>();
        logs.forEach((origin, keys) -> {
            if (origin == null || origin.isEmpty() || origin.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a log origin is one non-empty line");
            }
            if (keys == null || keys.isEmpty()) {
                throw new IllegalArgumentException("log " + origin + " has no key");
            }
            copy.put(origin, List.copyOf(keys));
        });
        logs = Collections.unmodifiableMap(copy);
    }
}
