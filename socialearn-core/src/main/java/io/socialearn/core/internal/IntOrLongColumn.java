package io.socialearn.core.internal;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A column of longs held as ints, four bytes a value, until a value does not fit: then the whole
 * column widens to longs. For values that fit an int in all but rare histories (log sequences, a
 * fact's points with its flags). A column made with {@link #startingShort} starts narrower still,
 * as shorts (two bytes a value), and widens to ints, then longs, as values need. Not thread-safe:
 * guarded by the engine's lock, as its owner.
 */
public final class IntOrLongColumn {
  /** The values while each fits a short, in a column that started so; else null. */
  private short[] tight;
  /** The values while each fits an int (and one did not fit a short); else null. */
  private int[] narrow;
  /** The values once one did not fit an int, else null. */
  private long[] wide;

  /** An int column with room for {@code length} values. */
  public IntOrLongColumn(int length) {
    narrow = new int[length];
  }

  private IntOrLongColumn(short[] tight) {
    this.tight = tight;
  }

  /**
   * A column that holds its values as shorts until one does not fit: for a fact's points and
   * flags, which fit in two bytes for every vote of the usual rules.
   *
   * @param length the room to start with
   * @return an empty column of that room
   */
  public static IntOrLongColumn startingShort(int length) {
    return new IntOrLongColumn(new short[length]);
  }

  /** Value {@code i}. */
  public long get(int i) {
    return tight != null ? tight[i] : narrow != null ? narrow[i] : wide[i];
  }

  /** Sets value {@code i}, widening the column (keeping its first {@code size}) if need be. */
  public void set(int i, long value, int size) {
    if (tight != null) {
      if (value == (short) value) {
        tight[i] = (short) value;
        return;
      }
      narrow = new int[tight.length];
      for (int j = 0; j < size; j++) {
        narrow[j] = tight[j];
      }
      tight = null;
    }
    if (narrow != null && value == (int) value) {
      narrow[i] = (int) value;
      return;
    }
    if (narrow != null) {
      wide = new long[narrow.length];
      for (int j = 0; j < size; j++) {
        wide[j] = narrow[j];
      }
      narrow = null;
    }
    wide[i] = value;
  }

  /** Copies value {@code from} to {@code to}. */
  public void move(int from, int to) {
    if (tight != null) {
      tight[to] = tight[from];
    } else if (narrow != null) {
      narrow[to] = narrow[from];
    } else {
      wide[to] = wide[from];
    }
  }

  /**
   * Writes the first {@code size} values: the width of each (2, 4 or 8 bytes, as the column holds
   * them now) as a byte, then the values.
   */
  public void writeTo(DataOutput out, int size) throws IOException {
    if (tight != null) {
      out.writeByte(2);
      for (int i = 0; i < size; i++) {
        out.writeShort(tight[i]);
      }
    } else if (narrow != null) {
      out.writeByte(4);
      for (int i = 0; i < size; i++) {
        out.writeInt(narrow[i]);
      }
    } else {
      out.writeByte(8);
      for (int i = 0; i < size; i++) {
        out.writeLong(wide[i]);
      }
    }
  }

  /**
   * Reads {@code n} values {@link #writeTo} wrote, as a column of exactly that length and the
   * width they were written in.
   *
   * @throws IOException if the width is not one of the three
   */
  public static IntOrLongColumn readFrom(ByteBuffer in, int n) throws IOException {
    int width = in.get();
    IntOrLongColumn column = new IntOrLongColumn(0);
    column.narrow = null;
    switch (width) {
      case 2 -> {
        column.tight = new short[n];
        in.asShortBuffer().get(column.tight);
      }
      case 4 -> {
        column.narrow = new int[n];
        in.asIntBuffer().get(column.narrow);
      }
      case 8 -> {
        column.wide = new long[n];
        in.asLongBuffer().get(column.wide);
      }
      default -> throw new IOException("a column of values " + width + " bytes wide");
    }
    in.position(in.position() + width * n);
    return column;
  }

  /** Takes {@code other}'s values as this column's (a column just read), sharing them. */
  public void replace(IntOrLongColumn other) {
    tight = other.tight;
    narrow = other.narrow;
    wide = other.wide;
  }

  public void resize(int length) {
    if (tight != null) {
      tight = Arrays.copyOf(tight, length);
    } else if (narrow != null) {
      narrow = Arrays.copyOf(narrow, length);
    } else {
      wide = Arrays.copyOf(wide, length);
    }
  }
}
