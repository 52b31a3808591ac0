package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ThreadId;
import java.util.List;

/**
 * A new question was routed to the people most likely to answer it; a host listening for this
 * event notifies them. The log keeps the record of who was asked.
 *
 * @param thread the question
 * @param people who was asked, best first
 */
public record QuestionRouted(ThreadId thread, List<PersonId> people) implements DomainEvent {
  /** Checks and copies. */
  public QuestionRouted {
    Validate.required("thread", thread);
    people = Validate.list("people", people);
  }
}
