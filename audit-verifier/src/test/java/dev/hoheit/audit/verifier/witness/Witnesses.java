package dev.hoheit.audit.verifier.witness;

import dev.hoheit.audit.tlog.Cosigner;
import dev.hoheit.audit.tlog.NoteVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Opening witnesses for tests. */
final class Witnesses {

    private Witnesses() {
    }

    static Witness open(Cosigner cosigner, Path state, Clock clock, TestLog... logs) throws IOException {
        Map<String, List<NoteVerifier>> keys = new LinkedHashMap<>();
        for (TestLog log : logs) {
            keys.put(log.origin(), List.of(log.verifier()));
        }
        return Witness.open(new WitnessConfig(cosigner, keys, state, clock));
    }

    static Cosigner newCosigner(String name) {
        return Cosigner.ed25519(name, TestLog.newKeyPair());
    }
}
