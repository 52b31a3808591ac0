package io.socialearn.api.people;

/** Whether a person is around to ask. */
public enum PersonStatus {
  /** At work and reachable. */
  ACTIVE,
  /** Still here but leaving; their knowledge is at risk (see {@link PersonProfile#leavingOn()}). */
  LEAVING,
  /** Gone; their posts stay, they are no longer suggested to anyone. */
  LEFT
}
