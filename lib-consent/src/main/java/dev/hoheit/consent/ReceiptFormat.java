package dev.hoheit.consent;

/**
 * Standard formats a decision can be rendered in, all from the same stored data.
 *
 * @since 0.1
 */
public enum ReceiptFormat {
    /** Kantara Initiative Consent Receipt Specification v1.1 (JSON). */
    KANTARA_V1_1,
    /** A consent record shaped after ISO/IEC TS 27560:2023 (header, processing, parties, event), as JSON. */
    ISO_IEC_TS_27560
}
