package io.socialearn.core.pulse;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Viewer;
import io.socialearn.api.people.PersonId;

/**
 * How a pulse protects people: groups smaller than {@code minimumGroupSize} people are folded
 * into "other" or suppressed, for every viewer; per-person figures (top answerers, the holder of
 * a topic at risk) are shown to the person concerned, and to administrators only if {@code
 * administratorsSeePeople}. Immutable.
 *
 * @param minimumGroupSize the smallest group shown on its own, 1 to 1000 (1 turns folding off)
 * @param administratorsSeePeople whether administrators see per-person figures
 */
public record PulsePrivacy(int minimumGroupSize, boolean administratorsSeePeople) {
  /** The default minimum group size. */
  public static final int DEFAULT_MINIMUM_GROUP_SIZE = 5;

  /** Checks the bounds. */
  public PulsePrivacy {
    if (minimumGroupSize < 1 || minimumGroupSize > 1000) {
      throw new InvalidInputException("minimumGroupSize", "range",
          "minimumGroupSize is " + minimumGroupSize + "; it must be between 1 and 1000");
    }
  }

  /** Groups of at least 5 people; administrators see per-person figures. */
  public static PulsePrivacy defaults() {
    return new PulsePrivacy(DEFAULT_MINIMUM_GROUP_SIZE, true);
  }

  /** Whether {@code viewer} may see every per-person figure. */
  public boolean showsPeopleTo(Viewer viewer) {
    return administratorsSeePeople && viewer.isAdministrator();
  }

  /** Whether {@code viewer} may see a figure about {@code person}. */
  public boolean showsPerson(Viewer viewer, PersonId person) {
    return showsPeopleTo(viewer) || viewer.person().equals(person);
  }
}
