package io.socialearn.api.people;

/** Whether a person is around to ask. */
public enum PersonStatus {
  /** At work and reachable. */
  ACTIVE,
  /** Still here but leaving; their knowledge is at risk (see {@link PersonProfile#leavingOn()}). */
  LEAVING,
  /** Gone; their posts stay, they are no longer suggested to anyone. */
  LEFT,
  /**
   * Here, but away for now (on leave, on holiday, heads down): not routed questions nor suggested
   * where only available people are asked for, until back to {@link #ACTIVE}; their knowledge
   * is not at risk, and who knows still names them when availability is not asked for.
   */
  AWAY
}
