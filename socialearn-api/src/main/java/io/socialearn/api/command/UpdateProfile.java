package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonProfile;

/**
 * Replaces a registered person's profile. A person may update their own; an administrator or the
 * system anyone's. Only an administrator or the system may change the {@code external} flag.
 *
 * @param profile the new profile; its id names the person
 */
public record UpdateProfile(
    PersonProfile profile) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public UpdateProfile {
    Validate.required("profile", profile);
  }
}
