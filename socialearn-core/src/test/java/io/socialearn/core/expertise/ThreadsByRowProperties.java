package io.socialearn.core.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.expertise.ExpertiseModel.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The thread table finds what a map would, whether a thread has a row or not, and lists the
 * threads with rows by code, then the others as a hash map of them would.
 */
class ThreadsByRowProperties {
  /** Threads "t0" to "t99": those below 60 have a row, whose code is spread out past them. */
  private static int rowCode(Object key) {
    int n = Integer.parseInt(((ThreadId) key).value().substring(1));
    return n < 60 ? 97 - n : -1;
  }

  private static ThreadInfo thread(ThreadId id) {
    return new ThreadInfo(id, new ExpertiseModel.Place(SpaceId.of("s"), 0), PersonId.of("p"),
        List.of(Tag.of("x")), 1);
  }

  /** Steps: a thread's number and whether to put (else remove) it. */
  @Provide
  Arbitrary<List<int[]>> steps() {
    return Arbitraries.integers().between(0, 99).flatMap(key -> Arbitraries.integers()
        .between(0, 3).map(op -> new int[] {key, op})).list().ofMaxSize(300);
  }

  @Property(tries = 200)
  void findsAndListsWhatMapsWould(@ForAll("steps") List<int[]> steps,
      @ForAll boolean rows, @ForAll boolean byCode) {
    ThreadsByRow table = new ThreadsByRow();
    if (rows) {
      table.rowsFrom(ThreadsByRowProperties::rowCode);
    }
    Map<ThreadId, ThreadInfo> model = new HashMap<>();
    TreeMap<Integer, ThreadInfo> withRows = new TreeMap<>();
    HashMap<ThreadId, ThreadInfo> without = new HashMap<>();
    for (int[] step : steps) {
      ThreadId id = ThreadId.of("t" + step[0]);
      int code = rows ? rowCode(id) : -1;
      if (step[1] == 0) {
        ThreadInfo expected = model.remove(id);
        assertThat(table.remove(id)).isSameAs(expected);
        withRows.remove(code);
        without.remove(id);
        continue;
      }
      ThreadInfo t = thread(id);
      if (byCode && code >= 0) {
        table.putAt(code, t);
      } else {
        table.put(id, t);
      }
      model.put(id, t);
      if (code >= 0) {
        withRows.put(code, t);
      } else {
        without.put(id, t);
      }
    }
    assertThat(table.size()).isEqualTo(model.size());
    for (int n = 0; n < 100; n++) {
      ThreadId id = ThreadId.of("t" + n);
      assertThat(table.get(id)).as(id.value()).isSameAs(model.get(id));
    }
    List<ThreadInfo> order = new ArrayList<>(withRows.values());
    order.addAll(without.values());
    assertThat(table.values()).containsExactlyElementsOf(order);
  }
}
