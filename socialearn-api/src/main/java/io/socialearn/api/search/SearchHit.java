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
 */
public record SearchHit(ThreadId thread, SpaceId space, String title, double score) {
  /** Checks the fields. */
  public SearchHit {
    Validate.required("thread", thread);
    Validate.required("space", space);
    Validate.required("title", title);
  }
}
