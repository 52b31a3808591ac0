package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
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
 * The post table against a map of rows by id: whatever is added, replaced and changed, each id
 * finds its row, the rows run in code order, and a refused put changes nothing.
 */
class PostTableProperties {
  private static final ThreadId[] THREADS = {ThreadId.of("t1"), ThreadId.of("t2")};
  private static final PersonId[] PEOPLE = {PersonId.of("ana"), PersonId.of("bo")};

  @Property(tries = 300)
  void theTableHoldsWhatAMapOfRowsWould(@ForAll("steps") List<Integer> steps) {
    PostTable table = new PostTable();
    Map<PostId, PostRow> model = new LinkedHashMap<>();
    List<PostRow> pending = new ArrayList<>();
    for (int step : steps) {
      int kind = Math.floorMod(step, 6);
      int n = Math.floorDiv(step, 6);
      if (kind != 5) {
        bulk(table, model, pending);
      }
      PostId id = id(n);
      PostRow old = model.get(id);
      if (kind == 0 || kind == 1) { // add, or replace with a new score
        int code = old == null ? model.size() : old.code();
        PostRow row = row(id, code, step);
        table.put(row);
        model.put(id, row);
      } else if (kind == 2) { // a change through computeIfPresent
        PostRow changed = table.computeIfPresent(id, r -> r.withScore(r.score() + 1).asDeleted());
        if (old == null) {
          assertThat(changed).isNull();
        } else {
          assertThat(changed).isEqualTo(old.withScore(old.score() + 1).asDeleted());
          model.put(id, changed);
        }
      } else if (kind == 3) { // a put of a taken id with a new code, or of a code out of turn
        PostRow wrong = old != null ? row(id, model.size(), step) : row(id, model.size() + 1, step);
        assertThatThrownBy(() -> table.put(wrong)).isInstanceOf(IllegalArgumentException.class);
      } else if (kind == 4 && !model.isEmpty()) { // a row of one code for another id
        PostRow first = model.values().iterator().next();
        PostRow wrong = row(id(n + 1_000_000), first.code(), step);
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
    PostTable other = new PostTable();
    other.takeOver(table);
    check(other, model);
    check(table, Map.of());
  }

  private static void bulk(PostTable table, Map<PostId, PostRow> model, List<PostRow> pending) {
    table.addAll(pending.toArray(PostRow[]::new), pending.size());
    pending.forEach(r -> model.put(r.id(), r));
    pending.clear();
  }

  private static void check(PostTable table, Map<PostId, PostRow> model) {
    assertThat(table.size()).isEqualTo(model.size());
    List<PostRow> inOrder = new ArrayList<>(model.values());
    inOrder.sort(java.util.Comparator.comparingInt(PostRow::code));
    assertThat(table.rows()).containsExactlyElementsOf(inOrder);
    for (PostRow row : inOrder) {
      assertThat(table.get(row.id())).isEqualTo(row);
      assertThat(table.code(row.id())).isEqualTo(row.code());
      assertThat(table.id(row.code())).isSameAs(row.id());
    }
    assertThat(table.ids()).containsExactlyElementsOf(inOrder.stream().map(PostRow::id).toList());
    assertThat(table.get(id(-1))).isNull();
    assertThat(table.containsKey(id(-1))).isFalse();
    assertThatThrownBy(() -> table.row(model.size()))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static PostId id(int n) {
    return PostId.of("p" + n);
  }

  private static PostRow row(PostId id, int code, int step) {
    return new PostRow(id, THREADS[step & 1], PEOPLE[(step >> 1) & 1], step, 1_000L * step,
        step + 7L, (step & 4) != 0, code);
  }

  @Provide
  Arbitrary<List<Integer>> steps() {
    // Ids from a few dozen (so that they come back) to a few hundred (so that the index grows).
    return Arbitraries.integers().between(0, 6 * 300).list().ofMaxSize(400);
  }
}
