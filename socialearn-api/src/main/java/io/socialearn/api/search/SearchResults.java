package io.socialearn.api.search;

import io.socialearn.api.Validate;
import java.util.List;
import java.util.Optional;

/**
 * What a search found: a page of hits, the total, facets and the next page's cursor. Every count
 * covers only threads the viewer may read.
 *
 * @param hits this page's hits, in the query's order
 * @param totalHits how many threads the viewer may read matched in all
 * @param facets counts by tag, space and state, possibly empty if the index keeps none
 * @param nextCursor the cursor of the next page, or null if this is the last
 */
public record SearchResults(List<SearchHit> hits, long totalHits, List<Facet> facets,
    String nextCursor) {
  /** Copies the lists. */
  public SearchResults {
    hits = List.copyOf(Validate.required("hits", hits));
    facets = List.copyOf(Validate.required("facets", facets));
  }

  /** The facet named {@code name}, if the index computed it. */
  public Optional<Facet> facet(String name) {
    return facets.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
