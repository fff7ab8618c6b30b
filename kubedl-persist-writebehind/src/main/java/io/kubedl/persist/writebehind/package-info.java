/**
 * Write-behind for any store: {@link io.kubedl.persist.writebehind.WriteBehindStore}
 * accepts watch events without waiting for the database, keeps only the newest
 * version of each identity, and writes them through {@code saveAll} in batches from
 * one or a few writer threads.
 *
 * <p>What it promises: pending memory is bounded by the number of distinct
 * identities and by a hard cap with back-pressure; transient failures are retried
 * with capped exponential backoff and jitter; a permanent failure is reported per
 * item and never blocks the rest; a removal is written after the saves of the same
 * identity; {@code flush()} returns once everything accepted before it is durable;
 * {@code close()} drains within a timeout and lists what it could not write.
 * Micrometer metrics are recorded when Micrometer is on the classpath.
 *
 * <p>Only the public types of this package are API; the rest is package-private.
 */
package io.kubedl.persist.writebehind;
