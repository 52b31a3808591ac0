/**
 * Implementations of the {@link io.socialearn.api.event.EventLog} SPI that ship with the engine.
 * Start from {@link io.socialearn.core.log.InMemoryEventLog}, the log for tests, demos and hosts
 * that do not need the log to outlive the JVM.
 */
package io.socialearn.core.log;
