package io.socialearn.harness.eval;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The measures the evaluations report, each computed the textbook way. Stateless and thread-safe.
 */
public final class Metrics {
  private Metrics() {}

  /** 1 / the rank of the first relevant item, or 0 if none is ranked. */
  public static <T> double reciprocalRank(List<T> ranking, Set<T> relevant) {
    for (int i = 0; i < ranking.size(); i++) {
      if (relevant.contains(ranking.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /**
   * The share of the relevant items found in the first {@code k}: {@code |relevant ∩ top k| /
   * |relevant|}; 0 when nothing is relevant.
   */
  public static <T> double recallAt(List<T> ranking, Set<T> relevant, int k) {
    if (relevant.isEmpty()) {
      return 0;
    }
    long found = ranking.stream().limit(k).filter(relevant::contains).distinct().count();
    return (double) found / relevant.size();
  }

  /** Whether the first item is relevant: 1 or 0. */
  public static <T> double precisionAt1(List<T> ranking, Set<T> relevant) {
    return !ranking.isEmpty() && relevant.contains(ranking.get(0)) ? 1 : 0;
  }

  /**
   * Average precision as the SemEval-2016 Task 3 scorer ({@code MAP_scripts/ev.py}) computes it:
   * over the first {@code cutoff} ranks, the mean of the precision at each relevant rank; 0 if no
   * relevant item is ranked there.
   *
   * @param relevance whether the item at each rank, best first, is relevant
   */
  public static double averagePrecision(List<Boolean> relevance, int cutoff) {
    int found = 0;
    double sum = 0;
    for (int i = 0; i < Math.min(cutoff, relevance.size()); i++) {
      if (relevance.get(i)) {
        found++;
        sum += (double) found / (i + 1);
      }
    }
    return found == 0 ? 0 : sum / found;
  }

  /** The mean of the values, or 0 for none. */
  public static double mean(Collection<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  /**
   * Spearman's rank correlation of two paired samples: the Pearson correlation of their ranks,
   * tied values sharing the mean of their ranks. NaN if either sample is constant or has fewer
   * than two values.
   *
   * @throws IllegalArgumentException if the samples differ in length
   */
  public static double spearman(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("samples of " + x.length + " and " + y.length
          + " values");
    }
    if (x.length < 2) {
      return Double.NaN;
    }
    return pearson(ranks(x), ranks(y));
  }

  /** The 1-based ranks of the values, ties given the mean of the ranks they span. */
  static double[] ranks(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] ranks = new double[values.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }

  private static double pearson(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElse(0);
    double my = Arrays.stream(y).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /**
   * What a paired bootstrap says of a relative gain {@code mean(ours) / mean(theirs) - 1} over the
   * same queries: its 2.5th and 97.5th percentiles over the resamples, and the share of resamples
   * where it is at least a target. Resamples where {@code theirs} sums to 0 have no gain and are
   * left out; with none left, every figure is NaN.
   *
   * @param low the 2.5th percentile of the gain
   * @param high the 97.5th percentile
   * @param reaching the share of resamples whose gain is at least the target
   * @param resamples the resamples counted
   */
  public record GainInterval(double low, double high, double reaching, int resamples) {}

  /**
   * A paired bootstrap of the gain of {@code ours} over {@code theirs}, per-query values of the
   * same queries in the same order: {@code resamples} draws of as many queries with replacement,
   * from a generator seeded with {@code seed} (so the figures repeat).
   *
   * @throws IllegalArgumentException if the samples differ in length or are empty
   */
  public static GainInterval gainInterval(double[] ours, double[] theirs, double target,
      int resamples, long seed) {
    if (ours.length != theirs.length || ours.length == 0) {
      throw new IllegalArgumentException("paired samples of " + ours.length + " and "
          + theirs.length + " values");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] gains = new double[resamples];
    int kept = 0;
    int reaching = 0;
    for (int r = 0; r < resamples; r++) {
      double a = 0;
      double b = 0;
      for (int i = 0; i < ours.length; i++) {
        int q = random.nextInt(ours.length);
        a += ours[q];
        b += theirs[q];
      }
      if (b > 0) {
        gains[kept] = a / b - 1;
        reaching += gains[kept] >= target ? 1 : 0;
        kept++;
      }
    }
    if (kept == 0) {
      return new GainInterval(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double[] sorted = Arrays.copyOf(gains, kept);
    Arrays.sort(sorted);
    return new GainInterval(sorted[(int) Math.floor(0.025 * (kept - 1))],
        sorted[(int) Math.ceil(0.975 * (kept - 1))], (double) reaching / kept, kept);
  }

  /**
   * Rounds to four decimals for a summary; NaN and the infinities (a gain over a baseline of 0)
   * stay as they are.
   */
  public static double round4(double value) {
    return Double.isFinite(value) ? Math.round(value * 10_000) / 10_000.0 : value;
  }
}
