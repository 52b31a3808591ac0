package io.socialearn.api.thread;

import io.socialearn.api.Validate;

/**
 * A post in a thread: an answer to a question, or a reply in a discussion.
 *
 * @param value 1 to 128 characters of letters, digits and {@code . _ - : @ +}
 */
public record PostId(String value) implements ContentRef {
  /** Validates the id. */
  public PostId {
    Validate.id("postId", value);
  }

  /** Returns the id for {@code value}. */
  public static PostId of(String value) {
    return new PostId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
