package io.socialearn.api.search;

import io.socialearn.api.Validate;
import io.socialearn.api.thread.Tag;

/**
 * A tag suggested for a text, with how strongly similar threads carry it.
 *
 * @param tag the tag
 * @param weight its weight; comparable only within one answer
 */
public record TagSuggestion(Tag tag, double weight) {
  /** Checks the fields. */
  public TagSuggestion {
    Validate.required("tag", tag);
  }
}
