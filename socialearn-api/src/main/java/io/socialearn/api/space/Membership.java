package io.socialearn.api.space;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;

/**
 * A person's role in a space.
 *
 * @param space the space
 * @param person the member
 * @param role their role
 */
public record Membership(SpaceId space, PersonId person, SpaceRole role) {
  /** Checks that nothing is missing. */
  public Membership {
    Validate.required("space", space);
    Validate.required("person", person);
    Validate.required("role", role);
  }
}
