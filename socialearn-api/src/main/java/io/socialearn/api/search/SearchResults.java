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
 *     hits-only} query counts only up to a bound, and a {@code partial} search counts only what
 *     it reached. More threads may then match than {@code totalHits}, and than each facet count
 *     says
 * @param partial true if the index stopped searching before it had looked at every thread,
 *     because the search took longer than the index allows (a phrase of very common words over a
 *     large index, say): the hits are the best of the threads it reached, not necessarily of all
 *     threads, and the counts are lower bounds; false for a complete search
 */
public record SearchResults(List<SearchHit> hits, long totalHits, List<Facet> facets,
    String nextCursor, boolean totalIsLowerBound, boolean partial) {
  /** Copies the lists; a partial search's counts are lower bounds. */
  public SearchResults {
    hits = Validate.list("hits", hits);
    facets = Validate.list("facets", facets);
    totalIsLowerBound |= partial;
  }

  /** Results of a complete search. */
  public SearchResults(List<SearchHit> hits, long totalHits, List<Facet> facets,
      String nextCursor, boolean totalIsLowerBound) {
    this(hits, totalHits, facets, nextCursor, totalIsLowerBound, false);
  }

  /** Results of a complete search with an exact total. */
  public SearchResults(List<SearchHit> hits, long totalHits, List<Facet> facets,
      String nextCursor) {
    this(hits, totalHits, facets, nextCursor, false, false);
  }

  /** The facet named {@code name}, if the index computed it. */
  public Optional<Facet> facet(String name) {
    return facets.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
