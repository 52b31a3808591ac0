package io.socialearn.core;

import io.socialearn.api.ForbiddenException;
import io.socialearn.api.Viewer;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;

/** Who runs a command: the viewer and their profile (null for the system). */
record Actor(Viewer viewer, PersonProfile profile) {

  PersonId person() {
    return viewer.person();
  }

  /** Refuses the system, which cannot author content or hold memberships. */
  void requirePerson(String action) {
    if (profile == null) {
      throw new ForbiddenException(action, "the system viewer cannot " + action
          + "; act as a person");
    }
  }
}
