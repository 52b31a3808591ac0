package io.socialearn.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list.
 *
 * @param items the items on this page
 * @param nextCursor the cursor of the next page, or null if this is the last one
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor) {
  /** Copies the items. */
  public Page {
    items = Validate.list("items", items);
  }

  /** The request for the next page of the same size, if there is one. */
  public Optional<PageRequest> next(int limit) {
    return nextCursor == null ? Optional.empty() : Optional.of(PageRequest.after(nextCursor, limit));
  }

  /** Whether there are more items after this page. */
  public boolean hasMore() {
    return nextCursor != null;
  }
}
