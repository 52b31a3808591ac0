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

/** The list pool gives one immutable object per content, equal to what it was given. */
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
}
