package io.socialearn.api.thread;

import io.socialearn.api.Validate;

/**
 * A post in a thread: an answer to a question, or a reply in a discussion: 1 to 128 characters of
 * letters, digits and {@code . _ - : @ +}. An immutable value, equal to another post id of the
 * same text.
 *
 * <p>Not a record, though it behaves as one would with a {@code value} component: a community
 * holds as many post ids as posts, so an id that is a number, a short slug or a UUID as {@link
 * java.util.UUID#toString()} writes it is held in 32 bytes rather than as a string, and {@link
 * #value()} makes its text again when asked.
 */
public final class PostId implements ContentRef {
  /** The id's form (see {@link IdForms}): two longs, and its text when it is in neither. */
  private final long high;
  private final long low;
  private final String text;

  /**
   * The id of {@code value}.
   *
   * @param value 1 to 128 characters of letters, digits and {@code . _ - : @ +}
   * @throws io.socialearn.api.InvalidInputException if it is not
   */
  public PostId(String value) {
    Validate.id("postId", value);
    this.text = IdForms.text(value);
    this.high = IdForms.high(value, text);
    this.low = IdForms.low(value, text);
  }

  /** Returns the id for {@code value}, as {@link #PostId(String)}. */
  public static PostId of(String value) {
    return new PostId(value);
  }

  /** The id's text, as given. */
  @Override
  public String value() {
    return IdForms.value(high, low, text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PostId other
        && IdForms.equal(high, low, text, other.high, other.low, other.text);
  }

  @Override
  public int hashCode() {
    return IdForms.hash(high, low, text);
  }

  /** The id's text, as {@link #value()}. */
  @Override
  public String toString() {
    return value();
  }
}
