package io.socialearn.api.thread;

import io.socialearn.api.Validate;

/**
 * A comment on a thread or a post.
 *
 * @param value 1 to 128 characters of letters, digits and {@code . _ - : @ +}
 */
public record CommentId(String value) {
  /** Validates the id. */
  public CommentId {
    Validate.id("commentId", value);
  }

  /** Returns the id for {@code value}. */
  public static CommentId of(String value) {
    return new CommentId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
