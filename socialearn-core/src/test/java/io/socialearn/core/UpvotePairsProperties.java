package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The pairs count each voter's standing up votes on each author as a map of every vote would,
 * and give back those of the window, through growth, deletions and a snapshot's puts.
 */
class UpvotePairsProperties {
  /** The window, in the steps' time units. */
  private static final long WINDOW = 5;

  /**
   * An up vote from {@code voter} on {@code author}'s {@code target} after {@code pause} time
   * units, or (when {@code retract}) the retraction of the {@code voter}th standing vote, modulo
   * their number.
   */
  record Step(int voter, int author, int target, int pause, boolean retract) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(Arbitraries.integers().between(0, 40),
        Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 6),
        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3))
        .as((v, a, t, w, r) -> new Step(v, a, t, w, r == 0)).list().ofMaxSize(400);
  }

  @Property(tries = 300)
  void countAndRecallThePairsVotesAsAMapOfThemAll(@ForAll("steps") List<Step> steps,
      @ForAll boolean keepTimes) {
    UpvotePairs pairs = new UpvotePairs(keepTimes ? WINDOW : 0);
    // Every standing vote by pair: target to time, in cast order.
    Map<Long, LinkedHashMap<Integer, Long>> model = new HashMap<>();
    long now = 0;
    for (Step step : steps) {
      now += step.pause();
      if (step.retract()) {
        List<long[]> standing = new ArrayList<>();
        model.forEach((key, votes) -> votes.keySet().forEach(t -> standing.add(
            new long[] {key, t})));
        standing.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
            : Long.compare(x[1], y[1]));
        if (standing.isEmpty()) {
          continue;
        }
        long[] gone = standing.get(step.voter() % standing.size());
        int voter = UpvotePairs.voterOf(gone[0]);
        int author = UpvotePairs.authorOf(gone[0]);
        pairs.retract(voter, author, (int) gone[1]);
        model.get(gone[0]).remove((int) gone[1]);
        if (model.get(gone[0]).isEmpty()) {
          model.remove(gone[0]);
        }
      } else {
        LinkedHashMap<Integer, Long> votes = model.computeIfAbsent(
            UpvotePairs.key(step.voter(), step.author()), k -> new LinkedHashMap<>());
        boolean wasUp = votes.containsKey(step.target());
        pairs.up(step.voter(), step.author(), step.target(), now, wasUp);
        votes.put(step.target(), now);
      }
    }
    assertHolds(pairs, model, now, keepTimes);
    pairs.trimToSize();
    assertHolds(pairs, model, now, keepTimes);

    // As a snapshot read puts them, then as an engine takes a read state's pairs.
    UpvotePairs read = new UpvotePairs(0);
    read.reserve(pairs.size());
    pairs.forEachInOrder((voter, author, count, recent) -> read.put(voter, author, count,
        recent));
    assertHolds(read, model, now, keepTimes);
    UpvotePairs taken = new UpvotePairs(WINDOW);
    taken.takeOver(read);
    assertHolds(taken, model, now, keepTimes);
    UpvotePairs timeless = new UpvotePairs(0);
    timeless.takeOver(pairs);
    assertHolds(timeless, model, now, false);
  }

  private static void assertHolds(UpvotePairs pairs, Map<Long, LinkedHashMap<Integer, Long>> model,
      long now, boolean keepTimes) {
    assertThat(pairs.size()).isEqualTo(model.size());
    Map<Integer, Integer> totals = new HashMap<>();
    model.forEach((key, votes) -> totals.merge(UpvotePairs.voterOf(key), votes.size(),
        Integer::sum));
    for (int voter = 0; voter <= 41; voter++) {
      assertThat(pairs.total(voter)).as("voter %d", voter).isEqualTo(
          totals.getOrDefault(voter, 0));
      for (int author = 0; author <= 41; author++) {
        LinkedHashMap<Integer, Long> votes = model.getOrDefault(UpvotePairs.key(voter, author),
            new LinkedHashMap<>());
        assertThat(pairs.count(voter, author)).isEqualTo(votes.size());
        List<Integer> recent = new ArrayList<>();
        votes.forEach((target, at) -> {
          if (keepTimes && at > now - WINDOW) {
            recent.add(target);
          }
        });
        List<Integer> given = new ArrayList<>();
        for (int target : pairs.targetsAfter(voter, author, now - WINDOW)) {
          given.add(target);
        }
        // A vote dropped from the window and cast again goes last, so compare as sets.
        assertThat(given).as("pair %d, %d", voter, author)
            .containsExactlyInAnyOrderElementsOf(recent);
      }
    }
    List<Long> walked = new ArrayList<>();
    pairs.forEachInOrder((voter, author, count, recent) -> {
      walked.add(UpvotePairs.key(voter, author));
      assertThat(count).isEqualTo(model.get(UpvotePairs.key(voter, author)).size());
    });
    assertThat(walked).isSorted().containsExactlyInAnyOrderElementsOf(model.keySet());
  }

  @Example
  void keepsOnlyTheWindowsTimesAndRefusesAPairPutTwice() {
    UpvotePairs pairs = new UpvotePairs(10);
    pairs.up(1, 2, 7, 100, false);
    pairs.up(1, 2, 9, 105, false);
    pairs.up(1, 2, 11, 111, false);
    // The vote of time 100 is 11 past: dropped; 105 is 6 past: kept.
    assertThat(pairs.targetsAfter(1, 2, Long.MIN_VALUE)).containsExactly(9, 11);
    assertThat(pairs.count(1, 2)).isEqualTo(3);
    pairs.retract(1, 2, 7);
    assertThat(pairs.count(1, 2)).isEqualTo(2);
    assertThat(pairs.total(1)).isEqualTo(2);
    pairs.retract(1, 2, 9);
    pairs.retract(1, 2, 11);
    assertThat(pairs.size()).isZero();
    pairs.retract(1, 2, 11);
    assertThat(pairs.total(1)).isZero();
    pairs.put(3, 4, 2, null);
    assertThatThrownBy(() -> pairs.put(3, 4, 1, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> pairs.put(3, 5, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UpvotePairs(-1)).isInstanceOf(IllegalArgumentException.class);
    // A recast on a pair without votes (none to recast) counts as a vote.
    pairs.up(5, 6, 1, 200, true);
    assertThat(pairs.count(5, 6)).isEqualTo(1);
    assertThat(pairs.total(5)).isEqualTo(1);
  }
}
