package io.socialearn.core;

import java.util.Arrays;

/**
 * A space's threads as the row codes of the thread table ({@link ThreadRow#code}), in the order
 * they were started: a list page reads the table's columns by code, without looking each
 * thread's id up. Only grows; not thread-safe.
 */
final class SpaceThreads {
  private int[] codes = new int[8];
  private int size;

  /** Adds the thread of row code {@code code} last. */
  void add(int code) {
    if (size == codes.length) {
      codes = Arrays.copyOf(codes, size + (size >> 1));
    }
    codes[size++] = code;
  }

  /** The row code at {@code index}, 0 the first thread started. */
  int get(int index) {
    return codes[index];
  }

  /** How many threads the space has had, deleted ones included. */
  int size() {
    return size;
  }
}
