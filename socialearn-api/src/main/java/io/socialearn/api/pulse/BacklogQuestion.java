package io.socialearn.api.pulse;

import io.socialearn.api.Validate;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.time.Instant;
import java.util.List;

/**
 * An open question nobody has answered yet. Immutable.
 *
 * @param thread the question
 * @param space its space
 * @param title its title
 * @param tags its tags
 * @param askedAt when it was asked
 * @param waitingMinutes how long it has waited by the period's end or by the newest post recorded,
 *     whichever is earlier
 */
public record BacklogQuestion(
    ThreadId thread,
    SpaceId space,
    String title,
    List<Tag> tags,
    Instant askedAt,
    long waitingMinutes) {

  /** Checks that nothing is missing, and copies the tags. */
  public BacklogQuestion {
    Validate.required("thread", thread);
    Validate.required("space", space);
    Validate.required("title", title);
    Validate.required("askedAt", askedAt);
    tags = Validate.list("tags", tags);
  }
}
