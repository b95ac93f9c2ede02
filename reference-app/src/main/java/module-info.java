/**
 * Smoffen, the Hoheit reference mentoring platform.
 *
 * <p>Not built yet (issues 5 and 6); the module is declared so the layout is complete.
 */
module dev.hoheit.mentoring {
    requires org.slf4j;
}
