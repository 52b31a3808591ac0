package io.socialearn.core.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table of tag pairs gives one pair per key, found again by its key, as it grows. */
class TagPairsTest {

  @Test
  void onePairPerKeyFoundAgainThroughGrowth() {
    ExpertiseModel.TagPairs pairs = new ExpertiseModel.TagPairs();
    Map<Long, ExpertiseModel.TagPair> made = new HashMap<>();
    for (int a = 0; a < 60; a++) {
      for (int b = a + 1; b < 60; b += 3) {
        long key = ExpertiseModel.pairKey(a, b);
        assertThat(pairs.get(key)).isNull();
        ExpertiseModel.TagPair pair = pairs.of(key);
        assertThat(pair.key).isEqualTo(key);
        assertThat(pairs.of(ExpertiseModel.pairKey(b, a))).isSameAs(pair);
        made.put(key, pair);
      }
    }
    // keys alike in their low bits too, which a table indexed by them alone would pile up
    for (long k = 0; k < 200; k++) {
      made.put(k << 32, pairs.of(k << 32));
    }
    assertThat(pairs.size()).isEqualTo(made.size());
    made.forEach((key, pair) -> assertThat(pairs.get(key)).isSameAs(pair));
    assertThat(pairs.get(ExpertiseModel.pairKey(0, 2))).isNull();
  }
}
