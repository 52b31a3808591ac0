package io.socialearn.api.thread;

/** Why someone flagged a question or answer for moderators. */
public enum FlagReason {
  /** Advertising or other unwanted promotion. */
  SPAM,
  /** Rude, abusive or harassing. */
  RUDE_OR_ABUSIVE,
  /** Not an answer, or too unclear to help; a moderator should look. */
  NOT_AN_ANSWER,
  /** Something else a moderator must see; the flag's note says what. */
  NEEDS_MODERATOR
}
