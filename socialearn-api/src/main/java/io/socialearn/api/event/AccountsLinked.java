package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;

/**
 * Two accounts were marked as one person's.
 *
 * @param first one account
 * @param second the other account
 * @param by who marked them
 */
public record AccountsLinked(
    PersonId first,
    PersonId second,
    PersonId by) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public AccountsLinked {
    Validate.required("first", first);
    Validate.required("second", second);
    Validate.required("by", by);
  }
}
