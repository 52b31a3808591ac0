package io.socialearn.core.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.mentoring.MentorMatch;
import io.socialearn.api.mentoring.MentorMatching;
import io.socialearn.api.mentoring.MentoringConstraints;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.Tag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MentorMatcherTest {
  static MentorMatcher.Side learner(String id, String unit, String manager, String... topics) {
    return side(id, 1, unit, manager, 0, topics);
  }

  static MentorMatcher.Side mentor(String id, int capacity, String unit, int strength,
      String... topics) {
    return side(id, capacity, unit, null, strength, topics);
  }

  static MentorMatcher.Side side(String id, int capacity, String unit, String manager,
      int strength, String... topics) {
    Map<Tag, Integer> map = new java.util.HashMap<>();
    for (String t : topics) {
      map.put(Tag.of(t), strength);
    }
    return new MentorMatcher.Side(PersonId.of(id), capacity, map,
        Map.of(Tag.of(topics[0]), id + " knows " + topics[0]), unit,
        manager == null ? null : PersonId.of(manager));
  }

  @Test
  void optimalWhereGreedyIsNot() {
    // a wants x and y; b wants x only. m1 offers x and y (strength 0), m2 offers y (strength 50).
    // Greedy: a-m1 (200) first, then b can only have m1 (full): 200.
    // Optimal: a-m2 (150) + b-m1 (100) = 250.
    MentorMatcher.Side a = learner("a", "", null, "x", "y");
    MentorMatcher.Side b = learner("b", "", null, "x");
    MentorMatcher.Side m1 = side("m1", 1, "", null, 0, "x", "y");
    MentorMatcher.Side m2 = side("m2", 1, "", null, 50, "y");
    MentorMatching result = MentorMatcher.match(List.of(a, b), List.of(m1, m2),
        MentoringConstraints.defaults());
    assertThat(result.totalScore()).isEqualTo(250);
    assertThat(result.matches()).extracting(MentorMatch::learner, MentorMatch::mentor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(PersonId.of("a"), PersonId.of("m2")),
            org.assertj.core.groups.Tuple.tuple(PersonId.of("b"), PersonId.of("m1")));
    assertThat(result.unmatched()).isEmpty();
  }

  @Test
  void neverSelfNorSameManagerAndCapacityCounts() {
    MentorMatcher.Side ann = learner("ann", "Eng", "boss", "java");
    MentorMatcher.Side bob = learner("bob", "Eng", "boss", "java");
    MentorMatcher.Side annAsMentor = side("ann", 5, "Eng", "boss", 50, "java");
    MentorMatcher.Side bobAsMentor = side("bob", 5, "Eng", "boss", 50, "java");
    MentorMatching blocked = MentorMatcher.match(List.of(ann, bob),
        List.of(annAsMentor, bobAsMentor), MentoringConstraints.defaults());
    assertThat(blocked.matches()).isEmpty();
    assertThat(blocked.unmatched()).containsExactly(PersonId.of("ann"), PersonId.of("bob"));
    MentorMatching allowed = MentorMatcher.match(List.of(ann, bob),
        List.of(annAsMentor, bobAsMentor), new MentoringConstraints(false, false));
    assertThat(allowed.matches()).extracting(MentorMatch::mentor)
        .containsExactly(PersonId.of("bob"), PersonId.of("ann"));
    MentorMatching oneSeat = MentorMatcher.match(List.of(ann, bob),
        List.of(mentor("kim", 1, "Ops", 10, "java")), MentoringConstraints.defaults());
    assertThat(oneSeat.matches()).hasSize(1);
    assertThat(oneSeat.unmatched()).hasSize(1);
  }

  @Test
  void crossingDepartmentsIsPreferredWhenAskedAndExplained() {
    MentorMatcher.Side ann = learner("ann", "Eng", null, "java");
    MentorMatcher.Side same = mentor("sam", 1, "Eng", 10, "java");
    MentorMatcher.Side other = mentor("oli", 1, "Ops", 0, "java");
    MentorMatch plain = MentorMatcher.match(List.of(ann), List.of(same, other),
        MentoringConstraints.defaults()).matches().get(0);
    assertThat(plain.mentor()).isEqualTo(PersonId.of("sam"));
    assertThat(plain.score()).isEqualTo(110);
    MentorMatch crossing = MentorMatcher.match(List.of(ann), List.of(same, other),
        MentoringConstraints.acrossDepartments()).matches().get(0);
    assertThat(crossing.mentor()).isEqualTo(PersonId.of("oli"));
    assertThat(crossing.score()).isEqualTo(160);
    assertThat(crossing.reasons()).containsExactly("ann wants to learn java, which oli offers",
        "oli knows java", "crosses departments: Eng and Ops");
  }

  @Test
  void aPersonListedTwiceIsRefused() {
    MentorMatcher.Side ann = learner("ann", "", null, "java");
    assertThatThrownBy(() -> MentorMatcher.match(List.of(ann, ann), List.of(),
        MentoringConstraints.defaults()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.rule()).isEqualTo("unique"));
  }
}
