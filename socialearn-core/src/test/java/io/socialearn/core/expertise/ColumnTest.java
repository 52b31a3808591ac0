package io.socialearn.core.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A topic's column finds each person's slot, and keeps its tallies' counts and latest times
 * exactly, whatever they are.
 */
class ColumnTest {
  private static final long[] TIMES = {0, 1, 999, 1000, -1, -999, -1000, -1001,
      1_577_836_800_000L, 1_577_836_800_001L, 1_700_000_000_123L, 1_199_145_600_456L,
      -62_135_596_800_000L, 253_402_300_799_999L, Long.MIN_VALUE, Long.MAX_VALUE,
      Long.MIN_VALUE + 1, Long.MAX_VALUE - 1};

  @Test
  void latestTimesAndCountsReadBackAsSetThroughGrowthAndWidening() {
    ExpertiseModel.Column c = new ExpertiseModel.Column();
    int slots = 40;
    for (int p = 0; p < slots; p++) {
      assertThat(c.slot(p)).isEqualTo(p);
      for (int r = 0; r < ExpertiseModel.Column.LASTS; r++) {
        int l = p * ExpertiseModel.Column.LASTS + r;
        // in the 2020s first, so that the seconds fit an int until the far ones come
        c.setLast(l, p < slots / 2 ? 1_700_000_000_000L + 1001L * l : TIMES[l % TIMES.length]);
      }
      for (int r = 0; r < ExpertiseModel.REASON_KINDS.length; r++) {
        int i = p * ExpertiseModel.REASON_KINDS.length + r;
        c.setCount(i, p == slots - 1 && r == 1 ? 70_000 : i);
      }
    }
    for (int p = 0; p < slots; p++) {
      for (int r = 0; r < ExpertiseModel.Column.LASTS; r++) {
        int l = p * ExpertiseModel.Column.LASTS + r;
        assertThat(c.last(l)).as("latest %d", l)
            .isEqualTo(p < slots / 2 ? 1_700_000_000_000L + 1001L * l : TIMES[l % TIMES.length]);
      }
      for (int r = 0; r < ExpertiseModel.REASON_KINDS.length; r++) {
        int i = p * ExpertiseModel.REASON_KINDS.length + r;
        assertThat(c.count(i)).as("count %d", i).isEqualTo(p == slots - 1 && r == 1 ? 70_000 : i);
      }
    }
  }

  @Test
  void eachPersonHasOneSlotFoundByTheirIndexThroughGrowth() {
    ExpertiseModel.Column c = new ExpertiseModel.Column();
    int[] order = new int[3000];
    for (int k = 0; k < order.length; k++) {
      // spread out and out of order, as people come
      order[k] = (k * 7919) % 100_003;
      assertThat(c.slotOf(order[k])).isEqualTo(-1);
      assertThat(c.slot(order[k])).isEqualTo(k);
      assertThat(c.slot(order[k])).isEqualTo(k);
    }
    for (int k = 0; k < order.length; k++) {
      assertThat(c.slotOf(order[k])).isEqualTo(k);
      assertThat(c.person[k]).isEqualTo(order[k]);
    }
    assertThat(c.size).isEqualTo(order.length);
    assertThat(c.slotOf(100_004)).isEqualTo(-1);
  }

  @Test
  void aTallyKeepsTheLatestOfWhatItCounts() {
    ExpertiseModel.Column c = new ExpertiseModel.Column();
    int slot = c.slot(0);
    c.tally(slot, 1, 5_000_123L, +1);
    c.tally(slot, 1, 4_000_456L, +1);
    assertThat(c.count(slot * ExpertiseModel.REASON_KINDS.length + 1)).isEqualTo(2);
    assertThat(c.last(slot * ExpertiseModel.Column.LASTS + 1)).isEqualTo(5_000_123L);
    c.tally(slot, 1, 0, -1);
    c.tally(slot, 1, 0, -1);
    // counted afresh from none: the new one is the latest, however early
    c.tally(slot, 1, -7_001L, +1);
    assertThat(c.last(slot * ExpertiseModel.Column.LASTS + 1)).isEqualTo(-7_001L);
  }
}
