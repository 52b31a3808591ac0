package io.socialearn.api.command;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;

/**
 * Records a person the engine has not seen. Only an administrator or the system may register
 * others; anyone may register themself if the host lets them act before the directory knows them.
 * Someone the directory lists may register themself only as external if it lists them as external,
 * and as not external if not (a {@code ForbiddenException}): as with {@link UpdateProfile}, only
 * an administrator or the system changes that. Fails with a conflict if the person is registered
 * already.
 *
 * @param profile the profile to record
 */
public record RegisterPerson(
    PersonProfile profile) implements Command<PersonId> {
  /** Checks that nothing required is missing, and copies collections. */
  public RegisterPerson {
    Validate.required("profile", profile);
  }
}
