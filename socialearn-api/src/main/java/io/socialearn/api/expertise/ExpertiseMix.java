package io.socialearn.api.expertise;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How "who knows" weighs its signals into one score: {@code score = Σ weight × signal}. The first
 * seven signals are {@code log(1 + x)} of a non-negative figure; the next four, how lately the
 * person last answered on four time scales, and the last, a share, are between 0 and 1 (see
 * {@link ExpertCandidate#signals()}). The scales are fixed (an hour, 6 hours, a day, a week) so
 * that a host, or a learner, picks how fast "around lately" fades by weighing them rather than
 * by a setting.
 * Immutable and thread-safe.
 *
 * @param topic the profile model: decayed evidence in the query's topics
 * @param topicRecent recent answers in the query's topics (short half-life)
 * @param activity recent answers in any topic: who is around
 * @param fresh answers in the last few days, in any topic
 * @param documents the document model: authors of answers to similar questions, credited by
 *     relevance and answer quality
 * @param standing the prior: decayed evidence in every topic (votes, accepts: what reputation
 *     is made of)
 * @param topicSpecific recent answers in the query's topics (as {@code topicRecent}), each
 *     topic weighted by its share of the query's inverse document frequency (how rare the topic
 *     is among the threads the viewer can read): an answer in a rare topic of the query says
 *     more than one in a common one
 * @param lastAnswer1h how lately the person last answered, in any topic, on a one-hour scale:
 *     {@code e^(−hours)} since their latest answer the viewer can see (1 just now, 0.37 an hour
 *     later, 0 never): who is online right now, not how much they did
 * @param lastAnswer6h as {@code lastAnswer1h} on a 6-hour scale, {@code e^(−hours / 6)}: who is
 *     around today
 * @param lastAnswer1d as {@code lastAnswer6h} on a one-day scale, {@code e^(−hours / 24)}
 * @param lastAnswer1w as {@code lastAnswer6h} on a one-week scale, {@code e^(−hours / 168)}
 * @param topicShare how much of what the person answers is in the query's topics: of their
 *     answers the viewer can see, the share in the topics (an answer in two of them counted
 *     twice, at most all), smoothed towards the topics' share of the threads the viewer can read,
 *     {@code (in topics + 5 × that share) / (answers + 5)}, 0 for no answers: someone who answers
 *     mostly in the topics over someone who answers everything
 */
public record ExpertiseMix(double topic, double topicRecent, double activity, double fresh,
    double documents, double standing, double topicSpecific, double lastAnswer1h,
    double lastAnswer6h, double lastAnswer1d, double lastAnswer1w, double topicShare) {

  /** The signal names, in the order of the components: an unmodifiable list. */
  public static final List<String> SIGNALS = List.of("topic", "topicRecent", "activity", "fresh",
      "documents", "standing", "topicSpecific", "lastAnswer1h", "lastAnswer6h", "lastAnswer1d",
      "lastAnswer1w", "topicShare");

  /**
   * The largest weight: with every signal at most a few dozen, scores stay far from overflowing.
   */
  public static final double MAX_WEIGHT = 1e6;

  /** Checks that every weight is a number from 0 to {@link #MAX_WEIGHT}. */
  public ExpertiseMix {
    double[] all = {topic, topicRecent, activity, fresh, documents, standing, topicSpecific,
        lastAnswer1h, lastAnswer6h, lastAnswer1d, lastAnswer1w, topicShare};
    for (int i = 0; i < all.length; i++) {
      if (!Double.isFinite(all[i]) || all[i] < 0) {
        throw new InvalidInputException(SIGNALS.get(i), "nonNegative",
            SIGNALS.get(i) + " weight must be a finite number >= 0, was " + all[i]);
      }
      if (all[i] > MAX_WEIGHT) {
        throw new InvalidInputException(SIGNALS.get(i), "range",
            SIGNALS.get(i) + " weight must be at most " + MAX_WEIGHT + ", was " + all[i]);
      }
    }
  }

  /**
   * The built-in mix, for a community that has not learned its own yet (see {@code
   * ExpertiseMixLearner} in socialearn-core): the mix that learner fits to the 527 questions
   * of two Stack Exchange communities' training periods (cardano and quantumcomputing, pooled),
   * rounded to two decimals. How much of what a person answers is in the query's topics weighs
   * most, then who answered lately (a week's and an hour's scale), answers in the last few days,
   * answers to similar questions and activity; with that share, the counts of evidence in the
   * topics were learned at 0. See the README's "Who knows".
   */
  public static ExpertiseMix defaults() {
    return new ExpertiseMix(0.0, 0.0, 0.31, 0.39, 0.32, 0.13, 0.0, 0.69, 0.11, 0.0, 1.37, 3.29);
  }

  /** A mix from weights in {@link #SIGNALS} order. */
  public static ExpertiseMix of(double[] weights) {
    Validate.required("weights", weights);
    if (weights.length != SIGNALS.size()) {
      throw new InvalidInputException("weights", "length",
          "a mix needs " + SIGNALS.size() + " weights, got " + weights.length);
    }
    return new ExpertiseMix(weights[0], weights[1], weights[2], weights[3], weights[4],
        weights[5], weights[6], weights[7], weights[8], weights[9], weights[10], weights[11]);
  }

  /**
   * This mix with {@code signal} weighed {@code weight} and every other weight as it is: a mix
   * built this way from {@link #defaults()} or a learned one keeps compiling, and keeps its
   * meaning, when a later version adds a signal (at 0 unless a default weighs it).
   *
   * @throws InvalidInputException if {@code signal} is not one of {@link #SIGNALS} (field {@code
   *     signal}, rule {@code unknown}), or the weight is not a number from 0 to {@link
   *     #MAX_WEIGHT} (field: the signal)
   */
  public ExpertiseMix with(String signal, double weight) {
    Validate.required("signal", signal);
    int i = SIGNALS.indexOf(signal);
    if (i < 0) {
      throw new InvalidInputException("signal", "unknown",
          "no signal named '" + signal + "'; the signals are " + SIGNALS);
    }
    double[] w = weights();
    w[i] = weight;
    return of(w);
  }

  /** The weights in {@link #SIGNALS} order. */
  public double[] weights() {
    return new double[] {topic, topicRecent, activity, fresh, documents, standing,
        topicSpecific, lastAnswer1h, lastAnswer6h, lastAnswer1d, lastAnswer1w, topicShare};
  }

  /** The weights by signal name, in {@link #SIGNALS} order. */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    double[] w = weights();
    for (int i = 0; i < w.length; i++) {
      map.put(SIGNALS.get(i), w[i]);
    }
    return map;
  }
}
