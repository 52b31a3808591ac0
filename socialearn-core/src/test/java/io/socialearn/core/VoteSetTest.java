package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.thread.VoteDirection;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The compact vote structures behave as the maps they replace. */
class VoteSetTest {

  @Property(tries = 300)
  void aVoteSetHoldsOneVotePerPersonLikeAMap(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 300) int operations) {
    Random random = new Random(seed);
    byte[] set = new byte[0];
    Map<Integer, VoteDirection> model = new TreeMap<>();
    // Voters close together (one-byte differences), far apart (up to four bytes), and at 0.
    int spread = random.nextInt(4);
    for (int i = 0; i < operations; i++) {
      int voter = spread == 0 ? random.nextInt(40)
          : random.nextInt(40) * (random.nextBoolean() ? 1 : 50_000 * spread * spread);
      if (random.nextInt(20) == 0) {
        set = trim(set);
        assertThat(set.length == 0 || set[set.length - 1] != 0).isTrue();
      }
      if (random.nextInt(3) == 0) {
        byte[] before = set.clone();
        VoteSet.remove(set, voter);
        if (!model.containsKey(voter)) {
          assertThat(set).isEqualTo(before);
        }
        model.remove(voter);
      } else {
        VoteDirection direction = random.nextBoolean() ? VoteDirection.UP : VoteDirection.DOWN;
        set = model.isEmpty() && random.nextBoolean() ? VoteSet.of(voter, direction)
            : VoteSet.put(set, voter, direction);
        model.put(voter, direction);
      }
      assertThat(VoteSet.size(set)).isEqualTo(model.size());
      assertThat(VoteSet.get(set, voter)).isEqualTo(model.get(voter));
    }
    assertThat(VoteSet.isEmpty(set)).isEqualTo(model.isEmpty());
    int[] expected = model.entrySet().stream()
        .mapToInt(e -> e.getKey() << 1 | (e.getValue() == VoteDirection.DOWN ? 1 : 0)).toArray();
    assertThat(VoteSet.entries(set)).containsExactly(expected);
    for (int entry : expected) {
      assertThat(VoteSet.get(set, entry >>> 1))
          .isEqualTo((entry & 1) == 1 ? VoteDirection.DOWN : VoteDirection.UP);
    }
    // Packed among other bytes, as RowVotes keeps it, read in place.
    byte[] used = trim(set);
    byte[] packed = new byte[used.length + 7];
    Arrays.fill(packed, (byte) 0x55);
    System.arraycopy(used, 0, packed, 3, used.length);
    for (int voter = 0; voter < 40; voter++) {
      assertThat(VoteSet.get(set, voter)).isEqualTo(model.get(voter));
      assertThat(VoteSet.get(packed, 3, 3 + used.length, voter)).isEqualTo(model.get(voter));
    }
    for (int entry : expected) {
      assertThat(VoteSet.get(packed, 3, 3 + used.length, entry >>> 1))
          .isEqualTo((entry & 1) == 1 ? VoteDirection.DOWN : VoteDirection.UP);
    }
    byte[][] copy = {new byte[0]};
    model.forEach((voter, direction) -> copy[0] = VoteSet.put(copy[0], voter, direction));
    assertThat(VoteSet.contents(copy[0])).isEqualTo(VoteSet.contents(set))
        .hasSameHashCodeAs(VoteSet.contents(set));
    // Built at once from the sorted entries, as a snapshot read does: the same bytes.
    assertThat(VoteSet.ofSorted(expected, expected.length)).isEqualTo(trim(set));
  }

  /** {@code set} without the room after its votes. */
  private static byte[] trim(byte[] set) {
    return Arrays.copyOf(set, VoteSet.used(set));
  }

  @Test
  void aSnapshotsEntriesOutOfOrderAreRefused() {
    assertThatThrownBy(() -> VoteSet.ofSorted(new int[] {4, 5}, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
    assertThatThrownBy(() -> VoteSet.ofSorted(new int[] {-2}, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(VoteSet.entries(VoteSet.ofSorted(new int[] {0, 3, 1 << 29}, 3)))
        .containsExactly(0, 3, 1 << 29);
  }

  @Test
  void eachNumberTakesTheFewestBytesAtEveryBoundaryOfItsLength() {
    // The first entry is held plus one; the others as differences, up votes' entries even.
    for (int bytes = 1; bytes <= 4; bytes++) {
      int largest = (1 << (7 * bytes)) - 1;
      assertThat(VoteSet.ofSorted(new int[] {largest - 1}, 1)).hasSize(bytes);
      assertThat(VoteSet.ofSorted(new int[] {largest}, 1)).hasSize(bytes + 1);
      int[] pair = {0, largest + 1};
      byte[] built = VoteSet.put(VoteSet.of(0, VoteDirection.UP), pair[1] >>> 1,
          VoteDirection.UP);
      assertThat(trim(built)).isEqualTo(VoteSet.ofSorted(pair, 2)).hasSize(bytes + 2);
      assertThat(VoteSet.entries(built)).containsExactly(pair);
      VoteSet.remove(built, 0);
      assertThat(VoteSet.entries(built)).containsExactly(pair[1]);
      assertThat(trim(built)).hasSize(bytes + 1);
    }
  }

  @Test
  void anUpvoteRunKeepsCastOrderAndItsPlaceWhenRecastLikeALinkedMap() {
    UpvoteRun run = new UpvoteRun();
    Map<Integer, Instant> model = new LinkedHashMap<>();
    // Content codes: a thread's even, an answer's odd.
    int t = 0;
    int p = 3;
    int r = 5;
    Instant t1 = Instant.parse("2026-01-01T10:00:00.123456789Z");
    Instant t2 = Instant.parse("1969-12-31T23:59:59.5Z");
    for (Object[] step : new Object[][] {{t, t1}, {p, t2}, {r, t1}, {t, t2}}) {
      run.trim();
      run.add((Integer) step[0], UpvoteRun.toNanos((Instant) step[1]));
      model.put((Integer) step[0], (Instant) step[1]);
    }
    run.remove(p);
    model.remove(p);
    run.remove(7);
    Map<Integer, Instant> seen = new LinkedHashMap<>();
    for (int i = 0; i < run.size(); i++) {
      seen.put(run.target(i), UpvoteRun.fromNanos(run.nanos(i)));
    }
    assertThat(seen).containsExactlyEntriesOf(model);
    assertThat(UpvoteRun.fromNanos(UpvoteRun.toNanos(t2))).isEqualTo(t2);
    UpvoteRun read = UpvoteRun.of(new int[] {t, r}, new long[] {UpvoteRun.toNanos(t2),
        UpvoteRun.toNanos(t1)});
    assertThat(read).isEqualTo(run).hasSameHashCodeAs(run);
    read.append(p, UpvoteRun.toNanos(t1));
    assertThat(read.size()).isEqualTo(3);
    assertThat(read.target(2)).isEqualTo(p);
    // Dropping the votes at or before t2 (the older time, first) leaves those of t1 in order.
    read.dropAtOrBefore(UpvoteRun.toNanos(t2));
    assertThat(read).isEqualTo(UpvoteRun.of(new int[] {r, p}, new long[] {UpvoteRun.toNanos(t1),
        UpvoteRun.toNanos(t1)}));
    assertThat(UpvoteRun.of(new int[0], new long[0]).isEmpty()).isTrue();
    assertThatThrownBy(() -> UpvoteRun.of(new int[1], new long[2]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
