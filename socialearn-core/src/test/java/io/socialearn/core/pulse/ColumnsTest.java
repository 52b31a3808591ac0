package io.socialearn.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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
}
