/**
 * Hoheit audit verifier: tools for auditors of Hoheit audit logs (and of any log that publishes
 * C2SP checkpoints).
 *
 * <p>{@link dev.hoheit.audit.verifier.witness.Witness} is a C2SP tlog-witness: it cosigns a log's
 * checkpoint only after checking that it extends the last one it cosigned, so a log cannot show
 * different histories to different readers. {@link dev.hoheit.audit.verifier.witness.WitnessServer}
 * serves it over HTTP and {@link dev.hoheit.audit.verifier.witness.WitnessCommand} runs it
 * ({@code -m dev.hoheit.audit.verifier/dev.hoheit.audit.verifier.witness.WitnessCommand}).
 */
module dev.hoheit.audit.verifier {
    requires dev.hoheit.audit;
    requires jdk.httpserver;
    requires org.slf4j;

    exports dev.hoheit.audit.verifier.witness;
}
