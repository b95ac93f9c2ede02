/**
 * The store SPI: what a host implements so that retention, export and erasure reach its own data.
 * A {@link dev.hoheit.retention.spi.PersonalDataStore} describes itself with a
 * {@link dev.hoheit.retention.spi.StoreDescriptor} (its categories, their retention and the order
 * of erasure), counts, exports and erases a subject's records, and purges what has expired.
 */
package dev.hoheit.retention.spi;
