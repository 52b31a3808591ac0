package io.socialearn.core.expertise;

import io.socialearn.core.internal.BlockOffsetColumn;
import io.socialearn.core.internal.IntOrLongColumn;
import java.util.Arrays;
import java.util.Objects;

/**
 * The up votes on answers and the accepts, in log order, as columns instead of a {@link Fact}
 * per vote (8 to 12 bytes an entry rather than about 100 with the lists that held each fact):
 * when each was made (to the second, see {@link #seconds}), who made it (an index in the model's
 * voter table), whether it is an accept and whether it is still live (see {@link #who}), and the
 * next entry about the same answer. Each answer chains its live entries in log order (from
 * {@link #first}, by the answer's index), so its votes and accepts interleave as they were cast,
 * as its list of facts held them before. The last entry of a chain holds its answer's index
 * instead of a next entry ({@code -2 - index}), so a live entry's answer is at its chain's end
 * ({@link #answer}), with no column of its own. Each chain's first and last entries are held in
 * int arrays by answer index, not in fields of the answers' records: a snapshot read chains
 * millions of entries through a few megabytes of ints instead of through a record scattered in
 * the heap for each.
 *
 * <p>The entries from {@link #recentStart} on are the cut-off window: the vote-like evidence of
 * the last few days, live or not, that "who knows" walks to leave out votes at or after a
 * cut-off. Dead entries before it serve nothing and are dropped when the columns would grow.
 * Sums are not kept here: the model adds each vote to its sums as it adds any fact.
 */
final class Votes {
  /** The flag of a live entry in {@link #who}. */
  private static final int LIVE = 1;
  /** The flag of an accept (else an up vote) in {@link #who}. */
  private static final int ACCEPT = 2;

  /** The second {@link #seconds} counts from: 2020-01-01T00:00:00Z. */
  private static final long EPOCH_SECOND = 1_577_836_800L;

  /**
   * When each entry was made, in whole seconds from {@link #EPOCH_SECOND}: two bytes an entry
   * while the entries of a block of them were made within nine hours of its first.
   */
  private final BlockOffsetColumn seconds = new BlockOffsetColumn();
  /**
   * (voter index + 1) shifted left by two, or-ed with {@link #LIVE} and {@link #ACCEPT}: two
   * bytes an entry while the model has fewer than 8,191 voters, four once it has more.
   */
  private IntOrLongColumn who = IntOrLongColumn.startingShort(16);
  /**
   * The next live entry about the same answer; for the last, {@code -2 -} the answer's index in
   * the model's answer table; -1 for a dead entry. Negative ends a walk of a chain.
   */
  int[] next = new int[16];
  /** By answer index: the first and last of the answer's live entries, or -1. */
  private int[] first = {};
  private int[] last = {};
  /**
   * By answer index: how many of the answer's live entries are up votes (two bytes an answer
   * while none has 32,768 or more), read where walking its chain to count them would cost.
   */
  private IntOrLongColumn upvotes = IntOrLongColumn.startingShort(0);
  /** How many entries there are. */
  int size;
  /** The first entry of the cut-off window. */
  int recentStart;

  Votes() {
    seconds.resize(next.length);
  }

  /** When entry {@code e} was made, in milliseconds since the epoch (a whole second). */
  long at(int e) {
    return (seconds.get(e) + EPOCH_SECOND) * 1000;
  }

  /** {@code millis} since the epoch to the second before it, as the entries keep times. */
  static long toSecond(long millis) {
    return Math.floorDiv(millis, 1000) * 1000;
  }

  /**
   * The answer of live entry {@code e}: the index its chain ends with, a walk of the rest of the
   * chain.
   *
   * @throws IllegalArgumentException for an entry that is not live (no chain holds it)
   */
  int answer(int e) {
    Objects.checkIndex(e, size);
    if (!live(e)) {
      throw new IllegalArgumentException("entry " + e + " is dead: no answer is kept for it");
    }
    int i = e;
    while (next[i] >= 0) {
      i = next[i];
    }
    return -2 - next[i];
  }

  /**
   * Each entry's answer by entry, for a snapshot: a live entry's from its chain, -1 for a dead
   * one (which a snapshot leaves out).
   */
  int[] answers() {
    int[] of = new int[size];
    Arrays.fill(of, -1);
    for (int a = 0; a < first.length; a++) {
      for (int e = first[a]; e >= 0; e = next[e]) {
        of[e] = a;
      }
    }
    return of;
  }

  /** How many live up votes the answer with index {@code a} has. */
  int upvotes(int a) {
    return a < first.length ? (int) upvotes.get(a) : 0;
  }

  /** Adds {@code delta} to the up votes of answer {@code a}, which has room. */
  private void countUpvotes(int a, int delta) {
    upvotes.set(a, upvotes.get(a) + delta, first.length);
  }

  /** The first live entry about the answer with index {@code a}, or -1. */
  int first(int a) {
    return a < first.length ? first[a] : -1;
  }

  /** Makes the chains' ends hold answers with indices below {@code answers}. */
  private void holdAnswers(int answers) {
    if (answers > first.length) {
      int old = first.length;
      int grown = Math.max(answers, old + (old >> 1) + 16);
      first = Arrays.copyOf(first, grown);
      last = Arrays.copyOf(last, grown);
      upvotes.resize(grown);
      Arrays.fill(first, old, grown, -1);
      Arrays.fill(last, old, grown, -1);
    }
  }

  /**
   * Appends a live entry, chained last on answer {@code a}, and moves the window's start past the
   * entries more than {@code window} older than it, as a queue of the facts would drop them from
   * its head (a negative {@code window} leaves it); dead entries before the window are dropped
   * rather than grow the columns when they are enough. The time is kept to the second.
   *
   * @param a the answer's index in the model's answer table
   * @param voter the voter's index in the model's voter table, or -1 for none
   * @return the entry's index
   */
  int append(int a, int voter, long when, boolean accept, long window) {
    if (size == next.length) {
      compactOrGrow();
    }
    holdAnswers(a + 1);
    int e = size++;
    seconds.set(e, Math.floorDiv(when, 1000) - EPOCH_SECOND);
    who.set(e, who(voter, true, accept), e);
    next[e] = -2 - a;
    if (last[a] < 0) {
      first[a] = e;
    } else {
      next[last[a]] = e;
    }
    last[a] = e;
    if (!accept) {
      countUpvotes(a, 1);
    }
    while (window >= 0 && recentStart < size && at(recentStart) < when - window) {
      recentStart++;
    }
    return e;
  }

  /**
   * Replaces the entries with those read back from a snapshot, taking the arrays as the columns,
   * and chains each live entry on its answer in order; {@code answers} are the model's answers by
   * index, none chained yet.
   *
   * @param at each entry's time in milliseconds since the epoch, kept to the second
   * @param who each entry's voter and flags, as {@link #who(int, boolean, boolean)} makes them
   * @param answer each live entry's answer index, each below {@code answers}
   * @param start the first entry of the cut-off window
   * @param answers how many answers the model has
   */
  void restore(long[] at, int[] who, int[] answer, int start, int answers) {
    int n = at.length;
    seconds.clear();
    seconds.resize(n);
    for (int e = 0; e < n; e++) {
      seconds.set(e, Math.floorDiv(at[e], 1000) - EPOCH_SECOND);
    }
    this.who = IntOrLongColumn.startingShort(n);
    for (int e = 0; e < n; e++) {
      this.who.set(e, who[e], e);
    }
    this.next = new int[n];
    Arrays.fill(next, -1);
    size = n;
    recentStart = start;
    first = new int[0];
    last = new int[0];
    upvotes = IntOrLongColumn.startingShort(0);
    holdAnswers(answers);
    int[] firsts = first;
    int[] lasts = last;
    int[] ups = new int[answers];
    for (int e = 0; e < n; e++) {
      int flags = who[e];
      if ((flags & LIVE) != 0) {
        int a = answer[e];
        if (lasts[a] < 0) {
          firsts[a] = e;
        } else {
          next[lasts[a]] = e;
        }
        lasts[a] = e;
        next[e] = -2 - a;
        ups[a] += (flags & ACCEPT) != 0 ? 0 : 1;
      }
    }
    for (int a = 0; a < answers; a++) {
      if (ups[a] != 0) {
        upvotes.set(a, ups[a], first.length);
      }
    }
  }

  /** An entry's {@link #who}: the voter's index (-1 for none) and its flags. */
  static int who(int voter, boolean live, boolean accept) {
    return (voter + 1) << 2 | (live ? LIVE : 0) | (accept ? ACCEPT : 0);
  }

  boolean live(int e) {
    return (who.get(e) & LIVE) != 0;
  }

  boolean accept(int e) {
    return (who.get(e) & ACCEPT) != 0;
  }

  /** The voter's index in the model's voter table, or -1 for none. */
  int voter(int e) {
    return (int) (who.get(e) >>> 2) - 1;
  }

  /** Takes a live entry of answer {@code a} back: dead, and out of the answer's chain. */
  void kill(int a, int e) {
    who.set(e, who.get(e) & ~LIVE, size);
    int previous = -1;
    for (int i = first(a); i >= 0; previous = i, i = next[i]) {
      if (i == e) {
        if (!accept(e)) {
          countUpvotes(a, -1);
        }
        if (previous < 0) {
          first[a] = Math.max(next[e], -1);
        } else {
          next[previous] = next[e];
        }
        if (last[a] == e) {
          last[a] = previous;
        }
        next[e] = -1;
        return;
      }
    }
  }

  /** Takes every entry of answer {@code a} back (its answer is deleted). */
  void killAll(int a) {
    for (int i = first(a); i >= 0; ) {
      int n = next[i];
      who.set(i, who.get(i) & ~LIVE, size);
      next[i] = -1;
      i = n;
    }
    if (a < first.length) {
      first[a] = -1;
      last[a] = -1;
      upvotes.set(a, 0, first.length);
    }
  }

  /**
   * Gives back the columns' room past the entries, as after a start-up's replay: the next entry
   * grows them again.
   */
  void trimToSize() {
    if (next.length > size) {
      seconds.trimTo(size);
      who.resize(size);
      next = Arrays.copyOf(next, size);
    }
  }

  /**
   * Makes room for one more entry: drops the dead entries before the window if they are a
   * quarter or more of the columns (renumbering the chains), else grows the columns by half.
   */
  private void compactOrGrow() {
    int dead = 0;
    for (int e = 0; e < recentStart; e++) {
      dead += live(e) ? 0 : 1;
    }
    if (dead >= size / 4 && dead > 0) {
      int[] renumbered = new int[size];
      int kept = 0;
      for (int e = 0; e < size; e++) {
        if (e >= recentStart || live(e)) {
          renumbered[e] = kept;
          seconds.move(e, kept);
          who.move(e, kept);
          next[kept] = next[e];
          kept++;
        } else {
          renumbered[e] = -1;
        }
      }
      for (int e = 0; e < kept; e++) {
        next[e] = next[e] < 0 ? next[e] : renumbered[next[e]];
      }
      for (int a = 0; a < first.length; a++) {
        if (first[a] >= 0) {
          first[a] = renumbered[first[a]];
          last[a] = renumbered[last[a]];
        }
      }
      // The window's entries are all kept, in order.
      recentStart = recentStart < size ? renumbered[recentStart] : kept;
      size = kept;
      // The blocks past the entries kept start afresh from the times that come.
      seconds.trimTo(kept);
      seconds.resize(next.length);
      return;
    }
    int capacity = next.length + Math.max(16, next.length / 2);
    seconds.resize(capacity);
    who.resize(capacity);
    next = Arrays.copyOf(next, capacity);
  }
}
