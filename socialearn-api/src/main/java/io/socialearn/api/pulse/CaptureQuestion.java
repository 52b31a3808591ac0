package io.socialearn.api.pulse;

import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.util.List;

/**
 * A question worth putting to someone before they leave. Immutable.
 *
 * @param thread the question
 * @param title its title
 * @param tags its tags
 * @param reason why it is worth asking
 * @param score its vote score
 * @param views how many people read it (from {@code RecordView}); the list is ordered by views,
 *     then by score
 */
public record CaptureQuestion(
    ThreadId thread, String title, List<Tag> tags, Reason reason, int score, int views) {

  /** Why a question is worth putting to the person. */
  public enum Reason {
    /** Nobody has answered it yet, and it is in one of their topics. */
    UNANSWERED_IN_THEIR_TOPIC,
    /** They are the only one who answered it: nobody else has shown they know. */
    ONLY_THEY_ANSWERED
  }

  /** Copies the tags. */
  public CaptureQuestion {
    tags = List.copyOf(tags);
  }
}
