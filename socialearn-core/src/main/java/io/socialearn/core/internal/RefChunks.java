package io.socialearn.core.internal;

/**
 * A large array of references held as chunks of at most {@link #SIZE} slots (32 KB of
 * compressed references, 64 KB of full ones), for the slots of the read models' big hash maps.
 *
 * <p>Why: G1, the JVM's default collector, allocates an array of half a heap region or more (2 MB
 * in an 8 GB heap, 512 KB in a small one) as a "humongous" object directly in the old
 * generation. Every reference to a newly made object then stored into it passes G1's full write
 * barrier: it dirties the array's card and queues it for the refinement threads, which scan the
 * card's 128 slots. A hash map's slots are written in random order, so nearly every store dirties
 * a card of its own. Opening a store of 1,000,000 posts and 10,000,000 votes fills millions of
 * such slots; with the maps' slot arrays in one piece it took 8.5 to 12.7 s under G1 against
 * 5.4 s under the serial collector (same JVM, same snapshot, no collection in either), and 6.8 s
 * with G1's regions made large enough that the arrays were not humongous. Chunks of this size are
 * never humongous (the smallest region is 1 MB), are young while they are filled, and cost one
 * more load per slot. Arrays of at most one chunk are a single chunk of their own length.
 */
final class RefChunks {
  /** log2 of the slots in a chunk. */
  static final int SHIFT = 13;
  /** The slots in a full chunk. */
  static final int SIZE = 1 << SHIFT;
  /** The bits of a slot's place within its chunk. */
  static final int MASK = SIZE - 1;
  /** No slots. */
  static final Object[][] NONE = {};

  private RefChunks() {}

  /**
   * Chunks for {@code capacity} slots, all null: one chunk of that length up to {@link #SIZE},
   * else full chunks.
   *
   * @param capacity the slots, zero, at most {@link #SIZE} or a multiple of it (a power of two
   *     is either)
   * @return the chunks
   */
  static Object[][] of(int capacity) {
    if (capacity == 0) {
      return NONE;
    }
    if (capacity <= SIZE) {
      return new Object[][] {new Object[capacity]};
    }
    if ((capacity & MASK) != 0) {
      throw new IllegalArgumentException("not a whole number of chunks: " + capacity);
    }
    Object[][] chunks = new Object[capacity >>> SHIFT][];
    for (int c = 0; c < chunks.length; c++) {
      chunks[c] = new Object[SIZE];
    }
    return chunks;
  }

  /** Slot {@code i}. */
  static Object get(Object[][] chunks, int i) {
    return chunks[i >>> SHIFT][i & MASK];
  }

  /** Sets slot {@code i}. */
  static void set(Object[][] chunks, int i, Object value) {
    chunks[i >>> SHIFT][i & MASK] = value;
  }
}
