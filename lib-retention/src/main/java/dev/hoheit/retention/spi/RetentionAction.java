package dev.hoheit.retention.spi;

/**
 * What happens to a record whose retention period has ended.
 *
 * @since 0.1
 */
public enum RetentionAction {
    /** The record is deleted. */
    DELETE,
    /** The personal fields are removed or replaced; the rest stays (statistics). */
    ANONYMISE,
    /** The record's key is destroyed, so its encrypted content can never be read (crypto-shredding). */
    SHRED
}
