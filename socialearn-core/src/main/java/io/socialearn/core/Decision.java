package io.socialearn.core;

import io.socialearn.api.event.DomainEvent;
import java.util.List;

/**
 * What a command decided: the events to append (none for a command that changes nothing, such
 * as a second visit on one day) and, for a command that creates something, the new id (null for
 * commands that return {@link io.socialearn.api.Done}).
 */
record Decision(List<DomainEvent> events, Object createdId) {
  Decision {
    events = List.copyOf(events);
    if (events.isEmpty() && createdId != null) {
      throw new IllegalStateException("a decision that creates something must record it");
    }
  }
}
