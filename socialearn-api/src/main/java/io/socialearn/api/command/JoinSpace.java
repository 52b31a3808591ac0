package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.space.SpaceId;

/**
 * Makes the actor a member of an organisation-wide space. Members-only spaces are joined by
 * invitation ({@link SetMemberRole}); external guests cannot join by themselves.
 *
 * @param space the space to join
 */
public record JoinSpace(
    SpaceId space) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public JoinSpace {
    Validate.required("space", space);
  }
}
