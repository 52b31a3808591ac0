package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonProfile;

/**
 * A person became known to socialearn, by command or from the host's directory.
 *
 * @param profile their profile
 */
public record PersonRegistered(
    PersonProfile profile) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public PersonRegistered {
    Validate.required("profile", profile);
  }
}
