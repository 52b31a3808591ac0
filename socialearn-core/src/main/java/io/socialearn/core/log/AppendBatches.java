package io.socialearn.core.log;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.event.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The argument checks every event log runs on an append. Stateless. */
final class AppendBatches {
  private AppendBatches() {}

  /**
   * Checks an append's arguments and returns a private copy of the batch, so that a caller
   * changing its list meanwhile cannot tear the batch.
   *
   * @throws InvalidInputException if {@code expected} is negative, {@code events} is null, empty
   *     or holds a null, or {@code timestamp} is null
   */
  static List<DomainEvent> validated(long expected, List<DomainEvent> events, Instant timestamp) {
    if (expected < 0) {
      throw new InvalidInputException("expectedLastSequence", "nonNegative",
          "expectedLastSequence must be at least 0, was " + expected);
    }
    Validate.required("events", events);
    Validate.required("timestamp", timestamp);
    if (events.isEmpty()) {
      throw new InvalidInputException("events", "notEmpty", "events must hold at least one event");
    }
    List<DomainEvent> batch = new ArrayList<>(events.size());
    for (DomainEvent event : events) {
      if (event == null) {
        throw new InvalidInputException("events", "noNulls",
            "events[" + batch.size() + "] is null; a batch must not hold nulls");
      }
      batch.add(event);
    }
    return batch;
  }
}
