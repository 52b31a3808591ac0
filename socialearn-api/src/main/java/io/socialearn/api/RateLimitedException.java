package io.socialearn.api;

import java.time.Duration;
import java.util.Objects;

/** The actor did this too often; {@link #retryAfter()} says when it will be accepted again. */
public final class RateLimitedException extends SocialearnException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param action the limited action, for example {@code "post"}
   * @param retryAfter how long to wait before trying again
   */
  public RateLimitedException(String action, Duration retryAfter) {
    super(Objects.requireNonNull(action, "action") + " rate limited; retry after "
        + Objects.requireNonNull(retryAfter, "retryAfter").toSeconds() + " s");
    this.retryAfter = retryAfter;
  }

  /** How long to wait before the same action will be accepted. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
