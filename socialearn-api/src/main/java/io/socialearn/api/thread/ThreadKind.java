package io.socialearn.api.thread;

/** What a thread is. */
public enum ThreadKind {
  /** A question: it takes answers, and its asker can accept one. */
  QUESTION,
  /** A discussion: it takes replies; none is accepted. */
  DISCUSSION,
  /** An article: curated knowledge; it takes comments and replies. */
  ARTICLE
}
