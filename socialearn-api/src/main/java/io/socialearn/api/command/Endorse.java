package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.Tag;

/**
 * Vouches for a colleague's knowledge of a topic: evidence for their expertise. Endorsing the
 * same person for the same topic twice changes nothing. Nobody endorses themselves or an account
 * linked to theirs ({@link LinkAccounts}; an {@code InvalidInputException}), nor someone who has
 * left (a {@code ConflictException}).
 *
 * @param person whom to endorse
 * @param topic for what
 */
public record Endorse(
    PersonId person,
    Tag topic) implements Command<Done> {
  /** Checks that nothing required is missing. */
  public Endorse {
    Validate.required("person", person);
    Validate.required("topic", topic);
  }
}
