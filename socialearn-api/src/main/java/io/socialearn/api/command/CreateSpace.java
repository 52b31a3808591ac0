package io.socialearn.api.command;

import io.socialearn.api.Validate;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceKind;
import io.socialearn.api.space.SpaceVisibility;

/**
 * Creates a space; its creator becomes its owner (unless the creator is the system).
 *
 * @param name 1 to 100 characters
 * @param description what it is for; may be empty
 * @param kind community, department or course
 * @param visibility who may read it
 */
public record CreateSpace(
    String name,
    String description,
    SpaceKind kind,
    SpaceVisibility visibility) implements Command<SpaceId> {
  /** Checks that nothing required is missing, and copies collections. */
  public CreateSpace {
    Validate.required("name", name);
    Validate.required("description", description);
    Validate.required("kind", kind);
    Validate.required("visibility", visibility);
  }

  /** An organisation-wide community with no description. */
  public static CreateSpace community(String name) {
    return new CreateSpace(name, "", SpaceKind.COMMUNITY, SpaceVisibility.ORGANIZATION);
  }
}
