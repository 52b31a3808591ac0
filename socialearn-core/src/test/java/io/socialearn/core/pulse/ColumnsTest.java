package io.socialearn.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** The pulse's columns keep their values across trims and reservations, and grow after them. */
class ColumnsTest {
  @Property(tries = 100)
  void aTrimmedColumnKeepsItsValuesAndGrowsAgain(@ForAll @IntRange(max = 300) int before,
      @ForAll @IntRange(max = 300) int after) {
    Columns.Ints ints = new Columns.Ints();
    Columns.Longs longs = new Columns.Longs();
    for (int i = 0; i < before + after; i++) {
      if (i == before) {
        ints.trim();
        longs.trim();
      }
      ints.add(i * 3);
      longs.add(i * 5_000_000_000L);
    }
    ints.trim();
    longs.trim();
    assertThat(ints.size()).isEqualTo(before + after);
    assertThat(longs.size()).isEqualTo(before + after);
    for (int i = 0; i < before + after; i++) {
      assertThat(ints.get(i)).isEqualTo(i * 3);
      assertThat(longs.get(i)).isEqualTo(i * 5_000_000_000L);
    }
  }

  @Property(tries = 100)
  void aReservedColumnKeepsItsValuesAndGrowsPastTheRoom(
      @ForAll @IntRange(max = 300) int before, @ForAll @IntRange(max = 300) int reserved,
      @ForAll @IntRange(max = 300) int after) {
    Columns.Ints ints = new Columns.Ints();
    Columns.Longs longs = new Columns.Longs();
    for (int i = 0; i < before + after; i++) {
      if (i == before) {
        ints.reserve(reserved);
        longs.reserve(reserved);
      }
      ints.add(-i);
      longs.add(-i * 5_000_000_000L);
    }
    assertThat(ints.size()).isEqualTo(before + after);
    assertThat(longs.size()).isEqualTo(before + after);
    for (int i = 0; i < before + after; i++) {
      assertThat(ints.get(i)).isEqualTo(-i);
      assertThat(longs.get(i)).isEqualTo(-i * 5_000_000_000L);
    }
  }

  @Property(tries = 200)
  void anIntColumnHoldsWhatWasSetThoughSomeValuesOutgrowAShort(
      @ForAll("values") List<Integer> added, @ForAll("values") List<Integer> changed,
      @ForAll @IntRange(max = 1000) int reserved, @ForAll boolean trim) {
    Columns.Ints ints = new Columns.Ints();
    List<Integer> expected = new ArrayList<>();
    for (int v : added) {
      ints.add(v);
      expected.add(v);
    }
    ints.reserve(reserved);
    for (int k = 0; k < changed.size() && !expected.isEmpty(); k++) {
      int at = Math.floorMod(changed.get(k) * 31 + k, expected.size());
      ints.set(at, changed.get(k));
      expected.set(at, changed.get(k));
    }
    if (trim) {
      ints.trim();
    }
    if (!expected.isEmpty()) {
      // Widens a column that may be full to its last value.
      ints.set(0, Integer.MAX_VALUE - 1);
      expected.set(0, Integer.MAX_VALUE - 1);
    }
    ints.add(Integer.MIN_VALUE + 7);
    expected.add(Integer.MIN_VALUE + 7);
    assertThat(ints.size()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(ints.get(i)).as("value %d", i).isEqualTo(expected.get(i));
    }
  }

  @Provide
  Arbitrary<List<Integer>> values() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE)),
        Tuple.of(1, Arbitraries.of(Short.MIN_VALUE - 1, Short.MAX_VALUE + 1, Integer.MAX_VALUE,
            Integer.MIN_VALUE)),
        Tuple.of(1, Arbitraries.integers()))
        .list().ofMaxSize(200);
  }
}
