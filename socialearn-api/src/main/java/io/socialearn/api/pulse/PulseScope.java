package io.socialearn.api.pulse;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.space.SpaceId;

/**
 * What a pulse covers: the whole organisation, one space, or the questions asked by the people of
 * one org unit. Whatever the scope, a pulse counts only threads in spaces the viewer may read.
 *
 * <p>Immutable. Build one with {@link #organisation()}, {@link #space(SpaceId)} or {@link
 * #orgUnit(String)}.
 *
 * @param kind which of the three
 * @param space the space, for {@link Kind#SPACE}; null otherwise
 * @param orgUnit the org unit, for {@link Kind#ORG_UNIT}; empty otherwise
 */
public record PulseScope(Kind kind, SpaceId space, String orgUnit) {

  /** The kinds of scope. */
  public enum Kind {
    /** Every space the viewer may read. */
    ORGANISATION,
    /** One space. */
    SPACE,
    /** Questions asked by people of one org unit, and their answers. */
    ORG_UNIT
  }

  /** Checks that the fields fit the kind. */
  public PulseScope {
    Validate.required("kind", kind);
    orgUnit = orgUnit == null ? "" : orgUnit.strip();
    if ((kind == Kind.SPACE) != (space != null)) {
      throw new InvalidInputException("space", "onlyForSpaceScope",
          "a space is required for a SPACE scope and only for it");
    }
    if ((kind == Kind.ORG_UNIT) == orgUnit.isEmpty()) {
      throw new InvalidInputException("orgUnit", "onlyForOrgUnitScope",
          "an org unit is required for an ORG_UNIT scope and only for it");
    }
  }

  /** Every space the viewer may read. */
  public static PulseScope organisation() {
    return new PulseScope(Kind.ORGANISATION, null, "");
  }

  /** One space. */
  public static PulseScope space(SpaceId space) {
    return new PulseScope(Kind.SPACE, Validate.required("space", space), "");
  }

  /** The questions the people of one org unit asked. */
  public static PulseScope orgUnit(String orgUnit) {
    return new PulseScope(Kind.ORG_UNIT, null, Validate.text("orgUnit", orgUnit, 200));
  }
}
