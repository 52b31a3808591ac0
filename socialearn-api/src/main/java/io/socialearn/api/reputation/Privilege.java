package io.socialearn.api.reputation;

/** What a trust level unlocks; the engine enforces each, and names the missing one in errors. */
public enum Privilege {
  /** Posting text with links (spam's favourite tool). */
  POST_LINKS,
  /** Voting down. */
  VOTE_DOWN,
  /** Editing other people's questions and answers. */
  EDIT_OTHERS_POSTS,
  /** Closing, reopening, marking duplicates and deleting others' posts in any space. */
  MODERATE
}
