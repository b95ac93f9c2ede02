/**
 * Hoheit audit: a tamper-evident access and usage log that forgets on schedule.
 *
 * <p>Not built yet (issue 3); the module is declared so the layout is complete.
 */
module dev.hoheit.audit {
    requires org.slf4j;
}
