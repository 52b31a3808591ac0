package io.socialearn.api.people;

import io.socialearn.api.Validate;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.ThreadId;
import java.time.Instant;

/**
 * One thing a person did, as shown in their activity.
 *
 * @param sequence the log sequence of the event, which orders the list
 * @param at when it happened
 * @param kind what was done
 * @param thread the thread it happened in
 * @param threadTitle the thread's current title
 * @param target the thread or answer that was written or commented on
 */
public record ActivityItem(
    long sequence, Instant at, ActivityKind kind, ThreadId thread, String threadTitle,
    ContentRef target) {
  /** Checks that nothing is missing. */
  public ActivityItem {
    Validate.required("at", at);
    Validate.required("kind", kind);
    Validate.required("thread", thread);
    Validate.required("threadTitle", threadTitle);
    Validate.required("target", target);
  }
}
