package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.space.SpaceFeatures;
import io.socialearn.api.space.SpaceId;

/**
 * Switches a space's features on or off; owners and administrators only. Turning external guests
 * off does not remove guests already invited.
 *
 * @param space the space
 * @param features the features from now on
 */
public record ConfigureSpace(SpaceId space, SpaceFeatures features) implements Command<Done> {
  /** Checks that nothing is missing. */
  public ConfigureSpace {
    Validate.required("space", space);
    Validate.required("features", features);
  }
}
