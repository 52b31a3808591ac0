package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceRole;

/**
 * A person became a member of a space, or their role in it changed.
 *
 * @param space the space
 * @param member the member
 * @param role their role from now on
 * @param by who did it (the member themself when joining)
 */
public record MemberRoleSet(
    SpaceId space,
    PersonId member,
    SpaceRole role,
    PersonId by) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public MemberRoleSet {
    Validate.required("space", space);
    Validate.required("member", member);
    Validate.required("role", role);
    Validate.required("by", by);
  }
}
