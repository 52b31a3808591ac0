package io.socialearn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The compact maps behave as a {@link HashMap} under any mix of puts, removals and trims. */
class CompactMapProperties {
  /** A key whose hash is its value modulo a few, so that clusters and wrap-arounds form. */
  record Key(int value) {
    @Override
    public int hashCode() {
      return value % 7;
    }
  }

  /**
   * One operation: 0 put, 1 remove, 2 trim, 3 compute if present (remove when odd), 4 merge
   * (remove when the sum is 0), 5 compute if absent (nothing for an odd value).
   */
  record Op(int kind, int key, int value) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    return Combinators.combine(Arbitraries.of(0, 0, 0, 1, 1, 2, 3, 4, 4, 5),
        Arbitraries.integers().between(0, 60), Arbitraries.integers().between(-5, 5))
        .as(Op::new).list().ofMaxSize(400);
  }

  @Property(tries = 300)
  void aBulkPutInSlotOrderHoldsWhatPutsOneByOneDo(@ForAll("ops") List<Op> ops,
      @ForAll boolean collide, @ForAll boolean startFilled) {
    // The ops' keys and values as the entries of a bulk load, repeats included (the later wins).
    Object[] keys = new Object[ops.size()];
    Integer[] values = new Integer[ops.size()];
    Map<Object, Integer> expected = new HashMap<>();
    CompactMap<Object, Integer> map = new CompactMap<>();
    if (startFilled) {
      for (int k = 0; k < 30; k += 3) {
        Object key = collide ? new Key(k) : Integer.valueOf(k);
        expected.put(key, -k);
        map.put(key, -k);
      }
    }
    for (int i = 0; i < ops.size(); i++) {
      keys[i] = collide ? new Key(ops.get(i).key()) : Integer.valueOf(ops.get(i).key());
      values[i] = ops.get(i).value() * 1000 + i;
      expected.put(keys[i], values[i]);
    }
    map.putAll(keys, values, keys.length);
    assertThat(map).isEqualTo(expected);
    assertThat(map.size()).isEqualTo(expected.size());
    expected.forEach((key, value) -> assertThat(map.get(key)).isEqualTo(value));
    // Fewer than the arrays hold: only those.
    CompactMap<Object, Integer> some = new CompactMap<>();
    some.putAll(keys, values, keys.length / 2);
    Map<Object, Integer> half = new HashMap<>();
    for (int i = 0; i < keys.length / 2; i++) {
      half.put(keys[i], values[i]);
    }
    assertThat(some).isEqualTo(half);
    assertThatThrownBy(() -> some.putAll(keys, values, keys.length + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 300)
  void aCompactMapHoldsWhatAHashMapHolds(@ForAll("ops") List<Op> ops,
      @ForAll boolean collide) {
    Map<Object, Integer> expected = new HashMap<>();
    CompactMap<Object, Integer> map = new CompactMap<>();
    CompactIntMap<Object> ints = new CompactIntMap<>();
    for (Op op : ops) {
      Object key = collide ? new Key(op.key()) : Integer.valueOf(op.key());
      switch (op.kind()) {
        case 0 -> {
          Integer before = expected.put(key, op.value());
          assertThat(map.put(key, op.value())).isEqualTo(before);
          assertThat(ints.put(key, op.value())).isEqualTo(before);
        }
        case 1 -> {
          Integer before = expected.remove(key);
          assertThat(map.remove(key)).isEqualTo(before);
          assertThat(ints.remove(key)).isEqualTo(before);
        }
        case 2 -> {
          map.trimToSize();
          ints.trimToSize();
        }
        case 5 -> {
          Function<Object, Integer> evenOnly = k -> op.value() % 2 == 0 ? op.value() : null;
          Integer held = expected.computeIfAbsent(key, evenOnly);
          assertThat(map.computeIfAbsent(key, evenOnly)).isEqualTo(held);
          assertThat(ints.computeIfAbsent(key, evenOnly)).isEqualTo(held);
        }
        case 4 -> {
          Integer merged = expected.merge(key, op.value(), CompactMapProperties::sumOrNone);
          assertThat(map.merge(key, op.value(), CompactMapProperties::sumOrNone))
              .isEqualTo(merged);
          assertThat(ints.merge(key, op.value(), CompactMapProperties::sumOrNone))
              .isEqualTo(merged);
        }
        default -> {
          Integer after = expected.computeIfPresent(key, (k, v) -> v % 2 == 0 ? v + 2 : null);
          assertThat(map.computeIfPresent(key, (k, v) -> v % 2 == 0 ? v + 2 : null))
              .isEqualTo(after);
          assertThat(ints.computeIfPresent(key, (k, v) -> v % 2 == 0 ? v + 2 : null))
              .isEqualTo(after);
        }
      }
      assertThat(map).hasSize(expected.size());
    }
    assertThat(map).isEqualTo(expected);
    assertThat(ints).isEqualTo(expected);
    assertThat(expected).isEqualTo(map);
    // Walked without entry objects, each entry once, as the entry views give them.
    Map<Object, Integer> walked = new HashMap<>();
    map.forEach((k, v) -> assertThat(walked.put(k, v)).isNull());
    assertThat(walked).isEqualTo(expected);
    List<Object> order = new ArrayList<>();
    ints.forEach((k, v) -> order.add(k));
    assertThat(order).containsExactlyElementsOf(ints.keySet());
    map.replaceAll((k, v) -> v + 1);
    ints.replaceAll((k, v) -> v + 1);
    expected.replaceAll((k, v) -> v + 1);
    assertThat(map).isEqualTo(expected);
    assertThat(ints).isEqualTo(expected);
    assertThat(map.hashCode()).isEqualTo(expected.hashCode());
    for (int k = 0; k <= 60; k++) {
      Object key = collide ? new Key(k) : Integer.valueOf(k);
      assertThat(map.get(key)).isEqualTo(expected.get(key));
      assertThat(map.containsKey(key)).isEqualTo(expected.containsKey(key));
      assertThat(ints.getInt(key, Integer.MIN_VALUE))
          .isEqualTo(expected.getOrDefault(key, Integer.MIN_VALUE));
    }
  }

  /** A key whose hash repeats every 4,099 values: clusters that cross chunks and wrap around. */
  record FewHashes(int value) {
    @Override
    public int hashCode() {
      return value % 4_099;
    }
  }

  /** Puts (0), removes (1) or trims (2) a run of keys, {@code from} and the {@code span} after. */
  record RunOp(int kind, int from, int span) {}

  @Provide
  Arbitrary<List<RunOp>> runs() {
    return Combinators.combine(Arbitraries.of(0, 0, 1, 2),
        Arbitraries.integers().between(0, 40_000),
        Arbitraries.integers().between(1, 12_000)).as(RunOp::new).list().ofMaxSize(12);
  }

  /**
   * Maps of tens of thousands of entries, whose tables span many {@link RefChunks}: entries
   * shifted back across a chunk's end and around the table's, growth and trims that rehash from
   * chunk to chunk.
   */
  @Property(tries = 40)
  void aMapOfManyChunksHoldsWhatAHashMapHolds(@ForAll("runs") List<RunOp> runs,
      @ForAll boolean fewHashes) {
    Map<Object, Integer> expected = new HashMap<>();
    CompactMap<Object, Integer> map = new CompactMap<>();
    CompactIntMap<Object> ints = new CompactIntMap<>();
    for (RunOp run : runs) {
      if (run.kind() == 2) {
        map.trimToSize();
        ints.trimToSize();
        continue;
      }
      for (int k = run.from(); k < run.from() + run.span(); k++) {
        Object key = fewHashes ? new FewHashes(k) : Integer.valueOf(k);
        if (run.kind() == 0) {
          expected.put(key, k ^ run.span());
          map.put(key, k ^ run.span());
          ints.put(key, k ^ run.span());
        } else {
          assertThat(map.remove(key)).isEqualTo(expected.get(key));
          assertThat(ints.remove(key)).isEqualTo(expected.remove(key));
        }
      }
      assertThat(map).hasSize(expected.size());
      assertThat(ints).hasSize(expected.size());
    }
    assertThat(map).isEqualTo(expected);
    assertThat(ints).isEqualTo(expected);
    assertThat(expected).isEqualTo(map);
    for (int k = 0; k < 52_000; k += 7) {
      Object key = fewHashes ? new FewHashes(k) : Integer.valueOf(k);
      assertThat(map.get(key)).isEqualTo(expected.get(key));
      assertThat(ints.getInt(key, -1)).isEqualTo(expected.getOrDefault(key, -1));
    }
  }

  @Test
  void chunksHoldWhatTheirSlotsWereGiven() {
    assertThat(RefChunks.of(0)).isEmpty();
    assertThat(RefChunks.of(4)).hasDimensions(1, 4);
    assertThat(RefChunks.of(RefChunks.SIZE)).hasDimensions(1, RefChunks.SIZE);
    Object[][] chunks = RefChunks.of(4 * RefChunks.SIZE);
    assertThat(chunks).hasDimensions(4, RefChunks.SIZE);
    for (int i = 0; i < 4 * RefChunks.SIZE; i += 3) {
      RefChunks.set(chunks, i, i);
    }
    for (int i = 0; i < 4 * RefChunks.SIZE; i++) {
      assertThat(RefChunks.get(chunks, i)).isEqualTo(i % 3 == 0 ? i : null);
    }
    assertThatThrownBy(() -> RefChunks.of(3 * RefChunks.SIZE / 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunks");
  }

  private static Integer sumOrNone(Integer a, Integer b) {
    return a + b == 0 ? null : a + b;
  }

  @Test
  void growsPastManyEntriesAndClears() {
    CompactMap<Integer, String> map = new CompactMap<>(3);
    for (int i = 0; i < 100_000; i++) {
      map.put(i, "v" + i);
    }
    for (int i = 0; i < 100_000; i += 2) {
      map.remove(i);
    }
    map.trimToSize();
    assertThat(map).hasSize(50_000);
    assertThat(map.get(99_999)).isEqualTo("v99999");
    assertThat(map.get(99_998)).isNull();
    CompactMap<Integer, String> copy = new CompactMap<>();
    copy.putAll(map);
    CompactMap<Integer, String> taken = new CompactMap<>();
    taken.put(-1, "gone");
    taken.takeOver(map);
    assertThat(map).isEmpty();
    assertThat(taken).isEqualTo(copy).hasSize(50_000).doesNotContainKey(-1);
    assertThat(map.put(1, "one")).isNull();
    assertThat(map).containsExactly(Map.entry(1, "one"));
    taken.clear();
    assertThat(taken).isEmpty();
    assertThat(taken.get(99_999)).isNull();
  }

  @Test
  void refusesNullsAndIteratorRemovalAndFailsAfterAChange() {
    CompactMap<String, String> map = new CompactMap<>();
    assertThatThrownBy(() -> map.put("k", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> map.put(null, "v")).isInstanceOf(NullPointerException.class);
    assertThat(map).isEmpty();
    map.put("a", "1");
    assertThat(map.get(null)).isNull();
    assertThat(map.containsKey(null)).isFalse();
    assertThat(map.remove(null)).isNull();
    map.put("b", "2");
    Iterator<Map.Entry<String, String>> it = map.entrySet().iterator();
    it.next();
    assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
    map.put("c", "3");
    assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
    map.entrySet().iterator().next().setValue("x");
    assertThat(map.values()).contains("x");
  }
}
