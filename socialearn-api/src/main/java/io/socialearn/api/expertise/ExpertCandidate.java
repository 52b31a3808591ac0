package io.socialearn.api.expertise;

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
 *     payroll, last 2 weeks ago")
 * @param signals each signal of {@link ExpertiseMix#SIGNALS} before weighting, by name
 */
public record ExpertCandidate(PersonId person, double score, List<String> reasons,
    Map<String, Double> signals) {
  /** Checks and copies. */
  public ExpertCandidate {
    Validate.required("person", person);
    reasons = List.copyOf(Validate.required("reasons", reasons));
    signals = Map.copyOf(Validate.required("signals", signals));
  }
}
