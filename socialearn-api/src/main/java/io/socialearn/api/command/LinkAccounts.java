package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;

/**
 * Marks two accounts as belonging to the same person (a second account): they may not vote for
 * each other. Administrators and the system only. Linking two accounts that are one person's
 * already, directly or through a chain of links, changes nothing and is a conflict.
 *
 * @param first one account
 * @param second the other account
 */
public record LinkAccounts(
    PersonId first,
    PersonId second) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public LinkAccounts {
    Validate.required("first", first);
    Validate.required("second", second);
  }
}
