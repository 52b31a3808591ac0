package io.socialearn.core;

import io.socialearn.api.thread.VoteDirection;
import java.util.Arrays;

/**
 * The standing votes on one thread or answer, at most one per person, held as a bare {@code
 * int[]}: the voters' indices (see {@link EngineState#personIndex}) in ascending order with the
 * direction in the low bit (1 for down), then any room for more votes filled with {@link #ROOM}.
 * Four bytes a vote and an array header a post, with no object around the array (24 bytes a
 * post); the methods here read and change such arrays. An array that grows is replaced, so
 * callers store what {@link #put} returns. Not thread-safe: guarded by the engine's lock.
 */
final class VoteSet {
  /** An unused slot; entries are never negative, so the room sorts after them all. */
  private static final int ROOM = -1;

  private VoteSet() {}

  /** A set holding only the vote of the person with index {@code voter}. */
  static int[] of(int voter, VoteDirection direction) {
    return new int[] {entry(voter, direction)};
  }

  /** The vote of the person with index {@code voter}, or null. */
  static VoteDirection get(int[] votes, int voter) {
    int at = find(votes, voter);
    return at < 0 ? null : directionOf(votes[at]);
  }

  /**
   * Sets the vote of the person with index {@code voter}, replacing any other.
   *
   * @return the array that now holds the votes: {@code votes} or a larger copy of it
   */
  static int[] put(int[] votes, int voter, VoteDirection direction) {
    int entry = entry(voter, direction);
    int size = size(votes);
    int at = find(votes, size, voter);
    if (at >= 0) {
      votes[at] = entry;
      return votes;
    }
    int insert = -at - 1;
    int[] target = votes;
    if (size == votes.length) {
      target = Arrays.copyOf(votes, Math.max(4, size + (size >> 1)));
      Arrays.fill(target, size + 1, target.length, ROOM);
    }
    System.arraycopy(votes, insert, target, insert + 1, size - insert);
    target[insert] = entry;
    return target;
  }

  /** Removes the vote of the person with index {@code voter}, if any; empty leaves all room. */
  static void remove(int[] votes, int voter) {
    int size = size(votes);
    int at = find(votes, size, voter);
    if (at >= 0) {
      System.arraycopy(votes, at + 1, votes, at, size - at - 1);
      votes[size - 1] = ROOM;
    }
  }

  /** {@code votes} without the room kept for more: after start-up, most posts get no more. */
  static int[] trim(int[] votes) {
    int size = size(votes);
    return size == votes.length ? votes : Arrays.copyOf(votes, size);
  }

  /** How many votes the set holds: the room after them is found by bisection. */
  static int size(int[] votes) {
    int low = 0;
    int high = votes.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (votes[mid] == ROOM) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  static boolean isEmpty(int[] votes) {
    return votes.length == 0 || votes[0] == ROOM;
  }

  /** The index of the voter of the {@code i}-th vote, in voter order. */
  static int voterAt(int[] votes, int i) {
    return votes[i] >>> 1;
  }

  /** The direction of the {@code i}-th vote, in voter order. */
  static VoteDirection directionAt(int[] votes, int i) {
    return directionOf(votes[i]);
  }

  /** The votes without the room, as a value that equals another set's with the same votes. */
  static VoteList contents(int[] votes) {
    return new VoteList(Arrays.copyOf(votes, size(votes)));
  }

  /** The votes of a set, compared by value: for {@link EngineState#contents}. */
  record VoteList(int[] entries) {
    @Override
    public boolean equals(Object o) {
      return o instanceof VoteList other && Arrays.equals(entries, other.entries);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(entries);
    }

    @Override
    public String toString() {
      return Arrays.toString(entries);
    }
  }

  private static int entry(int voter, VoteDirection direction) {
    return voter << 1 | (direction == VoteDirection.DOWN ? 1 : 0);
  }

  private static VoteDirection directionOf(int entry) {
    return (entry & 1) == 1 ? VoteDirection.DOWN : VoteDirection.UP;
  }

  private static int find(int[] votes, int voter) {
    return find(votes, size(votes), voter);
  }

  /** Where the voter's entry is among the first {@code size}, or {@code -(insertion point) - 1}. */
  private static int find(int[] votes, int size, int voter) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int v = votes[mid] >>> 1;
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
}
