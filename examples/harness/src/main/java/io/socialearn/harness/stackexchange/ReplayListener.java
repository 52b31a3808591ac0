package io.socialearn.harness.stackexchange;

import io.socialearn.api.thread.ThreadId;

/**
 * Told of each question as the replay reaches it, so that an evaluation can ask its question of
 * the engine exactly when the site stood where it stood. Called on the replaying thread.
 */
public interface ReplayListener {
  /** A listener that does nothing. */
  ReplayListener NONE = new ReplayListener() {};

  /** Called right before the question is started: the engine holds only what came earlier. */
  default void beforeQuestion(DumpQuestion question) {}

  /** Called right after the question was started as {@code thread}. */
  default void afterQuestion(DumpQuestion question, ThreadId thread) {}
}
