package io.socialearn.api.search;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.PageRequest;
import io.socialearn.api.Validate;
import java.util.Optional;

/**
 * A search as a person typed it, with its order and page.
 *
 * <p>The text may use the query syntax people know from question-and-answer sites: words, {@code "quoted
 * phrases"}, {@code tag:payroll}, {@code author:ana}, {@code space:finance}, {@code is:question},
 * {@code is:answered}, {@code is:unanswered}, {@code is:accepted}, {@code score:>=3}, {@code
 * created:>2024-01-01}, and a leading minus to exclude. An index that does not understand an
 * operator treats it as words. Immutable.
 *
 * @param text what the person typed, 1 to 1,000 characters
 * @param sort the order of the results
 * @param limit the page size, 1 to 100
 * @param cursor where the previous page ended (from {@link SearchResults#nextCursor()}), or null
 * @param hitsOnly true if the caller needs only the page of hits: the index may then leave the
 *     facets empty and count the total only up to a bound ({@link
 *     SearchResults#totalIsLowerBound()}), which lets it skip most non-competitive matches; false
 *     (the default) for exact totals and facets (unless the search is {@link
 *     SearchResults#partial() partial})
 */
public record SearchQuery(String text, SearchSort sort, int limit, String cursor,
    boolean hitsOnly) {
  /** The longest query text. */
  public static final int MAX_TEXT_LENGTH = 1_000;

  /** Checks the fields. */
  public SearchQuery {
    text = Validate.text("text", text, MAX_TEXT_LENGTH);
    Validate.required("sort", sort);
    Validate.range("limit", limit, 1, PageRequest.MAX_LIMIT);
    if (cursor != null && cursor.isBlank()) {
      throw new InvalidInputException("cursor", "notBlank",
          "cursor must not be blank");
    }
  }

  /** A query with exact totals and facets (not {@link #hitsOnly()}). */
  public SearchQuery(String text, SearchSort sort, int limit, String cursor) {
    this(text, sort, limit, cursor, false);
  }

  /** The first 10 results for {@code text} by relevance, with exact totals and facets. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, SearchSort.RELEVANCE, 10, null);
  }

  /** This query with another order (and from the first page). */
  public SearchQuery sortedBy(SearchSort newSort) {
    return new SearchQuery(text, newSort, limit, null, hitsOnly);
  }

  /** This query with another page size. */
  public SearchQuery limit(int newLimit) {
    return new SearchQuery(text, sort, newLimit, cursor, hitsOnly);
  }

  /** The page after {@code nextCursor}. */
  public SearchQuery after(String nextCursor) {
    return new SearchQuery(text, sort, limit, Validate.required("cursor", nextCursor), hitsOnly);
  }

  /**
   * This query asking only for the page of hits ({@code true}: facets may be empty, the total a
   * lower bound) or for exact totals and facets ({@code false}).
   */
  public SearchQuery hitsOnly(boolean onlyHits) {
    return new SearchQuery(text, sort, limit, cursor, onlyHits);
  }

  /** The cursor, if this is not the first page. */
  public Optional<String> afterCursor() {
    return Optional.ofNullable(cursor);
  }
}
