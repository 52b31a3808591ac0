package io.socialearn.api.thread;

/** Which way a vote goes. */
public enum VoteDirection {
  /** Useful, correct. */
  UP(1),
  /** Not useful, wrong. */
  DOWN(-1);

  private final int value;

  VoteDirection(int value) {
    this.value = value;
  }

  /** +1 for up, -1 for down: what the vote adds to a score. */
  public int value() {
    return value;
  }
}
