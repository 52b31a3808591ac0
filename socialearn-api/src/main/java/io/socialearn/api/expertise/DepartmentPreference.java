package io.socialearn.api.expertise;

/** Whether "who knows" should favour people of the viewer's own department or of others. */
public enum DepartmentPreference {
  /** Departments do not matter. */
  ANY,
  /** Favour people of the viewer's department. */
  SAME,
  /** Favour people of other departments: the boundary-crossing choice. */
  OTHER
}
