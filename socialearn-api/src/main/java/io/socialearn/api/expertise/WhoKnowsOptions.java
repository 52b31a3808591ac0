package io.socialearn.api.expertise;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import java.time.Instant;
import java.util.Set;

/**
 * How to pick the people "who know". Immutable; start from {@link #defaults()} and change a few.
 *
 * @param limit the most people to return, 1 to 200
 * @param availableOnly leave out people who are leaving or away, under any account linked to
 *     theirs (people who left are never suggested; an account closed as left is that account
 *     alone)
 * @param department favour the viewer's department, other departments, or neither
 * @param includeExternal whether external contacts (guests) may be suggested
 * @param excludeViewer leave out the viewer (the asker), under every account linked to theirs
 * @param exclude more people to leave out, for example the asker when someone else asks, each
 *     under every account linked to theirs
 * @param votesBefore if not null (and then between the years 0 and 9999), votes and accepts
 *     recorded at or after this instant are not
 *     counted (an evaluation replaying history whose votes carry only a day uses it to see only
 *     votes of earlier days)
 * @param mix the weights of the signals, or null for the engine's
 */
public record WhoKnowsOptions(int limit, boolean availableOnly, DepartmentPreference department,
    boolean includeExternal, boolean excludeViewer, Set<PersonId> exclude, Instant votesBefore,
    ExpertiseMix mix) {
  /** The largest limit. */
  public static final int MAX_LIMIT = 200;

  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

  /** Checks and copies. */
  public WhoKnowsOptions {
    Validate.range("limit", limit, 1, MAX_LIMIT);
    Validate.required("department", department);
    exclude = Validate.set("exclude", exclude);
    if (votesBefore != null && (votesBefore.isBefore(EARLIEST) || votesBefore.isAfter(LATEST))) {
      throw new InvalidInputException("votesBefore", "range",
          "votesBefore must lie between " + EARLIEST + " and " + LATEST + ", was "
              + votesBefore);
    }
  }

  /** Ten people, available or not, any department, no guests, never the viewer. */
  public static WhoKnowsOptions defaults() {
    return new WhoKnowsOptions(10, false, DepartmentPreference.ANY, false, true, Set.of(), null,
        null);
  }

  /** These options with another limit. */
  public WhoKnowsOptions limit(int newLimit) {
    return new WhoKnowsOptions(newLimit, availableOnly, department, includeExternal,
        excludeViewer, exclude, votesBefore, mix);
  }

  /** These options, leaving out people who are leaving or not. */
  public WhoKnowsOptions availableOnly(boolean only) {
    return new WhoKnowsOptions(limit, only, department, includeExternal, excludeViewer, exclude,
        votesBefore, mix);
  }

  /** These options with another department preference. */
  public WhoKnowsOptions department(DepartmentPreference preference) {
    return new WhoKnowsOptions(limit, availableOnly, preference, includeExternal, excludeViewer,
        exclude, votesBefore, mix);
  }

  /** These options, with or without external contacts. */
  public WhoKnowsOptions includeExternal(boolean include) {
    return new WhoKnowsOptions(limit, availableOnly, department, include, excludeViewer, exclude,
        votesBefore, mix);
  }

  /** These options, with or without the viewer among the candidates. */
  public WhoKnowsOptions excludeViewer(boolean excludeTheViewer) {
    return new WhoKnowsOptions(limit, availableOnly, department, includeExternal,
        excludeTheViewer, exclude, votesBefore, mix);
  }

  /** These options, leaving out {@code people} as well. */
  public WhoKnowsOptions exclude(Set<PersonId> people) {
    return new WhoKnowsOptions(limit, availableOnly, department, includeExternal, excludeViewer,
        people, votesBefore, mix);
  }

  /** These options, counting only votes and accepts recorded before {@code instant}. */
  public WhoKnowsOptions votesBefore(Instant instant) {
    return new WhoKnowsOptions(limit, availableOnly, department, includeExternal, excludeViewer,
        exclude, instant, mix);
  }

  /** These options with another mix of signals. */
  public WhoKnowsOptions mix(ExpertiseMix newMix) {
    return new WhoKnowsOptions(limit, availableOnly, department, includeExternal, excludeViewer,
        exclude, votesBefore, newMix);
  }
}
