package io.socialearn.core;

import io.socialearn.api.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * When the engine treats a run of up votes as serial voting: {@code serialVotes} or more standing
 * up votes from one person on another's posts, cast within {@code window}. The vote that
 * completes such a run is recorded and the whole run is reversed at once (a {@link
 * io.socialearn.api.event.VotesReversed} event says why), with its reputation. Immutable.
 *
 * @param serialVotes how many votes make a run, at least 2
 * @param window how close together they are cast, positive
 */
public record AntiGamingPolicy(int serialVotes, Duration window) {
  private static final AntiGamingPolicy DEFAULTS = new AntiGamingPolicy(10, Duration.ofDays(1));
  private static final AntiGamingPolicy OFF = new AntiGamingPolicy(Integer.MAX_VALUE,
      Duration.ofSeconds(1));

  /** Checks the bounds. */
  public AntiGamingPolicy {
    Objects.requireNonNull(window, "window");
    if (serialVotes < 2) {
      throw new InvalidInputException("serialVotes", "min", "serialVotes must be at least 2");
    }
    if (window.isNegative() || window.isZero()) {
      throw new InvalidInputException("window", "positive", "window must be positive");
    }
  }

  /** The default: 10 up votes on one person's posts within a day. */
  public static AntiGamingPolicy defaults() {
    return DEFAULTS;
  }

  /** No automatic detection (for imports of another site's history, where it already ran). */
  public static AntiGamingPolicy off() {
    return OFF;
  }

  boolean isOff() {
    return serialVotes == Integer.MAX_VALUE;
  }
}
