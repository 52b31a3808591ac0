package io.socialearn.api.people;

/** What a person did, in their activity list. */
public enum ActivityKind {
  /** Started a question, discussion or article. */
  STARTED_THREAD,
  /** Answered a question or replied in a discussion. */
  ANSWERED,
  /** Commented on a thread or an answer. */
  COMMENTED
}
