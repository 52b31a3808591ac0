package io.socialearn.api.space;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import java.time.Instant;

/**
 * A space as a viewer sees it.
 *
 * @param id the space
 * @param name its name, 1 to 100 characters
 * @param description what it is for, possibly empty
 * @param kind community, department or course
 * @param visibility who may read it
 * @param createdBy who created it
 * @param createdAt when
 * @param memberCount how many members it has
 * @param features which features are on
 */
public record Space(
    SpaceId id,
    String name,
    String description,
    SpaceKind kind,
    SpaceVisibility visibility,
    PersonId createdBy,
    Instant createdAt,
    int memberCount,
    SpaceFeatures features) {
  /** Checks that nothing is missing. */
  public Space {
    Validate.required("id", id);
    Validate.required("name", name);
    Validate.required("description", description);
    Validate.required("kind", kind);
    Validate.required("visibility", visibility);
    Validate.required("createdBy", createdBy);
    Validate.required("createdAt", createdAt);
    Validate.required("features", features);
  }
}
