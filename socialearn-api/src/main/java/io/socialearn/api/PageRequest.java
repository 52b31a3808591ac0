package io.socialearn.api;

import java.util.Optional;

/**
 * Which page of a list to read: at most {@code limit} items after {@code cursor}.
 *
 * <p>Cursors are opaque strings taken from {@link Page#nextCursor()}. They point at a position in
 * the list, not at an offset, so a page read later neither repeats nor skips items because new
 * ones arrived meanwhile.
 *
 * @param limit 1 to 100 items
 * @param cursor where the previous page ended, or null for the first page
 */
public record PageRequest(int limit, String cursor) {
  /** The largest page. */
  public static final int MAX_LIMIT = 100;

  /** Checks the limit. */
  public PageRequest {
    Validate.range("limit", limit, 1, MAX_LIMIT);
    if (cursor != null && cursor.isBlank()) {
      throw new InvalidInputException("cursor", "notBlank", "cursor must not be blank");
    }
  }

  /** The first page of {@code limit} items. */
  public static PageRequest first(int limit) {
    return new PageRequest(limit, null);
  }

  /** The page of {@code limit} items after {@code cursor}. */
  public static PageRequest after(String cursor, int limit) {
    return new PageRequest(limit, Validate.required("cursor", cursor));
  }

  /** The cursor, if this is not the first page. */
  public Optional<String> after() {
    return Optional.ofNullable(cursor);
  }
}
