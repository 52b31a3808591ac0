package io.socialearn.api.thread;

/** Orders of a space's thread list. */
public enum ThreadSort {
  /** Newest first. New threads never shift a later page. */
  NEWEST,
  /** Most recent activity (a new answer, comment, edit or vote) first. */
  ACTIVITY,
  /** Highest score first, then newest. */
  VOTES,
  /** Only questions with no answer, oldest first, so the longest-waiting get seen. */
  UNANSWERED
}
