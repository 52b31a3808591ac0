package io.socialearn.api.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.people.PersonId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A candidate's signals, whatever names and values it is given (the mix's, some of them, others
 * besides): the same map by the {@link Map} contract, iterated in the mix's order then the other
 * names alphabetically, and unchangeable.
 */
class ExpertCandidateProperties {

  @Property(tries = 1000)
  void signalsAreTheGivenMapInAStableOrder(@ForAll("signals") Map<String, Double> given,
      @ForAll("names") String absent) {
    ExpertCandidate c = new ExpertCandidate(PersonId.of("p"), 0, List.of(), given);
    Map<String, Double> s = c.signals();
    assertThat(s).isEqualTo(given);
    assertThat(given).isEqualTo(s);
    assertThat(s.hashCode()).isEqualTo(given.hashCode());
    assertThat(s).hasSize(given.size());
    List<String> expected = new ArrayList<>();
    for (String name : ExpertiseMix.SIGNALS) {
      if (given.containsKey(name)) {
        expected.add(name);
      }
    }
    new TreeMap<>(given).keySet().stream().filter(k -> !expected.contains(k))
        .forEach(expected::add);
    assertThat(s.keySet()).containsExactlyElementsOf(expected);
    for (String name : expected) {
      assertThat(s.get(name)).as(name).isEqualTo(given.get(name));
      assertThat(s.containsKey(name)).isTrue();
    }
    assertThat(s.get(absent)).isEqualTo(given.get(absent));
    assertThat(s.containsKey(absent)).isEqualTo(given.containsKey(absent));
    assertThat(s.get(null)).isNull();
    assertThat(s.get(7)).isNull();
    // a copy of the copy is equal, and so is a candidate made again from it
    assertThat(new ExpertCandidate(PersonId.of("p"), 0, List.of(), s)).isEqualTo(c);
    assertThat(new HashMap<>(s)).isEqualTo(given);
    assertThatThrownBy(() -> s.put("topic", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
    if (!s.isEmpty()) {
      String first = s.keySet().iterator().next();
      assertThatThrownBy(() -> s.remove(first))
          .isInstanceOf(UnsupportedOperationException.class);
      Iterator<Map.Entry<String, Double>> it = s.entrySet().iterator();
      Map.Entry<String, Double> entry = it.next();
      assertThatThrownBy(() -> entry.setValue(0.0))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(s::clear).isInstanceOf(UnsupportedOperationException.class);
      assertThat(s).isEqualTo(given);
    }
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(Arbitraries.of(ExpertiseMix.SIGNALS),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
  }

  @Provide
  Arbitrary<Map<String, Double>> signals() {
    Arbitrary<Double> values = Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6),
        Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE));
    Arbitrary<Map<String, Double>> all = values.list().ofSize(ExpertiseMix.SIGNALS.size())
        .map(list -> {
          Map<String, Double> m = new HashMap<>();
          for (int i = 0; i < list.size(); i++) {
            m.put(ExpertiseMix.SIGNALS.get(i), list.get(i));
          }
          return m;
        });
    return Arbitraries.oneOf(all, Arbitraries.maps(names(), values).ofMaxSize(16));
  }
}
