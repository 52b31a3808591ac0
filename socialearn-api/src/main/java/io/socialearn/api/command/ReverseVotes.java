package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;

/**
 * Reverses every standing up vote from one person on another's posts, with their reputation, for
 * example after serial voting. Administrators and the system only.
 *
 * @param voter who voted
 * @param author whose posts were voted on
 * @param reason why, kept in the log
 */
public record ReverseVotes(
    PersonId voter,
    PersonId author,
    String reason) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public ReverseVotes {
    Validate.required("voter", voter);
    Validate.required("author", author);
    Validate.required("reason", reason);
  }
}
