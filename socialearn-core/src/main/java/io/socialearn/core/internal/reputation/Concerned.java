package io.socialearn.core.internal.reputation;

import java.util.Arrays;

/**
 * The people concerned by each post (see {@link ReputationLedger}), all as codes of the ledger's
 * {@link IdCodes}: for each post's code, the codes of the people, without repeats. A post is
 * found by its code as an index, not by hashing its id: a row's code (a thread's and an answer's
 * apart) or a dense one each index a column of their own. A post's first person is held in its
 * slot; each further one takes a cell of two ints (the person, and the slot's value before it)
 * in front of the rest. Half a million posts with three quarters of a million people so take
 * 5.1 MB, against 13.6 MB as a map from post ids to arrays of person ids. Entries are never
 * removed but all at once. Not thread-safe: guarded by the engine's lock.
 */
final class Concerned {
  private static final int SHIFT = 12;
  private static final int CHUNK = 1 << SHIFT;
  private static final int[][] NONE = {};

  /**
   * By the post's code, three columns: threads' row codes, answers' row codes (the rows' content
   * codes halved, see {@link IdCodes#ofRow}) and dense codes. A slot holds 0 for no one, {@code
   * p + 1} for the one person {@code p} (the end of a list), or {@code -1 - c} for cell {@code c},
   * which holds a person and another slot's value, the rest of the list.
   */
  private final Column threads = new Column();
  private final Column answers = new Column();
  private final Column dense = new Column();
  /** The cells, two ints each, in chunks of {@value #CHUNK} ints. */
  private int[][] cells = NONE;
  private int cellCount;
  /** How many posts have someone. */
  private int size;

  /** Ints by index in chunks of {@value #CHUNK}, none allocated until set; 0 where unset. */
  private static final class Column {
    int[][] chunks = NONE;

    int get(int i) {
      int c = i >>> SHIFT;
      return c < chunks.length && chunks[c] != null ? chunks[c][i & (CHUNK - 1)] : 0;
    }

    void set(int i, int value) {
      int c = i >>> SHIFT;
      if (c >= chunks.length) {
        chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length + (chunks.length >> 1)));
      }
      if (chunks[c] == null) {
        chunks[c] = new int[CHUNK];
      }
      chunks[c][i & (CHUNK - 1)] = value;
    }

    /** One past the highest index that may be set. */
    int limit() {
      return chunks.length << SHIFT;
    }
  }

  /**
   * The column of the post with code {@code code} (not {@link IdCodes#NONE}): a row's content
   * code, {@link IdCodes#ofRow} of its code, is even for a thread.
   */
  private Column column(int code) {
    return code >= 0 ? dense : (IdCodes.ofRow(code) & 1) == 0 ? threads : answers;
  }

  /** The post's index in its column. */
  private static int index(int code) {
    return code >= 0 ? code : IdCodes.ofRow(code) >>> 1;
  }

  /** Notes that the person with code {@code person} is concerned by the post {@code post}. */
  void add(int post, int person) {
    if (post == IdCodes.NONE || person < 0) {
      throw new IllegalArgumentException("post " + post + ", person " + person);
    }
    Column column = column(post);
    int i = index(post);
    int held = column.get(i);
    if (held == 0) {
      size++;
      column.set(i, person + 1);
      return;
    }
    for (int v = held; ; ) {
      if (v > 0) {
        if (v - 1 == person) {
          return;
        }
        break;
      }
      int c = -1 - v;
      if (cell(c, 0) == person) {
        return;
      }
      v = cell(c, 1);
    }
    int c = cellCount++;
    if (c >>> (SHIFT - 1) >= cells.length) {
      cells = Arrays.copyOf(cells, Math.max(4, cells.length + (cells.length >> 1)));
    }
    if (cells[c >>> (SHIFT - 1)] == null) {
      cells[c >>> (SHIFT - 1)] = new int[CHUNK];
    }
    int[] chunk = cells[c >>> (SHIFT - 1)];
    int at = (c << 1) & (CHUNK - 1);
    chunk[at] = person;
    chunk[at + 1] = held;
    column.set(i, -1 - c);
  }

  /** Part {@code part} (0 the person, 1 the rest) of cell {@code c}. */
  private int cell(int c, int part) {
    return cells[c >>> (SHIFT - 1)][((c << 1) & (CHUNK - 1)) + part];
  }

  /** Whether anyone is concerned by the post with code {@code post}. */
  boolean has(int post) {
    return post != IdCodes.NONE && column(post).get(index(post)) != 0;
  }

  /** The codes of the people concerned by {@code post}: none if no one is. */
  int[] people(int post) {
    int[] found = new int[0];
    for (int v = has(post) ? column(post).get(index(post)) : 0; v != 0; ) {
      found = Arrays.copyOf(found, found.length + 1);
      if (v > 0) {
        found[found.length - 1] = v - 1;
        break;
      }
      found[found.length - 1] = cell(-1 - v, 0);
      v = cell(-1 - v, 1);
    }
    return found;
  }

  /** Receives each post with the people concerned. */
  interface PostAction<X extends Exception> {
    void accept(int post, int[] people) throws X;
  }

  /**
   * Each post anyone is concerned by, with the codes of its people: threads' rows, answers' rows,
   * then posts with dense codes, each in order of code.
   */
  <X extends Exception> void forEach(PostAction<X> action) throws X {
    Column[] columns = {threads, answers, dense};
    for (int kind = 0; kind < columns.length; kind++) {
      for (int i = 0; i < columns[kind].limit(); i++) {
        if (columns[kind].get(i) != 0) {
          int post = kind == 2 ? i : IdCodes.ofRow(i << 1 | kind);
          action.accept(post, people(post));
        }
      }
    }
  }

  /** How many posts anyone is concerned by. */
  int size() {
    return size;
  }

  /** Forgets everyone. */
  void clear() {
    for (Column column : new Column[] {threads, answers, dense}) {
      column.chunks = NONE;
    }
    cells = NONE;
    cellCount = 0;
    size = 0;
  }

  /** Takes {@code other}'s entries in place of these, leaving it empty. */
  void takeOver(Concerned other) {
    threads.chunks = other.threads.chunks;
    answers.chunks = other.answers.chunks;
    dense.chunks = other.dense.chunks;
    cells = other.cells;
    cellCount = other.cellCount;
    size = other.size;
    other.threads.chunks = NONE;
    other.answers.chunks = NONE;
    other.dense.chunks = NONE;
    other.cells = NONE;
    other.cellCount = 0;
    other.size = 0;
  }
}
