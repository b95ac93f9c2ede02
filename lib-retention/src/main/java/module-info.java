/**
 * Hoheit retention: retention policies, auditor verification, complete export and erasure.
 *
 * <p>Not built yet (issue 4); the module is declared so the layout is complete.
 */
module dev.hoheit.retention {
    requires org.slf4j;
}
