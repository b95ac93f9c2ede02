package dev.hoheit.retention;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.retention.internal.AuditStoreAdapter;
import dev.hoheit.retention.internal.ConsentStoreAdapter;
import dev.hoheit.retention.spi.PersonalDataStore;

/**
 * Ready-made stores for the other Hoheit libraries, so their data is exported, erased and retained
 * like the host's own.
 *
 * @since 0.1
 */
public final class Stores {

    /** Category of the audit log's events (a usage log is typically kept 12 months). */
    public static final String USAGE_LOG = "usage-log";
    /** Category of the client data in the audit log (IP addresses: typically at most 7 days). */
    public static final String CLIENT_DATA = "client-data";
    /** Category of consent decisions and access grants. */
    public static final String CONSENT_RECORDS = "consent-records";

    private Stores() {
    }

    /** lib-consent: decisions and access grants (store {@code consent}, category {@link #CONSENT_RECORDS}). */
    public static PersonalDataStore consent(ConsentService consent) {
        return new ConsentStoreAdapter(consent);
    }

    /**
     * lib-audit: the access and usage log (store {@code audit}, categories {@link #USAGE_LOG}, purged
     * by deleting, and {@link #CLIENT_DATA}, anonymised by destroying day keys).
     */
    public static PersonalDataStore audit(AuditLog audit) {
        return new AuditStoreAdapter(audit);
    }
}
