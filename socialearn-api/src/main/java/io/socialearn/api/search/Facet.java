package io.socialearn.api.search;

import io.socialearn.api.Validate;
import java.util.List;

/**
 * Counts of the matching threads by one field, most frequent first.
 *
 * @param name the field: {@code "tag"}, {@code "space"} or {@code "state"}
 * @param values the values with their counts
 */
public record Facet(String name, List<FacetValue> values) {
  /** Checks and copies. */
  public Facet {
    Validate.required("name", name);
    values = Validate.list("values", values);
  }
}
