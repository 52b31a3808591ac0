package io.socialearn.core.internal;

import java.util.Arrays;

/**
 * A column of longs whose neighbours are near in value, such as the times of entries appended in
 * log order: held in blocks of {@value #BLOCK} values, each as two-byte offsets from the block's
 * first value while they fit (nine hours either side, for seconds), else as four-byte offsets,
 * else as the longs themselves. Each block widens on its own, so one burst of old times costs one
 * block its room, not the column. Values read back exactly whatever they are (the offsets wrap
 * as longs do). Not thread-safe: guarded by its owner's lock.
 */
public final class BlockOffsetColumn {
  private static final int SHIFT = 12;
  /** Values a block holds. */
  static final int BLOCK = 1 << SHIFT;
  private static final int MASK = BLOCK - 1;

  /** By block: the value the offsets count from. */
  private long[] bases = {};
  /** By block: the offsets while each fits a short, else null. */
  private short[][] tight = {};
  /** By block: the offsets once one did not fit a short, while each fits an int, else null. */
  private int[][] narrow = {};
  /** By block: the values once an offset did not fit an int, else null. */
  private long[][] wide = {};

  /** Value {@code i}, which must have been set. */
  public long get(int i) {
    int b = i >>> SHIFT;
    short[] t = tight[b];
    if (t != null) {
      return bases[b] + t[i & MASK];
    }
    int[] n = narrow[b];
    return n != null ? bases[b] + n[i & MASK] : wide[b][i & MASK];
  }

  /**
   * Sets value {@code i}, below the room {@link #resize} made, widening its block if need be.
   *
   * @throws IndexOutOfBoundsException beyond the room
   */
  public void set(int i, long value) {
    int b = i >>> SHIFT;
    int j = i & MASK;
    if (tight[b] == null && narrow[b] == null && wide[b] == null) {
      bases[b] = value;
      tight[b] = new short[BLOCK];
    }
    long offset = value - bases[b];
    if (tight[b] != null) {
      if (offset == (short) offset) {
        tight[b][j] = (short) offset;
        return;
      }
      int[] widened = new int[BLOCK];
      for (int k = 0; k < BLOCK; k++) {
        widened[k] = tight[b][k];
      }
      narrow[b] = widened;
      tight[b] = null;
    }
    if (narrow[b] != null) {
      if (offset == (int) offset) {
        narrow[b][j] = (int) offset;
        return;
      }
      long[] widened = new long[BLOCK];
      for (int k = 0; k < BLOCK; k++) {
        widened[k] = bases[b] + narrow[b][k];
      }
      wide[b] = widened;
      narrow[b] = null;
    }
    wide[b][j] = value;
  }

  /** Copies value {@code from} (set) to {@code to}. */
  public void move(int from, int to) {
    set(to, get(from));
  }

  /**
   * Makes room for values below {@code length} (at least), keeping those set; a smaller length
   * keeps the room there is.
   */
  public void resize(int length) {
    int blocks = (length + MASK) >>> SHIFT;
    if (blocks > bases.length) {
      bases = Arrays.copyOf(bases, blocks);
      tight = Arrays.copyOf(tight, blocks);
      narrow = Arrays.copyOf(narrow, blocks);
      wide = Arrays.copyOf(wide, blocks);
    }
  }

  /** Drops every value and all room. */
  public void clear() {
    bases = new long[0];
    tight = new short[0][];
    narrow = new int[0][];
    wide = new long[0][];
  }

  /** Drops the blocks past the one holding value {@code size - 1}. */
  public void trimTo(int size) {
    int blocks = (size + MASK) >>> SHIFT;
    if (blocks < bases.length) {
      bases = Arrays.copyOf(bases, blocks);
      tight = Arrays.copyOf(tight, blocks);
      narrow = Arrays.copyOf(narrow, blocks);
      wide = Arrays.copyOf(wide, blocks);
    }
  }
}
