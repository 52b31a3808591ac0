package io.socialearn.api.reputation;

import io.socialearn.api.Validate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

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
    changes = Validate.list("changes", changes);
  }

  /** The changes summed per day (UTC), oldest day first; days without change are left out. */
  public SortedMap<LocalDate, Integer> perDay() {
    SortedMap<LocalDate, Integer> days = new TreeMap<>();
    for (ReputationChange change : changes) {
      days.merge(LocalDate.ofInstant(change.at(), ZoneOffset.UTC), change.delta(), Integer::sum);
    }
    return days;
  }
}
