package io.socialearn.api;

import java.util.Objects;

/**
 * A value given to socialearn breaks a rule; it names the field and the rule.
 *
 * <p>For example field {@code "title"}, rule {@code "maxLength"}, message {@code "title is 312
 * characters long; at most 200 are allowed"}.
 */
public final class InvalidInputException extends SocialearnException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param field the name of the offending field
   * @param rule a short, stable name of the rule, for example {@code "maxLength"}
   * @param message a sentence that says what is wrong
   */
  public InvalidInputException(String field, String rule, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.field = Objects.requireNonNull(field, "field");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /** The name of the offending field, for example {@code "title"}. */
  public String field() {
    return field;
  }

  /** A short, stable name of the rule that was broken, for example {@code "maxLength"}. */
  public String rule() {
    return rule;
  }
}
