package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;

/**
 * Adds points to (or takes them from) a person's reputation outside the rules, with a reason: for
 * example a bonus for people who arrive with standing earned elsewhere, or a moderator's
 * correction. Administrators and the system only. Not subject to the daily cap.
 *
 * @param person whose reputation
 * @param delta the points, positive or negative, not zero; one that would take the person's
 *     reputation beyond what an {@code int} holds is refused ({@code InvalidInputException})
 * @param reason why, kept in the person's history and the log
 */
public record AdjustReputation(
    PersonId person,
    int delta,
    String reason) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public AdjustReputation {
    Validate.required("person", person);
    Validate.required("reason", reason);
  }
}
