package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.ThreadId;

/**
 * Closes a thread: it takes no more answers. The author, a moderator or an administrator may.
 *
 * @param thread the thread
 * @param reason why; may be empty
 */
public record CloseThread(
    ThreadId thread,
    String reason) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public CloseThread {
    Validate.required("thread", thread);
    Validate.required("reason", reason);
  }
}
