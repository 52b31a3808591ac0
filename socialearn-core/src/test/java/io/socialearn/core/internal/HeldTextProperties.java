package io.socialearn.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A held text gives back its string, held as bytes exactly when each char fits one. */
class HeldTextProperties {
  @Provide
  Arbitrary<String> texts() {
    // ASCII, Latin-1 beyond it, and beyond Latin-1 (a surrogate pair among them).
    return Arbitraries.oneOf(Arbitraries.strings().ascii(),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff'),
        Arbitraries.strings().all(),
        Arbitraries.strings().ascii().map(s -> s + "\u00e9\u20ac\uD83D\uDE00"));
  }

  @Property(tries = 500)
  void aHeldTextGivesBackItsString(@ForAll("texts") String text) {
    Object held = HeldText.of(text);
    assertThat(HeldText.text(held)).isEqualTo(text);
    boolean latin1 = text.chars().allMatch(c -> c <= 0xff);
    assertThat(held instanceof byte[]).isEqualTo(latin1);
    if (!latin1) {
      assertThat(held).isSameAs(text);
    }
    // From UTF-8 bytes among others, as a snapshot holds them: the same text, held alike.
    String wellFormed = new String(text.getBytes(StandardCharsets.UTF_8),
        StandardCharsets.UTF_8);
    byte[] utf8 = wellFormed.getBytes(StandardCharsets.UTF_8);
    byte[] around = new byte[utf8.length + 5];
    System.arraycopy(utf8, 0, around, 3, utf8.length);
    Object read = HeldText.ofUtf8(around, 3, utf8.length);
    assertThat(HeldText.text(read)).isEqualTo(wellFormed);
    assertThat(read instanceof byte[]).isEqualTo(wellFormed.chars().allMatch(c -> c <= 0xff));
  }

  @Test
  void nullIsHeldAsNull() {
    assertThat(HeldText.of(null)).isNull();
    assertThat(HeldText.text(null)).isNull();
    assertThat(HeldText.text("as is")).isEqualTo("as is");
  }
}
