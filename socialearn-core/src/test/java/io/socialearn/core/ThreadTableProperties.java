package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The thread table against a map of rows by id: whatever is added, replaced and changed, each id
 * finds its row, the rows run in code order, and a refused put changes nothing.
 */
class ThreadTableProperties {
  private static final SpaceId[] SPACES = {SpaceId.of("s1"), SpaceId.of("s2")};
  private static final List<List<Tag>> TAGS = List.of(List.of(), List.of(Tag.of("java")));
  private static final PersonId[] PEOPLE = {PersonId.of("ana"), PersonId.of("bo")};

  @Property(tries = 300)
  void theTableHoldsWhatAMapOfRowsWould(@ForAll("steps") List<Integer> steps) {
    ThreadTable table = new ThreadTable();
    Map<ThreadId, ThreadRow> model = new LinkedHashMap<>();
    List<ThreadRow> pending = new ArrayList<>();
    for (int step : steps) {
      int kind = Math.floorMod(step, 6);
      int n = Math.floorDiv(step, 6);
      if (kind != 5) {
        bulk(table, model, pending);
      }
      ThreadId id = id(n);
      ThreadRow old = model.get(id);
      if (kind == 0 || kind == 1) { // add, or replace with a new score
        int code = old == null ? model.size() : old.code();
        ThreadRow row = row(id, code, step);
        table.put(row);
        model.put(id, row);
      } else if (kind == 2) { // a change through computeIfPresent
        ThreadRow changed = table.computeIfPresent(id,
            (same, r) -> r.withScore(r.score() + 1).asDeleted());
        if (old == null) {
          assertThat(changed).isNull();
        } else {
          assertThat(changed).isEqualTo(old.withScore(old.score() + 1).asDeleted());
          model.put(id, changed);
        }
      } else if (kind == 3) { // a put of a taken id with a new code, or of a code out of turn
        ThreadRow wrong = old != null ? row(id, model.size(), step) : row(id, model.size() + 1, step);
        assertThatThrownBy(() -> table.put(wrong)).isInstanceOf(IllegalArgumentException.class);
      } else if (kind == 4 && !model.isEmpty()) { // a row of one code for another id
        ThreadRow first = model.values().iterator().next();
        ThreadRow wrong = row(id(n + 1_000_000), first.code(), step);
        assertThatThrownBy(() -> table.put(wrong)).isInstanceOf(IllegalArgumentException.class);
      } else if (kind == 5 && old == null) { // gathered for a bulk add
        int code = model.size() + pending.size();
        if (pending.stream().noneMatch(p -> p.id().equals(id))) {
          pending.add(row(id, code, step));
        }
      }
      check(table, model);
    }
    bulk(table, model, pending);
    table.trimToSize();
    check(table, model);
    ThreadTable other = new ThreadTable();
    other.takeOver(table);
    check(other, model);
    check(table, Map.of());
  }

  private static void bulk(ThreadTable table, Map<ThreadId, ThreadRow> model, List<ThreadRow> pending) {
    table.addAll(pending.toArray(ThreadRow[]::new), pending.size());
    pending.forEach(r -> model.put(r.id(), r));
    pending.clear();
  }

  private static void check(ThreadTable table, Map<ThreadId, ThreadRow> model) {
    assertThat(table.size()).isEqualTo(model.size());
    List<ThreadRow> inOrder = new ArrayList<>(model.values());
    inOrder.sort(java.util.Comparator.comparingInt(ThreadRow::code));
    assertThat(table.rows()).containsExactlyElementsOf(inOrder);
    for (ThreadRow row : inOrder) {
      assertThat(table.get(row.id())).isEqualTo(row);
      assertThat(table.code(row.id())).isEqualTo(row.code());
      assertThat(table.id(row.code())).isSameAs(row.id());
    }
    assertThat(table.ids()).containsExactlyElementsOf(inOrder.stream().map(ThreadRow::id).toList());
    assertThat(table.get(id(-1))).isNull();
    assertThat(table.code(id(-1))).isEqualTo(-1);
    assertThatThrownBy(() -> table.row(model.size()))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static ThreadId id(int n) {
    return ThreadId.of("t" + n);
  }

  private static ThreadRow row(ThreadId id, int code, int step) {
    ThreadState[] states = ThreadState.values();
    ThreadKind[] kinds = ThreadKind.values();
    return new ThreadRow(id, SPACES[step & 1], kinds[step % kinds.length], "title " + step,
        TAGS.get((step >> 1) & 1), PEOPLE[(step >> 2) & 1], states[step % states.length],
        (step & 8) != 0 ? id(step) : null, step, step / 3, (step & 16) != 0
        ? PostId.of("p" + step) : null, 1_000L * step, step + 7L, 2_000L * step, step + 9L,
        (step & 32) != 0, code);
  }

  @Provide
  Arbitrary<List<Integer>> steps() {
    // Ids from a few dozen (so that they come back) to a few hundred (so that the index grows).
    return Arbitraries.integers().between(0, 6 * 300).list().ofMaxSize(400);
  }
}
