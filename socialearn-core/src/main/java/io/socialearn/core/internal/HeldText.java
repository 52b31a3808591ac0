package io.socialearn.core.internal;

import java.nio.charset.StandardCharsets;

/**
 * A text (a thread's title) as the read models hold it: a string each of whose chars fits a
 * byte (the Latin-1 ones, which are most titles) as a bare {@code byte[]} of its chars, any other
 * string as itself. A quarter of a million titles so hold 6 MB less (a string's object is 24
 * bytes around its array); the pulse holds no title its rows hold. A held text is made into a
 * string afresh each time it is read ({@link #text}). The arrays are never changed.
 */
public final class HeldText {
  private HeldText() {}

  /**
   * {@code text} as it is held: its chars as bytes if each fits one, else {@code text} itself.
   *
   * @param text a string, or null
   * @return the held form, null for null
   */
  public static Object of(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xff) {
        return text;
      }
    }
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * The held form of the text whose UTF-8 bytes are {@code length} bytes of {@code utf8} from
   * {@code offset}: the bytes themselves, copied, when they are all ASCII (as most titles are),
   * without a string on the way.
   *
   * @param utf8 holds the bytes
   * @param offset where they start
   * @param length how many
   * @return the held form
   */
  public static Object ofUtf8(byte[] utf8, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (utf8[i] < 0) {
        return of(new String(utf8, offset, length, StandardCharsets.UTF_8));
      }
    }
    byte[] ascii = new byte[length];
    System.arraycopy(utf8, offset, ascii, 0, length);
    return ascii;
  }

  /**
   * The text {@code held} holds.
   *
   * @param held what {@link #of} gave, or a string
   * @return the string, made afresh from an array; null for null
   */
  public static String text(Object held) {
    return held instanceof byte[] chars ? new String(chars, StandardCharsets.ISO_8859_1)
        : (String) held;
  }
}
