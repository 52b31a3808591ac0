package io.socialearn.api.space;

import io.socialearn.api.Validate;

/**
 * A space: a community such as a department pilot, a topic community or a course.
 *
 * @param value 1 to 128 characters of letters, digits and {@code . _ - : @ +}
 */
public record SpaceId(String value) {
  /** Validates the id. */
  public SpaceId {
    Validate.id("spaceId", value);
  }

  /** Returns the id for {@code value}. */
  public static SpaceId of(String value) {
    return new SpaceId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
