package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialearn.api.expertise.ExpertiseMix;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the examples and wherever the fit starts, the learner returns the optimum: the loss's
 * gradient is 0 along every weight above 0 and does not point below 0 along a weight held at 0
 * (the conditions of an optimum over non-negative weights), so the mix depends on the examples
 * only.
 */
class ExpertiseMixLearnerProperties {
  private static final int SIGNALS = ExpertiseMix.SIGNALS.size();

  /** Examples as the learner takes them: each one's candidates' signals and its answerer. */
  record Examples(double[][][] x, int[] answerer) {
    @Override
    public String toString() {
      return x.length + " examples of " + Arrays.stream(x).mapToInt(q -> q.length).boxed()
          .toList() + " candidates, answerers " + Arrays.toString(answerer);
    }
  }

  /**
   * Communities of 1 to 40 questions, 2 to 40 candidates each. Signals are like those of who
   * knows (log counts up to about 4, many of them 0; the last four between 0 and 1), and some
   * signals copy others, scaled, as closely related signals nearly do: the fit is then badly
   * conditioned, which gradient descent alone handled poorly.
   */
  @Provide
  Arbitrary<Examples> examples() {
    return Arbitraries.longs().map(seed -> {
      Random random = new Random(seed);
      int questions = 1 + random.nextInt(40);
      int[] copyOf = new int[SIGNALS];
      double[] copyScale = new double[SIGNALS];
      for (int d = 0; d < SIGNALS; d++) {
        copyOf[d] = d > 0 && random.nextInt(4) == 0 ? random.nextInt(d) : -1;
        copyScale[d] = 0.5 + random.nextDouble();
      }
      double[][][] x = new double[questions][][];
      int[] answerer = new int[questions];
      for (int q = 0; q < questions; q++) {
        x[q] = new double[2 + random.nextInt(39)][SIGNALS];
        for (double[] candidate : x[q]) {
          for (int d = 0; d < SIGNALS; d++) {
            double scale = d >= SIGNALS - 4 ? 1 : 4;
            candidate[d] = copyOf[d] >= 0
                ? Math.min(scale, candidate[copyOf[d]] * copyScale[d] + 0.01 * random.nextDouble())
                : random.nextInt(3) == 0 ? 0 : scale * random.nextDouble();
          }
        }
        answerer[q] = random.nextInt(x[q].length);
      }
      return new Examples(x, answerer);
    });
  }

  /** Starts at 0, near the usual weights and far from them. */
  @Provide
  Arbitrary<ExpertiseMix> starts() {
    Arbitrary<Double> weight = Arbitraries.oneOf(Arbitraries.just(0.0),
        Arbitraries.doubles().between(0, 3), Arbitraries.doubles().between(10, 100));
    return weight.array(double[].class).ofSize(SIGNALS).map(ExpertiseMix::of);
  }

  /** Whether {@code w} meets the optimum's conditions to within the tolerance. */
  private static boolean optimal(Examples examples, double[] w) {
    double[] gradient = new double[SIGNALS];
    ExpertiseMixLearner.loss(examples.x(), examples.answerer(), w, gradient, null);
    for (int d = 0; d < SIGNALS; d++) {
      if (w[d] > 0 ? Math.abs(gradient[d]) > 1e-6 : gradient[d] < -1e-6) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = 300)
  void theLearnedMixIsTheOptimum(@ForAll("examples") Examples examples,
      @ForAll("starts") ExpertiseMix start) {
    ExpertiseMix learned = ExpertiseMixLearner.learn(examples.x(), examples.answerer(), start);
    assertThat(Arrays.stream(learned.weights()).min().orElseThrow()).isNotNegative();
    if (optimal(examples, learned.weights())) {
      return;
    }
    // The one case the start comes back: every weight of the optimum is 0.
    assertThat(learned).isEqualTo(start);
    assertThat(optimal(examples, new double[SIGNALS])).as("the optimum is all 0").isTrue();
  }

  @Property(tries = 150)
  void theMixDependsOnTheExamplesNotOnTheStart(@ForAll("examples") Examples examples,
      @ForAll("starts") ExpertiseMix one, @ForAll("starts") ExpertiseMix other) {
    double[] a = ExpertiseMixLearner.learn(examples.x(), examples.answerer(), one).weights();
    double[] b = ExpertiseMixLearner.learn(examples.x(), examples.answerer(), other).weights();
    if (Arrays.equals(a, one.weights()) || Arrays.equals(b, other.weights())) {
      // An all-0 optimum gives each start back; the other property checks that case.
      return;
    }
    for (int d = 0; d < SIGNALS; d++) {
      assertThat(a[d]).as(ExpertiseMix.SIGNALS.get(d)).isCloseTo(b[d], within(1e-5));
    }
  }
}
