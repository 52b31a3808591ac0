package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.FlagReason;
import io.socialearn.api.thread.ThreadId;

/**
 * Someone flagged a question or answer for moderators.
 *
 * @param target the question (thread) or answer
 * @param thread the thread it belongs to
 * @param by who flagged it
 * @param reason why
 * @param note what they added (empty if nothing)
 */
public record PostFlagged(
    ContentRef target,
    ThreadId thread,
    PersonId by,
    FlagReason reason,
    String note) implements DomainEvent {
  /** Checks that nothing required is missing. */
  public PostFlagged {
    Validate.required("target", target);
    Validate.required("thread", thread);
    Validate.required("by", by);
    Validate.required("reason", reason);
    Validate.required("note", note);
  }
}
