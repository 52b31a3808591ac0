package io.socialearn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link BinaryOutput} writes exactly what a {@link DataOutputStream} writes. */
class BinaryOutputProperties {

  /** One write: which method, and a value or a byte array for it. */
  record Write(int method, long value, byte[] bytes, String text) {
    void to(DataOutput out) throws IOException {
      switch (method) {
        case 0 -> out.write((int) value);
        case 1 -> out.writeBoolean((value & 1) == 1);
        case 2 -> out.writeByte((int) value);
        case 3 -> out.writeShort((int) value);
        case 4 -> out.writeChar((int) value);
        case 5 -> out.writeInt((int) value);
        case 6 -> out.writeLong(value);
        case 7 -> out.writeFloat(Float.intBitsToFloat((int) value));
        case 8 -> out.writeDouble(Double.longBitsToDouble(value));
        case 9 -> out.write(bytes);
        case 10 -> out.write(bytes, bytes.length / 3, bytes.length - bytes.length / 3);
        case 11 -> out.writeBytes(text);
        case 12 -> out.writeChars(text);
        default -> out.writeUTF(text);
      }
    }
  }

  @Provide
  Arbitrary<List<Write>> writes() {
    return Combinators.combine(Arbitraries.integers().between(0, 13),
        Arbitraries.longs(),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
        Arbitraries.strings().ofMaxLength(40)).as(Write::new).list().ofMaxSize(60);
  }

  @Property(tries = 400)
  void writesWhatADataOutputStreamWrites(@ForAll("writes") List<Write> writes,
      @ForAll @IntRange(min = 16, max = 80) int bufferSize) throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream reference = new DataOutputStream(expected);
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    BinaryOutput out = new BinaryOutput(actual, bufferSize);
    for (Write w : writes) {
      w.to(reference);
      w.to(out);
      assertThat(out.count()).isEqualTo(reference.size());
    }
    reference.flush();
    out.flush();
    assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
  }
}
