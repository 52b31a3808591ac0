package io.socialearn.api.expertise;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One person "who knows", with why. Immutable.
 *
 * @param person who
 * @param score the combined score; comparable only within one answer
 * @param reasons short sentences a person can read, strongest first ("3 accepted answers in
 *     payroll, last 2 weeks ago")
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
    signals = ordered(Validate.required("signals", signals));
  }

  private static Map<String, Double> ordered(Map<String, Double> given) {
    Map<String, Double> rest = new TreeMap<>();
    for (Map.Entry<String, Double> e : given.entrySet()) {
      Validate.required("signals key", e.getKey());
      Validate.required("signals[" + e.getKey() + "]", e.getValue());
      rest.put(e.getKey(), e.getValue());
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (String name : ExpertiseMix.SIGNALS) {
      Double value = rest.remove(name);
      if (value != null) {
        out.put(name, value);
      }
    }
    out.putAll(rest);
    return Collections.unmodifiableMap(out);
  }
}
