package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.thread.VoteDirection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The votes by row code hold what a map from code to set would, across many chunks, packed or
 * not.
 */
class RowVotesProperties {
  /**
   * Set the set of a content code to {@code size} votes, or clear it ({@code size} -1), or, with
   * code -1, pack them all.
   */
  record Step(int code, int size) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    // Codes near zero and far out (past several chunks), threads' and answers' alike.
    Arbitrary<Integer> codes = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(0, 40)),
        Tuple.of(6, Arbitraries.integers().between(0, 100_000)),
        Tuple.of(1, Arbitraries.just(-1)));
    return codes.flatMap(code -> Arbitraries.integers().between(-1, 3)
        .map(size -> new Step(code, size))).list().ofMaxSize(200);
  }

  /** A set of {@code size} votes, different for each code, with room after them. */
  private static byte[] set(int code, int size) {
    byte[] set = new byte[0];
    for (int i = 0; i < size; i++) {
      set = VoteSet.put(set, code % 1000 + 300 * i,
          i % 2 == 0 ? VoteDirection.UP : VoteDirection.DOWN);
    }
    return Arrays.copyOf(set, set.length + code % 3);
  }

  @Property(tries = 200)
  void holdsWhatAMapWouldAndListsItInCodeOrder(@ForAll("steps") List<Step> steps) {
    RowVotes votes = new RowVotes();
    Map<Integer, byte[]> model = new TreeMap<>();
    for (Step step : steps) {
      if (step.code() < 0) {
        votes.pack();
        continue;
      }
      byte[] set = step.size() < 0 ? null : set(step.code(), step.size());
      votes.set(step.code(), set);
      if (set == null) {
        model.remove(step.code());
      } else {
        model.put(step.code(), set);
      }
      assertThat(votes.get(step.code())).isSameAs(set);
    }
    holds(votes, model);
    votes.pack();
    holds(votes, model);
    // A packed set comes as a copy, which is the set once set back, changed or not.
    for (int code : model.keySet()) {
      byte[] copy = votes.get(code);
      assertThat(votes.get(code)).isNotSameAs(copy);
      byte[] changed = VoteSet.put(copy, 7, VoteDirection.DOWN);
      votes.set(code, changed);
      assertThat(votes.get(code)).isSameAs(changed);
      model.put(code, changed);
    }
    holds(votes, model);
    votes.pack();
    holds(votes, model);
    RowVotes taken = new RowVotes();
    taken.takeOver(votes);
    holds(taken, model);
    assertThat(votes.size()).isZero();
    model.keySet().forEach(code -> assertThat(votes.get(code)).isNull());
  }

  /**
   * After start-up's pack, a long run of changes does not leave a chunk holding {@value
   * RowVotes#REPACK_AT} or more sets loose: the chunk is packed again, and holds what it held.
   */
  @Property(tries = 20)
  void aPackedChunkIsPackedAgainBeforeItDrifts(@ForAll("steps") List<Step> start,
      @ForAll long seed) {
    RowVotes votes = new RowVotes();
    Map<Integer, byte[]> model = new TreeMap<>();
    for (Step step : start) {
      if (step.code() >= 0 && step.size() >= 0) {
        votes.set(step.code(), set(step.code(), step.size()));
        model.put(step.code(), set(step.code(), step.size()));
      }
    }
    votes.pack();
    assertThat(votes.looseSets()).isZero();
    java.util.Random random = new java.util.Random(seed);
    // Rows of the first two chunks of threads and of answers: codes below 4 x 4,096.
    for (int i = 0; i < 6_000; i++) {
      int code = random.nextInt(4 * 4_096);
      int size = random.nextInt(8) - 1;
      byte[] set = size < 0 ? null : set(code, size);
      votes.set(code, set);
      if (set == null) {
        model.remove(code);
      } else {
        model.put(code, set);
      }
      assertThat(votes.looseSets()).isLessThan(4 * RowVotes.REPACK_AT);
    }
    // the count is of the sets held as given (a packed one comes back as a copy)
    assertThat(votes.looseSets()).isEqualTo((int) model.entrySet().stream()
        .filter(e -> votes.get(e.getKey()) == e.getValue()).count());
    holds(votes, model);
  }

  /** {@code votes} hold the sets of {@code model}, each with its votes, and no others. */
  private static void holds(RowVotes votes, Map<Integer, byte[]> model) {
    assertThat(votes.size()).isEqualTo(model.size());
    for (int code = -1; code < 100_002; code += 7) {
      byte[] set = model.get(code);
      assertThat(votes.get(code) == null).isEqualTo(set == null);
      assertThat(votes.direction(code, code % 1000)).isEqualTo(
          set == null ? null : VoteSet.get(set, code % 1000));
    }
    model.forEach((code, set) -> {
      assertThat(VoteSet.contents(votes.get(code))).isEqualTo(VoteSet.contents(set));
      for (int voter : new int[] {code % 1000, code % 1000 + 300, code % 1000 + 1, 7}) {
        assertThat(votes.direction(code, voter)).isEqualTo(VoteSet.get(set, voter));
      }
    });
    List<Integer> listed = new ArrayList<>();
    votes.forEach((code, set) -> {
      assertThat(VoteSet.contents(set)).isEqualTo(VoteSet.contents(model.get(code)));
      listed.add(code);
    });
    // Threads (even codes) first, then answers (odd), each in order.
    assertThat(listed).isSortedAccordingTo(
        Comparator.comparingInt((Integer code) -> code & 1).thenComparingInt(code -> code));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(model.keySet());
  }

  @Property(tries = 10)
  void refusesANegativeCode(@ForAll("steps") List<Step> steps) {
    RowVotes votes = new RowVotes();
    steps.forEach(step -> votes.set(Math.max(step.code(), 0), new byte[0]));
    assertThatThrownBy(() -> votes.set(-1, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(votes.get(-3)).isNull();
    assertThat(votes.direction(-3, 0)).isNull();
  }
}
