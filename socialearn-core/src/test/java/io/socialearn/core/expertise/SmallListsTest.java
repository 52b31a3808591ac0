package io.socialearn.core.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Short lists: the same elements in the same order as an array list, small while short. */
class SmallListsTest {

  @Example
  void shortListsAreImmutableAndLongOnesArrayLists() {
    List<String> list = List.of();
    list = SmallLists.plus(list, "a");
    assertThat(list).containsExactly("a").isNotInstanceOf(ArrayList.class);
    list = SmallLists.plus(list, "b");
    assertThat(list).containsExactly("a", "b").isNotInstanceOf(ArrayList.class);
    list = SmallLists.plus(list, "c");
    assertThat(list).containsExactly("a", "b", "c").isInstanceOf(ArrayList.class);
    List<String> same = SmallLists.plus(list, "d");
    assertThat(same).isSameAs(list).containsExactly("a", "b", "c", "d");
    list = SmallLists.minus(SmallLists.minus(list, "a"), "c");
    assertThat(list).containsExactly("b", "d").isNotInstanceOf(ArrayList.class);
    assertThat(SmallLists.minus(list, "x")).isSameAs(list);
    assertThat(SmallLists.of(new String[] {"x", "y", "z"})).containsExactly("x", "y", "z")
        .isInstanceOf(ArrayList.class);
    assertThat(SmallLists.of(new String[0])).isEmpty();
  }

  /** Any run of appends and removals leaves what an array list would hold. */
  @Property(tries = 300)
  void actsAsAnArrayList(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 6) Integer> ops) {
    List<Integer> expected = new ArrayList<>();
    List<Integer> actual = List.of();
    for (int i = 0; i < ops.size(); i++) {
      int op = ops.get(i);
      if (op < 4) {
        // values repeat, so removal takes the first equal one, as ArrayList.remove does
        expected.add(op);
        actual = SmallLists.plus(actual, op);
      } else {
        Integer gone = op - 4;
        expected.remove(gone);
        actual = SmallLists.minus(actual, gone);
      }
      assertThat(actual).containsExactlyElementsOf(expected);
      assertThat(actual instanceof ArrayList).isEqualTo(expected.size() > 2);
    }
  }
}
