package io.socialearn.core;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The standing votes on each thread and answer ({@link VoteSet}s), by the content code of its
 * row ({@link EngineState#contentCode}): a slot in an array a row instead of an entry in a map
 * keyed by id, so that a snapshot read puts a million sets without hashing one id. Threads' and
 * answers' sets are kept apart, each by its row's own code, in chunks of {@value #CHUNK} slots
 * (no chunk is one of the collector's humongous objects). Not thread-safe: guarded by the
 * engine's lock.
 */
final class RowVotes {
  private static final int SHIFT = 12;
  private static final int CHUNK = 1 << SHIFT;
  private static final byte[][][] NONE = {};

  /** By thread code, then by answer code: chunks of sets, null where none. */
  private byte[][][] threads = NONE;
  private byte[][][] answers = NONE;
  /** How many rows have a set. */
  private int size;

  /** The set of the row with content code {@code code}, or null if none (or no such row). */
  byte[] get(int code) {
    if (code < 0) {
      return null;
    }
    byte[][][] chunks = (code & 1) == 0 ? threads : answers;
    int row = code >>> 1;
    int chunk = row >>> SHIFT;
    return chunk < chunks.length && chunks[chunk] != null ? chunks[chunk][row & (CHUNK - 1)]
        : null;
  }

  /** Sets the set of the row with content code {@code code} (0 or more); null removes it. */
  void set(int code, byte[] set) {
    if (code < 0) {
      throw new IllegalArgumentException("not a row's content code: " + code);
    }
    int row = code >>> 1;
    int chunk = row >>> SHIFT;
    byte[][][] chunks = (code & 1) == 0 ? threads : answers;
    if (chunk >= chunks.length) {
      if (set == null) {
        return;
      }
      chunks = Arrays.copyOf(chunks, Math.max(chunk + 1, chunks.length + (chunks.length >> 1)));
      if ((code & 1) == 0) {
        threads = chunks;
      } else {
        answers = chunks;
      }
    }
    if (chunks[chunk] == null) {
      if (set == null) {
        return;
      }
      chunks[chunk] = new byte[CHUNK][];
    }
    byte[] old = chunks[chunk][row & (CHUNK - 1)];
    chunks[chunk][row & (CHUNK - 1)] = set;
    size += (old == null ? 1 : 0) - (set == null ? 1 : 0);
  }

  /** How many rows have a set. */
  int size() {
    return size;
  }

  /** What {@link #forEach} gives each row with a set. */
  interface Action<X extends Exception> {
    void accept(int code, byte[] set) throws X;
  }

  /** Each row with a set, threads first, each kind in order of code. */
  <X extends Exception> void forEach(Action<X> action) throws X {
    each(threads, 0, action);
    each(answers, 1, action);
  }

  private static <X extends Exception> void each(byte[][][] chunks, int kind, Action<X> action)
      throws X {
    for (int c = 0; c < chunks.length; c++) {
      if (chunks[c] != null) {
        for (int i = 0; i < CHUNK; i++) {
          byte[] set = chunks[c][i];
          if (set != null) {
            action.accept(((c << SHIFT) + i) << 1 | kind, set);
          }
        }
      }
    }
  }

  /** Replaces each set with {@code f}'s result for it (never null). */
  void replaceAll(UnaryOperator<byte[]> f) {
    for (byte[][][] chunks : new byte[][][][] {threads, answers}) {
      for (byte[][] chunk : chunks) {
        for (int i = 0; chunk != null && i < CHUNK; i++) {
          if (chunk[i] != null) {
            chunk[i] = f.apply(chunk[i]);
          }
        }
      }
    }
  }

  /** Replaces these sets with {@code other}'s, leaving {@code other} empty, without copying. */
  void takeOver(RowVotes other) {
    threads = other.threads;
    answers = other.answers;
    size = other.size;
    other.threads = NONE;
    other.answers = NONE;
    other.size = 0;
  }
}
