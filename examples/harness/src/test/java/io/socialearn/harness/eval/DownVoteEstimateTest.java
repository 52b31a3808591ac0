package io.socialearn.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DownVoteEstimateTest {
  @Test
  void aLoneVoterIsChargedTheShareOfTheirWindowsVotesThatHitAnswers() {
    // Four down votes in the window, one on an answer; the voter cast two of them.
    double[] expected = DownVoteEstimate.expected(new int[] {2}, new long[][] {{1, 10}},
        new long[] {1, 2, 3, 4}, new boolean[] {true, false, false, false});
    assertThat(expected[0]).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void aVoteOnlyOnePersonCouldHaveCastIsTheirs() {
    // Day 1: a vote on an answer, only A or B could cast it; day 2: a vote on a question, only B.
    // Each cast one: A must have cast day 1's, so B cast day 2's. Sharing by windows alone would
    // give B half of the answer vote. (Fitting approaches this corner slowly: within 0.01.)
    double[] expected = DownVoteEstimate.expected(new int[] {1, 1},
        new long[][] {{1, 1}, {1, 2}}, new long[] {1, 2}, new boolean[] {true, false});
    assertThat(expected[0]).isCloseTo(1.0, within(0.01));
    assertThat(expected[1]).isCloseTo(0.0, within(0.01));
  }

  @Test
  void votesOutsideEveryWindowOfAPersonAreNeverTheirs() {
    // Two windows (a private beta, then from the privilege on); the answer vote falls between.
    double[] expected = DownVoteEstimate.expected(new int[] {3},
        new long[][] {{1, 2, 6, 9}}, new long[] {1, 4, 7, 8}, new boolean[] {false, true, true,
            false});
    assertThat(expected[0]).isCloseTo(1.0, within(1e-9));
    double[] never = DownVoteEstimate.expected(new int[] {1}, new long[][] {{5, 4}},
        new long[] {4, 5}, new boolean[] {true, true});
    assertThat(never[0]).isZero();
  }

  @Property(tries = 300)
  void nobodyIsChargedMoreThanTheyCastNorAreVotesSharedOutTwice(
      @ForAll("cases") Case c) {
    double[] expected = DownVoteEstimate.expected(c.totals(), c.windows(), c.days(),
        c.onAnswer());
    double answerVotes = 0;
    for (boolean a : c.onAnswer()) {
      answerVotes += a ? 1 : 0;
    }
    double charged = 0;
    for (int p = 0; p < expected.length; p++) {
      assertThat(expected[p]).isBetween(0.0, c.totals()[p] + 1e-9);
      charged += expected[p];
    }
    assertThat(charged).isLessThanOrEqualTo(answerVotes + 1e-6);
  }

  record Case(int[] totals, long[][] windows, long[] days, boolean[] onAnswer) {
    @Override
    public String toString() {
      return "totals=" + Arrays.toString(totals) + " windows=" + Arrays.deepToString(windows)
          + " days=" + Arrays.toString(days) + " onAnswer=" + Arrays.toString(onAnswer);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<long[]> window = Combinators.combine(Arbitraries.longs().between(0, 30),
        Arbitraries.longs().between(-5, 30)).as((a, len) -> new long[] {a, a + len});
    Arbitrary<long[][]> windows = window.array(long[][].class).ofMinSize(1).ofMaxSize(8);
    Arbitrary<int[]> totals = Arbitraries.integers().between(0, 12).array(int[].class)
        .ofSize(8);
    Arbitrary<long[]> days = Arbitraries.longs().between(0, 30).array(long[].class)
        .ofMinSize(0).ofMaxSize(40);
    return Combinators.combine(windows, totals, days, Arbitraries.randoms()).as(
        (w, t, d, random) -> {
          boolean[] onAnswer = new boolean[d.length];
          for (int i = 0; i < d.length; i++) {
            onAnswer[i] = random.nextBoolean();
          }
          return new Case(Arrays.copyOf(t, w.length), w, d, onAnswer);
        });
  }
}
