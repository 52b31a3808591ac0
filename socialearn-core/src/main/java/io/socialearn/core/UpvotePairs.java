package io.socialearn.core;

import java.util.Arrays;

/**
 * The standing up votes by pair of people, a voter and an author voted on: how many there are,
 * how many each voter has standing in all, and, when serial voting is looked for, the targets
 * and times of the pair's votes cast within the anti-gaming window. Voting rings need the counts
 * alone; an administrator's reversal finds its targets in the author's posts' vote sets; only the
 * serial check needs times, and only those of its window. Keeping a time for every up vote ever
 * cast (12 bytes a vote with its target) cost more than a hundred megabytes at ten million votes.
 *
 * <p>A pair is a slot of an open-addressing table (linear probing, deletion by backward shift):
 * its key packs the voter's and the author's index ({@link EngineState#indexOf}), beside it the
 * count and the recent votes, an {@link UpvoteRun} or null. A pair's recent votes drop those at
 * or before the window's length before the newest time added to it, whenever one is added: a
 * vote that old can never count towards a run again, however the rest of its votes go. With no
 * window (anti-gaming off) no times are kept. Not thread-safe: guarded by the engine's lock.
 */
final class UpvotePairs {
  /** The key of an empty slot: no person has index -1. */
  private static final long EMPTY = -1L;

  /** The window's length in nanoseconds, or 0 to keep no times. */
  private final long window;
  private long[] keys = emptyKeys(16);
  private int[] counts = new int[16];
  private UpvoteRun[] recent = new UpvoteRun[16];
  private int size;
  /** By voter index: how many up votes the voter has standing. */
  private int[] totals = new int[0];

  /**
   * Pairs that keep the times of the votes within {@code windowNanos} of a pair's newest one.
   *
   * @param windowNanos the anti-gaming window in nanoseconds, or 0 to keep no times
   */
  UpvotePairs(long windowNanos) {
    if (windowNanos < 0) {
      throw new IllegalArgumentException("negative window " + windowNanos);
    }
    this.window = windowNanos;
  }

  /**
   * What a walk over the pairs is given for each.
   *
   * @param <E> what it may throw
   */
  interface PairAction<E extends Exception> {
    /**
     * @param recent the pair's recent votes, or null when none are kept
     */
    void accept(int voter, int author, int count, UpvoteRun recent) throws E;
  }

  /** Whether the pairs keep the times of recent votes. */
  boolean keepsTimes() {
    return window > 0;
  }

  /**
   * Notes an up vote from {@code voter} on {@code author}'s content {@code target} at {@code
   * nanos}; {@code wasUp} says the voter's vote there was already up (a recast), which the count
   * has.
   */
  void up(int voter, int author, int target, long nanos, boolean wasUp) {
    int slot = slotFor(key(voter, author));
    // A recast counts once; a pair without votes has none to recast, so it counts it anyway.
    if (!wasUp || counts[slot] == 0) {
      counts[slot]++;
      holdVoter(voter);
      totals[voter]++;
    }
    if (window > 0) {
      UpvoteRun run = recent[slot];
      if (run == null) {
        run = new UpvoteRun();
        recent[slot] = run;
      }
      run.dropAtOrBefore(nanos < Long.MIN_VALUE + window ? Long.MIN_VALUE : nanos - window);
      run.add(target, nanos);
    }
  }

  /**
   * Takes back the standing up vote from {@code voter} on {@code author}'s content {@code
   * target}; the pair goes when it has none left. Does nothing for a pair with no votes.
   */
  void retract(int voter, int author, int target) {
    int slot = find(key(voter, author));
    if (slot < 0) {
      return;
    }
    totals[voter]--;
    if (recent[slot] != null) {
      recent[slot].remove(target);
    }
    if (--counts[slot] == 0) {
      delete(slot);
    }
  }

  /** How many up votes {@code voter} has standing on {@code author}'s content. */
  int count(int voter, int author) {
    int slot = find(key(voter, author));
    return slot < 0 ? 0 : counts[slot];
  }

  /** How many up votes {@code voter} has standing in all. */
  int total(int voter) {
    return voter >= 0 && voter < totals.length ? totals[voter] : 0;
  }

  /**
   * The targets of the pair's recent up votes cast after {@code afterNanos}, oldest first (none
   * when no times are kept).
   */
  int[] targetsAfter(int voter, int author, long afterNanos) {
    int slot = find(key(voter, author));
    UpvoteRun run = slot < 0 ? null : recent[slot];
    if (run == null) {
      return new int[0];
    }
    int[] found = new int[run.size()];
    int n = 0;
    for (int i = 0; i < run.size(); i++) {
      if (run.nanos(i) > afterNanos) {
        found[n++] = run.target(i);
      }
    }
    return Arrays.copyOf(found, n);
  }

  /** How many pairs have standing up votes. */
  int size() {
    return size;
  }

  /** Walks the pairs in the order of their keys: by voter index, then by author index. */
  <E extends Exception> void forEachInOrder(PairAction<E> action) throws E {
    long[] sorted = new long[size];
    int[] slots = new int[size];
    int n = 0;
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != EMPTY) {
        sorted[n++] = keys[slot];
      }
    }
    Arrays.sort(sorted);
    for (int i = 0; i < n; i++) {
      slots[i] = find(sorted[i]);
    }
    for (int i = 0; i < n; i++) {
      int slot = slots[i];
      action.accept(voterOf(sorted[i]), authorOf(sorted[i]), counts[slot], recent[slot]);
    }
  }

  /**
   * Sets a pair as a snapshot read it: {@code count} standing up votes and the recent ones
   * {@code run} (or null), taken as they are.
   *
   * @throws IllegalArgumentException if {@code count} is not positive or the pair is there
   */
  void put(int voter, int author, int count, UpvoteRun run) {
    if (count <= 0) {
      throw new IllegalArgumentException(count + " up votes from " + voter + " on " + author);
    }
    long key = key(voter, author);
    if (find(key) >= 0) {
      throw new IllegalArgumentException("the pair " + voter + ", " + author + " twice");
    }
    int slot = slotFor(key);
    counts[slot] = count;
    recent[slot] = run;
    holdVoter(voter);
    totals[voter] += count;
  }

  /** Makes room for {@code pairs} pairs in all without growing on the way. */
  void reserve(int pairs) {
    int capacity = capacityFor(pairs);
    if (capacity > keys.length) {
      rehash(capacity);
    }
  }

  /** Drops the room each pair's recent votes keep for more. */
  void trimToSize() {
    for (UpvoteRun run : recent) {
      if (run != null) {
        run.trim();
      }
    }
  }

  /**
   * Takes {@code other}'s pairs as this one's (the other is left to be dropped), without their
   * recent votes if this keeps no times.
   */
  void takeOver(UpvotePairs other) {
    keys = other.keys;
    counts = other.counts;
    recent = window > 0 ? other.recent : new UpvoteRun[other.keys.length];
    size = other.size;
    totals = other.totals;
  }

  void clear() {
    keys = emptyKeys(16);
    counts = new int[16];
    recent = new UpvoteRun[16];
    size = 0;
    totals = new int[0];
  }

  static long key(int voter, int author) {
    return (long) voter << 32 | (author & 0xFFFF_FFFFL);
  }

  static int voterOf(long key) {
    return (int) (key >>> 32);
  }

  static int authorOf(long key) {
    return (int) key;
  }

  private void holdVoter(int voter) {
    if (voter >= totals.length) {
      totals = Arrays.copyOf(totals, Math.max(voter + 1, totals.length + (totals.length >> 1)));
    }
  }

  private int home(long key) {
    long mixed = key * 0x9E37_79B9_7F4A_7C15L;
    return (int) (mixed >>> 32) & (keys.length - 1);
  }

  private int find(long key) {
    int mask = keys.length - 1;
    for (int slot = home(key); ; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        return slot;
      }
      if (keys[slot] == EMPTY) {
        return -1;
      }
    }
  }

  /** The slot of {@code key}, taken (with a count of 0) if it had none. */
  private int slotFor(long key) {
    int found = find(key);
    if (found >= 0) {
      return found;
    }
    if (capacityFor(size + 1) > keys.length) {
      rehash(keys.length * 2);
    }
    int mask = keys.length - 1;
    int slot = home(key);
    while (keys[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    counts[slot] = 0;
    recent[slot] = null;
    size++;
    return slot;
  }

  /** Empties {@code slot}, moving back the entries after it that probed past it. */
  private void delete(int slot) {
    int mask = keys.length - 1;
    int hole = slot;
    for (int next = (hole + 1) & mask; keys[next] != EMPTY; next = (next + 1) & mask) {
      int home = home(keys[next]);
      // The entry stays if its home lies cyclically in (hole, next].
      boolean stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (!stays) {
        keys[hole] = keys[next];
        counts[hole] = counts[next];
        recent[hole] = recent[next];
        hole = next;
      }
    }
    keys[hole] = EMPTY;
    counts[hole] = 0;
    recent[hole] = null;
    size--;
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    UpvoteRun[] oldRecent = recent;
    keys = emptyKeys(capacity);
    counts = new int[capacity];
    recent = new UpvoteRun[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = home(oldKeys[i]);
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
        recent[slot] = oldRecent[i];
      }
    }
  }

  /** The table length that holds {@code pairs} at most two thirds full: a power of two. */
  private static int capacityFor(int pairs) {
    long wanted = Math.max(16, (long) pairs * 3 / 2 + 1);
    if (wanted > 1 << 30) {
      throw new IllegalStateException("too many pairs of voter and author: " + pairs);
    }
    return Integer.highestOneBit((int) wanted - 1) << 1;
  }

  private static long[] emptyKeys(int capacity) {
    long[] keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    return keys;
  }
}
