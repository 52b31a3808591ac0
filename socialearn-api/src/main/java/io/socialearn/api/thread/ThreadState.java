package io.socialearn.api.thread;

/** Where a thread stands. */
public enum ThreadState {
  /** Takes answers; for a question, none is accepted yet. */
  OPEN,
  /** A question with an accepted answer; it still takes answers. */
  ANSWERED,
  /** Closed by a moderator or the asker: it takes no answers. */
  CLOSED,
  /** Closed as a duplicate of another thread: it takes no answers. */
  DUPLICATE;

  /** Whether a thread in this state takes new answers. */
  public boolean takesAnswers() {
    return this == OPEN || this == ANSWERED;
  }
}
