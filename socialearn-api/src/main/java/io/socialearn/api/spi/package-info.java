/**
 * Small SPIs a host may replace: {@link io.socialearn.api.spi.IdGenerator}. The engine's time comes
 * from a {@link java.time.Clock} the host may inject.
 */
package io.socialearn.api.spi;
