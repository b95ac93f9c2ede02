package dev.hoheit.retention.spi;

/**
 * The result of one {@link PersonalDataStore#purge} call.
 *
 * @param affected how many records were deleted, anonymised or shredded
 * @param more whether records older than the cutoff remain (the runner calls again)
 * @since 0.1
 */
public record PurgeBatch(long affected, boolean more) {

    /** Nothing was due. */
    public static PurgeBatch none() {
        return new PurgeBatch(0, false);
    }
}
