package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.ThreadId;

/**
 * Closes a thread as a duplicate of another, usually older, one in a space everyone who reads it
 * may read (its own, or one open to the organisation). The asker, a moderator or an administrator
 * may.
 *
 * @param duplicate the thread to close
 * @param original the thread that already answers it
 */
public record MarkDuplicate(
    ThreadId duplicate,
    ThreadId original) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public MarkDuplicate {
    Validate.required("duplicate", duplicate);
    Validate.required("original", original);
  }
}
