/**
 * The retention API: policies and legal holds, the retention run and its report, the subject's
 * export and erasure across every registered store, restriction of processing, the schema
 * coverage check and the auditor's report.
 *
 * <p>Start at {@link dev.hoheit.retention.RetentionService#create} with a
 * {@link dev.hoheit.retention.RetentionConfig} that registers every store of personal data:
 * lib-consent's and lib-audit's through {@link dev.hoheit.retention.Stores}, a plain table through
 * {@link dev.hoheit.retention.TableStore}, anything else through the SPI in
 * {@link dev.hoheit.retention.spi}.
 */
package dev.hoheit.retention;
