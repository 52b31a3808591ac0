package io.socialearn.api.thread;

/** Orders of a space's thread list. */
public enum ThreadSort {
  /** Newest first. New threads never shift a later page. */
  NEWEST,
  /**
   * Most recent activity (a new answer, comment, edit, accept or state change; not votes) first.
   * A thread whose activity moves it ahead of a page's cursor meanwhile is not on the later
   * pages: it heads the first.
   */
  ACTIVITY,
  /**
   * Highest score first, then newest. Votes cast between pages can move a thread across a page's
   * cursor, so that a later page repeats or misses it.
   */
  VOTES,
  /** Only questions with no answer, oldest first, so the longest-waiting get seen. */
  UNANSWERED
}
