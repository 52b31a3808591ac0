package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import java.util.List;

/**
 * A question was asked, a discussion opened or an article published.
 *
 * @param thread the new thread
 * @param space its space
 * @param kind question, discussion or article
 * @param title its title
 * @param body its opening post
 * @param tags its tags
 * @param author who started it
 */
public record ThreadStarted(
    ThreadId thread,
    SpaceId space,
    ThreadKind kind,
    String title,
    String body,
    List<Tag> tags,
    PersonId author) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public ThreadStarted {
    Validate.required("thread", thread);
    Validate.required("space", space);
    Validate.required("kind", kind);
    Validate.required("title", title);
    Validate.required("body", body);
    tags = Validate.list("tags", tags);
    Validate.required("author", author);
  }
}
