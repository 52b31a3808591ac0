package io.socialearn.api.reputation;

/**
 * How far a person is trusted, in the spirit of Discourse's levels 0 to 4. Levels come from
 * reputation and activity; the thresholds are the host's to set.
 */
public enum TrustLevel {
  /** 0: just arrived. */
  NEW,
  /** 1: has come back and taken part. */
  BASIC,
  /** 2: a regular contributor. */
  MEMBER,
  /** 3: a long-standing, well-regarded contributor. */
  REGULAR,
  /** 4: trusted to help moderate. */
  LEADER;

  /** The level's number, 0 to 4. */
  public int number() {
    return ordinal();
  }

  /** Whether this level is at least {@code other}. */
  public boolean atLeast(TrustLevel other) {
    return compareTo(other) >= 0;
  }
}
