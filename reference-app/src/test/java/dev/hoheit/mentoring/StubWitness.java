package dev.hoheit.mentoring;

import dev.hoheit.audit.tlog.AddCheckpointRequest;
import dev.hoheit.audit.tlog.CosignatureVerifier;
import dev.hoheit.audit.tlog.Cosigner;
import dev.hoheit.audit.tlog.Note;
import io.javalin.Javalin;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Map;

/**
 * A C2SP tlog-witness that cosigns every checkpoint it is sent, without checking anything: enough
 * to give the app's checkpoints cosignature lines. The real witness is in audit-verifier.
 */
final class StubWitness implements AutoCloseable {

    static final String NAME = "witness.test/stub";

    private final Cosigner cosigner;
    private final Javalin server;

    StubWitness() {
        try {
            cosigner = Cosigner.ed25519(NAME, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has Ed25519", e);
        }
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/add-checkpoint", ctx -> {
                Note note = Note.parse(AddCheckpointRequest.parse(ctx.body()).checkpointNote());
                ctx.contentType("text/plain; charset=utf-8")
                        .result(cosigner.cosign(note.text(), System.currentTimeMillis() / 1000).line());
            });
        }).start(0);
    }

    /** The app's setting that sends checkpoints here. */
    Map<String, String> settings() {
        return Map.of("HOHEIT_AUDIT_WITNESSES", "http://127.0.0.1:" + server.port() + "/=" + cosigner.verifierKey());
    }

    CosignatureVerifier verifier() {
        return cosigner.verifier();
    }

    @Override
    public void close() {
        server.stop();
    }
}
