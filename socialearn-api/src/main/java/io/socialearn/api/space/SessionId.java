package io.socialearn.api.space;

import io.socialearn.api.Validate;

/**
 * An ask-the-expert session in a space.
 *
 * @param value 1 to 128 characters of letters, digits and {@code . _ - : @ +}
 */
public record SessionId(String value) {
  /** Validates the id. */
  public SessionId {
    Validate.id("sessionId", value);
  }

  /** Returns the id for {@code value}. */
  public static SessionId of(String value) {
    return new SessionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
