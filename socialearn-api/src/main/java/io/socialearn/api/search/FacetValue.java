package io.socialearn.api.search;

import io.socialearn.api.Validate;

/**
 * One value of a facet and how many matching threads carry it.
 *
 * @param value the value, for example a tag or a space id
 * @param count how many matching threads the viewer may read carry it
 */
public record FacetValue(String value, long count) {
  /** Checks the fields. */
  public FacetValue {
    Validate.required("value", value);
  }
}
