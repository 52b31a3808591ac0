package io.socialearn.api.space;

/** Who may read a space's threads. */
public enum SpaceVisibility {
  /**
   * Everyone in the organisation may read and take part; external guests only if they are
   * members.
   */
  ORGANIZATION,
  /** Only members may read; to everyone else the space and its threads do not exist. */
  MEMBERS_ONLY
}
