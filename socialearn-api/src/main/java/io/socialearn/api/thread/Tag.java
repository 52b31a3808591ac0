package io.socialearn.api.thread;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import java.util.Locale;

/**
 * A topic tag such as {@code payroll} or {@code c++}, always in its normal form.
 *
 * <p>The normal form is lower-case, 1 to 35 characters of {@code a-z 0-9 + # . -}, starting with
 * a letter or a digit. {@link #of(String)} normalises what a person typed (trims, lower-cases,
 * turns inner spaces into hyphens) and then checks it; the record's constructor only checks.
 *
 * @param value the normal form
 */
public record Tag(String value) implements Comparable<Tag> {
  /** The longest tag allowed. */
  public static final int MAX_LENGTH = 35;

  /** Checks that {@code value} is in normal form. */
  public Tag {
    Validate.required("tag", value);
    if (value.isEmpty()) {
      throw new InvalidInputException("tag", "notBlank", "a tag must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidInputException("tag", "maxLength",
          "tag '" + value + "' is " + value.length() + " characters long; at most " + MAX_LENGTH
              + " are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && (i == 0 || (c != '+' && c != '#' && c != '.' && c != '-'))) {
        throw new InvalidInputException("tag", "tagCharacters",
            "tag '" + value + "' must start with a-z or 0-9 and hold only a-z 0-9 + # . -");
      }
    }
  }

  /**
   * Normalises and checks a tag as a person typed it: {@code " Payroll Tax "} becomes {@code
   * payroll-tax}.
   *
   * @throws InvalidInputException if the result is not a valid tag
   */
  public static Tag of(String raw) {
    Validate.required("tag", raw);
    String normal = raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    return new Tag(normal);
  }

  @Override
  public int compareTo(Tag other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
