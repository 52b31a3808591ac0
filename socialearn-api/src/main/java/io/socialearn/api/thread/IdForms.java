package io.socialearn.api.thread;

/**
 * How {@link ThreadId} and {@link PostId} hold their text. A community has as many of them as
 * posts, and a string costs about 80 bytes for a 36-character UUID (its object, its array and
 * the characters); an id in one of these forms costs 32 bytes, its text made again when asked:
 * <ul>
 *   <li>up to {@value #SHORT_MAX} characters (numbers, slugs): seven bits a character, nine
 *       characters in each of two longs, a zero code after the last;</li>
 *   <li>a UUID written as {@link java.util.UUID#toString()} writes it (36 characters, lower-case
 *       hexadecimal digits grouped 8-4-4-4-12): its 128 bits;</li>
 *   <li>any other id: its string, as given.</li>
 * </ul>
 * The form is a function of the text, so two ids are equal exactly when their forms' fields
 * are. Stateless.
 */
final class IdForms {
  /** The longest id held in the short form. */
  static final int SHORT_MAX = 18;
  /** Characters in each long of the short form. */
  private static final int PER_LONG = 9;
  /**
   * Marks the UUID form in an id's text field: compared by identity, and never equal to the text
   * of an id in the text form, which is longer than {@link #SHORT_MAX} and not a UUID's.
   */
  static final String UUID = new String("uuid");

  /** The characters an id may hold (see {@code Validate.id}), each at its code minus one. */
  private static final String ALPHABET =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._-:@+";
  /** Each character's code (1 to 68), or 0 for one an id may not hold. */
  private static final byte[] CODES = new byte[128];

  static {
    for (int i = 0; i < ALPHABET.length(); i++) {
      CODES[ALPHABET.charAt(i)] = (byte) (i + 1);
    }
  }

  private IdForms() {}

  /**
   * The text field of the id {@code value} (already validated): null for the short form, {@link
   * #UUID} for the UUID form, else {@code value} itself.
   */
  static String text(String value) {
    if (value.length() <= SHORT_MAX) {
      return null;
    }
    return isUuid(value) ? UUID : value;
  }

  /** The first long of {@code value}'s form, whose text field is {@code text}; 0 for text. */
  static long high(String value, String text) {
    if (text == null) {
      return packShort(value, 0);
    }
    return text == UUID ? hex(value, 0, 8) << 32 | hex(value, 9, 13) << 16 | hex(value, 14, 18)
        : 0;
  }

  /** The second long of {@code value}'s form, whose text field is {@code text}; 0 for text. */
  static long low(String value, String text) {
    if (text == null) {
      return packShort(value, PER_LONG);
    }
    return text == UUID ? hex(value, 19, 23) << 48 | hex(value, 24, 36) : 0;
  }

  /** The id's text from its form. */
  static String value(long high, long low, String text) {
    if (text == null) {
      char[] chars = new char[SHORT_MAX];
      int n = unpackShort(high, chars, 0);
      if (n == PER_LONG) {
        n = unpackShort(low, chars, n);
      }
      return new String(chars, 0, n);
    }
    if (text == UUID) {
      return new java.util.UUID(high, low).toString();
    }
    return text;
  }

  /** A hash of the id's form, well mixed. */
  static int hash(long high, long low, String text) {
    if (text != null && text != UUID) {
      return text.hashCode();
    }
    long h = (high ^ Long.rotateLeft(low, 29) ^ (text == UUID ? 0x5bd1e995L : 0))
        * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** Whether the id of the forms' fields {@code a} equal those of {@code b}. */
  static boolean equal(long highA, long lowA, String textA, long highB, long lowB,
      String textB) {
    return highA == highB && lowA == lowB
        && (textA == textB || (textA != null && textA.equals(textB)));
  }

  /** Characters {@code from} to {@code from + 8} of {@code value}, seven bits each, low first. */
  private static long packShort(String value, int from) {
    long word = 0;
    int end = Math.min(value.length(), from + PER_LONG);
    for (int i = from; i < end; i++) {
      word |= (long) CODES[value.charAt(i)] << (7 * (i - from));
    }
    return word;
  }

  /** Appends the characters of {@code word} to {@code chars} from {@code at}; the new length. */
  private static int unpackShort(long word, char[] chars, int at) {
    int n = at;
    for (int i = 0; i < PER_LONG; i++) {
      int code = (int) (word >>> (7 * i)) & 0x7f;
      if (code == 0) {
        break;
      }
      chars[n++] = ALPHABET.charAt(code - 1);
    }
    return n;
  }

  /** Whether {@code value} is a UUID exactly as {@link java.util.UUID#toString()} writes one. */
  private static boolean isUuid(String value) {
    if (value.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = value.charAt(i);
      boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
          : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The lower-case hexadecimal digits {@code from} to {@code to} of {@code value}. */
  private static long hex(String value, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      n = n << 4 | Character.digit(value.charAt(i), 16);
    }
    return n;
  }
}
