package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceKind;
import io.socialearn.api.space.SpaceVisibility;

/**
 * A space was created.
 *
 * @param space the new space
 * @param name its name
 * @param description what it is for
 * @param kind community, department or course
 * @param visibility who may read it
 * @param createdBy its creator
 */
public record SpaceCreated(
    SpaceId space,
    String name,
    String description,
    SpaceKind kind,
    SpaceVisibility visibility,
    PersonId createdBy) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public SpaceCreated {
    Validate.required("space", space);
    Validate.required("name", name);
    Validate.required("description", description);
    Validate.required("kind", kind);
    Validate.required("visibility", visibility);
    Validate.required("createdBy", createdBy);
  }
}
