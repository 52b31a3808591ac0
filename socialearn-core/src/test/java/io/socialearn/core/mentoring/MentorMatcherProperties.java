package io.socialearn.core.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.mentoring.MentorMatch;
import io.socialearn.api.mentoring.MentorMatching;
import io.socialearn.api.mentoring.MentoringConstraints;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of mentor matching on random organisations: capacities respected, nobody matched to
 * themselves or within a manager's team, every pair allowed, a total no worse than a greedy
 * assignment's (and equal to brute force on small inputs), and the same answer for shuffled input.
 */
class MentorMatcherProperties {
  static final List<Tag> TOPICS = List.of(Tag.of("java"), Tag.of("sql"), Tag.of("tax"),
      Tag.of("ux"), Tag.of("k8s"));

  record Input(List<MentorMatcher.Side> learners, List<MentorMatcher.Side> mentors,
      MentoringConstraints constraints) {}

  static Input input(long seed, int learnerCount, int mentorCount) {
    Random random = new Random(seed);
    List<MentorMatcher.Side> learners = new ArrayList<>();
    List<MentorMatcher.Side> mentors = new ArrayList<>();
    int people = learnerCount + mentorCount;
    for (int i = 0; i < learnerCount; i++) {
      learners.add(side(random, "p" + random.nextInt(people), 1, false));
    }
    for (int j = 0; j < mentorCount; j++) {
      mentors.add(side(random, "p" + random.nextInt(people), 1 + random.nextInt(3), true));
    }
    return new Input(distinct(learners), distinct(mentors),
        new MentoringConstraints(random.nextBoolean(), random.nextBoolean()));
  }

  static MentorMatcher.Side side(Random random, String id, int capacity, boolean strengths) {
    Map<Tag, Integer> topics = new HashMap<>();
    for (Tag tag : TOPICS) {
      if (random.nextInt(3) == 0) {
        topics.put(tag, strengths ? random.nextInt(80) : 1);
      }
    }
    PersonId manager = random.nextInt(3) == 0 ? null : PersonId.of("m" + random.nextInt(3));
    return new MentorMatcher.Side(PersonId.of(id), capacity, topics, Map.of(),
        List.of("", "Eng", "Ops").get(random.nextInt(3)), manager);
  }

  static List<MentorMatcher.Side> distinct(List<MentorMatcher.Side> sides) {
    Map<PersonId, MentorMatcher.Side> byId = new HashMap<>();
    sides.forEach(s -> byId.putIfAbsent(s.person(), s));
    List<MentorMatcher.Side> list = new ArrayList<>(byId.values());
    list.sort(Comparator.comparing(s -> s.person().value()));
    return list;
  }

  @Property(tries = 300)
  void assignmentsAreAllowedWithinCapacityAndNoWorseThanGreedy(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 12) int learners,
      @ForAll @IntRange(min = 0, max = 8) int mentors) {
    Input in = input(seed, learners, mentors);
    MentorMatching result = MentorMatcher.match(in.learners(), in.mentors(), in.constraints());
    Map<PersonId, MentorMatcher.Side> mentorById = new HashMap<>();
    in.mentors().forEach(m -> mentorById.put(m.person(), m));
    Map<PersonId, MentorMatcher.Side> learnerById = new HashMap<>();
    in.learners().forEach(l -> learnerById.put(l.person(), l));
    Map<PersonId, Integer> load = new HashMap<>();
    long total = 0;
    for (MentorMatch m : result.matches()) {
      assertThat(m.learner()).isNotEqualTo(m.mentor());
      MentorMatcher.Side learner = learnerById.get(m.learner());
      MentorMatcher.Side mentor = mentorById.get(m.mentor());
      if (in.constraints().avoidSameManager() && learner.manager() != null) {
        assertThat(learner.manager()).isNotEqualTo(mentor.manager());
      }
      assertThat(m.score()).isEqualTo(MentorMatcher.score(learner, mentor, in.constraints()))
          .isPositive();
      assertThat(m.sharedTopics()).isNotEmpty();
      load.merge(m.mentor(), 1, Integer::sum);
      total += m.score();
    }
    load.forEach((mentor, n) -> assertThat(n).isLessThanOrEqualTo(mentorById.get(mentor)
        .capacity()));
    assertThat(result.matches().size() + result.unmatched().size())
        .isEqualTo(in.learners().size());
    assertThat(result.totalScore()).isEqualTo(total);
    assertThat(total).isGreaterThanOrEqualTo(greedy(in));
  }

  @Property(tries = 200)
  void optimalOnInputsSmallEnoughToTryEveryAssignment(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 5) int learners,
      @ForAll @IntRange(min = 0, max = 3) int mentors) {
    Input in = input(seed, learners, mentors);
    long best = bruteForce(in, 0, new int[in.mentors().size()]);
    assertThat(MentorMatcher.match(in.learners(), in.mentors(), in.constraints()).totalScore())
        .isEqualTo(best);
  }

  @Property(tries = 100)
  void theSameForShuffledInput(@ForAll long seed) {
    Input in = input(seed, 10, 6);
    List<MentorMatcher.Side> learners = new ArrayList<>(in.learners());
    List<MentorMatcher.Side> mentors = new ArrayList<>(in.mentors());
    Collections.shuffle(learners, new Random(seed));
    Collections.shuffle(mentors, new Random(seed + 1));
    assertThat(MentorMatcher.match(learners, mentors, in.constraints()))
        .isEqualTo(MentorMatcher.match(in.learners(), in.mentors(), in.constraints()));
  }

  /** Pairs by descending score, taking each pair whose learner is free and mentor has room. */
  static long greedy(Input in) {
    record Pair(int learner, int mentor, int score) {}
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < in.learners().size(); i++) {
      for (int j = 0; j < in.mentors().size(); j++) {
        int s = MentorMatcher.score(in.learners().get(i), in.mentors().get(j), in.constraints());
        if (s > 0) {
          pairs.add(new Pair(i, j, s));
        }
      }
    }
    pairs.sort(Comparator.comparingInt(Pair::score).reversed());
    boolean[] taken = new boolean[in.learners().size()];
    int[] load = new int[in.mentors().size()];
    long total = 0;
    for (Pair p : pairs) {
      if (!taken[p.learner()] && load[p.mentor()] < in.mentors().get(p.mentor()).capacity()) {
        taken[p.learner()] = true;
        load[p.mentor()]++;
        total += p.score();
      }
    }
    return total;
  }

  static long bruteForce(Input in, int learner, int[] load) {
    if (learner == in.learners().size()) {
      return 0;
    }
    long best = bruteForce(in, learner + 1, load);
    for (int j = 0; j < in.mentors().size(); j++) {
      int s = MentorMatcher.score(in.learners().get(learner), in.mentors().get(j),
          in.constraints());
      if (s > 0 && load[j] < in.mentors().get(j).capacity()) {
        load[j]++;
        best = Math.max(best, s + bruteForce(in, learner + 1, load));
        load[j]--;
      }
    }
    return best;
  }
}
