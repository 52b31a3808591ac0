package io.socialearn.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * Each thread's answers in the order they were posted, as chains of row codes ({@link
 * ThreadRow#code}, {@link PostRow#code}) in three int arrays: a thread's first and last answer by
 * its code, an answer's next by its code, -1 for none. Twelve bytes a thread and four an answer,
 * and not one object, where a list a thread held about sixty bytes a thread and four an answer in
 * two objects (a million of them at a million posts, each copied by the collector at start-up).
 * A snapshot need not write them: an answer's row names its thread, and codes follow the order of
 * posting. Not thread-safe: guarded by the engine's lock.
 */
final class AnswerChains {
  private static final int[] EMPTY = {};

  /** By thread code: the first and last answer's code, or -1. */
  private int[] first = EMPTY;
  private int[] last = EMPTY;
  /** By answer code: the next answer's code in the same thread, or -1. */
  private int[] next = EMPTY;
  /** How many threads and answers have a place. */
  private int threads;
  private int answers;

  /**
   * Gives the thread with code {@code code} a chain of no answers; a thread that has one keeps
   * it.
   *
   * @throws IllegalArgumentException if {@code code} skips codes: rows get them in order
   */
  void addThread(int code) {
    if (code < threads) {
      return;
    }
    if (code != threads) {
      throw new IllegalArgumentException("thread code " + code + " after " + threads);
    }
    if (threads == first.length) {
      int grown = Math.max(16, threads + (threads >> 1));
      first = Arrays.copyOf(first, grown);
      last = Arrays.copyOf(last, grown);
    }
    first[threads] = -1;
    last[threads] = -1;
    threads++;
  }

  /**
   * Puts the answer with code {@code code} last in the chain of the thread with code {@code
   * thread}; an answer that has a place keeps it.
   *
   * @throws IllegalArgumentException if {@code code} skips codes or the thread has no chain
   */
  void addAnswer(int thread, int code) {
    if (code < answers) {
      return;
    }
    Objects.checkIndex(thread, threads);
    if (code != answers) {
      throw new IllegalArgumentException("answer code " + code + " after " + answers);
    }
    if (answers == next.length) {
      next = Arrays.copyOf(next, Math.max(16, answers + (answers >> 1)));
    }
    next[answers++] = -1;
    if (last[thread] < 0) {
      first[thread] = code;
    } else {
      next[last[thread]] = code;
    }
    last[thread] = code;
  }

  /** The code of the first answer of the thread with code {@code thread}, or -1 for none. */
  int first(int thread) {
    return first[Objects.checkIndex(thread, threads)];
  }

  /** The code of the answer after the answer with code {@code answer}, or -1 for none. */
  int next(int answer) {
    return next[Objects.checkIndex(answer, answers)];
  }

  /** How many threads have a chain. */
  int threads() {
    return threads;
  }

  /** Makes room for {@code moreThreads} threads and {@code moreAnswers} answers at once. */
  void reserve(int moreThreads, int moreAnswers) {
    if (threads + moreThreads > first.length) {
      first = Arrays.copyOf(first, threads + moreThreads);
      last = Arrays.copyOf(last, threads + moreThreads);
    }
    if (answers + moreAnswers > next.length) {
      next = Arrays.copyOf(next, answers + moreAnswers);
    }
  }

  /** Drops the room kept for more: after start-up. */
  void trimToSize() {
    first = Arrays.copyOf(first, threads);
    last = Arrays.copyOf(last, threads);
    next = Arrays.copyOf(next, answers);
  }

  /** Takes {@code other}'s chains as they are, leaving it empty. */
  void takeOver(AnswerChains other) {
    first = other.first;
    last = other.last;
    next = other.next;
    threads = other.threads;
    answers = other.answers;
    other.first = EMPTY;
    other.last = EMPTY;
    other.next = EMPTY;
    other.threads = 0;
    other.answers = 0;
  }
}
