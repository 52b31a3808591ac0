package io.socialearn.api.event;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import java.time.Instant;

/**
 * An event as the log holds it: with its sequence and time.
 *
 * @param sequence its position in the log, from 1, without gaps
 * @param timestamp when it was recorded, from the engine's clock
 * @param event what happened
 */
public record RecordedEvent(long sequence, Instant timestamp, DomainEvent event) {
  /** Checks the fields. */
  public RecordedEvent {
    if (sequence < 1) {
      throw new InvalidInputException("sequence", "positive",
          "sequence must be at least 1, was " + sequence);
    }
    Validate.required("timestamp", timestamp);
    Validate.required("event", event);
  }
}
