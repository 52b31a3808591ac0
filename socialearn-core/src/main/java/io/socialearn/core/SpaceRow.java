package io.socialearn.core;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.Space;
import io.socialearn.api.space.SpaceFeatures;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceKind;
import io.socialearn.api.space.SpaceVisibility;
import java.time.Instant;

/** The space projection's row; members are kept beside it. */
record SpaceRow(
    SpaceId id,
    String name,
    String description,
    SpaceKind kind,
    SpaceVisibility visibility,
    PersonId createdBy,
    Instant createdAt,
    SpaceFeatures features) {

  Space view(int memberCount) {
    return new Space(id, name, description, kind, visibility, createdBy, createdAt, memberCount,
        features);
  }

  SpaceRow withFeatures(SpaceFeatures newFeatures) {
    return new SpaceRow(id, name, description, kind, visibility, createdBy, createdAt,
        newFeatures);
  }
}
