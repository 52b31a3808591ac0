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
 * question was asked, and who gave the accepted answer. The result goes to a running engine's
 * {@link SocialLearningEngine#useExpertiseMix}, into {@link
 * io.socialearn.core.expertise.ExpertiseSettings} for the next start, or into a query's {@link
 * io.socialearn.api.expertise.WhoKnowsOptions#mix}, so that routing and "who knows" rank as the
 * community's answers have shown. Learn only from questions asked before the ones the mix will
 * rank. Re-learning as more answers are accepted costs tens of milliseconds of one core for
 * hundreds of questions of up to 200 candidates each (15 to 30 ms for 290 to 340 on the
 * project's 2-core machine, about 8 Newton steps), so it can run after every accepted answer.
 *
 * <p>The model is listwise, ListNet's top-one probability (Cao et al., "Learning to Rank: From
 * Pairwise Approach to Listwise Approach", ICML 2007), with one relevant candidate per question.
 * It minimises, over weights {@code w >= 0} (what {@link ExpertiseMix} allows), the mean over the
 * questions of {@code -log softmax(X w)[answerer]} plus {@value #PENALTY} × |w|², where {@code X}
 * holds a question's candidates' signals. With the penalty the objective is smooth and strictly
 * convex, so the fit (projected Newton; Bertsekas, SIAM J. Control Optim. 1982) finds its one
 * optimum whatever the start: the mix depends on the examples only. Questions whose answerer is
 * not among the candidates carry no gradient and are left out.
 *
 * <p>Chosen on the evaluation harness's validation split (training-period questions of two Stack
 * Exchange communities, each ranked by a mix learned from the questions known before it), where it
 * ranked better than coordinate ascent on reciprocal rank, and {@value #PENALTY} was the best
 * penalty of 0.001 to 0.3; see the README's "Who knows" figures. Thread-safe (stateless).
 */
public final class ExpertiseMixLearner {
  /** The L2 penalty on the weights. */
  public static final double PENALTY = 0.001;
  private static final int MAX_STEPS = 200;
  /** The optimum's conditions are met to within this (see {@link #residual}). */
  private static final double TOLERANCE = 1e-9;
  /** The share of the first-order decrease a step must deliver (Armijo's condition). */
  private static final double ARMIJO = 1e-4;
  private static final double MIN_STEP = 1e-12;
  /** A step predicted to lower the loss by less than this share of it is beyond its rounding. */
  private static final double PRECISION = 1e-14;
  /** Below this share of the loss, a step's decrease is judged by the gradient, not the loss. */
  private static final double NOISE = 1e-10;
  /** Weights this close to 0 whose gradient is positive take a gradient step (Bertsekas' ε). */
  private static final double EPSILON = 1e-3;

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
      double[][] x = new double[candidates.size()][ExpertiseMix.SIGNALS.size()];
      for (int i = 0; i < x.length; i++) {
        for (int d = 0; d < ExpertiseMix.SIGNALS.size(); d++) {
          x[i][d] = candidates.get(i).signals().get(ExpertiseMix.SIGNALS.get(d));
        }
      }
      signals.add(x);
      answerers.add(answerer);
    }
    return learn(signals.toArray(new double[0][][]),
        answerers.stream().mapToInt(Integer::intValue).toArray(), start);
  }

  /**
   * The fit over examples as arrays: each example's candidates' signals and its answerer.
   * Projected Newton (Bertsekas, "Projected Newton Methods for Optimization Problems with Simple
   * Constraints", SIAM J. Control Optim. 1982): the weights at or within ε of 0 whose gradient
   * would lower them take a gradient step, the others a Newton step, projected onto w ≥ 0, with an
   * Armijo backtracking search along the projected path. With 12 weights the Hessian costs little
   * more than the gradient, and the fit settles in about 8 steps on the harness's communities, 50
   * to 80 times as fast as the projected gradient descent the learner used before, which also
   * stopped short of the optimum by up to 0.01 in a weight.
   */
  static ExpertiseMix learn(double[][][] x, int[] answerer, ExpertiseMix start) {
    if (x.length == 0) {
      return start;
    }
    int n = ExpertiseMix.SIGNALS.size();
    double[] w = start.weights();
    double[] g = new double[n];
    double[][] h = new double[n][n];
    double f = loss(x, answerer, w, g, h);
    for (int it = 0; it < MAX_STEPS; it++) {
      double residual = residual(w, g);
      if (residual <= TOLERANCE) {
        break;
      }
      double[] next = step(x, answerer, w, g, h, f, Math.min(EPSILON, residual));
      if (next == null) {
        // No step lowers the loss measurably: the optimum, to the precision of doubles.
        break;
      }
      f = loss(x, answerer, next, g, h);
      w = next;
    }
    return finish(w, start);
  }

  /**
   * The weights after one projected Newton step with backtracking from {@code w}, or null if no
   * step along the projected path lowers the loss by Armijo's share of its first-order decrease,
   * or if even the full step, unprojected, would change the loss by less than its rounding. Where
   * the predicted decrease is so small that rounding would hide it, the longest step along the
   * projected path (halving from the full one) that brings the weights closer to the optimum's
   * conditions is taken.
   * The weights within {@code epsilon} of 0 whose gradient is positive take a gradient step
   * (towards 0); the others a Newton step over themselves.
   */
  private static double[] step(double[][][] x, int[] answerer, double[] w, double[] g,
      double[][] h, double f, double epsilon) {
    int n = w.length;
    int[] free = new int[n];
    int k = 0;
    double[] p = new double[n];
    boolean[] held = new boolean[n];
    for (int d = 0; d < n; d++) {
      held[d] = w[d] <= epsilon && g[d] > 0;
      if (held[d]) {
        p[d] = -g[d];
      } else {
        free[k++] = d;
      }
    }
    double[][] a = new double[k][k];
    double[] b = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        a[i][j] = h[free[i]][free[j]];
      }
      b[i] = -g[free[i]];
    }
    double[] newton = solve(a, b);
    for (int i = 0; i < k; i++) {
      p[free[i]] = newton[i];
    }
    // The first-order decrease of the full step, the Newton part unprojected; a held weight
    // moves at most to 0.
    double predicted = 0;
    for (int d = 0; d < n; d++) {
      predicted += held[d] ? g[d] * Math.min(w[d], g[d]) : -g[d] * p[d];
    }
    double scale = Math.max(1, Math.abs(f));
    if (predicted < PRECISION * scale) {
      // The full step, unprojected, would lower the loss by less than doubles can tell.
      return null;
    }
    if (predicted < NOISE * scale) {
      // So close that the loss's rounding would hide its decrease: the longest step along the
      // projected path (halving from the full one) that brings the weights closer to the
      // optimum's conditions. Past a bound, projection can bend the full step away from them.
      double before = residual(w, g);
      double[] nextG = new double[n];
      for (double alpha = 1; alpha >= MIN_STEP; alpha /= 2) {
        double[] next = project(w, p, alpha);
        loss(x, answerer, next, nextG, null);
        if (residual(next, nextG) < before) {
          return next;
        }
      }
      return null;
    }
    for (double alpha = 1; alpha >= MIN_STEP; alpha /= 2) {
      double[] next = project(w, p, alpha);
      double decrease = decrease(w, g, next);
      if (decrease > 0 && loss(x, answerer, next, null, null) <= f - ARMIJO * decrease) {
        return next;
      }
    }
    return null;
  }

  /** max(0, w + scale × direction), each weight. */
  private static double[] project(double[] w, double[] direction, double scale) {
    double[] next = new double[w.length];
    for (int d = 0; d < w.length; d++) {
      next[d] = Math.max(0, w[d] + scale * direction[d]);
    }
    return next;
  }

  /** The first-order decrease of the loss from {@code w} to {@code next}: g · (w − next). */
  private static double decrease(double[] w, double[] g, double[] next) {
    double decrease = 0;
    for (int d = 0; d < w.length; d++) {
      decrease += g[d] * (w[d] - next[d]);
    }
    return decrease;
  }

  /**
   * How far {@code w} is from the optimum's conditions: the largest change a unit projected
   * gradient step would make, 0 exactly at the optimum.
   */
  private static double residual(double[] w, double[] g) {
    double r = 0;
    for (int d = 0; d < w.length; d++) {
      r = Math.max(r, Math.abs(w[d] - Math.max(0, w[d] - g[d])));
    }
    return r;
  }

  /**
   * Solves {@code a·s = b} for a symmetric positive definite {@code a} (the penalty makes the
   * Hessian so) by Cholesky factorisation.
   */
  private static double[] solve(double[][] a, double[] b) {
    int k = b.length;
    double[][] l = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        l[i][j] = i == j ? Math.sqrt(Math.max(s, Double.MIN_NORMAL)) : s / l[j][j];
      }
    }
    double[] y = new double[k];
    for (int i = 0; i < k; i++) {
      double s = b[i];
      for (int m = 0; m < i; m++) {
        s -= l[i][m] * y[m];
      }
      y[i] = s / l[i][i];
    }
    double[] s = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double v = y[i];
      for (int m = i + 1; m < k; m++) {
        v -= l[m][i] * s[m];
      }
      s[i] = v / l[i][i];
    }
    return s;
  }

  private static ExpertiseMix finish(double[] w, ExpertiseMix start) {
    // A weight beyond what a mix holds (signals that barely differ, ranked perfectly) is held at
    // the largest: it ranks as the unbounded fit would.
    return Arrays.stream(w).allMatch(v -> v == 0) ? start
        : ExpertiseMix.of(Arrays.stream(w).map(v -> Math.min(v, ExpertiseMix.MAX_WEIGHT))
            .toArray());
  }

  /**
   * The penalised loss at {@code w}; unless null, its gradient written into {@code gradient} and
   * its Hessian into {@code hessian}: the mean over the examples of the covariance of the
   * signals under the softmax, plus twice the penalty on the diagonal. The log-sum-exp is taken
   * from each example's highest score, so no exponent overflows.
   */
  static double loss(double[][][] x, int[] answerer, double[] w, double[] gradient,
      double[][] hessian) {
    int n = w.length;
    if (gradient != null) {
      Arrays.fill(gradient, 0);
    }
    if (hessian != null) {
      for (double[] row : hessian) {
        Arrays.fill(row, 0);
      }
    }
    double total = 0;
    double[] expected = new double[n];
    double[][] second = new double[n][n];
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
      if (hessian != null) {
        for (double[] row : second) {
          Arrays.fill(row, 0);
        }
      }
      for (int i = 0; i < xq.length; i++) {
        double e = Math.exp(scores[i] - max);
        z += e;
        if (gradient == null) {
          continue;
        }
        double[] xi = xq[i];
        for (int d = 0; d < n; d++) {
          expected[d] += e * xi[d];
        }
        if (hessian != null) {
          for (int d = 0; d < n; d++) {
            double exd = e * xi[d];
            for (int c = 0; c <= d; c++) {
              second[d][c] += exd * xi[c];
            }
          }
        }
      }
      int r = answerer[q];
      total += max + Math.log(z) - scores[r];
      if (gradient == null) {
        continue;
      }
      for (int d = 0; d < n; d++) {
        gradient[d] += expected[d] / z - xq[r][d];
      }
      if (hessian != null) {
        for (int d = 0; d < n; d++) {
          for (int c = 0; c <= d; c++) {
            hessian[d][c] += second[d][c] / z - expected[d] / z * (expected[c] / z);
          }
        }
      }
    }
    double penalty = 0;
    for (int d = 0; d < n; d++) {
      penalty += w[d] * w[d];
      if (gradient != null) {
        gradient[d] = gradient[d] / x.length + 2 * PENALTY * w[d];
      }
      if (hessian != null) {
        for (int c = 0; c <= d; c++) {
          hessian[d][c] = hessian[d][c] / x.length + (c == d ? 2 * PENALTY : 0);
          hessian[c][d] = hessian[d][c];
        }
      }
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
