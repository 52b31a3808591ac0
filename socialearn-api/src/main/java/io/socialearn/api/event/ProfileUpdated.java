package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;

/**
 * A person's profile was replaced.
 *
 * @param profile the new profile
 * @param by who changed it
 */
public record ProfileUpdated(
    PersonProfile profile,
    PersonId by) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public ProfileUpdated {
    Validate.required("profile", profile);
    Validate.required("by", by);
  }
}
