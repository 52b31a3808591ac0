package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;

/**
 * A person stopped being a member of a space.
 *
 * @param space the space
 * @param member the former member
 * @param by who did it (the member themself when leaving)
 */
public record MemberRemoved(
    SpaceId space,
    PersonId member,
    PersonId by) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public MemberRemoved {
    Validate.required("space", space);
    Validate.required("member", member);
    Validate.required("by", by);
  }
}
