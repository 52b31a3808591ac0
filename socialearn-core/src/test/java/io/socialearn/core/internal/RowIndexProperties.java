package io.socialearn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A row index finds what a map would, whether a key has a row or not, given rows or not. */
class RowIndexProperties {
  /** Keys "k0" to "k999": those below 600 have a row, whose code is spread out past them. */
  private static int rowCode(Object key) {
    int n = Integer.parseInt(((String) key).substring(1));
    return n < 600 ? 3 * n + 7 : -1;
  }

  @Provide
  Arbitrary<List<int[]>> puts() {
    return Arbitraries.integers().between(0, 999).flatMap(key -> Arbitraries.integers()
        .between(0, 50).map(value -> new int[] {key, value})).list().ofMaxSize(300);
  }

  @Property(tries = 200)
  void findsWhatAMapWould(@ForAll("puts") List<int[]> puts, @ForAll boolean rowsFirst,
      @ForAll boolean byCode, @ForAll boolean trimmed) {
    RowIndex<String> index = new RowIndex<>();
    if (rowsFirst) {
      index.rowsFrom(RowIndexProperties::rowCode);
    }
    Map<String, Integer> model = new HashMap<>();
    for (int[] put : puts) {
      String key = "k" + put[0];
      if (byCode && rowsFirst && rowCode(key) >= 0) {
        index.putAt(rowCode(key), put[1]);
      } else {
        index.put(key, put[1]);
      }
      model.put(key, put[1]);
    }
    if (!rowsFirst) {
      // Keys put before the rows were given stay found by key.
      index.rowsFrom(RowIndexProperties::rowCode);
    }
    assertThat(index.size()).isEqualTo(model.size());
    if (trimmed) {
      index.trimToSize();
    }
    for (int n = 0; n < 1000; n++) {
      String key = "k" + n;
      assertThat(index.get(key)).as(key).isEqualTo(model.getOrDefault(key, -1));
    }
    // It grows again after a trim.
    index.put("k599", 1);
    assertThat(index.get("k599")).isEqualTo(1);
    assertThatThrownBy(() -> index.putAt(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.put("k1", -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
