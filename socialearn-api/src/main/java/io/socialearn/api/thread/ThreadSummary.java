package io.socialearn.api.thread;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A thread as a list shows it: everything but the bodies.
 *
 * @param id the thread
 * @param space the space it lives in
 * @param kind question, discussion or article
 * @param title its current title
 * @param tags its current tags, in the order the author gave them
 * @param author who started it
 * @param state open, answered, closed or duplicate
 * @param duplicateOf the original, if the state is {@link ThreadState#DUPLICATE}, else null
 * @param score up votes minus down votes on the opening post
 * @param answerCount how many answers or replies it has
 * @param acceptedAnswer the accepted answer, or null
 * @param createdAt when it was started
 * @param lastActivityAt when it last changed (answer, comment, edit, accept or state; votes do
 *     not count, so that voting never moves a thread up the activity list)
 */
public record ThreadSummary(
    ThreadId id,
    SpaceId space,
    ThreadKind kind,
    String title,
    List<Tag> tags,
    PersonId author,
    ThreadState state,
    ThreadId duplicateOf,
    int score,
    int answerCount,
    PostId acceptedAnswer,
    Instant createdAt,
    Instant lastActivityAt) {
  /** Checks and copies. */
  public ThreadSummary {
    Validate.required("id", id);
    Validate.required("space", space);
    Validate.required("kind", kind);
    Validate.required("title", title);
    tags = Validate.list("tags", tags);
    Validate.required("author", author);
    Validate.required("state", state);
    Validate.required("createdAt", createdAt);
    Validate.required("lastActivityAt", lastActivityAt);
  }

  /** The original this thread duplicates, if it was marked so. */
  public Optional<ThreadId> duplicateOriginal() {
    return Optional.ofNullable(duplicateOf);
  }

  /** The accepted answer, if there is one. */
  public Optional<PostId> accepted() {
    return Optional.ofNullable(acceptedAnswer);
  }
}
