package io.socialearn.api.thread;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An answer (or a reply in a discussion) as a viewer sees it.
 *
 * @param id the post
 * @param thread the thread it answers
 * @param author who wrote it
 * @param body its current text (Markdown)
 * @param score up votes minus down votes
 * @param accepted whether it is the thread's accepted answer
 * @param createdAt when it was posted
 * @param editedAt when it was last edited, or null
 * @param viewerVote how the viewer voted on it, or null
 * @param comments its comments, oldest first
 */
public record PostView(
    PostId id,
    ThreadId thread,
    PersonId author,
    String body,
    int score,
    boolean accepted,
    Instant createdAt,
    Instant editedAt,
    VoteDirection viewerVote,
    List<CommentView> comments) {
  /** Checks and copies. */
  public PostView {
    Validate.required("id", id);
    Validate.required("thread", thread);
    Validate.required("author", author);
    Validate.required("body", body);
    Validate.required("createdAt", createdAt);
    comments = Validate.list("comments", comments);
  }

  /** When it was last edited, if ever. */
  public Optional<Instant> lastEdited() {
    return Optional.ofNullable(editedAt);
  }

  /** How the viewer voted on it, if they did. */
  public Optional<VoteDirection> vote() {
    return Optional.ofNullable(viewerVote);
  }
}
