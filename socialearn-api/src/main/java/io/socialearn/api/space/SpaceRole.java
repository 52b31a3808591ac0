package io.socialearn.api.space;

/** A member's role in a space; each role has the rights of the ones before it. */
public enum SpaceRole {
  /** Reads (in a members-only space) and takes part. */
  MEMBER,
  /** Also closes, reopens, marks duplicates, deletes others' posts and manages members. */
  MODERATOR,
  /** Also manages moderators. */
  OWNER;

  /** Whether this role has at least the rights of {@code other}. */
  public boolean atLeast(SpaceRole other) {
    return compareTo(other) >= 0;
  }
}
