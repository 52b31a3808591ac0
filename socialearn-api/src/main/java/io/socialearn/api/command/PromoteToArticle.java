package io.socialearn.api.command;

import io.socialearn.api.Validate;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.util.List;

/**
 * Turns a thread's best answers into a curated article in the same space, with the same tags,
 * that credits each answer's author and links back to its sources; the article is searchable like
 * any thread. The source's author, a moderator or an administrator may.
 *
 * @param source the thread whose answers become the article
 * @param answers the answers to compile, in order, 1 to 10; empty takes the accepted answer and
 *     then the up-voted ones, best first, at most 3
 * @param title the article's title
 */
public record PromoteToArticle(ThreadId source, List<PostId> answers, String title)
    implements Command<ThreadId> {
  /** Checks that nothing is missing and copies the answers. */
  public PromoteToArticle {
    Validate.required("source", source);
    answers = Validate.list("answers", answers);
    Validate.required("title", title);
  }
}
