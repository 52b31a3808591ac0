package io.socialearn.api.thread;

/**
 * Something a person wrote that others can vote on, comment on or edit: a thread (its opening
 * post) or a post in it (an answer or reply).
 */
public sealed interface ContentRef permits ThreadId, PostId {
  /** The id as a string. */
  String value();
}
