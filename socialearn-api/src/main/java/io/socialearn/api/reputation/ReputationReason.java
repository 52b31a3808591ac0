package io.socialearn.api.reputation;

/** Why a person's reputation changed. */
public enum ReputationReason {
  /** Their question was voted up. */
  QUESTION_UPVOTED,
  /** Their question was voted down. */
  QUESTION_DOWNVOTED,
  /** Their answer was voted up. */
  ANSWER_UPVOTED,
  /** Their answer was voted down. */
  ANSWER_DOWNVOTED,
  /** They voted an answer down (a small cost in some rule sets). */
  DOWNVOTED_ANSWER,
  /** Their answer was accepted. */
  ANSWER_ACCEPTED,
  /** They accepted an answer to their question. */
  ACCEPTED_ANSWER,
  /** A bounty was awarded to them. */
  BOUNTY_EARNED,
  /** They offered a bounty. */
  BOUNTY_OFFERED,
  /** An edit they suggested was approved. */
  EDIT_APPROVED,
  /** An administrator adjusted it outside the rules (a bonus, a correction). */
  ADJUSTMENT,
  /** An earlier change was reversed (vote undone, post deleted, serial voting undone). */
  REVERSAL
}
