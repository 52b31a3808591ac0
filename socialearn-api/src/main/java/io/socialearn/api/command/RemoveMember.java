package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;

/**
 * Removes a person from a space. Moderators may remove members; only owners may remove moderators
 * and owners. The last owner cannot be removed.
 *
 * @param space the space
 * @param person who to remove
 */
public record RemoveMember(
    SpaceId space,
    PersonId person) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public RemoveMember {
    Validate.required("space", space);
    Validate.required("person", person);
  }
}
