package io.socialearn.core.internal.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The people concerned by each post hold what a map from post to a set of people would. */
class ConcernedProperties {
  /** Note that person {@code person} is concerned by post {@code post}. */
  record Add(int post, int person) {}

  @Provide
  Arbitrary<List<Add>> adds() {
    // Dense codes and rows' codes (threads' and answers'), near and past several chunks; few
    // people, so that a post gets some again.
    Arbitrary<Integer> posts = Arbitraries.oneOf(Arbitraries.integers().between(0, 30),
        Arbitraries.integers().between(0, 50_000),
        Arbitraries.integers().between(0, 30).map(IdCodes::ofRow),
        Arbitraries.integers().between(0, 50_000).map(IdCodes::ofRow));
    Arbitrary<Integer> people = Arbitraries.oneOf(Arbitraries.integers().between(0, 6),
        Arbitraries.integers().between(0, 1 << 30));
    return Combinators.combine(posts, people).as(Add::new).list().ofMaxSize(300);
  }

  @Property(tries = 200)
  void holdsWhatAMapOfSetsWould(@ForAll("adds") List<Add> adds) {
    Concerned concerned = new Concerned();
    Map<Integer, Set<Integer>> model = new TreeMap<>();
    for (Add add : adds) {
      concerned.add(add.post(), add.person());
      model.computeIfAbsent(add.post(), k -> new LinkedHashSet<>()).add(add.person());
      assertThat(list(concerned.people(add.post()))).containsExactlyInAnyOrderElementsOf(
          model.get(add.post()));
    }
    holds(concerned, model);
    Concerned taken = new Concerned();
    taken.takeOver(concerned);
    holds(taken, model);
    holds(concerned, Map.of());
    taken.clear();
    holds(taken, Map.of());
  }

  private static void holds(Concerned concerned, Map<Integer, Set<Integer>> model) {
    assertThat(concerned.size()).isEqualTo(model.size());
    for (int post = IdCodes.ofRow(50_010); post < 50_010; post += 37) {
      assertThat(concerned.has(post)).isEqualTo(model.containsKey(post));
      assertThat(list(concerned.people(post))).containsExactlyInAnyOrderElementsOf(
          model.getOrDefault(post, Set.of()));
    }
    List<Integer> listed = new ArrayList<>();
    concerned.forEach((post, people) -> {
      assertThat(list(people)).containsExactlyInAnyOrderElementsOf(model.get(post));
      listed.add(post);
    });
    assertThat(listed).containsExactlyInAnyOrderElementsOf(model.keySet()).doesNotHaveDuplicates();
  }

  private static List<Integer> list(int[] people) {
    return Arrays.stream(people).boxed().toList();
  }

  @Property(tries = 10)
  void refusesNoPostAndNoPerson(@ForAll("adds") List<Add> adds) {
    Concerned concerned = new Concerned();
    adds.forEach(add -> concerned.add(add.post(), add.person()));
    assertThatThrownBy(() -> concerned.add(IdCodes.NONE, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> concerned.add(0, IdCodes.NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(concerned.has(IdCodes.NONE)).isFalse();
    assertThat(concerned.people(IdCodes.NONE)).isEmpty();
  }
}
