package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.util.List;

/**
 * An article was compiled from a thread's answers; the {@link ThreadStarted} just before it in
 * the same batch created the article.
 *
 * @param article the new article
 * @param source the thread it was compiled from
 * @param answers the answers it compiles, in order
 */
public record ArticlePromoted(ThreadId article, ThreadId source, List<PostId> answers)
    implements DomainEvent {
  /** Checks and copies. */
  public ArticlePromoted {
    Validate.required("article", article);
    Validate.required("source", source);
    answers = Validate.list("answers", answers);
  }
}
