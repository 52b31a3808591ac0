package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;

/**
 * A person's reputation was adjusted outside the rules.
 *
 * @param person whose reputation
 * @param delta the points
 * @param reason why
 * @param by who adjusted it
 */
public record ReputationAdjusted(
    PersonId person,
    int delta,
    String reason,
    PersonId by) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public ReputationAdjusted {
    Validate.required("person", person);
    Validate.required("reason", reason);
    Validate.required("by", by);
  }
}
