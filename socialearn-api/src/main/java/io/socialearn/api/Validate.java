package io.socialearn.api;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The checks socialearn's value types run on what they are given, public so that a host can run
 * the same checks on a form before it builds a command. Every method throws {@link
 * InvalidInputException} naming the field and the rule. Thread-safe (stateless).
 */
public final class Validate {
  private Validate() {}

  /**
   * Returns {@code value} if it is non-null.
   *
   * @throws InvalidInputException with rule {@code "required"} if it is null
   */
  public static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidInputException(field, "required", field + " is required");
    }
    return value;
  }

  /**
   * Returns {@code value} stripped of leading and trailing white space, if what remains is
   * between 1 and {@code maxLength} characters long and holds no control characters other than
   * line breaks and tabs.
   *
   * @throws InvalidInputException with rule {@code "required"}, {@code "notBlank"}, {@code
   *     "maxLength"} or {@code "noControlCharacters"}
   */
  public static String text(String field, String value, int maxLength) {
    return text(field, value, 1, maxLength);
  }

  /**
   * Like {@link #text(String, String, int)} with a minimum length as well.
   *
   * @throws InvalidInputException with rule {@code "minLength"} if the stripped text is shorter
   */
  public static String text(String field, String value, int minLength, int maxLength) {
    String stripped = required(field, value).strip();
    if (stripped.isEmpty()) {
      throw new InvalidInputException(field, "notBlank", field + " must not be blank");
    }
    int length = stripped.codePointCount(0, stripped.length());
    if (length < minLength) {
      throw new InvalidInputException(field, "minLength",
          field + " is " + length + " characters long; at least " + minLength + " are required");
    }
    if (length > maxLength) {
      throw new InvalidInputException(field, "maxLength",
          field + " is " + length + " characters long; at most " + maxLength + " are allowed");
    }
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        throw new InvalidInputException(field, "noControlCharacters",
            field + " holds control character U+" + String.format("%04X", (int) c) + " at " + i);
      }
    }
    return stripped;
  }

  /**
   * Checks an identifier: 1 to 128 characters of letters, digits and {@code . _ - : @ +}.
   *
   * @throws InvalidInputException with rule {@code "required"}, {@code "notBlank"}, {@code
   *     "maxLength"} or {@code "idCharacters"}
   */
  public static String id(String field, String value) {
    Objects.requireNonNull(field, "field");
    required(field, value);
    if (value.isEmpty()) {
      throw new InvalidInputException(field, "notBlank", field + " must not be empty");
    }
    if (value.length() > 128) {
      throw new InvalidInputException(field, "maxLength",
          field + " is " + value.length() + " characters long; at most 128 are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-' || c == ':' || c == '@' || c == '+';
      if (!ok) {
        throw new InvalidInputException(field, "idCharacters",
            field + " may hold only letters, digits and . _ - : @ +; found '" + c + "' at " + i);
      }
    }
    return value;
  }

  /**
   * Checks that a number lies in {@code [min, max]}.
   *
   * @throws InvalidInputException with rule {@code "range"}
   */
  public static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidInputException(field, "range",
          field + " is " + value + "; it must be between " + min + " and " + max);
    }
    return value;
  }

  /**
   * Returns an unmodifiable copy of {@code values}, in their order, if neither it nor any element
   * is null.
   *
   * @throws InvalidInputException with rule {@code "required"}, naming the first null element's
   *     position if it is one
   */
  public static <T> List<T> list(String field, Collection<? extends T> values) {
    return List.copyOf(elements(field, values));
  }

  /**
   * Returns an unmodifiable set of {@code values} if neither it nor any element is null.
   *
   * @throws InvalidInputException with rule {@code "required"}, naming the first null element's
   *     position (in the collection's iteration order) if it is one
   */
  public static <T> Set<T> set(String field, Collection<? extends T> values) {
    return Set.copyOf(elements(field, values));
  }

  private static <C extends Collection<?>> C elements(String field, C values) {
    required(field, values);
    int i = 0;
    for (Object value : values) {
      if (value == null) {
        throw new InvalidInputException(field, "required",
            field + " holds null at position " + i);
      }
      i++;
    }
    return values;
  }
}
