package io.socialearn.core;

import io.socialearn.api.InvalidInputException;

/**
 * Size limits on what people write, checked on every command. Immutable.
 *
 * <p>The defaults ({@link #defaults()}) follow what public question-and-answer sites use: titles of 5 to 200
 * characters, bodies up to 30,000, comments up to 1,000, at most 5 tags.
 *
 * @param minTitleLength the shortest title, at least 1
 * @param maxTitleLength the longest title
 * @param maxBodyLength the longest opening post or answer
 * @param maxCommentLength the longest comment
 * @param maxTags the most tags on one thread, at least 1
 * @param maxSpaceNameLength the longest space name
 * @param maxDescriptionLength the longest space description or edit reason
 */
public record ContentLimits(
    int minTitleLength,
    int maxTitleLength,
    int maxBodyLength,
    int maxCommentLength,
    int maxTags,
    int maxSpaceNameLength,
    int maxDescriptionLength) {

  private static final ContentLimits DEFAULTS = new ContentLimits(5, 200, 30_000, 1_000, 5, 100,
      2_000);

  /** Checks that every limit is positive and the title's bounds are in order. */
  public ContentLimits {
    positive("minTitleLength", minTitleLength);
    positive("maxTitleLength", maxTitleLength);
    positive("maxBodyLength", maxBodyLength);
    positive("maxCommentLength", maxCommentLength);
    positive("maxTags", maxTags);
    positive("maxSpaceNameLength", maxSpaceNameLength);
    positive("maxDescriptionLength", maxDescriptionLength);
    if (minTitleLength > maxTitleLength) {
      throw new InvalidInputException("minTitleLength", "order",
          "minTitleLength " + minTitleLength + " exceeds maxTitleLength " + maxTitleLength);
    }
  }

  private static void positive(String field, int value) {
    if (value < 1) {
      throw new InvalidInputException(field, "positive", field + " must be at least 1, was " + value);
    }
  }

  /** The default limits. */
  public static ContentLimits defaults() {
    return DEFAULTS;
  }
}
