package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.Tag;

/**
 * A colleague vouched for a person's knowledge of a topic ("Ana endorses Bo for payroll").
 *
 * @param endorser who vouches
 * @param person for whom
 * @param topic for what
 */
public record PersonEndorsed(
    PersonId endorser,
    PersonId person,
    Tag topic) implements DomainEvent {
  /** Checks that nothing required is missing. */
  public PersonEndorsed {
    Validate.required("endorser", endorser);
    Validate.required("person", person);
    Validate.required("topic", topic);
  }
}
