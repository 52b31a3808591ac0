package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.ThreadId;

/**
 * An edit that a person suggested to someone else's question or answer was approved. The edit
 * itself, if the approval carried text, is a {@link PostEdited} or {@link ThreadEdited} recorded
 * with it.
 *
 * @param target the question (thread) or answer edited
 * @param thread the thread it belongs to
 * @param suggestedBy who suggested the edit, and earns for it
 * @param approvedBy who approved it
 */
public record SuggestedEditApproved(
    ContentRef target,
    ThreadId thread,
    PersonId suggestedBy,
    PersonId approvedBy) implements DomainEvent {
  /** Checks that nothing required is missing. */
  public SuggestedEditApproved {
    Validate.required("target", target);
    Validate.required("thread", thread);
    Validate.required("suggestedBy", suggestedBy);
    Validate.required("approvedBy", approvedBy);
  }
}
