/**
 * Implementations of the {@link io.socialearn.api.event.EventLog} SPI that ship with the engine,
 * and snapshot storage for fast start-up.
 *
 * <p>Start from {@link io.socialearn.core.log.FileEventLog}, the durable embedded default (see
 * {@link io.socialearn.core.log.Durability} for what each mode can lose), or {@link
 * io.socialearn.core.log.InMemoryEventLog} for tests, demos and hosts that do not need the log to
 * outlive the JVM. {@link io.socialearn.core.log.SnapshotStore} keeps checksummed snapshots of
 * projections tagged with the sequence they cover; {@link io.socialearn.core.log.AtomicFiles}
 * replaces a file atomically and durably.
 */
package io.socialearn.core.log;
