package io.socialearn.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void reciprocalRankIsOneOverTheFirstRelevantRank() {
    assertThat(Metrics.reciprocalRank(List.of("a", "b", "c"), Set.of("c", "b"))).isEqualTo(0.5);
    assertThat(Metrics.reciprocalRank(List.of("a", "b", "c"), Set.of("a"))).isEqualTo(1.0);
    assertThat(Metrics.reciprocalRank(List.of("a", "b"), Set.of("z"))).isZero();
    assertThat(Metrics.reciprocalRank(List.<String>of(), Set.of("z"))).isZero();
  }

  @Test
  void recallAtKIsTheShareOfRelevantItemsInTheFirstK() {
    List<String> ranking = List.of("a", "b", "c", "d", "e", "f");
    // relevant b (rank 2) and f (rank 6): top 1 finds none, top 5 one of two, top 10 both
    assertThat(Metrics.recallAt(ranking, Set.of("b", "f"), 1)).isZero();
    assertThat(Metrics.recallAt(ranking, Set.of("b", "f"), 5)).isEqualTo(0.5);
    assertThat(Metrics.recallAt(ranking, Set.of("b", "f"), 10)).isEqualTo(1.0);
    assertThat(Metrics.recallAt(ranking, Set.of(), 10)).isZero();
    assertThat(Metrics.precisionAt1(ranking, Set.of("a"))).isEqualTo(1.0);
    assertThat(Metrics.precisionAt1(ranking, Set.of("b"))).isZero();
  }

  @Test
  void averagePrecisionFollowsTheSemevalScorer() {
    // relevant at ranks 2 and 3: (1/2 + 2/3) / 2
    assertThat(Metrics.averagePrecision(List.of(false, true, true), 10))
        .isCloseTo((0.5 + 2.0 / 3) / 2, within(1e-12));
    // relevant at ranks 1, 3 and 11; the cut-off of 10 leaves (1/1 + 2/3) / 2
    List<Boolean> long11 = List.of(true, false, true, false, false, false, false, false, false,
        false, true);
    assertThat(Metrics.averagePrecision(long11, 10)).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
    // no relevant candidate: AP 0
    assertThat(Metrics.averagePrecision(List.of(false, false), 10)).isZero();
    assertThat(Metrics.mean(List.of(1.0, 0.0, 0.5))).isEqualTo(0.5);
    assertThat(Metrics.mean(List.of())).isZero();
  }

  @Test
  void spearmanWorkedByHand() {
    // ranks x = 1..5, y = 2,1,4,3,5: d^2 = 1+1+1+1+0 = 4; rho = 1 - 6*4/(5*24) = 0.8
    assertThat(Metrics.spearman(new double[] {10, 20, 30, 40, 50},
        new double[] {2, 1, 4, 3, 5})).isCloseTo(0.8, within(1e-12));
    assertThat(Metrics.spearman(new double[] {1, 2, 3}, new double[] {30, 20, 10}))
        .isCloseTo(-1.0, within(1e-12));
    // ties share ranks: x ranks 1, 2.5, 2.5, 4; y ranks 1..4; Pearson of those = 0.9486833
    assertThat(Metrics.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}))
        .isCloseTo(3 / Math.sqrt(10), within(1e-9));
    assertThat(Metrics.ranks(new double[] {5, 1, 5})).containsExactly(2.5, 1, 2.5);
    assertThat(Metrics.spearman(new double[] {1, 1}, new double[] {1, 2})).isNaN();
    assertThatThrownBy(() -> Metrics.spearman(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theGainIntervalBracketsTheGainAndRepeatsWithItsSeed() {
    // ours beats theirs on 6 of 10 queries: the whole-sample gain is 0.65 / 0.45 - 1 = +44%
    double[] ours = {1, 1, 0.5, 1, 0.5, 1, 0, 0.5, 0.5, 0.5};
    double[] theirs = {0.5, 0.5, 0.25, 0.5, 0.25, 0.5, 1, 0.5, 0.5, 0};
    Metrics.GainInterval gain = Metrics.gainInterval(ours, theirs, 0.10, 2_000, 7);
    assertThat(gain.low()).isLessThan(0.44).isGreaterThan(-0.5);
    assertThat(gain.high()).isGreaterThan(0.44);
    assertThat(gain.reaching()).isBetween(0.5, 1.0);
    assertThat(gain.resamples()).isEqualTo(2_000);
    assertThat(Metrics.gainInterval(ours, theirs, 0.10, 2_000, 7)).isEqualTo(gain);
    // the same values on both sides: no gain in any resample
    Metrics.GainInterval none = Metrics.gainInterval(ours, ours, 0.10, 500, 1);
    assertThat(none.low()).isZero();
    assertThat(none.high()).isZero();
    assertThat(none.reaching()).isZero();
    // a target of 10x is never reached; a target far below is always
    assertThat(Metrics.gainInterval(ours, theirs, 10, 500, 1).reaching()).isZero();
    assertThat(Metrics.gainInterval(ours, theirs, -1, 500, 1).reaching()).isEqualTo(1.0);
  }

  @Test
  void theGainIntervalLeavesOutResamplesWithoutABaselineAndRefusesUnpairedSamples() {
    Metrics.GainInterval undefined = Metrics.gainInterval(new double[] {1},
        new double[] {0}, 0.1, 100, 1);
    assertThat(undefined.resamples()).isZero();
    assertThat(undefined.low()).isNaN();
    assertThatThrownBy(() -> Metrics.gainInterval(new double[] {1}, new double[] {1, 2}, 0.1,
        10, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 and 2");
    assertThatThrownBy(() -> Metrics.gainInterval(new double[0], new double[0], 0.1, 10, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundingKeepsFourDecimalsAndLeavesNonFiniteValuesAlone() {
    assertThat(Metrics.round4(0.123456)).isEqualTo(0.1235);
    assertThat(Metrics.round4(-0.09331)).isEqualTo(-0.0933);
    assertThat(Metrics.round4(1.0 / 0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Metrics.round4(0.0 / 0)).isNaN();
  }
}
