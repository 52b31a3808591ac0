package io.socialearn.api.thread;

import io.socialearn.api.Validate;

/**
 * A thread: a question, discussion or article, with its answers and comments.
 *
 * @param value 1 to 128 characters of letters, digits and {@code . _ - : @ +}
 */
public record ThreadId(String value) implements ContentRef {
  /** Validates the id. */
  public ThreadId {
    Validate.id("threadId", value);
  }

  /** Returns the id for {@code value}. */
  public static ThreadId of(String value) {
    return new ThreadId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
