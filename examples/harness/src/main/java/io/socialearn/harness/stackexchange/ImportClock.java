package io.socialearn.harness.stackexchange;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The engine's clock during an import: set to each event's original time before its command
 * runs, so every recorded event keeps the time it really happened. Thread-safe (volatile).
 */
public final class ImportClock extends Clock {
  private volatile Instant now;

  /** Starts at {@code start}. */
  public ImportClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** Sets the time the next command is stamped with. */
  public void set(Instant instant) {
    this.now = Objects.requireNonNull(instant, "instant");
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
