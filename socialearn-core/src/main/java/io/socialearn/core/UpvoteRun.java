package io.socialearn.core;

import io.socialearn.api.thread.ContentRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * One voter's standing up votes on one author's posts, in the order they were cast, with when:
 * two parallel arrays instead of a linked map of {@link Instant}s. Not thread-safe: guarded by
 * the engine's lock.
 */
final class UpvoteRun {
  private ContentRef[] targets;
  /** When each vote was cast, in nanoseconds since the epoch. */
  private long[] at;
  private int size;

  /** An empty run with room for one up vote. */
  UpvoteRun() {
    this(1);
  }

  /** An empty run with room for {@code capacity} up votes (a snapshot says how many). */
  UpvoteRun(int capacity) {
    targets = new ContentRef[capacity];
    at = new long[capacity];
  }

  /**
   * Adds an up vote on {@code target} cast at {@code when} at the end; one already there keeps
   * its place and takes the new time (as a linked map's put does).
   */
  void add(ContentRef target, Instant when) {
    for (int i = 0; i < size; i++) {
      if (targets[i].equals(target)) {
        at[i] = toNanos(when);
        return;
      }
    }
    append(target, when);
  }

  /**
   * Adds an up vote on {@code target} cast at {@code when} at the end, in constant time; the
   * caller knows the run does not hold {@code target} (else {@link #add}).
   */
  void append(ContentRef target, Instant when) {
    append(target, toNanos(when));
  }

  /** As {@link #append(ContentRef, Instant)}, the time in nanoseconds since the epoch. */
  void append(ContentRef target, long nanos) {
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
  void remove(ContentRef target) {
    for (int i = 0; i < size; i++) {
      if (targets[i].equals(target)) {
        System.arraycopy(targets, i + 1, targets, i, size - i - 1);
        System.arraycopy(at, i + 1, at, i, size - i - 1);
        size--;
        targets[size] = null;
        return;
      }
    }
  }

  /** When the up vote on {@code target} was cast, or null. */
  Instant at(ContentRef target) {
    for (int i = 0; i < size; i++) {
      if (targets[i].equals(target)) {
        return fromNanos(at[i]);
      }
    }
    return null;
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

  /** The target of the {@code i}th up vote, oldest first. */
  ContentRef target(int i) {
    return targets[Objects.checkIndex(i, size)];
  }

  /** When the {@code i}th up vote was cast, in nanoseconds since the epoch. */
  long nanos(int i) {
    return at[Objects.checkIndex(i, size)];
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Each target with when it was voted on, oldest vote first. */
  void forEach(BiConsumer<ContentRef, Instant> action) {
    for (int i = 0; i < size; i++) {
      action.accept(targets[i], fromNanos(at[i]));
    }
  }

  /** The targets, oldest vote first. */
  List<ContentRef> targets() {
    return new ArrayList<>(Arrays.asList(targets).subList(0, size));
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
      h = 31 * h + targets[i].hashCode();
      h = 31 * h + Long.hashCode(at[i]);
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("[");
    forEach((target, when) -> text.append(text.length() > 1 ? ", " : "").append(target)
        .append('@').append(when));
    return text.append(']').toString();
  }
}
