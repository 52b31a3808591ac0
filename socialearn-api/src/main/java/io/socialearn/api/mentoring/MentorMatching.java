package io.socialearn.api.mentoring;

import io.socialearn.api.people.PersonId;
import java.util.List;

/**
 * The result of pairing: an optimal assignment (the total score is as high as any assignment's
 * that respects capacities and constraints), deterministic for the same input. Immutable.
 *
 * @param matches the pairs, by learner id
 * @param unmatched learners for whom no allowed mentor shares a topic, or whose mentors are full,
 *     by id
 * @param totalScore the sum of the pairs' scores
 */
public record MentorMatching(List<MentorMatch> matches, List<PersonId> unmatched, long totalScore) {

  /** Copies the lists. */
  public MentorMatching {
    matches = List.copyOf(matches);
    unmatched = List.copyOf(unmatched);
  }
}
