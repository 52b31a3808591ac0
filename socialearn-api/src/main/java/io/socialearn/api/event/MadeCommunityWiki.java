package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.ThreadId;

/**
 * A question or answer became community wiki: votes on it from now on earn its author nothing.
 *
 * @param target the question (thread) or answer
 * @param thread the thread it belongs to
 * @param by who made it community wiki
 */
public record MadeCommunityWiki(
    ContentRef target,
    ThreadId thread,
    PersonId by) implements DomainEvent {
  /** Checks that nothing required is missing. */
  public MadeCommunityWiki {
    Validate.required("target", target);
    Validate.required("thread", thread);
    Validate.required("by", by);
  }
}
