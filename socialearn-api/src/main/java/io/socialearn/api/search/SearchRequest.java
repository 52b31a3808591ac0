package io.socialearn.api.search;

import io.socialearn.api.Validate;
import io.socialearn.api.space.SpaceId;
import java.util.Set;

/**
 * A search as the engine hands it to a {@link SearchIndex}: the text and the spaces the viewer
 * may read, already worked out by the engine. An index must not return a thread from any other
 * space, nor count one.
 *
 * @param text what the viewer typed
 * @param readableSpaces the spaces whose threads may be returned
 * @param limit the most hits to return, 1 to 100
 */
public record SearchRequest(String text, Set<SpaceId> readableSpaces, int limit) {
  /** Checks and copies. */
  public SearchRequest {
    text = Validate.text("text", text, 1000);
    readableSpaces = Set.copyOf(Validate.required("readableSpaces", readableSpaces));
    Validate.range("limit", limit, 1, 100);
  }
}
