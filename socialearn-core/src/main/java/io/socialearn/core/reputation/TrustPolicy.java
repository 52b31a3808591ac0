package io.socialearn.core.reputation;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.reputation.Privilege;
import io.socialearn.api.reputation.TrustLevel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How trust levels are earned and what they unlock. Immutable.
 *
 * <p>A person is at the highest level whose {@link Threshold} they meet on every count
 * (reputation, days active, answers given, threads read, flags agreed with), each level's
 * threshold met as well. A privilege is granted from the level mapped to it;
 * a privilege that is not mapped is never granted by trust: editing others' posts and moderating
 * then need a space role (moderator, owner) or an administrator, as they always may.
 *
 * @param thresholds what levels BASIC, MEMBER, REGULAR and LEADER need, in that order, each at
 *     least the one before
 * @param privileges the level that grants each privilege
 */
public record TrustPolicy(List<Threshold> thresholds, Map<Privilege, TrustLevel> privileges) {

  /**
   * What one level needs.
   *
   * @param minReputation reputation at least this
   * @param minDaysActive distinct days active at least this
   * @param minAnswers answers given at least this
   * @param minThreadsRead distinct threads read at least this (counted only when the host reports
   *     reads with {@code RecordView}; leave it 0 otherwise)
   * @param minFlagsAgreed flags that moderators agreed with at least this
   */
  public record Threshold(int minReputation, int minDaysActive, int minAnswers,
      int minThreadsRead, int minFlagsAgreed) {
    /** Checks that no figure is negative. */
    public Threshold {
      if (minReputation < 0 || minDaysActive < 0 || minAnswers < 0 || minThreadsRead < 0
          || minFlagsAgreed < 0) {
        throw new InvalidInputException("thresholds", "nonNegative",
            "a threshold's figures may not be negative");
      }
    }

    /** A threshold on reputation, days active and answers only. */
    public Threshold(int minReputation, int minDaysActive, int minAnswers) {
      this(minReputation, minDaysActive, minAnswers, 0, 0);
    }
  }

  private static final List<Threshold> DEFAULT_THRESHOLDS = List.of(
      new Threshold(1, 2, 0), new Threshold(15, 5, 1), new Threshold(100, 15, 5),
      new Threshold(1_000, 50, 20));

  /** Checks and copies. */
  public TrustPolicy {
    thresholds = List.copyOf(Objects.requireNonNull(thresholds, "thresholds"));
    privileges = Map.copyOf(Objects.requireNonNull(privileges, "privileges"));
    if (thresholds.size() != TrustLevel.values().length - 1) {
      throw new InvalidInputException("thresholds", "size",
          "give one threshold for each of BASIC, MEMBER, REGULAR and LEADER");
    }
    for (int i = 1; i < thresholds.size(); i++) {
      Threshold lower = thresholds.get(i - 1);
      Threshold higher = thresholds.get(i);
      if (higher.minReputation() < lower.minReputation()
          || higher.minDaysActive() < lower.minDaysActive()
          || higher.minAnswers() < lower.minAnswers()
          || higher.minThreadsRead() < lower.minThreadsRead()
          || higher.minFlagsAgreed() < lower.minFlagsAgreed()) {
        throw new InvalidInputException("thresholds", "ascending",
            "the threshold of " + TrustLevel.values()[i + 1] + " is below that of "
                + TrustLevel.values()[i]);
      }
    }
  }

  /**
   * The defaults: BASIC after 2 days active; MEMBER at 15 reputation, 5 days and an answer;
   * REGULAR at 100, 15 days and 5 answers; LEADER at 1,000, 50 days and 20 answers. Links need
   * BASIC, voting down MEMBER, editing others' posts REGULAR, moderating LEADER. Threads read and
   * flags agreed with are not asked for, since a host need not report reads; a host that does can
   * ask for them (Discourse, for comparison, asks for topics entered and posts read from its
   * first level on).
   */
  public static TrustPolicy defaults() {
    Map<Privilege, TrustLevel> privileges = new EnumMap<>(Privilege.class);
    privileges.put(Privilege.POST_LINKS, TrustLevel.BASIC);
    privileges.put(Privilege.VOTE_DOWN, TrustLevel.MEMBER);
    privileges.put(Privilege.EDIT_OTHERS_POSTS, TrustLevel.REGULAR);
    privileges.put(Privilege.MODERATE, TrustLevel.LEADER);
    return new TrustPolicy(DEFAULT_THRESHOLDS, privileges);
  }

  /**
   * Trust gates nothing: everyone may post links and vote down, and editing others' posts and
   * moderating need a space role. For imports of another site's history and for hosts that
   * manage privileges themselves.
   */
  public static TrustPolicy rolesOnly() {
    Map<Privilege, TrustLevel> privileges = new EnumMap<>(Privilege.class);
    privileges.put(Privilege.POST_LINKS, TrustLevel.NEW);
    privileges.put(Privilege.VOTE_DOWN, TrustLevel.NEW);
    return new TrustPolicy(DEFAULT_THRESHOLDS, privileges);
  }

  /** The level these figures reach, with nothing read and no flag agreed with. */
  public TrustLevel levelOf(int reputation, int daysActive, int answers) {
    return levelOf(reputation, daysActive, answers, 0, 0);
  }

  /** The level these figures reach. */
  public TrustLevel levelOf(int reputation, int daysActive, int answers, int threadsRead,
      int flagsAgreed) {
    TrustLevel level = TrustLevel.NEW;
    for (int i = 0; i < thresholds.size(); i++) {
      Threshold t = thresholds.get(i);
      if (reputation >= t.minReputation() && daysActive >= t.minDaysActive()
          && answers >= t.minAnswers() && threadsRead >= t.minThreadsRead()
          && flagsAgreed >= t.minFlagsAgreed()) {
        level = TrustLevel.values()[i + 1];
      } else {
        break;
      }
    }
    return level;
  }

  /** Whether {@code level} grants {@code privilege}. */
  public boolean grants(TrustLevel level, Privilege privilege) {
    TrustLevel needed = privileges.get(privilege);
    return needed != null && level.atLeast(needed);
  }
}
