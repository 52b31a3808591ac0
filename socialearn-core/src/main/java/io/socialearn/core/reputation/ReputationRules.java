package io.socialearn.core.reputation;

import io.socialearn.api.InvalidInputException;
import java.util.Objects;

/**
 * The points each reputation event is worth. Immutable; hosts define their own with the
 * constructor, or start from a preset.
 *
 * <p>Up votes received and approved suggested edits count towards a daily cap ({@code
 * dailyVoteCap} points per UTC day); accepts and bounties are exempt, as on Stack Exchange.
 * Approved suggested edits also earn at most {@code suggestedEditCap} points in all. Losses are
 * given as positive numbers. A person's reputation never drops below {@code floor}, at any point
 * of their history.
 *
 * @param questionUpvote points for an up vote on one's question (or other thread)
 * @param answerUpvote points for an up vote on one's answer
 * @param downvoteReceived points lost for a down vote on one's question or answer
 * @param answerDownvoteCast points lost by a voter for voting an answer down
 * @param acceptReceived points for having one's answer accepted
 * @param acceptGiven points for accepting an answer to one's question (not one's own)
 * @param dailyVoteCap the most points a person earns from up votes in one UTC day
 * @param floor the lowest reputation anyone can have
 * @param suggestedEditApproved points for having a suggested edit approved; they count towards
 *     the daily cap
 * @param suggestedEditCap the most points a person earns from approved suggested edits in all
 * @param damping how much votes and accepts that may be favours count
 */
public record ReputationRules(
    int questionUpvote,
    int answerUpvote,
    int downvoteReceived,
    int answerDownvoteCast,
    int acceptReceived,
    int acceptGiven,
    int dailyVoteCap,
    int floor,
    int suggestedEditApproved,
    int suggestedEditCap,
    Damping damping) {

  /**
   * How much votes and accepts between people who may be doing each other favours count, as a
   * weight from 0 (nothing) to 1 (in full).
   *
   * @param reportingLine votes and accepts between a person and their manager (either way), when
   *     the host gives managers in the profiles
   * @param reciprocalAccepts accepts between two people who accept mostly each other's answers
   * @param ringMinimum how many accepts each way, making at least half of each one's accepts,
   *     make two people a reciprocal pair
   */
  public record Damping(double reportingLine, double reciprocalAccepts, int ringMinimum) {
    /** Checks the weights and the minimum. */
    public Damping {
      weight("reportingLine", reportingLine);
      weight("reciprocalAccepts", reciprocalAccepts);
      if (ringMinimum < 1) {
        throw new InvalidInputException("ringMinimum", "positive",
            "ringMinimum must be at least 1");
      }
    }

    private static void weight(String field, double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new InvalidInputException(field, "weight",
            field + " is " + value + "; a weight lies between 0 and 1");
      }
    }

    /** No damping: everything counts in full. */
    public static Damping none() {
      return new Damping(1, 1, 3);
    }
  }

  /** Rules without damping, with Stack Exchange's +2 for an approved edit, 1000 in all. */
  public ReputationRules(int questionUpvote, int answerUpvote, int downvoteReceived,
      int answerDownvoteCast, int acceptReceived, int acceptGiven, int dailyVoteCap, int floor) {
    this(questionUpvote, answerUpvote, downvoteReceived, answerDownvoteCast, acceptReceived,
        acceptGiven, dailyVoteCap, floor, Damping.none());
  }

  /** Rules with Stack Exchange's +2 for an approved suggested edit, 1000 in all. */
  public ReputationRules(int questionUpvote, int answerUpvote, int downvoteReceived,
      int answerDownvoteCast, int acceptReceived, int acceptGiven, int dailyVoteCap, int floor,
      Damping damping) {
    this(questionUpvote, answerUpvote, downvoteReceived, answerDownvoteCast, acceptReceived,
        acceptGiven, dailyVoteCap, floor, SE_SUGGESTED_EDIT, SE_SUGGESTED_EDIT_CAP, damping);
  }

  /**
   * Stack Exchange's reward for an approved suggested edit, and the most a person earns from them
   * ("suggested edit is accepted: +2 (up to +1000 total per user)", help centre, "What is
   * reputation? How do I earn (and lose) it?"; the daily cap applies to it).
   */
  private static final int SE_SUGGESTED_EDIT = 2;
  private static final int SE_SUGGESTED_EDIT_CAP = 1000;

  /** Checks that no value is negative and the cap is positive. */
  public ReputationRules {
    Objects.requireNonNull(damping, "damping");
    nonNegative("questionUpvote", questionUpvote);
    nonNegative("answerUpvote", answerUpvote);
    nonNegative("downvoteReceived", downvoteReceived);
    nonNegative("answerDownvoteCast", answerDownvoteCast);
    nonNegative("acceptReceived", acceptReceived);
    nonNegative("acceptGiven", acceptGiven);
    nonNegative("suggestedEditApproved", suggestedEditApproved);
    nonNegative("suggestedEditCap", suggestedEditCap);
    if (dailyVoteCap < 1) {
      throw new InvalidInputException("dailyVoteCap", "positive",
          "dailyVoteCap must be at least 1");
    }
  }

  private static void nonNegative(String field, int value) {
    if (value < 0) {
      throw new InvalidInputException(field, "nonNegative",
          field + " is " + value + "; give losses as positive numbers");
    }
  }

  /**
   * Stack Exchange's values since 2019-11-13: +10 for a question or answer up vote, -2 per down
   * vote received, -1 for voting an answer down, +15 and +2 for an accept, +2 for an approved
   * suggested edit up to 1000 in all, 200 a day from votes and edits, a floor of 1. Stack
   * Exchange applied the +10 for questions retroactively to all history.
   */
  public static ReputationRules stackExchange() {
    return new ReputationRules(10, 10, 2, 1, 15, 2, 200, 1);
  }

  /** Stack Exchange's values before 2019-11-13, when a question up vote was worth +5. */
  public static ReputationRules stackExchangeBefore2019() {
    return new ReputationRules(5, 10, 2, 1, 15, 2, 200, 1);
  }

  /**
   * A gentler set for workplaces: nobody loses points for being voted down or for voting down,
   * and votes and accepts along a reporting line or within a reciprocal accept pair (three each
   * way) count half; otherwise as {@link #stackExchange()}.
   */
  public static ReputationRules workplace() {
    return new ReputationRules(10, 10, 0, 0, 15, 2, 200, 1, new Damping(0.5, 0.5, 3));
  }

  /** These rules with other damping. */
  public ReputationRules withDamping(Damping newDamping) {
    return new ReputationRules(questionUpvote, answerUpvote, downvoteReceived, answerDownvoteCast,
        acceptReceived, acceptGiven, dailyVoteCap, floor, suggestedEditApproved, suggestedEditCap,
        newDamping);
  }

  /**
   * These rules with another reward for an approved suggested edit and another total cap (a
   * workplace may want edits to count for more, or not at all with 0).
   */
  public ReputationRules withSuggestedEdits(int points, int cap) {
    return new ReputationRules(questionUpvote, answerUpvote, downvoteReceived, answerDownvoteCast,
        acceptReceived, acceptGiven, dailyVoteCap, floor, points, cap, damping);
  }
}
