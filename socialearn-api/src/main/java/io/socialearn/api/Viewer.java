package io.socialearn.api;

import io.socialearn.api.people.PersonId;
import java.util.EnumSet;
import java.util.Set;

/**
 * On whose behalf a command runs or a read is made. Every call into socialearn takes one.
 *
 * <p>The host authenticates the person and says which organisation-wide roles they hold;
 * socialearn works out the rest (which spaces they may read, what they may do in each) from its
 * own state. Immutable.
 *
 * @param person who acts or reads
 * @param roles organisation-wide roles, usually none
 */
public record Viewer(PersonId person, Set<Viewer.Role> roles) {

  /** Organisation-wide roles the host grants. */
  public enum Role {
    /** May moderate every space, read members-only spaces, and register and update people. */
    ADMINISTRATOR,
    /**
     * The host itself, for set-up work (registering people, creating spaces); it cannot author
     * content. Implies every right of {@link #ADMINISTRATOR}.
     */
    SYSTEM
  }

  private static final Viewer SYSTEM_VIEWER = new Viewer(PersonId.SYSTEM, Set.of(Role.SYSTEM));

  /** Checks and copies. */
  public Viewer {
    Validate.required("person", person);
    roles = Validate.set("roles", roles);
    if (roles.contains(Role.SYSTEM) != person.equals(PersonId.SYSTEM)) {
      throw new InvalidInputException("roles", "systemRole",
          "the SYSTEM role belongs to Viewer.system() alone");
    }
  }

  /** A person with no organisation-wide role. */
  public static Viewer of(PersonId person) {
    return new Viewer(person, Set.of());
  }

  /** A person with no organisation-wide role. */
  public static Viewer of(String personId) {
    return of(PersonId.of(personId));
  }

  /** An administrator. */
  public static Viewer administrator(PersonId person) {
    return new Viewer(person, EnumSet.of(Role.ADMINISTRATOR));
  }

  /** The host itself, for set-up work such as registering people. */
  public static Viewer system() {
    return SYSTEM_VIEWER;
  }

  /** Whether this viewer has administrator rights (an administrator or the system). */
  public boolean isAdministrator() {
    return roles.contains(Role.ADMINISTRATOR) || roles.contains(Role.SYSTEM);
  }

  /** Whether this is the {@link #system()} viewer. */
  public boolean isSystem() {
    return roles.contains(Role.SYSTEM);
  }
}
