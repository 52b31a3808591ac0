package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The compact vote structures behave as the maps they replace. */
class VoteSetTest {

  @Property(tries = 200)
  void aVoteSetHoldsOneVotePerPersonLikeAMap(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 300) int operations) {
    Random random = new Random(seed);
    int[] set = new int[0];
    Map<Integer, VoteDirection> model = new HashMap<>();
    for (int i = 0; i < operations; i++) {
      int voter = random.nextInt(40) * (random.nextBoolean() ? 1 : 50_000);
      if (random.nextInt(20) == 0) {
        set = VoteSet.trim(set);
        assertThat(set).hasSize(model.size());
      }
      if (random.nextInt(3) == 0) {
        VoteSet.remove(set, voter);
        model.remove(voter);
      } else {
        VoteDirection direction = random.nextBoolean() ? VoteDirection.UP : VoteDirection.DOWN;
        set = model.isEmpty() && random.nextBoolean() ? VoteSet.of(voter, direction)
            : VoteSet.put(set, voter, direction);
        model.put(voter, direction);
      }
      assertThat(VoteSet.size(set)).isEqualTo(model.size());
    }
    assertThat(VoteSet.isEmpty(set)).isEqualTo(model.isEmpty());
    Map<Integer, VoteDirection> listed = new HashMap<>();
    int previous = -1;
    for (int i = 0; i < VoteSet.size(set); i++) {
      assertThat(VoteSet.voterAt(set, i)).isGreaterThan(previous);
      previous = VoteSet.voterAt(set, i);
      listed.put(VoteSet.voterAt(set, i), VoteSet.directionAt(set, i));
    }
    assertThat(listed).isEqualTo(model);
    for (int voter = 0; voter < 40; voter++) {
      assertThat(VoteSet.get(set, voter)).isEqualTo(model.get(voter));
    }
    int[][] copy = {new int[0]};
    model.forEach((voter, direction) -> copy[0] = VoteSet.put(copy[0], voter, direction));
    assertThat(VoteSet.contents(copy[0])).isEqualTo(VoteSet.contents(set))
        .hasSameHashCodeAs(VoteSet.contents(set));
    assertThat(VoteSet.trim(set)).containsExactly(VoteSet.contents(set).entries());
  }

  @Test
  void anUpvoteRunKeepsCastOrderAndItsPlaceWhenRecastLikeALinkedMap() {
    UpvoteRun run = new UpvoteRun();
    Map<Object, Instant> model = new LinkedHashMap<>();
    ThreadId t = ThreadId.of("t");
    PostId p = PostId.of("p");
    PostId r = PostId.of("r");
    Instant t1 = Instant.parse("2026-01-01T10:00:00.123456789Z");
    Instant t2 = Instant.parse("1969-12-31T23:59:59.5Z");
    for (Object[] step : new Object[][] {{t, t1}, {p, t2}, {r, t1}, {t, t2}}) {
      run.trim();
      run.add((io.socialearn.api.thread.ContentRef) step[0], (Instant) step[1]);
      model.put(step[0], (Instant) step[1]);
    }
    run.remove(p);
    model.remove(p);
    List<Object> order = new ArrayList<>();
    Map<Object, Instant> seen = new LinkedHashMap<>();
    run.forEach((target, at) -> {
      order.add(target);
      seen.put(target, at);
    });
    assertThat(order).containsExactlyElementsOf(model.keySet());
    assertThat(seen).isEqualTo(model);
    assertThat(run.targets()).containsExactly(t, r);
    assertThat(run.at(t)).isEqualTo(t2);
    assertThat(run.at(p)).isNull();
    assertThat(UpvoteRun.fromNanos(UpvoteRun.toNanos(t2))).isEqualTo(t2);
  }
}
