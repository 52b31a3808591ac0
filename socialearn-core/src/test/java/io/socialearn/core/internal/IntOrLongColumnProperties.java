package io.socialearn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

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

  @Property(tries = 300)
  void aColumnWrittenReadsBackInTheWidthItHad(@ForAll("values") List<Long> values,
      @ForAll boolean startingShort) throws IOException {
    IntOrLongColumn column = startingShort ? IntOrLongColumn.startingShort(values.size())
        : new IntOrLongColumn(values.size());
    for (int i = 0; i < values.size(); i++) {
      column.set(i, values.get(i), i);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    column.writeTo(new DataOutputStream(bytes), values.size());
    ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
    IntOrLongColumn read = IntOrLongColumn.readFrom(in, values.size());
    assertThat(in.hasRemaining()).isFalse();
    boolean fitsShort = startingShort && values.stream().allMatch(v -> v == (short) (long) v);
    boolean fitsInt = values.stream().allMatch(v -> v == (int) (long) v);
    assertThat(bytes.size()).isEqualTo(1 + values.size() * (fitsShort ? 2 : fitsInt ? 4 : 8));
    for (int i = 0; i < values.size(); i++) {
      assertThat(read.get(i)).isEqualTo(values.get(i));
    }
    // Read back, it widens as any column does.
    read.resize(values.size() + 1);
    read.set(values.size(), Long.MAX_VALUE, values.size());
    assertThat(read.get(values.size())).isEqualTo(Long.MAX_VALUE);
    for (int i = 0; i < values.size(); i++) {
      assertThat(read.get(i)).isEqualTo(values.get(i));
    }
  }

  @Test
  void aColumnOfAnotherWidthIsRefused() {
    ByteBuffer in = ByteBuffer.wrap(new byte[] {3, 0, 0, 0});
    assertThatThrownBy(() -> IntOrLongColumn.readFrom(in, 1)).isInstanceOf(IOException.class)
        .hasMessageContaining("3 bytes wide");
  }
}
