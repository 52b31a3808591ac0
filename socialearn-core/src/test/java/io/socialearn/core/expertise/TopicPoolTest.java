package io.socialearn.core.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The topic pool, whose bar is found on rough logarithms and settled on exact ones near it,
 * keeps exactly the candidates exact values alone would keep (every one at or above the value
 * sorting puts at the pool's edge), in the order they were touched.
 */
class TopicPoolTest {
  /** The raw figures compared: the signals and the answers in the topics. */
  private static final int SLOTS = WhoKnows.SLOTS;

  @Test
  void theRoughBarKeepsWhatTheExactOneWould() {
    Random random = new Random(5);
    double[][] mixes = {{1, 1, 1, 0.5, 1, 0.3, 0, 0, 0, 0, 0, 0},
        {0.2, 3, 0, 0, 0, 0, 7, 0, 0, 0, 0, 2}, {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0},
        {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3.3}};
    double topicsShare = 0.2;
    for (int round = 0; round < 24; round++) {
      int n = WhoKnows.TOPIC_POOL + 1 + random.nextInt(8_000);
      WhoKnows.Scratch s = new WhoKnows.Scratch();
      s.fit(n, 1);
      s.begin();
      int style = round % 4;
      for (int i = 0; i < n; i++) {
        // touched in a shuffled order, with values that tie, nearly tie or spread widely
        int person = (int) ((i * 7919L) % n);
        int o = s.touch(person);
        for (int signal : new int[] {WhoKnows.TOPIC, WhoKnows.TOPIC_RECENT,
            WhoKnows.TOPIC_SPECIFIC, WhoKnows.TOPIC_ANSWERS}) {
          double v = switch (style) {
            case 0 -> random.nextInt(3);
            case 1 -> 1 + Math.ulp(1.0) * random.nextInt(4);
            case 2 -> random.nextDouble() * 1e-9;
            default -> Math.exp(random.nextGaussian() * 8);
          };
          s.raw[o + signal] = v;
        }
      }
      double[] weights = mixes[round % mixes.length];
      int[] order = Arrays.copyOf(s.touched, n);
      double[] exact = new double[n];
      for (int k = 0; k < n; k++) {
        exact[k] = WhoKnows.topicPart(s.raw, s.offset(order[k]), weights, topicsShare);
      }
      double[] sorted = exact.clone();
      Arrays.sort(sorted);
      double bar = sorted[n - WhoKnows.TOPIC_POOL];
      List<Integer> expected = new ArrayList<>();
      Map<Integer, double[]> signals = new HashMap<>();
      for (int k = 0; k < n; k++) {
        if (exact[k] >= bar) {
          expected.add(order[k]);
          signals.put(order[k], Arrays.copyOfRange(s.raw, s.offset(order[k]),
              s.offset(order[k]) + SLOTS));
        }
      }
      WhoKnows.boundTopicPool(s, weights, topicsShare);
      List<Integer> kept = new ArrayList<>();
      for (int k = 0; k < s.size; k++) {
        kept.add(s.touched[k]);
      }
      assertThat(kept).as("round %d", round).isEqualTo(expected);
      assertThat(kept.size()).isGreaterThanOrEqualTo(WhoKnows.TOPIC_POOL);
      for (int person : kept) {
        // still a candidate, its signals moved with it
        assertThat(s.has(person)).isTrue();
        assertThat(Arrays.copyOfRange(s.raw, s.offset(person), s.offset(person) + SLOTS))
            .isEqualTo(signals.get(person));
      }
    }
  }
}
