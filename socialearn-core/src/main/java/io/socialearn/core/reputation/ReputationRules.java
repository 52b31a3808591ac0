package io.socialearn.core.reputation;

import io.socialearn.api.InvalidInputException;

/**
 * The points each reputation event is worth. Immutable; hosts define their own with the
 * constructor, or start from a preset.
 *
 * <p>Up votes received count towards a daily cap ({@code dailyVoteCap} points per UTC day);
 * accepts are exempt, as on Stack Exchange. Losses are given as positive numbers. A person's
 * reputation never drops below {@code floor}, at any point of their history.
 *
 * @param questionUpvote points for an up vote on one's question (or other thread)
 * @param answerUpvote points for an up vote on one's answer
 * @param downvoteReceived points lost for a down vote on one's question or answer
 * @param answerDownvoteCast points lost by a voter for voting an answer down
 * @param acceptReceived points for having one's answer accepted
 * @param acceptGiven points for accepting an answer to one's question (not one's own)
 * @param dailyVoteCap the most points a person earns from up votes in one UTC day
 * @param floor the lowest reputation anyone can have
 */
public record ReputationRules(
    int questionUpvote,
    int answerUpvote,
    int downvoteReceived,
    int answerDownvoteCast,
    int acceptReceived,
    int acceptGiven,
    int dailyVoteCap,
    int floor) {

  /** Checks that no value is negative and the cap is positive. */
  public ReputationRules {
    nonNegative("questionUpvote", questionUpvote);
    nonNegative("answerUpvote", answerUpvote);
    nonNegative("downvoteReceived", downvoteReceived);
    nonNegative("answerDownvoteCast", answerDownvoteCast);
    nonNegative("acceptReceived", acceptReceived);
    nonNegative("acceptGiven", acceptGiven);
    if (dailyVoteCap < 1) {
      throw new InvalidInputException("dailyVoteCap", "positive", "dailyVoteCap must be at least 1");
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
   * vote received, -1 for voting an answer down, +15 and +2 for an accept, 200 a day from votes,
   * a floor of 1. Stack Exchange applied the +10 for questions retroactively to all history.
   */
  public static ReputationRules stackExchange() {
    return new ReputationRules(10, 10, 2, 1, 15, 2, 200, 1);
  }

  /** Stack Exchange's values before 2019-11-13, when a question up vote was worth +5. */
  public static ReputationRules stackExchangeBefore2019() {
    return new ReputationRules(5, 10, 2, 1, 15, 2, 200, 1);
  }

  /**
   * A gentler set for workplaces: nobody loses points for being voted down or for voting down;
   * otherwise as {@link #stackExchange()}.
   */
  public static ReputationRules workplace() {
    return new ReputationRules(10, 10, 0, 0, 15, 2, 200, 1);
  }
}
