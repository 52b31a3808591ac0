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
 * <p>It also says when two people count as a voting ring for {@link
 * io.socialearn.api.SocialLearning#votingRings}: each gave the other at least {@code ringVotes}
 * standing up votes, making at least {@code ringShare} of their own up votes.
 *
 * <p>The engine keeps the times of up votes for the window only, and none while the policy is
 * {@link #off()}: after a restart with a longer window, or with the check turned on after an
 * import, votes cast before the restart count towards a run only if they fell within the window
 * the engine had then. Counts (for rings) and an administrator's reversal do not depend on it.
 *
 * @param serialVotes how many votes make a run, at least 2
 * @param window how close together they are cast, positive
 * @param ringVotes the fewest up votes each way that make a ring, at least 1
 * @param ringShare the least share of each one's up votes going to the other, 0 to 1
 */
public record AntiGamingPolicy(int serialVotes, Duration window, int ringVotes,
    double ringShare) {
  private static final AntiGamingPolicy DEFAULTS = new AntiGamingPolicy(10, Duration.ofDays(1));
  private static final AntiGamingPolicy OFF = new AntiGamingPolicy(Integer.MAX_VALUE,
      Duration.ofSeconds(1));

  /** A policy with the default ring thresholds: 5 votes each way, half of each one's votes. */
  public AntiGamingPolicy(int serialVotes, Duration window) {
    this(serialVotes, window, 5, 0.5);
  }

  /** Checks the bounds. */
  public AntiGamingPolicy {
    Objects.requireNonNull(window, "window");
    if (serialVotes < 2) {
      throw new InvalidInputException("serialVotes", "min", "serialVotes must be at least 2");
    }
    if (window.isNegative() || window.isZero()) {
      throw new InvalidInputException("window", "positive", "window must be positive");
    }
    if (ringVotes < 1) {
      throw new InvalidInputException("ringVotes", "positive", "ringVotes must be at least 1");
    }
    if (!(ringShare >= 0 && ringShare <= 1)) {
      throw new InvalidInputException("ringShare", "share", "ringShare must lie between 0 and 1");
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
