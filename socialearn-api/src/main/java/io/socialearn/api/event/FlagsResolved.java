package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.ThreadId;
import java.util.List;

/**
 * A moderator resolved the open flags on a question or answer.
 *
 * @param target the question (thread) or answer
 * @param thread the thread it belongs to
 * @param by the moderator
 * @param agreed whether the flags were right
 * @param flaggers who had flagged it, oldest flag first
 */
public record FlagsResolved(
    ContentRef target,
    ThreadId thread,
    PersonId by,
    boolean agreed,
    List<PersonId> flaggers) implements DomainEvent {
  /** Checks that nothing required is missing, and copies the list. */
  public FlagsResolved {
    Validate.required("target", target);
    Validate.required("thread", thread);
    Validate.required("by", by);
    flaggers = Validate.list("flaggers", flaggers);
  }
}
