package io.socialearn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The column reads back every value as an array of longs would, whatever the spread of the
 * values in a block (so whichever form each block widens to), through moves, trims and growth.
 */
class BlockOffsetColumnProperties {

  @Property(tries = 60)
  void readsBackWhatALongArrayHolds(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3 * BlockOffsetColumn.BLOCK) int length) {
    Random random = new Random(seed);
    BlockOffsetColumn column = new BlockOffsetColumn();
    long[] model = new long[length];
    column.resize(length);
    long base = random.nextLong();
    for (int i = 0; i < length; i++) {
      // Mostly near their neighbours; now and then an hour, a century or any long away.
      int kind = random.nextInt(100);
      long value = kind < 90 ? base + random.nextInt(600)
          : kind < 96 ? base - random.nextInt(100_000)
          : kind < 99 ? base + random.nextInt() * 1_000L : random.nextLong();
      column.set(i, value);
      model[i] = value;
      base = kind < 96 ? value : base;
    }
    for (int step = 0; step < length; step++) {
      int from = random.nextInt(length);
      int to = random.nextInt(length);
      column.move(from, to);
      model[to] = model[from];
    }
    for (int i = 0; i < length; i++) {
      assertThat(column.get(i)).as("value %d", i).isEqualTo(model[i]);
    }
    int kept = random.nextInt(length + 1);
    column.trimTo(kept);
    column.resize(length + BlockOffsetColumn.BLOCK);
    for (int i = 0; i < kept; i++) {
      assertThat(column.get(i)).isEqualTo(model[i]);
    }
    long[] more = Arrays.copyOf(model, length + BlockOffsetColumn.BLOCK);
    for (int i = kept; i < more.length; i++) {
      more[i] = random.nextBoolean() ? random.nextLong() : i;
      column.set(i, more[i]);
    }
    for (int i = 0; i < more.length; i++) {
      assertThat(column.get(i)).isEqualTo(i < kept ? model[i] : more[i]);
    }
  }
}
