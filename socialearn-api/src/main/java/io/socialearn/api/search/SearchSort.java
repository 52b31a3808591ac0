package io.socialearn.api.search;

/** Orders of search results. */
public enum SearchSort {
  /** Best match first. */
  RELEVANCE,
  /** Newest thread first. */
  NEWEST,
  /** Highest score (votes on the opening post) first, as of the moment of the search. */
  VOTES,
  /** Most recent activity first. */
  ACTIVITY
}
