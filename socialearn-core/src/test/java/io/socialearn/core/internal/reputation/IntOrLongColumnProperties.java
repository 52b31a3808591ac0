package io.socialearn.core.internal.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A column that widens from ints (or shorts) to longs holds what a list of longs holds, before
 * and after.
 */
class IntOrLongColumnProperties {
  @Provide
  Arbitrary<List<Long>> values() {
    return Arbitraries.oneOf(Arbitraries.longs().between(-1000, 1000),
        Arbitraries.longs().between(Short.MIN_VALUE - 3L, Short.MIN_VALUE + 3L),
        Arbitraries.longs().between(Short.MAX_VALUE - 3L, Short.MAX_VALUE + 3L),
        Arbitraries.longs().between(Integer.MIN_VALUE - 3L, Integer.MIN_VALUE + 3L),
        Arbitraries.longs().between(Integer.MAX_VALUE - 3L, Integer.MAX_VALUE + 3L),
        Arbitraries.longs().between(Integer.MIN_VALUE, Integer.MAX_VALUE),
        Arbitraries.longs()).list().ofMaxSize(200);
  }

  @Property(tries = 300)
  void appendsAndRemovalsKeepEveryValue(@ForAll("values") List<Long> values,
      @ForAll("values") List<Long> removeWhenOdd, @ForAll boolean startingShort) {
    IntOrLongColumn column = startingShort ? IntOrLongColumn.startingShort(2)
        : new IntOrLongColumn(2);
    List<Long> model = new ArrayList<>();
    int length = 2;
    for (long value : values) {
      if (model.size() == length) {
        length = length + (length >> 1) + 1;
        column.resize(length);
      }
      column.set(model.size(), value, model.size());
      model.add(value);
    }
    // Removal as a ledger does it: the kept values move down over the removed ones.
    int kept = 0;
    List<Long> keptModel = new ArrayList<>();
    for (int i = 0; i < model.size(); i++) {
      boolean remove = i < removeWhenOdd.size() && (removeWhenOdd.get(i) & 1) == 1;
      if (!remove) {
        column.move(i, kept++);
        keptModel.add(model.get(i));
      }
    }
    column.resize(kept);
    for (int i = 0; i < kept; i++) {
      assertThat(column.get(i)).isEqualTo(keptModel.get(i));
    }
  }
}
