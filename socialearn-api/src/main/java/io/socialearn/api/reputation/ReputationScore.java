package io.socialearn.api.reputation;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import java.time.Instant;

/**
 * A person's reputation at a moment.
 *
 * @param person whose
 * @param points the total
 * @param asOf the time of the last change counted, to the second (see {@link
 *     ReputationChange#at})
 */
public record ReputationScore(
    PersonId person,
    int points,
    Instant asOf) {
  /** Checks that nothing required is missing, and copies collections. */
  public ReputationScore {
    Validate.required("person", person);
    Validate.required("asOf", asOf);
  }
}
