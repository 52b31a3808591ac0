package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The weak interner returns the one live object per value and forgets collected ones. */
class WeakInternerProperties {
  /** A value whose hash is its number modulo a few, so that clusters and wrap-arounds form. */
  record Value(int number) {
    @Override
    public int hashCode() {
      return number % 5;
    }
  }

  /** One operation: intern a fresh copy of {@code number} (0) or let its object go (1). */
  record Op(int kind, int number) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    return Combinators.combine(Arbitraries.of(0, 0, 0, 1), Arbitraries.integers().between(0, 80))
        .as(Op::new).list().ofMaxSize(500);
  }

  @Property(tries = 300)
  void internReturnsTheLiveObjectOfEachValue(@ForAll("ops") List<Op> ops,
      @ForAll boolean collide) {
    WeakInterner<Object> interner = new WeakInterner<>();
    Map<Integer, Object> live = new HashMap<>();
    for (Op op : ops) {
      Object fresh = collide ? new Value(op.number()) : new String("v" + op.number());
      if (op.kind() == 0) {
        Object held = live.get(op.number());
        Object interned = interner.intern(fresh);
        assertThat(interned).isSameAs(held != null ? held : fresh);
        live.put(op.number(), interned);
      } else {
        Object held = live.remove(op.number());
        assertThat(interner.clearAsCollected(held != null ? held : fresh))
            .isEqualTo(held != null);
      }
      assertThat(interner.size()).isEqualTo(live.size());
    }
    for (Map.Entry<Integer, Object> e : live.entrySet()) {
      Object copy = collide ? new Value(e.getKey()) : new String("v" + e.getKey());
      assertThat(interner.intern(copy)).isSameAs(e.getValue());
    }
  }

  @Test
  void anObjectNothingElseHoldsIsCollectedAndForgotten() throws InterruptedException {
    WeakInterner<String> interner = new WeakInterner<>();
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String value = interner.intern(new String("id-" + i));
      if (i % 10 == 0) {
        kept.add(value);
      }
    }
    for (int attempt = 0; attempt < 50 && interner.size() > kept.size(); attempt++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(interner.size()).isEqualTo(kept.size());
    for (String value : kept) {
      assertThat(interner.intern(new String(value))).isSameAs(value);
    }
  }
}
