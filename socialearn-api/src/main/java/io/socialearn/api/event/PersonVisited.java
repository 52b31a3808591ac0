package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;

/**
 * A person visited on the day of the event's timestamp (recorded at most once a day).
 *
 * @param person who visited
 */
public record PersonVisited(PersonId person) implements DomainEvent {
  /** Checks that nothing is missing. */
  public PersonVisited {
    Validate.required("person", person);
  }
}
