package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.ThreadId;

/**
 * Reopens a closed or duplicate thread. Moderators and administrators only.
 *
 * @param thread the thread
 */
public record ReopenThread(
    ThreadId thread) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public ReopenThread {
    Validate.required("thread", thread);
  }
}
