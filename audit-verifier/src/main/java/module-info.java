/**
 * Hoheit audit verifier: tools for auditors of Hoheit audit logs (and of any log that publishes
 * C2SP checkpoints).
 *
 * <p>{@link dev.hoheit.audit.verifier.witness.Witness} is a C2SP tlog-witness: it cosigns a log's
 * checkpoint only after checking that it extends the last one it cosigned, so a log cannot show
 * different histories to different readers. {@link dev.hoheit.audit.verifier.witness.WitnessServer}
 * serves it over HTTP and {@link dev.hoheit.audit.verifier.witness.WitnessCommand} runs it
 * ({@code -m dev.hoheit.audit.verifier/dev.hoheit.audit.verifier.witness.WitnessCommand}).
 *
 * <p>{@code dev.hoheit.audit.verifier.VerifyCommand} is the standalone verifier: it checks a log in
 * its database with lib-audit's log checker (exported to this module alone), trusting only the keys
 * the auditor passes and its own saved state. Both commands run through {@code bin/hoheit-audit}.
 */
module dev.hoheit.audit.verifier {
    // The witness API names the audit log's checkpoint types (Note, Cosigner, CheckpointBody).
    requires transitive dev.hoheit.audit;
    requires jdk.httpserver;
    requires org.slf4j;
    // The verifier's state file.
    requires com.fasterxml.jackson.databind;

    exports dev.hoheit.audit.verifier.witness;
}
