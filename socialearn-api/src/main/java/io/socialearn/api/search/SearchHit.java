package io.socialearn.api.search;

import io.socialearn.api.Validate;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ThreadId;

/**
 * One thread that matched a search.
 *
 * @param thread the thread
 * @param space its space
 * @param title its title
 * @param score the index's relevance score; comparable only within one result
 * @param snippet a passage that matched, as HTML: the text is escaped and the matched words are
 *     wrapped in {@code <mark>}; empty if the index makes no snippets
 */
public record SearchHit(ThreadId thread, SpaceId space, String title, double score,
    String snippet) {
  /** Checks the fields. */
  public SearchHit {
    Validate.required("thread", thread);
    Validate.required("space", space);
    Validate.required("title", title);
    Validate.required("snippet", snippet);
  }
}
