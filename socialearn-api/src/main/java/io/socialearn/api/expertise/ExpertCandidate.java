package io.socialearn.api.expertise;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import java.util.List;
import java.util.Map;

/**
 * One person "who knows", with why. Immutable.
 *
 * @param person who
 * @param score the combined score; comparable only within one answer
 * @param reasons short sentences a person can read, strongest first ("3 accepted answers in
 *     payroll, last 2 weeks ago"), then "away for now" or "leaving on 2026-06-30" when the
 *     person may not be around to ask
 * @param signals each signal of {@link ExpertiseMix#SIGNALS} before weighting, by name; iterated
 *     in {@link ExpertiseMix#SIGNALS} order, then any other names alphabetically, the same in
 *     every run (so logs and JSON built from it are stable)
 */
public record ExpertCandidate(PersonId person, double score, List<String> reasons,
    Map<String, Double> signals) {
  /**
   * Checks and copies.
   *
   * @throws InvalidInputException if a field is missing, a reason is null, or a signal's name or
   *     value is null
   */
  public ExpertCandidate {
    Validate.required("person", person);
    Validate.required("reasons", reasons);
    for (String reason : reasons) {
      Validate.required("reasons[]", reason);
    }
    reasons = List.copyOf(reasons);
    signals = SignalMap.copyOf(Validate.required("signals", signals));
  }
}
