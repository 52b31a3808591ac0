package io.socialearn.api.pulse;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;

/**
 * A person and how many of something they did. Immutable.
 *
 * @param person who
 * @param count how many
 */
public record PersonCount(PersonId person, int count) {
  /** Checks that the person is given. */
  public PersonCount {
    Validate.required("person", person);
  }
}
