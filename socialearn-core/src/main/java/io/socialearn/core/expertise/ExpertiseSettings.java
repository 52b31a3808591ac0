package io.socialearn.core.expertise;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.expertise.ExpertiseMix;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How expertise is scored: the half-life of evidence, the half-lives of the activity signals, the
 * weight of each kind of evidence, and the default mix of "who knows". Immutable.
 *
 * @param halfLife the half-life of evidence: after it, an answer counts half as much
 * @param activityHalfLife the half-life of the "recent activity" signals
 * @param freshHalfLife the half-life of the "active these days" signal
 * @param weights the weight of one piece of each kind of evidence before decay
 * @param mix how "who knows" weighs its signals unless a query says otherwise
 */
public record ExpertiseSettings(Duration halfLife, Duration activityHalfLife,
    Duration freshHalfLife, Map<EvidenceKind, Double> weights, ExpertiseMix mix) {

  /** The longest half-life. */
  public static final Duration MAX_HALF_LIFE = Duration.ofDays(365_000);
  /** The largest weight of a kind of evidence. */
  public static final double MAX_WEIGHT = 1e6;

  /**
   * Checks and copies: half-lives from an hour to {@link #MAX_HALF_LIFE} (a thousand years),
   * weights from 0 to {@link #MAX_WEIGHT}.
   */
  public ExpertiseSettings {
    check("halfLife", halfLife);
    check("activityHalfLife", activityHalfLife);
    check("freshHalfLife", freshHalfLife);
    Validate.required("weights", weights);
    Validate.required("mix", mix);
    Map<EvidenceKind, Double> copy = new EnumMap<>(EvidenceKind.class);
    for (EvidenceKind kind : EvidenceKind.values()) {
      Double w = weights.get(kind);
      if (w == null || !Double.isFinite(w) || w < 0) {
        throw new InvalidInputException("weights", "nonNegative",
            "the weight of " + kind + " must be a finite number >= 0, was " + w);
      }
      if (w > MAX_WEIGHT) {
        throw new InvalidInputException("weights", "range",
            "the weight of " + kind + " must be at most " + MAX_WEIGHT + ", was " + w);
      }
      copy.put(kind, w);
    }
    weights = Map.copyOf(copy);
  }

  private static void check(String field, Duration d) {
    Validate.required(field, d);
    if (d.compareTo(Duration.ofHours(1)) < 0) {
      throw new InvalidInputException(field, "atLeastAnHour",
          field + " must be at least an hour, was " + d);
    }
    if (d.compareTo(MAX_HALF_LIFE) > 0) {
      throw new InvalidInputException(field, "range",
          field + " must be at most " + MAX_HALF_LIFE.toDays() + " days, was " + d);
    }
  }

  /**
   * The defaults: evidence halves in a year, activity in 30 days, "these days" in 3 days; an
   * answer 1, an up vote on it 0.5, an accept 3, an answer across departments 0.5 more, an
   * endorsement 2, a declared skill 0.5 (never decays), a question asked 0.1.
   */
  public static ExpertiseSettings defaults() {
    Map<EvidenceKind, Double> w = new EnumMap<>(EvidenceKind.class);
    w.put(EvidenceKind.ANSWER, 1.0);
    w.put(EvidenceKind.ANSWER_UPVOTE, 0.5);
    w.put(EvidenceKind.ACCEPTED_ANSWER, 3.0);
    w.put(EvidenceKind.CROSS_DEPARTMENT_ANSWER, 0.5);
    w.put(EvidenceKind.ENDORSEMENT, 2.0);
    w.put(EvidenceKind.DECLARED_SKILL, 0.5);
    w.put(EvidenceKind.QUESTION_ASKED, 0.1);
    return new ExpertiseSettings(Duration.ofDays(365), Duration.ofDays(30), Duration.ofDays(3), w,
        ExpertiseMix.defaults());
  }

  /** These settings with another evidence half-life. */
  public ExpertiseSettings withHalfLife(Duration newHalfLife) {
    return new ExpertiseSettings(newHalfLife, activityHalfLife, freshHalfLife, weights, mix);
  }

  /** These settings with another default mix. */
  public ExpertiseSettings withMix(ExpertiseMix newMix) {
    return new ExpertiseSettings(halfLife, activityHalfLife, freshHalfLife, weights, newMix);
  }

  /** These settings with another weight for one kind of evidence. */
  public ExpertiseSettings withWeight(EvidenceKind kind, double weight) {
    Map<EvidenceKind, Double> w = new EnumMap<>(weights);
    w.put(Validate.required("kind", kind), weight);
    return new ExpertiseSettings(halfLife, activityHalfLife, freshHalfLife, w, mix);
  }

  double weight(EvidenceKind kind) {
    return weights.get(kind);
  }
}
