/**
 * Domain events, the {@link io.socialearn.api.event.EventLog} SPI that stores them in order, and
 * the {@link io.socialearn.api.event.EventListener} SPI that tells a host of them. Start from
 * {@link io.socialearn.api.event.DomainEvent}.
 */
package io.socialearn.api.event;
