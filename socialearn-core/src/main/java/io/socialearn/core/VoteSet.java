package io.socialearn.core;

import io.socialearn.api.thread.VoteDirection;
import java.util.Arrays;

/**
 * The standing votes on one thread or answer: at most one per person, as a sorted array of the
 * voters' indices (see {@link EngineState#personIndex}) with the direction in the low bit (1 for
 * down). Four bytes a vote instead of a map entry. Not thread-safe: guarded by the engine's lock.
 */
final class VoteSet {
  private int[] entries;
  private int size;

  VoteSet() {
    this.entries = new int[2];
  }

  /** The vote of the person with index {@code voter}, or null. */
  VoteDirection get(int voter) {
    int at = find(voter);
    return at < 0 ? null : (entries[at] & 1) == 1 ? VoteDirection.DOWN : VoteDirection.UP;
  }

  /** Sets the vote of the person with index {@code voter}, replacing any other. */
  void put(int voter, VoteDirection direction) {
    int entry = voter << 1 | (direction == VoteDirection.DOWN ? 1 : 0);
    int at = find(voter);
    if (at >= 0) {
      entries[at] = entry;
      return;
    }
    int insert = -at - 1;
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, Math.max(4, size + (size >> 1)));
    }
    System.arraycopy(entries, insert, entries, insert + 1, size - insert);
    entries[insert] = entry;
    size++;
  }

  /** Drops the room kept for more votes: after start-up, when most posts get no more. */
  void trim() {
    if (entries.length > size) {
      entries = Arrays.copyOf(entries, size);
    }
  }

  /** Removes the vote of the person with index {@code voter}, if any. */
  void remove(int voter) {
    int at = find(voter);
    if (at >= 0) {
      System.arraycopy(entries, at + 1, entries, at, size - at - 1);
      size--;
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** The index of the voter of the {@code i}-th vote, in voter order. */
  int voterAt(int i) {
    return entries[i] >>> 1;
  }

  /** The direction of the {@code i}-th vote, in voter order. */
  VoteDirection directionAt(int i) {
    return (entries[i] & 1) == 1 ? VoteDirection.DOWN : VoteDirection.UP;
  }

  /** Where the voter's entry is, or {@code -(insertion point) - 1}. */
  private int find(int voter) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int v = entries[mid] >>> 1;
      if (v < voter) {
        low = mid + 1;
      } else if (v > voter) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VoteSet other
        && Arrays.equals(entries, 0, size, other.entries, 0, other.size);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < size; i++) {
      h = 31 * h + entries[i];
    }
    return h;
  }

  @Override
  public String toString() {
    return Arrays.toString(Arrays.copyOf(entries, size));
  }
}
