package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.space.SpaceId;

/**
 * Ends the actor's membership of a space. The last owner cannot leave.
 *
 * @param space the space to leave
 */
public record LeaveSpace(
    SpaceId space) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public LeaveSpace {
    Validate.required("space", space);
  }
}
