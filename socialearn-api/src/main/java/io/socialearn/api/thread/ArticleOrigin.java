package io.socialearn.api.thread;

import io.socialearn.api.Validate;
import java.util.List;

/**
 * Where an article promoted from a thread comes from: the links back to its sources.
 *
 * @param source the thread it was compiled from
 * @param answers the answers it compiles, in order
 */
public record ArticleOrigin(ThreadId source, List<PostId> answers) {
  /** Checks and copies. */
  public ArticleOrigin {
    Validate.required("source", source);
    answers = Validate.list("answers", answers);
  }
}
