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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The column tables of answers and threads against a map of rows by id: whatever is added,
 * replaced and changed, each id finds its row, the rows run in code order, and a refused put
 * changes nothing.
 */
class RowTableProperties {
  private static final ThreadId[] THREADS = {ThreadId.of("t1"), ThreadId.of("t2")};
  private static final SpaceId[] SPACES = {SpaceId.of("s1"), SpaceId.of("s2")};
  private static final List<List<Tag>> TAGS = List.of(List.of(), List.of(Tag.of("java")));
  private static final PersonId[] PEOPLE = {PersonId.of("ana"), PersonId.of("bo")};

  /** How a test makes ids and rows of a table, and changes a row. */
  private record Kind<K, R>(IntFunction<K> id, Maker<K, R> row, UnaryOperator<R> change,
      java.util.function.Function<R, K> idOf, java.util.function.ToIntFunction<R> codeOf) {}

  private interface Maker<K, R> {
    R make(K id, int code, int step);
  }

  private static final Kind<PostId, PostRow> ANSWERS = new Kind<>(n -> PostId.of("p" + n),
      (id, code, step) -> new PostRow(id, THREADS[step & 1], PEOPLE[(step >> 1) & 1], step,
          1_000L * step, step + 7L + wide(step), (step & 4) != 0, code),
      r -> r.withScore(r.score() + 1).asDeleted(), PostRow::id, PostRow::code);

  private static final Kind<ThreadId, ThreadRow> THREAD_ROWS = new Kind<>(
      n -> ThreadId.of("t" + n), RowTableProperties::threadRow,
      r -> r.withScore(r.score() + 1).withClosure(ThreadState.CLOSED, null,
          java.time.Instant.ofEpochSecond(3), 3L),
      ThreadRow::id, ThreadRow::code);

  private static ThreadRow threadRow(ThreadId id, int code, int step) {
    ThreadState[] states = ThreadState.values();
    ThreadKind[] kinds = ThreadKind.values();
    return new ThreadRow(id, SPACES[step & 1], kinds[step % kinds.length], "title " + step,
        TAGS.get((step >> 1) & 1), PEOPLE[(step >> 2) & 1], states[step % states.length],
        (step & 8) != 0 ? ThreadId.of("d" + step) : null, step, step / 3, (step & 16) != 0
        ? PostId.of("p" + step) : null, 1_000L * step, step + 7L + wide(step), 2_000L * step,
        step + 9L + wide(step + 1), (step & 32) != 0, code);
  }

  /** Now and then a log sequence beyond an int's, so that a column of ints widens. */
  private static long wide(int step) {
    return step % 97 == 5 ? 1L << 33 : 0;
  }

  @Property(tries = 200)
  void thePostTableHoldsWhatAMapOfRowsWould(@ForAll("steps") List<Integer> steps) {
    holdsWhatAMapWould(steps, PostTable::new, ANSWERS, PostRow[]::new);
  }

  @Property(tries = 200)
  void theThreadTableHoldsWhatAMapOfRowsWould(@ForAll("steps") List<Integer> steps) {
    holdsWhatAMapWould(steps, ThreadTable::new, THREAD_ROWS, ThreadRow[]::new);
  }

  private static <K, R, T extends RowTable<K, R, T>> void holdsWhatAMapWould(List<Integer> steps,
      Supplier<T> tables, Kind<K, R> kind, IntFunction<R[]> arrays) {
    T table = tables.get();
    Map<K, R> model = new LinkedHashMap<>();
    List<R> pending = new ArrayList<>();
    for (int step : steps) {
      int op = Math.floorMod(step, 6);
      int n = Math.floorDiv(step, 6);
      if (op != 5) {
        bulk(table, model, pending, kind, arrays);
      }
      K id = kind.id().apply(n);
      R old = model.get(id);
      if (op == 0 || op == 1) { // add, or replace
        R row = kind.row().make(id, old == null ? model.size() : kind.codeOf().applyAsInt(old),
            step);
        table.put(row);
        model.put(id, row);
      } else if (op == 2) { // a change through computeIfPresent
        R changed = table.computeIfPresent(id, (same, r) -> kind.change().apply(r));
        if (old == null) {
          assertThat(changed).isNull();
        } else {
          assertThat(changed).isEqualTo(kind.change().apply(old));
          model.put(id, changed);
        }
      } else if (op == 3) { // a put of a taken id with a new code, or of a code out of turn
        R wrong = kind.row().make(id, model.size() + (old != null ? 0 : 1), step);
        assertThatThrownBy(() -> table.put(wrong)).isInstanceOf(IllegalArgumentException.class);
      } else if (op == 4 && !model.isEmpty()) { // a row of one code for another id
        R first = model.values().iterator().next();
        R wrong = kind.row().make(kind.id().apply(n + 1_000_000),
            kind.codeOf().applyAsInt(first), step);
        assertThatThrownBy(() -> table.put(wrong)).isInstanceOf(IllegalArgumentException.class);
      } else if (op == 5 && old == null
          && pending.stream().noneMatch(p -> kind.idOf().apply(p).equals(id))) {
        pending.add(kind.row().make(id, model.size() + pending.size(), step));
      }
      check(table, model, kind);
    }
    bulk(table, model, pending, kind, arrays);
    table.trimToSize();
    check(table, model, kind);
    T other = tables.get();
    other.takeOver(table);
    check(other, model, kind);
    check(table, Map.of(), kind);
  }

  private static <K, R> void bulk(RowTable<K, R, ?> table, Map<K, R> model, List<R> pending,
      Kind<K, R> kind, IntFunction<R[]> arrays) {
    table.addAll(pending.toArray(arrays.apply(0)), pending.size());
    pending.forEach(r -> model.put(kind.idOf().apply(r), r));
    pending.clear();
  }

  private static <K, R> void check(RowTable<K, R, ?> table, Map<K, R> model, Kind<K, R> kind) {
    assertThat(table.size()).isEqualTo(model.size());
    List<R> inOrder = new ArrayList<>(model.values());
    inOrder.sort(Comparator.comparingInt(kind.codeOf()));
    assertThat(table.rows()).containsExactlyElementsOf(inOrder);
    for (R row : inOrder) {
      K id = kind.idOf().apply(row);
      assertThat(table.get(id)).isEqualTo(row);
      assertThat(table.code(id)).isEqualTo(kind.codeOf().applyAsInt(row));
      assertThat(table.id(kind.codeOf().applyAsInt(row))).isSameAs(id);
    }
    assertThat(table.ids()).containsExactlyElementsOf(
        inOrder.stream().map(kind.idOf()).toList());
    K absent = kind.id().apply(-1);
    assertThat(table.get(absent)).isNull();
    assertThat(table.code(absent)).isEqualTo(-1);
    assertThatThrownBy(() -> table.row(model.size()))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Provide
  Arbitrary<List<Integer>> steps() {
    // Ids from a few dozen (so that they come back) to a few hundred (so that the index grows).
    return Arbitraries.integers().between(0, 6 * 300).list().ofMaxSize(400);
  }
}
