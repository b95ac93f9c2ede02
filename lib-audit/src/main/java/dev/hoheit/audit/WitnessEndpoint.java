package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

import dev.hoheit.audit.tlog.CosignatureVerifier;
import dev.hoheit.audit.tlog.TlogException;
import java.net.URI;

/**
 * A witness the log submits its checkpoints to (C2SP tlog-witness), and the key its cosignatures
 * (C2SP tlog-cosignature) verify with. Run by someone who does not trust the operator, such as an
 * auditor: a witness keeps the newest checkpoint it cosigned and refuses any that does not extend it,
 * so the log cannot show different histories to different people, nor roll back unseen.
 *
 * @param url the witness's base URL ({@code <url>/add-checkpoint} is where checkpoints go)
 * @param verifierKey the witness's cosignature verifier key, {@code <name>+<key id>+<base64 key>}
 * @since 0.2
 */
public record WitnessEndpoint(URI url, String verifierKey) {

    /** Validates the URL and the key. */
    public WitnessEndpoint {
        CHECKS.required("witness URL", url);
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw CHECKS.invalid("witness URL must be http or https, was " + url);
        }
        CHECKS.required("witness verifier key", verifierKey);
        try {
            CosignatureVerifier.parse(verifierKey);
        } catch (TlogException e) {
            throw CHECKS.invalid("witness verifier key is not a cosignature verifier key: " + e.getMessage());
        }
    }

    /** The witness's name (the name in its verifier key). */
    public String name() {
        return verifier().name();
    }

    /** The verifier for the witness's cosignatures. */
    public CosignatureVerifier verifier() {
        return CosignatureVerifier.parse(verifierKey);
    }
}
