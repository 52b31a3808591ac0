package io.socialearn.core;

import io.socialearn.api.thread.VoteDirection;
import java.util.Arrays;

/**
 * The standing votes on each thread and answer ({@link VoteSet}s), by the content code of its
 * row ({@link EngineState#contentCode}): a slot in an array a row instead of an entry in a map
 * keyed by id, so that a snapshot read puts a million sets without hashing one id. Threads' and
 * answers' sets are kept apart, each by its row's own code, in chunks of {@value #CHUNK} rows.
 *
 * <p>{@link #pack} (called once start-up has folded the store) writes each chunk's sets one
 * after another into one array of the chunk, with where each ends: a million posts' sets as a
 * million arrays of their own cost 16 MB of array headers and 4 MB of padding more. A set
 * changed later is held as an array of its own again ("loose"), which the chunk's packed bytes
 * then no longer stand for. After the first pack, once {@value #REPACK_AT} of a chunk's sets
 * are loose, the chunk is packed again (a chunk of rows made after start-up too), so a
 * long-running engine does not drift back to an array a changed post; a repack copies the
 * chunk's bytes once per {@value #REPACK_AT} changes. {@link #get} gives a packed set as a fresh
 * copy, so a caller that changes a set must {@link #set} it back. No array is one of the
 * collector's humongous objects. Not thread-safe: guarded by the engine's lock (reads change
 * nothing).
 */
final class RowVotes {
  private static final int SHIFT = 12;
  private static final int CHUNK = 1 << SHIFT;
  private static final Chunk[] NONE = {};
  private static final byte[] EMPTY = {};
  /** How many loose sets a packed chunk holds before it is packed again. */
  static final int REPACK_AT = CHUNK / 8;

  /** By thread code, then by answer code: null where a chunk has never had a set. */
  private Chunk[] threads = NONE;
  private Chunk[] answers = NONE;
  /** How many rows have a set. */
  private int size;
  /** Whether {@link #pack} has run: from then on a chunk is packed again as it drifts. */
  private boolean packing;

  /** The sets of {@value #CHUNK} rows. */
  private static final class Chunk {
    /** Which rows have a set, a bit a row. */
    final long[] present = new long[CHUNK / Long.SIZE];
    /** The sets set since the chunk was packed, by row, null where none; null when none. */
    byte[][] loose;
    /** How many rows of {@link #loose} are not null. */
    int looseCount;
    /** The packed sets' bytes, one after another, with no room. */
    byte[] packed = EMPTY;
    /**
     * Where each row's packed set ends in {@link #packed}: it starts where the row before's
     * ends (row 0's at 0); null when nothing is packed. A row with a loose set, or none, keeps
     * the bytes it was packed with, unread.
     */
    int[] ends;

    boolean has(int row) {
      return (present[row >>> 6] & 1L << row) != 0;
    }

    int start(int row) {
      return row == 0 ? 0 : ends[row - 1];
    }
  }

  /**
   * The set of the row with content code {@code code}, or null if none (or no such row): the
   * array {@link #set} was given, or, for a packed set, a fresh copy of it without room.
   */
  byte[] get(int code) {
    Chunk chunk = holding(code);
    if (chunk == null) {
      return null;
    }
    int row = (code >>> 1) & (CHUNK - 1);
    if (chunk.loose != null && chunk.loose[row] != null) {
      return chunk.loose[row];
    }
    return Arrays.copyOfRange(chunk.packed, chunk.start(row), chunk.ends[row]);
  }

  /**
   * The vote of the person with index {@code voter} on the row with content code {@code code},
   * or null: as {@code VoteSet.get(get(code), voter)}, without a copy.
   */
  VoteDirection direction(int code, int voter) {
    Chunk chunk = holding(code);
    if (chunk == null) {
      return null;
    }
    int row = (code >>> 1) & (CHUNK - 1);
    if (chunk.loose != null && chunk.loose[row] != null) {
      byte[] set = chunk.loose[row];
      return VoteSet.get(set, 0, set.length, voter);
    }
    return VoteSet.get(chunk.packed, chunk.start(row), chunk.ends[row], voter);
  }

  /** The chunk of the row with content code {@code code} if that row has a set, else null. */
  private Chunk holding(int code) {
    Chunk chunk = chunk(code);
    return chunk != null && chunk.has((code >>> 1) & (CHUNK - 1)) ? chunk : null;
  }

  private Chunk chunk(int code) {
    if (code < 0) {
      return null;
    }
    Chunk[] chunks = (code & 1) == 0 ? threads : answers;
    int c = code >>> 1 >>> SHIFT;
    return c < chunks.length ? chunks[c] : null;
  }

  /** Sets the set of the row with content code {@code code} (0 or more); null removes it. */
  void set(int code, byte[] set) {
    if (code < 0) {
      throw new IllegalArgumentException("not a row's content code: " + code);
    }
    int row = code >>> 1;
    int c = row >>> SHIFT;
    row &= CHUNK - 1;
    Chunk[] chunks = (code & 1) == 0 ? threads : answers;
    if (c >= chunks.length) {
      if (set == null) {
        return;
      }
      chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length + (chunks.length >> 1)));
      if ((code & 1) == 0) {
        threads = chunks;
      } else {
        answers = chunks;
      }
    }
    Chunk chunk = chunks[c];
    if (chunk == null) {
      if (set == null) {
        return;
      }
      chunk = chunks[c] = new Chunk();
    }
    boolean had = chunk.has(row);
    boolean wasLoose = chunk.loose != null && chunk.loose[row] != null;
    if (set == null) {
      chunk.present[row >>> 6] &= ~(1L << row);
      if (wasLoose) {
        chunk.loose[row] = null;
      }
    } else {
      chunk.present[row >>> 6] |= 1L << row;
      if (chunk.loose == null) {
        chunk.loose = new byte[CHUNK][];
      }
      chunk.loose[row] = set;
    }
    chunk.looseCount += (set != null ? 1 : 0) - (wasLoose ? 1 : 0);
    size += (set != null ? 1 : 0) - (had ? 1 : 0);
    // Start-up's sets are packed all at once, by pack; after it, a chunk as it drifts
    if (packing && chunk.looseCount >= REPACK_AT) {
      chunks[c] = packed(chunk);
    }
  }

  /** How many sets are held loose, as arrays of their own. For tests. */
  int looseSets() {
    int loose = 0;
    for (Chunk[] chunks : new Chunk[][] {threads, answers}) {
      for (Chunk chunk : chunks) {
        loose += chunk == null ? 0 : chunk.looseCount;
      }
    }
    return loose;
  }

  /** How many rows have a set. */
  int size() {
    return size;
  }

  /** What {@link #forEach} gives each row with a set. */
  interface Action<X extends Exception> {
    void accept(int code, byte[] set) throws X;
  }

  /** Each row with a set, as {@link #get} gives it, threads first, each kind in code order. */
  <X extends Exception> void forEach(Action<X> action) throws X {
    each(threads, 0, action);
    each(answers, 1, action);
  }

  private <X extends Exception> void each(Chunk[] chunks, int kind, Action<X> action)
      throws X {
    for (int c = 0; c < chunks.length; c++) {
      if (chunks[c] != null) {
        for (int i = 0; i < CHUNK; i++) {
          if (chunks[c].has(i)) {
            int code = ((c << SHIFT) + i) << 1 | kind;
            action.accept(code, get(code));
          }
        }
      }
    }
  }

  /**
   * Packs every chunk's sets, without their room, into one array of the chunk (see the class
   * comment); the sets are unchanged. Costs a copy of every set.
   */
  void pack() {
    packing = true;
    for (Chunk[] chunks : new Chunk[][] {threads, answers}) {
      for (int c = 0; c < chunks.length; c++) {
        if (chunks[c] != null) {
          chunks[c] = packed(chunks[c]);
        }
      }
    }
  }

  /** {@code chunk} packed: null if it has no sets. */
  private static Chunk packed(Chunk chunk) {
    int bytes = 0;
    boolean any = false;
    for (int row = 0; row < CHUNK; row++) {
      if (chunk.has(row)) {
        any = true;
        bytes += chunk.loose != null && chunk.loose[row] != null
            ? VoteSet.used(chunk.loose[row]) : chunk.ends[row] - chunk.start(row);
      }
    }
    if (!any) {
      return null;
    }
    Chunk into = new Chunk();
    System.arraycopy(chunk.present, 0, into.present, 0, chunk.present.length);
    into.packed = new byte[bytes];
    into.ends = new int[CHUNK];
    int at = 0;
    for (int row = 0; row < CHUNK; row++) {
      if (chunk.has(row)) {
        if (chunk.loose != null && chunk.loose[row] != null) {
          byte[] set = chunk.loose[row];
          int used = VoteSet.used(set);
          System.arraycopy(set, 0, into.packed, at, used);
          at += used;
        } else {
          int start = chunk.start(row);
          System.arraycopy(chunk.packed, start, into.packed, at, chunk.ends[row] - start);
          at += chunk.ends[row] - start;
        }
      }
      into.ends[row] = at;
    }
    return into;
  }

  /** Replaces these sets with {@code other}'s, leaving {@code other} empty, without copying. */
  void takeOver(RowVotes other) {
    threads = other.threads;
    answers = other.answers;
    size = other.size;
    packing = other.packing;
    other.threads = NONE;
    other.answers = NONE;
    other.size = 0;
    other.packing = false;
  }
}
