package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.thread.ThreadId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ThreadViewersProperties {

  /** Views as (thread, reader) pairs, in any order and repeated, against a map of sets. */
  @Property(tries = 200)
  void holdsEachReaderOncePerThreadAsASetWould(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 4_000) Integer> views) {
    ThreadViewers viewers = new ThreadViewers();
    Map<ThreadId, TreeSet<Integer>> model = new HashMap<>();
    for (int view : views) {
      ThreadId thread = ThreadId.of("t" + view % 7);
      int reader = view / 7;
      boolean added = model.computeIfAbsent(thread, k -> new TreeSet<>()).add(reader);
      assertThat(viewers.add(thread, reader)).isEqualTo(added);
      assertThat(viewers.contains(thread, reader)).isTrue();
    }
    for (int reader = 0; reader <= 4_000 / 7; reader += 13) {
      for (int t = 0; t < 7; t++) {
        ThreadId thread = ThreadId.of("t" + t);
        assertThat(viewers.contains(thread, reader))
            .isEqualTo(model.getOrDefault(thread, new TreeSet<>()).contains(reader));
      }
    }
    Map<ThreadId, List<Integer>> held = new HashMap<>();
    viewers.forEach((thread, readers) ->
        held.put(thread, java.util.Arrays.stream(readers).boxed().toList()));
    Map<ThreadId, List<Integer>> expected = new HashMap<>();
    model.forEach((thread, readers) -> expected.put(thread, List.copyOf(readers)));
    assertThat(held).isEqualTo(expected);
  }
}
