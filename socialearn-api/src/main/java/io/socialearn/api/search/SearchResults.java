package io.socialearn.api.search;

import io.socialearn.api.Validate;
import java.util.List;

/**
 * What a search found.
 *
 * @param hits the best hits, best first
 * @param totalHits how many threads the viewer may read matched in all
 */
public record SearchResults(List<SearchHit> hits, long totalHits) {
  /** Copies the hits. */
  public SearchResults {
    hits = List.copyOf(Validate.required("hits", hits));
  }
}
