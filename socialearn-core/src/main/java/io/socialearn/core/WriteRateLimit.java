package io.socialearn.core;

import io.socialearn.api.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How many commands one person may run in a sliding window; administrators and the system are
 * exempt. Immutable.
 *
 * @param maxWrites the most commands in one window, at least 1
 * @param window the window's length, positive
 */
public record WriteRateLimit(int maxWrites, Duration window) {
  private static final WriteRateLimit DEFAULT = new WriteRateLimit(60, Duration.ofMinutes(1));
  private static final WriteRateLimit UNLIMITED = new WriteRateLimit(Integer.MAX_VALUE,
      Duration.ofSeconds(1));

  /** Checks the bounds. */
  public WriteRateLimit {
    Objects.requireNonNull(window, "window");
    if (maxWrites < 1) {
      throw new InvalidInputException("maxWrites", "positive", "maxWrites must be at least 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new InvalidInputException("window", "positive", "window must be positive");
    }
  }

  /** The default: 60 commands a minute per person. */
  public static WriteRateLimit defaults() {
    return DEFAULT;
  }

  /** No limit, for imports and tests. */
  public static WriteRateLimit unlimited() {
    return UNLIMITED;
  }

  boolean isUnlimited() {
    return maxWrites == Integer.MAX_VALUE;
  }
}
