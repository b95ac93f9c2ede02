/**
 * Where a Hoheit library's writes run. {@link dev.hoheit.transaction.Transactions#own()} gives each
 * call a transaction of its own; {@link dev.hoheit.transaction.Transactions#joining} and
 * {@link dev.hoheit.transaction.Transactions#mandatory} join the caller's through the
 * {@link dev.hoheit.transaction.CallerTransaction} SPI, so a host's data and the library's records
 * commit or roll back together. A library never commits, rolls back or closes a connection it did
 * not open. {@link dev.hoheit.transaction.BoundTransaction} binds a plain JDBC transaction to the
 * current thread.
 */
package dev.hoheit.transaction;
