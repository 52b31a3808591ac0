package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceRole;

/**
 * Adds a person to a space with a role, or changes their role: an invitation when they were not a
 * member. Moderators may add members and moderators; only owners (and administrators) may grant or
 * take away ownership.
 *
 * @param space the space
 * @param person the member
 * @param role the role to give
 */
public record SetMemberRole(
    SpaceId space,
    PersonId person,
    SpaceRole role) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public SetMemberRole {
    Validate.required("space", space);
    Validate.required("person", person);
    Validate.required("role", role);
  }
}
