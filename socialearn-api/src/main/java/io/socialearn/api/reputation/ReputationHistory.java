package io.socialearn.api.reputation;

import io.socialearn.api.Validate;
import java.util.List;

/**
 * A person's reputation and every change that made it, oldest first.
 *
 * @param score the current score
 * @param changes every change, oldest first
 */
public record ReputationHistory(
    ReputationScore score,
    List<ReputationChange> changes) {
  /** Checks that nothing required is missing, and copies collections. */
  public ReputationHistory {
    Validate.required("score", score);
    changes = List.copyOf(Validate.required("changes", changes));
  }
}
