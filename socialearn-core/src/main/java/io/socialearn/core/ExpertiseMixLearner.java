package io.socialearn.core;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.KnownAnswer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Learns how "who knows" should weigh its signals in a host's own community, from questions
 * whose answerer is known ({@link KnownAnswer}): the candidates {@code whoKnows} ranked when each
 * question was asked, and who gave the accepted answer. The result goes into {@link
 * io.socialearn.core.expertise.ExpertiseSettings} (or a query's {@link
 * io.socialearn.api.expertise.WhoKnowsOptions#mix}), so that routing and "who knows" rank as the
 * community's answers have shown. Learn only from questions asked before the ones the mix will
 * rank. Re-learning as more answers are accepted costs tens of milliseconds of one core for
 * hundreds of questions of 200 candidates each (about 50 ms for 300 on the project's 2-core
 * machine), so it can run after every accepted answer or on a schedule.
 *
 * <p>The model is listwise, ListNet's top-one probability (Cao et al., "Learning to Rank: From
 * Pairwise Approach to Listwise Approach", ICML 2007), with one relevant candidate per question.
 * It minimises, over weights {@code w >= 0} (what {@link ExpertiseMix} allows), the mean over the
 * questions of {@code -log softmax(X w)[answerer]} plus {@value #PENALTY} × |w|², where {@code X}
 * holds a question's candidates' signals. With the penalty the objective is smooth and strictly
 * convex, so projected gradient descent finds its one optimum whatever the start: the mix
 * depends on the examples only. Questions whose answerer is not among the candidates carry no
 * gradient and are left out.
 *
 * <p>Chosen on the evaluation harness's validation split (training-period questions of two Stack
 * Exchange communities, each ranked by a mix learned from the questions known before it), where it
 * ranked better than coordinate ascent on reciprocal rank, and {@value #PENALTY} was the best
 * penalty of 0.001 to 0.3; see the README's "Who knows" figures. Thread-safe (stateless).
 */
public final class ExpertiseMixLearner {
  /** The L2 penalty on the weights. */
  public static final double PENALTY = 0.001;
  private static final int MAX_STEPS = 2_000;

  private ExpertiseMixLearner() {}

  /**
   * The mix that best ranks each example's answerer first, starting from {@link
   * ExpertiseMix#defaults()}; the defaults if no example's answerer is among its candidates.
   *
   * @throws InvalidInputException if {@code examples} or one of them is null
   */
  public static ExpertiseMix learn(List<KnownAnswer> examples) {
    return learn(examples, ExpertiseMix.defaults());
  }

  /**
   * The mix that best ranks each example's answerer first; {@code start} if no example's
   * answerer is among its candidates, or if every learned weight is 0. The optimum does not
   * depend on {@code start} otherwise; a start near it only saves steps.
   *
   * @throws InvalidInputException if {@code examples}, one of them or {@code start} is null
   */
  public static ExpertiseMix learn(List<KnownAnswer> examples, ExpertiseMix start) {
    Validate.required("examples", examples);
    Validate.required("start", start);
    List<double[][]> signals = new ArrayList<>();
    List<Integer> answerers = new ArrayList<>();
    for (int e = 0; e < examples.size(); e++) {
      KnownAnswer example = examples.get(e);
      if (example == null) {
        throw new InvalidInputException("examples", "required", "example " + e + " is null");
      }
      int answerer = example.answererIndex();
      if (answerer < 0) {
        continue;
      }
      List<ExpertCandidate> candidates = example.candidates();
      double[][] x = new double[candidates.size()][ExpertiseMix.SIGNALS.length];
      for (int i = 0; i < x.length; i++) {
        for (int d = 0; d < ExpertiseMix.SIGNALS.length; d++) {
          x[i][d] = candidates.get(i).signals().get(ExpertiseMix.SIGNALS[d]);
        }
      }
      signals.add(x);
      answerers.add(answerer);
    }
    return learn(signals.toArray(new double[0][][]),
        answerers.stream().mapToInt(Integer::intValue).toArray(), start);
  }

  /** The fit over examples as arrays: each example's candidates' signals and its answerer. */
  static ExpertiseMix learn(double[][][] x, int[] answerer, ExpertiseMix start) {
    if (x.length == 0) {
      return start;
    }
    double[] w = start.weights();
    double[] g = new double[w.length];
    double f = loss(x, answerer, w, g);
    double step = 1;
    for (int it = 0; it < MAX_STEPS; it++) {
      double[] next = new double[w.length];
      double[] nextG = new double[w.length];
      double nextF;
      while (true) {
        double decrease = 0;
        for (int d = 0; d < w.length; d++) {
          next[d] = Math.max(0, w[d] - step * g[d]);
          decrease += g[d] * (w[d] - next[d]);
        }
        nextF = loss(x, answerer, next, nextG);
        if (nextF <= f - 1e-4 * decrease) {
          break;
        }
        step /= 2;
        if (step < 1e-12) {
          return finish(w, start);
        }
      }
      boolean settled = f - nextF <= 1e-12 * Math.max(1, Math.abs(f));
      w = next;
      g = nextG;
      f = nextF;
      if (settled) {
        break;
      }
      step *= 2;
    }
    return finish(w, start);
  }

  private static ExpertiseMix finish(double[] w, ExpertiseMix start) {
    return Arrays.stream(w).allMatch(v -> v == 0) ? start : ExpertiseMix.of(w);
  }

  /**
   * The penalised loss at {@code w}, with its gradient written into {@code gradient}; the
   * log-sum-exp is taken from each example's highest score, so no exponent overflows.
   */
  static double loss(double[][][] x, int[] answerer, double[] w, double[] gradient) {
    Arrays.fill(gradient, 0);
    double total = 0;
    double[] expected = new double[w.length];
    for (int q = 0; q < x.length; q++) {
      double[][] xq = x[q];
      double[] scores = new double[xq.length];
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < xq.length; i++) {
        scores[i] = dot(xq[i], w);
        max = Math.max(max, scores[i]);
      }
      double z = 0;
      Arrays.fill(expected, 0);
      for (int i = 0; i < xq.length; i++) {
        double e = Math.exp(scores[i] - max);
        z += e;
        for (int d = 0; d < w.length; d++) {
          expected[d] += e * xq[i][d];
        }
      }
      int r = answerer[q];
      total += max + Math.log(z) - scores[r];
      for (int d = 0; d < w.length; d++) {
        gradient[d] += expected[d] / z - xq[r][d];
      }
    }
    double penalty = 0;
    for (int d = 0; d < w.length; d++) {
      gradient[d] = gradient[d] / x.length + 2 * PENALTY * w[d];
      penalty += w[d] * w[d];
    }
    return total / x.length + PENALTY * penalty;
  }

  private static double dot(double[] x, double[] w) {
    double s = 0;
    for (int d = 0; d < x.length; d++) {
      s += x[d] * w[d];
    }
    return s;
  }
}
