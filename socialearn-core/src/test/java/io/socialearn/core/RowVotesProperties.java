package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The votes by row code hold what a map from code to set would, across many chunks. */
class RowVotesProperties {
  /** Set (or, with a negative size, clear) the set of a content code. */
  record Step(int code, int size) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    // Codes near zero and far out (past several chunks), threads' and answers' alike.
    Arbitrary<Integer> codes = Arbitraries.oneOf(Arbitraries.integers().between(0, 40),
        Arbitraries.integers().between(0, 100_000));
    return codes.flatMap(code -> Arbitraries.integers().between(-1, 3)
        .map(size -> new Step(code, size))).list().ofMaxSize(200);
  }

  @Property(tries = 200)
  void holdsWhatAMapWouldAndListsItInCodeOrder(@ForAll("steps") List<Step> steps) {
    RowVotes votes = new RowVotes();
    Map<Integer, byte[]> model = new TreeMap<>();
    for (Step step : steps) {
      byte[] set = step.size() < 0 ? null : new byte[step.size()];
      votes.set(step.code(), set);
      if (set == null) {
        model.remove(step.code());
      } else {
        model.put(step.code(), set);
      }
      assertThat(votes.get(step.code())).isSameAs(set);
    }
    assertThat(votes.size()).isEqualTo(model.size());
    for (int code = -1; code < 100_002; code += 7) {
      assertThat(votes.get(code)).isSameAs(model.get(code));
    }
    model.forEach((code, set) -> assertThat(votes.get(code)).isSameAs(set));
    List<Integer> listed = new ArrayList<>();
    votes.forEach((code, set) -> {
      assertThat(set).isSameAs(model.get(code));
      listed.add(code);
    });
    // Threads (even codes) first, then answers (odd), each in order.
    assertThat(listed).isSortedAccordingTo(
        Comparator.comparingInt((Integer code) -> code & 1).thenComparingInt(code -> code));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(model.keySet());
    votes.replaceAll(set -> new byte[] {(byte) set.length});
    model.forEach((code, set) -> assertThat(votes.get(code)).containsExactly((byte) set.length));
    RowVotes taken = new RowVotes();
    taken.takeOver(votes);
    assertThat(taken.size()).isEqualTo(model.size());
    assertThat(votes.size()).isZero();
    model.keySet().forEach(code -> assertThat(votes.get(code)).isNull());
  }

  @Property(tries = 10)
  void refusesANegativeCode(@ForAll("steps") List<Step> steps) {
    RowVotes votes = new RowVotes();
    steps.forEach(step -> votes.set(step.code(), new byte[0]));
    assertThatThrownBy(() -> votes.set(-1, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(votes.get(-3)).isNull();
  }
}
