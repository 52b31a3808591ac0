package io.socialearn.api.space;

/** What a space is for; it changes no rule, it helps hosts present and group spaces. */
public enum SpaceKind {
  /** A topic community that crosses departments. */
  COMMUNITY,
  /** A department's own space, such as a department pilot. */
  DEPARTMENT,
  /** A course or learning programme. */
  COURSE
}
