package io.socialearn.api.thread;

import io.socialearn.api.Validate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A whole thread as a viewer sees it.
 *
 * <p>Answers come in the order people expect: the accepted answer first, then by score (highest
 * first), then oldest first.
 *
 * @param summary the thread's list fields
 * @param body the opening post's current text (Markdown)
 * @param editedAt when the opening post was last edited, or null
 * @param viewerVote how the viewer voted on the opening post, or null
 * @param comments the opening post's comments, oldest first
 * @param answers the answers, accepted first, then by score, then oldest first
 */
public record ThreadDetail(
    ThreadSummary summary,
    String body,
    Instant editedAt,
    VoteDirection viewerVote,
    List<CommentView> comments,
    List<PostView> answers) {
  /** Checks and copies. */
  public ThreadDetail {
    Validate.required("summary", summary);
    Validate.required("body", body);
    comments = Validate.list("comments", comments);
    answers = Validate.list("answers", answers);
  }

  /** The thread's id. */
  public ThreadId id() {
    return summary.id();
  }

  /** The thread's title. */
  public String title() {
    return summary.title();
  }

  /** The accepted answer, if any. */
  public Optional<PostView> acceptedAnswer() {
    return answers.stream().filter(PostView::accepted).findFirst();
  }
}
