package io.socialearn.lucene;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.search.SearchSort;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * Search cursors: the sort values of the last hit of a page, so the next page starts right after
 * it ({@code searchAfter}). The last sort value is the thread's unique key, so no two hits tie and
 * a page neither repeats nor skips a hit of an unchanged index. Opaque to callers. Thread-safe.
 */
final class Cursors {
  private static final String PREFIX = "l1";

  private Cursors() {}

  static String encode(SearchSort sort, FieldDoc last) {
    ByteBuffer buffer = ByteBuffer.allocate(1 + 9 * last.fields.length);
    buffer.put((byte) sort.ordinal());
    for (Object value : last.fields) {
      if (value instanceof Float f) {
        buffer.put((byte) 'f').putLong(Float.floatToIntBits(f));
      } else {
        buffer.put((byte) 'l').putLong((Long) value);
      }
    }
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
  }

  /** The position after which the page starts, or null for the first page. */
  static FieldDoc decode(String cursor, SearchSort sort, Sort luceneSort) {
    if (cursor == null) {
      return null;
    }
    try {
      if (!cursor.startsWith(PREFIX)) {
        throw invalid();
      }
      ByteBuffer buffer = ByteBuffer.wrap(
          Base64.getUrlDecoder().decode(cursor.substring(PREFIX.length())));
      SortField[] fields = luceneSort.getSort();
      if (buffer.remaining() != 1 + 9 * fields.length || buffer.get() != sort.ordinal()) {
        throw invalid();
      }
      Object[] values = new Object[fields.length];
      float score = Float.NaN;
      for (int i = 0; i < fields.length; i++) {
        byte type = buffer.get();
        long bits = buffer.getLong();
        boolean isScore = fields[i].getType() == SortField.Type.SCORE;
        if (isScore != (type == 'f') || (type != 'f' && type != 'l')) {
          throw invalid();
        }
        if (isScore) {
          score = Float.intBitsToFloat((int) bits);
          values[i] = score;
        } else {
          values[i] = bits;
        }
      }
      return new FieldDoc(Integer.MAX_VALUE, score, values);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static InvalidInputException invalid() {
    return new InvalidInputException("cursor", "format",
        "cursor is not one this index handed out for this order");
  }
}
