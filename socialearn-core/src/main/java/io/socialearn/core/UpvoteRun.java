package io.socialearn.core;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One voter's recent standing up votes on one author's posts (see {@link UpvotePairs}), in the
 * order they were cast, with when: two parallel arrays instead of a linked map of {@link
 * Instant}s. A vote's target is held as its row's content code ({@link EngineState#contentCode}),
 * so a snapshot writes and reads the run as two columns of numbers. Not thread-safe: guarded by
 * the engine's lock.
 */
final class UpvoteRun {
  /** The content codes of the targets. */
  private int[] targets;
  /** When each vote was cast, in nanoseconds since the epoch. */
  private long[] at;
  private int size;

  /** An empty run with room for one up vote. */
  UpvoteRun() {
    targets = new int[1];
    at = new long[1];
  }

  /** A run of the votes in {@code targets} and {@code at} (as long), taken as they are. */
  private UpvoteRun(int[] targets, long[] at) {
    this.targets = targets;
    this.at = at;
    this.size = targets.length;
  }

  /**
   * A run of up votes read from a snapshot: the targets' content codes and when each was cast,
   * oldest first; the arrays become the run's.
   *
   * @throws IllegalArgumentException if the arrays differ in length
   */
  static UpvoteRun of(int[] targets, long[] at) {
    if (targets.length != at.length) {
      throw new IllegalArgumentException(targets.length + " targets and " + at.length
          + " times");
    }
    return new UpvoteRun(targets, at);
  }

  /**
   * Adds an up vote on {@code target} cast at {@code nanos} (since the epoch) at the end; one
   * already there keeps its place and takes the new time (as a linked map's put does).
   */
  void add(int target, long nanos) {
    for (int i = 0; i < size; i++) {
      if (targets[i] == target) {
        at[i] = nanos;
        return;
      }
    }
    append(target, nanos);
  }

  /**
   * Adds an up vote on {@code target} cast at {@code nanos} at the end, in constant time; the
   * caller knows the run does not hold {@code target} (else {@link #add}).
   */
  void append(int target, long nanos) {
    if (size == targets.length) {
      int grown = Math.max(size + 1, size + (size >> 1));
      targets = Arrays.copyOf(targets, grown);
      at = Arrays.copyOf(at, grown);
    }
    targets[size] = target;
    at[size] = nanos;
    size++;
  }

  /** Removes the up vote on {@code target}, if any. */
  void remove(int target) {
    for (int i = 0; i < size; i++) {
      if (targets[i] == target) {
        System.arraycopy(targets, i + 1, targets, i, size - i - 1);
        System.arraycopy(at, i + 1, at, i, size - i - 1);
        size--;
        return;
      }
    }
  }

  /** Removes the up votes cast at or before {@code nanos}, keeping the others' order. */
  void dropAtOrBefore(long nanos) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (at[i] > nanos) {
        targets[kept] = targets[i];
        at[kept] = at[i];
        kept++;
      }
    }
    size = kept;
  }

  /** Drops the room kept for more up votes: after start-up. */
  void trim() {
    if (targets.length > size) {
      targets = Arrays.copyOf(targets, size);
      at = Arrays.copyOf(at, size);
    }
  }

  int size() {
    return size;
  }

  /** The content code of the target of the {@code i}th up vote, oldest first. */
  int target(int i) {
    return targets[Objects.checkIndex(i, size)];
  }

  /** When the {@code i}th up vote was cast, in nanoseconds since the epoch. */
  long nanos(int i) {
    return at[Objects.checkIndex(i, size)];
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The nanoseconds that stand for no time at all (a null instant). */
  static final long NO_TIME = Long.MIN_VALUE;

  /** {@code when} in nanoseconds since the epoch, or {@link #NO_TIME} for null. */
  static long nanosOrNone(Instant when) {
    return when == null ? NO_TIME : toNanos(when);
  }

  /** The instant {@code nanos} stands for, or null for {@link #NO_TIME}. */
  static Instant instantOrNull(long nanos) {
    return nanos == NO_TIME ? null : fromNanos(nanos);
  }

  static long toNanos(Instant when) {
    return Math.addExact(Math.multiplyExact(when.getEpochSecond(), 1_000_000_000L),
        when.getNano());
  }

  static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
        Math.floorMod(nanos, 1_000_000_000L));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UpvoteRun other
        && Arrays.equals(targets, 0, size, other.targets, 0, other.size)
        && Arrays.equals(at, 0, size, other.at, 0, other.size);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < size; i++) {
      h = 31 * h + targets[i];
      h = 31 * h + Long.hashCode(at[i]);
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < size; i++) {
      text.append(i > 0 ? ", " : "").append(targets[i]).append('@').append(fromNanos(at[i]));
    }
    return text.append(']').toString();
  }
}
