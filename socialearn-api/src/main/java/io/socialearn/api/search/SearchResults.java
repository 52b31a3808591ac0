package io.socialearn.api.search;

import io.socialearn.api.Validate;
import java.util.List;
import java.util.Optional;

/**
 * What a search found: a page of hits, the total, facets and the next page's cursor. Every count
 * covers only threads the viewer may read.
 *
 * @param hits this page's hits, in the query's order
 * @param totalHits how many threads the viewer may read matched in all, or at least, if {@code
 *     totalIsLowerBound}
 * @param facets counts by tag, space and state, possibly empty if the index keeps none or the
 *     query asked for {@link SearchQuery#hitsOnly() hits only}; lower bounds too if {@code
 *     totalIsLowerBound}
 * @param nextCursor the cursor of the next page, or null if this is the last
 * @param totalIsLowerBound true if counting stopped early: a {@link SearchQuery#hitsOnly()
 *     hits-only} query counts only up to a bound, and an index may stop counting a query that
 *     matches too much of it to count within its time budget. More threads may then match than
 *     {@code totalHits}, and than each facet count says. The page of hits is exact either way.
 */
public record SearchResults(List<SearchHit> hits, long totalHits, List<Facet> facets,
    String nextCursor, boolean totalIsLowerBound) {
  /** Copies the lists. */
  public SearchResults {
    hits = List.copyOf(Validate.required("hits", hits));
    facets = List.copyOf(Validate.required("facets", facets));
  }

  /** Results with an exact total. */
  public SearchResults(List<SearchHit> hits, long totalHits, List<Facet> facets,
      String nextCursor) {
    this(hits, totalHits, facets, nextCursor, false);
  }

  /** The facet named {@code name}, if the index computed it. */
  public Optional<Facet> facet(String name) {
    return facets.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
