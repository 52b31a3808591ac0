package io.socialearn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The pools give one object per content, equal to what they were given. */
class ListPoolProperties {
  @Provide
  Arbitrary<List<List<String>>> lists() {
    return Arbitraries.of("a", "b", "c").list().ofMaxSize(3).list().ofMaxSize(60);
  }

  @Property(tries = 200)
  void givesOneImmutableListPerContent(@ForAll("lists") List<List<String>> given) {
    ListPool<String> pool = new ListPool<>();
    Map<List<String>, List<String>> first = new HashMap<>();
    for (List<String> list : given) {
      // Each as a fresh mutable list or array, never the object pooled before.
      List<String> pooled = list.size() % 2 == 0 ? pool.pooled(new ArrayList<>(list))
          : pool.of(list.toArray(String[]::new));
      assertThat(pooled).isEqualTo(list);
      assertThat(pooled).isSameAs(first.computeIfAbsent(list, k -> pooled));
      assertThatThrownBy(() -> pooled.add("d")).isInstanceOf(UnsupportedOperationException.class);
    }
    assertThat(pool.size()).isEqualTo(first.size());
    ListPool<String> taken = new ListPool<>();
    taken.takeOver(pool);
    assertThat(pool.size()).isZero();
    assertThat(taken.size()).isEqualTo(first.size());
    first.forEach((content, pooled) ->
        assertThat(taken.pooled(new ArrayList<>(content))).isSameAs(pooled));
  }

  @Property(tries = 200)
  void anIntArrayPoolGivesOneArrayPerContent(@ForAll("lists") List<List<String>> given) {
    IntArrayPool pool = new IntArrayPool();
    Map<List<Integer>, int[]> first = new HashMap<>();
    for (List<String> list : given) {
      // Each content as a fresh array of the letters' codes.
      int[] array = list.stream().mapToInt(letter -> letter.charAt(0)).toArray();
      List<Integer> content = list.stream().map(letter -> (int) letter.charAt(0)).toList();
      int[] pooled = pool.pooled(array);
      assertThat(pooled).containsExactly(array);
      assertThat(pooled).isSameAs(first.computeIfAbsent(content, k -> array));
    }
    assertThat(pool.size()).isEqualTo(first.size());
  }
}
