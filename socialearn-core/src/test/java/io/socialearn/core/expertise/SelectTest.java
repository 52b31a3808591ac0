package io.socialearn.core.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quickselect that bounds the topic pool finds the value sorting would put at the index. */
class SelectTest {
  @Test
  void selectFindsTheValueAtTheIndexOfTheSortedValues() {
    Random random = new Random(11);
    for (int round = 0; round < 500; round++) {
      int n = 1 + random.nextInt(200);
      double[] values = new double[n + random.nextInt(5)];
      for (int i = 0; i < values.length; i++) {
        // Few distinct values half the time, so that ties are common.
        values[i] = round % 2 == 0 ? random.nextInt(4) : random.nextDouble();
      }
      double[] sorted = Arrays.copyOf(values, n);
      Arrays.sort(sorted);
      int k = random.nextInt(n);
      assertThat(WhoKnows.select(values.clone(), n, k)).as("round %d", round)
          .isEqualTo(sorted[k]);
    }
  }
}
