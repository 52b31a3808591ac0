package io.socialearn.core.mentoring;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.mentoring.MentorMatch;
import io.socialearn.api.mentoring.MentorMatching;
import io.socialearn.api.mentoring.MentoringConstraints;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Pairs learners with mentors as an optimal assignment: a min-cost flow from learners (one mentor
 * each) to mentors (up to their capacity) whose cost is minus the pair's score, so the total score
 * is as high as any assignment's. Deterministic: people are taken in id order.
 *
 * <p>A pair is allowed when the mentor offers at least one topic the learner wants, they are not
 * the same person and, if the constraints say so, they do not share a manager. Its score is {@link
 * #TOPIC_POINTS} per shared topic plus the mentor's strength in it (at most {@link
 * #MAX_STRENGTH}), plus {@link #CROSS_DEPARTMENT_POINTS} if departments are to be crossed and the
 * two have different, known org units. Thread-safe (stateless).
 */
public final class MentorMatcher {
  /** Points per shared topic. */
  public static final int TOPIC_POINTS = 100;
  /** The most a mentor's strength adds per topic. */
  public static final int MAX_STRENGTH = 50;
  /** Points for a pair across departments, when preferred. */
  public static final int CROSS_DEPARTMENT_POINTS = 60;

  private MentorMatcher() {}

  /**
   * One side of a pair, as the matcher sees it.
   *
   * @param person who
   * @param capacity how many learners a mentor takes (1 for learners)
   * @param topics wanted topics (learner) or offered topics with their strength (mentor)
   * @param notes a sentence per topic of why the mentor is strong in it, for the reasons
   * @param orgUnit the org unit, empty if unknown
   * @param manager the manager, or null
   */
  public record Side(PersonId person, int capacity, Map<Tag, Integer> topics,
      Map<Tag, String> notes, String orgUnit, PersonId manager) {
    /** Copies into sorted maps, so that iteration is deterministic. */
    public Side {
      Objects.requireNonNull(person, "person");
      topics = new TreeMap<>(topics);
      notes = new TreeMap<>(notes);
      Objects.requireNonNull(orgUnit, "orgUnit");
    }
  }

  /**
   * The score of a pair, or -1 if it is not allowed.
   */
  public static int score(Side learner, Side mentor, MentoringConstraints constraints) {
    if (learner.person().equals(mentor.person())) {
      return -1;
    }
    if (constraints.avoidSameManager() && learner.manager() != null
        && learner.manager().equals(mentor.manager())) {
      return -1;
    }
    int score = 0;
    for (Tag tag : learner.topics().keySet()) {
      Integer strength = mentor.topics().get(tag);
      if (strength != null) {
        score += TOPIC_POINTS + Math.min(MAX_STRENGTH, Math.max(0, strength));
      }
    }
    if (score == 0) {
      return -1;
    }
    return score + (crossesDepartments(learner, mentor, constraints) ? CROSS_DEPARTMENT_POINTS : 0);
  }

  private static boolean crossesDepartments(Side learner, Side mentor, MentoringConstraints c) {
    return c.preferCrossDepartment() && !learner.orgUnit().isEmpty()
        && !mentor.orgUnit().isEmpty() && !learner.orgUnit().equals(mentor.orgUnit());
  }

  /**
   * Finds an optimal assignment.
   *
   * @throws InvalidInputException if a learner or a mentor is listed twice
   */
  public static MentorMatching match(List<Side> learners, List<Side> mentors,
      MentoringConstraints constraints) {
    return match(learners, mentors, constraints, PersonId::equals);
  }

  /**
   * Finds an optimal assignment that never pairs two people {@code samePerson} says are one
   * (linked accounts).
   *
   * @throws InvalidInputException if a learner or a mentor is listed twice, under one account or
   *     two that {@code samePerson} says are one
   */
  public static MentorMatching match(List<Side> learners, List<Side> mentors,
      MentoringConstraints constraints, BiPredicate<PersonId, PersonId> samePerson) {
    List<Side> ls = sorted(learners, "learners", samePerson);
    List<Side> ms = sorted(mentors, "mentors", samePerson);
    int source = 0;
    int sink = ls.size() + ms.size() + 1;
    MinCostFlow flow = new MinCostFlow(sink + 1);
    for (int i = 0; i < ls.size(); i++) {
      flow.addEdge(source, 1 + i, 1, 0);
    }
    for (int j = 0; j < ms.size(); j++) {
      flow.addEdge(1 + ls.size() + j, sink, ms.get(j).capacity(), 0);
    }
    int[][] pairEdge = new int[ls.size()][ms.size()];
    int[][] scores = new int[ls.size()][ms.size()];
    for (int i = 0; i < ls.size(); i++) {
      for (int j = 0; j < ms.size(); j++) {
        scores[i][j] = samePerson.test(ls.get(i).person(), ms.get(j).person()) ? -1
            : score(ls.get(i), ms.get(j), constraints);
        pairEdge[i][j] = scores[i][j] < 0 ? -1
            : flow.addEdge(1 + i, 1 + ls.size() + j, 1, -scores[i][j]);
      }
    }
    flow.minimise(source, sink);
    List<MentorMatch> matches = new ArrayList<>();
    List<PersonId> unmatched = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < ls.size(); i++) {
      MentorMatch match = null;
      for (int j = 0; j < ms.size() && match == null; j++) {
        if (pairEdge[i][j] >= 0 && flow.flow(pairEdge[i][j]) > 0) {
          match = pair(ls.get(i), ms.get(j), scores[i][j], constraints);
        }
      }
      if (match == null) {
        unmatched.add(ls.get(i).person());
      } else {
        matches.add(match);
        total += match.score();
      }
    }
    return new MentorMatching(matches, unmatched, total);
  }

  private static MentorMatch pair(Side learner, Side mentor, int score, MentoringConstraints c) {
    List<Tag> shared = new ArrayList<>();
    for (Tag tag : learner.topics().keySet()) {
      if (mentor.topics().containsKey(tag)) {
        shared.add(tag);
      }
    }
    List<String> reasons = new ArrayList<>();
    reasons.add(learner.person().value() + " wants to learn " + join(shared) + ", which "
        + mentor.person().value() + " offers");
    for (Tag tag : shared) {
      String note = mentor.notes().get(tag);
      if (note != null) {
        reasons.add(note);
      }
    }
    if (crossesDepartments(learner, mentor, c)) {
      reasons.add("crosses departments: " + learner.orgUnit() + " and " + mentor.orgUnit());
    }
    return new MentorMatch(learner.person(), mentor.person(), shared, score, reasons);
  }

  private static String join(List<Tag> tags) {
    List<String> names = new ArrayList<>();
    tags.forEach(t -> names.add(t.value()));
    return String.join(", ", names);
  }

  private static List<Side> sorted(List<Side> sides, String field,
      BiPredicate<PersonId, PersonId> samePerson) {
    Set<PersonId> seen = new HashSet<>();
    for (Side side : sides) {
      if (!seen.add(side.person())) {
        throw new InvalidInputException(field, "unique",
            side.person().value() + " is listed twice in " + field);
      }
    }
    // Two linked accounts are one person listed twice: two mentors, or twice the capacity.
    for (int i = 0; i < sides.size(); i++) {
      for (int j = i + 1; j < sides.size(); j++) {
        PersonId a = sides.get(i).person();
        PersonId b = sides.get(j).person();
        if (samePerson.test(a, b)) {
          throw new InvalidInputException(field, "unique", a.value() + " and " + b.value()
              + " are one person's linked accounts, listed twice in " + field);
        }
      }
    }
    List<Side> copy = new ArrayList<>(sides);
    copy.sort(Comparator.comparing(s -> s.person().value()));
    return copy;
  }
}
