package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.ThreadId;

/**
 * Deletes a thread; it disappears from every read. The author (while it has no answers), a
 * moderator or an administrator may.
 *
 * @param thread the thread
 * @param reason why; may be empty
 */
public record DeleteThread(
    ThreadId thread,
    String reason) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public DeleteThread {
    Validate.required("thread", thread);
    Validate.required("reason", reason);
  }
}
