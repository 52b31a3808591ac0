package io.socialearn.core;

import io.socialearn.api.thread.VoteDirection;
import java.util.Arrays;

/**
 * The standing votes on one thread or answer, at most one per person, held as a bare {@code
 * byte[]}: the entries (a voter's index, see {@link EngineState#personIndex}, shifted left by one,
 * with the direction in the low bit, 1 for down) in ascending order, each as a variable-length
 * number (seven bits a byte, low first): the first entry plus one, then each entry's difference
 * from the one before, never 0. The zero bytes after them are room for more. Most votes differ
 * from the next voter's by less than 16,384, so they take two bytes, against four as ints (a
 * million posts with ten votes each: 20 MB less); no object around the array. The methods here
 * read and change such arrays, walking them from the front (a set of n votes: O(n) a call, as
 * long as a post has votes by thousands rather than millions). An array that grows is
 * replaced, so callers store what {@link #put} returns. Not thread-safe: guarded by the
 * engine's lock.
 */
final class VoteSet {
  private VoteSet() {}

  /** A set holding only the vote of the person with index {@code voter}. */
  static byte[] of(int voter, VoteDirection direction) {
    int first = entry(voter, direction) + 1;
    byte[] set = new byte[length(first)];
    write(set, 0, first);
    return set;
  }

  /**
   * The set of {@code n} entries in strictly ascending order of voter, as a snapshot holds them.
   *
   * @throws IllegalArgumentException if they are not
   */
  static byte[] ofSorted(int[] entries, int n) {
    int bytes = 0;
    for (int i = 0; i < n; i++) {
      if (entries[i] < 0 || (i > 0 && entries[i] >>> 1 <= entries[i - 1] >>> 1)) {
        throw new IllegalArgumentException("vote entry " + entries[i] + " at " + i
            + (i > 0 ? " after " + entries[i - 1] : "") + ": not in ascending order of voter");
      }
      bytes += length(i == 0 ? entries[0] + 1 : entries[i] - entries[i - 1]);
    }
    byte[] set = new byte[bytes];
    int at = 0;
    for (int i = 0; i < n; i++) {
      at = write(set, at, i == 0 ? entries[0] + 1 : entries[i] - entries[i - 1]);
    }
    return set;
  }

  /** The vote of the person with index {@code voter}, or null. */
  static VoteDirection get(byte[] votes, int voter) {
    return get(votes, 0, votes.length, voter);
  }

  /**
   * The vote of the person with index {@code voter} in the set held in bytes {@code from} to
   * {@code to} of {@code votes} (a packed set, see {@link RowVotes}), or null.
   */
  static VoteDirection get(byte[] votes, int from, int to, int voter) {
    int entry = -1;
    for (int at = from; at < to && votes[at] != 0; ) {
      long read = read(votes, at);
      at = (int) read;
      entry = entry < 0 ? (int) (read >>> 32) - 1 : entry + (int) (read >>> 32);
      int v = entry >>> 1;
      if (v >= voter) {
        return v == voter ? directionOf(entry) : null;
      }
    }
    return null;
  }

  /**
   * Sets the vote of the person with index {@code voter}, replacing any other.
   *
   * @return the array that now holds the votes: {@code votes} or a larger copy of it
   */
  static byte[] put(byte[] votes, int voter, VoteDirection direction) {
    int entry = entry(voter, direction);
    int previous = -1;
    for (int at = 0; at < votes.length && votes[at] != 0; ) {
      long read = read(votes, at);
      int next = previous < 0 ? (int) (read >>> 32) - 1 : previous + (int) (read >>> 32);
      int v = next >>> 1;
      if (v == voter) {
        if (next == entry) {
          return votes;
        }
        remove(votes, voter);
        return put(votes, voter, direction);
      }
      if (v > voter) {
        // The new entry goes at {@code at}; the next one's difference is now from it.
        return splice(votes, at, (int) read, previous < 0 ? entry + 1 : entry - previous,
            next - entry);
      }
      previous = next;
      at = (int) read;
    }
    int end = used(votes);
    return splice(votes, end, end, previous < 0 ? entry + 1 : entry - previous, 0);
  }

  /**
   * Replaces bytes {@code from} to {@code to} of {@code votes} with the numbers {@code first}
   * and, unless 0, {@code second}, moving the rest.
   */
  private static byte[] splice(byte[] votes, int from, int to, int first, int second) {
    int end = used(votes);
    int added = length(first) + (second == 0 ? 0 : length(second));
    int grown = end + added - (to - from);
    byte[] target = votes;
    if (grown > votes.length) {
      target = new byte[Math.max(grown, votes.length + (votes.length >> 1) + 2)];
      System.arraycopy(votes, 0, target, 0, from);
    }
    System.arraycopy(votes, to, target, from + added, end - to);
    int at = write(target, from, first);
    if (second != 0) {
      write(target, at, second);
    }
    return target;
  }

  /** Removes the vote of the person with index {@code voter}, if any; empty leaves all room. */
  static void remove(byte[] votes, int voter) {
    int previous = -1;
    for (int at = 0; at < votes.length && votes[at] != 0; ) {
      long read = read(votes, at);
      int entry = previous < 0 ? (int) (read >>> 32) - 1 : previous + (int) (read >>> 32);
      int v = entry >>> 1;
      if (v > voter) {
        return;
      }
      int after = (int) read;
      if (v == voter) {
        int end = used(votes);
        int from = after;
        int merged = 0;
        if (after < end) {
          // The next entry's difference is now from the one before this.
          long next = read(votes, after);
          int nextEntry = entry + (int) (next >>> 32);
          merged = previous < 0 ? nextEntry + 1 : nextEntry - previous;
          from = (int) next;
        }
        int to = merged == 0 ? at : write(votes, at, merged);
        System.arraycopy(votes, from, votes, to, end - from);
        Arrays.fill(votes, to + end - from, end, (byte) 0);
        return;
      }
      previous = entry;
      at = after;
    }
  }

  /** How many votes the set holds: the bytes that end a number. */
  static int size(byte[] votes) {
    int n = 0;
    for (byte b : votes) {
      n += b > 0 ? 1 : 0;
    }
    return n;
  }

  static boolean isEmpty(byte[] votes) {
    return votes.length == 0 || votes[0] == 0;
  }

  /** The entries in ascending order: a voter's index shifted left by one, 1 for down. */
  static int[] entries(byte[] votes) {
    int[] entries = new int[size(votes)];
    int entry = -1;
    int at = 0;
    for (int i = 0; i < entries.length; i++) {
      long read = read(votes, at);
      at = (int) read;
      entry = entry < 0 ? (int) (read >>> 32) - 1 : entry + (int) (read >>> 32);
      entries[i] = entry;
    }
    return entries;
  }

  /** The votes without the room, as a value that equals another set's with the same votes. */
  static VoteList contents(byte[] votes) {
    return new VoteList(entries(votes));
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

  /** Where the room starts: one past the last byte that is not 0 (a number never ends in 0). */
  static int used(byte[] votes) {
    int end = votes.length;
    while (end > 0 && votes[end - 1] == 0) {
      end--;
    }
    return end;
  }

  /** How many bytes {@code n} (more than 0) takes. */
  private static int length(int n) {
    return n < 1 << 7 ? 1 : n < 1 << 14 ? 2 : n < 1 << 21 ? 3 : n < 1 << 28 ? 4 : 5;
  }

  /** Writes {@code n} (more than 0) at {@code at}; where the next byte goes. */
  private static int write(byte[] votes, int at, int n) {
    int i = at;
    int rest = n;
    while ((rest & ~0x7f) != 0) {
      votes[i++] = (byte) (rest & 0x7f | 0x80);
      rest >>>= 7;
    }
    votes[i++] = (byte) rest;
    return i;
  }

  /** The number at {@code at}, shifted left by 32, or-ed with where the next one starts. */
  private static long read(byte[] votes, int at) {
    int i = at;
    int n = 0;
    int shift = 0;
    byte b;
    do {
      b = votes[i++];
      n |= (b & 0x7f) << shift;
      shift += 7;
    } while (b < 0);
    return (long) n << 32 | i;
  }
}
