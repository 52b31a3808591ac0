package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceFeatures;
import io.socialearn.api.space.SpaceId;

/**
 * A space's features were switched.
 *
 * @param space the space
 * @param features the features from now on
 * @param by who configured it
 */
public record SpaceConfigured(SpaceId space, SpaceFeatures features, PersonId by)
    implements DomainEvent {
  /** Checks that nothing is missing. */
  public SpaceConfigured {
    Validate.required("space", space);
    Validate.required("features", features);
    Validate.required("by", by);
  }
}
