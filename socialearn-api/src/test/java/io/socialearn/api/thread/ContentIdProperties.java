package io.socialearn.api.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Thread and post ids are held in one of three forms (short, UUID, text): whatever the form,
 * an id gives back its text exactly and is equal to another exactly when their texts are.
 */
class ContentIdProperties {
  private static final String ID_CHARS =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._-:@+";

  @Property(tries = 2000)
  void anIdGivesBackItsTextAndEqualsExactlyTheIdsOfTheSameText(
      @ForAll("ids") String a, @ForAll("ids") String b) {
    PostId pa = PostId.of(a);
    PostId pb = PostId.of(b);
    ThreadId ta = ThreadId.of(a);
    assertThat(pa.value()).isEqualTo(a);
    assertThat(pa.toString()).isEqualTo(a);
    assertThat(ta.value()).isEqualTo(a);
    assertThat(pa.equals(pb)).isEqualTo(a.equals(b));
    assertThat(pa.equals(PostId.of(new String(a)))).isTrue();
    assertThat(pa.hashCode()).isEqualTo(PostId.of(new String(a)).hashCode());
    assertThat(ThreadId.of(b).equals(ta)).isEqualTo(a.equals(b));
    assertThat((Object) ta).isNotEqualTo(pa);
  }

  @Test
  void eachFormKeepsItsEdges() {
    String upper = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
    String[] edges = {"0", "+", "123456789", "1234567890", "a".repeat(18), "a".repeat(19),
        "Z".repeat(128), upper, upper.toLowerCase(java.util.Locale.ROOT),
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "3f2504e0-4f89-11d3-9a0c-0305e82c330g", "3f2504e0x4f89-11d3-9a0c-0305e82c3301",
        "3f2504e0-4f89-11d3-9a0c-0305e82c33011", "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}"
            .substring(1, 37)};
    for (String edge : edges) {
      assertThat(PostId.of(edge).value()).as(edge).isEqualTo(edge);
      for (String other : edges) {
        assertThat(PostId.of(edge).equals(PostId.of(other))).as(edge + " and " + other)
            .isEqualTo(edge.equals(other));
      }
    }
    // an upper-case UUID is held as text, and is not the lower-case one
    assertThat(PostId.of(upper)).isNotEqualTo(PostId.of(upper.toLowerCase(java.util.Locale.ROOT)));
  }

  @Test
  void invalidTextIsRefusedAsBefore() {
    assertThatThrownBy(() -> PostId.of("a b")).isInstanceOfSatisfying(
        InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("idCharacters"));
    assertThatThrownBy(() -> ThreadId.of("")).isInstanceOfSatisfying(
        InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("notBlank"));
    assertThatThrownBy(() -> ThreadId.of("x".repeat(129))).isInstanceOfSatisfying(
        InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("maxLength"));
  }

  /** Short ids, UUIDs as Java writes them, near-UUIDs, and long ids, often alike. */
  @Provide
  Arbitrary<String> ids() {
    Arbitrary<String> any = Arbitraries.strings().withChars(ID_CHARS.toCharArray())
        .ofMinLength(1).ofMaxLength(40);
    Arbitrary<String> small = Arbitraries.strings().withChars("ab1".toCharArray())
        .ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> uuids = Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
        .as((h, l) -> new UUID(h, l).toString());
    Arbitrary<String> nearUuids = Combinators.combine(uuids, Arbitraries.integers().between(0, 35),
        Arbitraries.of('A', 'g', '-', '0', 'f')).as((u, at, c) ->
            u.substring(0, at) + c + u.substring(at + 1));
    Arbitrary<String> fewUuids = Arbitraries.of(0L, 1L, -1L, Long.MIN_VALUE)
        .flatMap(h -> Arbitraries.of(0L, 1L, -1L).map(l -> new UUID(h, l).toString()));
    return Arbitraries.oneOf(any, small, uuids, nearUuids, fewUuids);
  }
}
