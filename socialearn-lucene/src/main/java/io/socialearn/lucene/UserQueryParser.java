package io.socialearn.lucene;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses what a person typed into a search box. Thread-safe (stateless).
 *
 * <p>Syntax: words; {@code "quoted phrases"} (an unclosed quote runs to the end); {@code
 * tag:x}, {@code author:id}, {@code space:id}; {@code is:question|discussion|article|answered|
 * unanswered|accepted|open|closed|duplicate}; {@code score:N} with {@code >, >=, <, <=} or
 * {@code =}; {@code created:DATE} (ISO {@code yyyy-MM-dd}, UTC) with the same comparisons; and a
 * leading minus on any of them to exclude. A word with a colon whose prefix is not an operator
 * is a word. Every other string is words: the parser never fails except on an operator with a
 * bad value, on more than {@value #MAX_OPERATORS} operators or phrases, or on text that is
 * blank, too long or holds control characters, always with {@link InvalidInputException}
 * (field {@code "text"}, except for a bad {@code tag:}, {@code author:} or {@code space:} value,
 * which names {@code "tag"}, {@code "personId"} or {@code "spaceId"} as the value types do).
 * Words beyond the first {@value #MAX_WORDS} are dropped.
 */
final class UserQueryParser {
  /** The most words kept; the rest of a long paste is ignored. */
  static final int MAX_WORDS = 32;
  /** The most operators and phrases accepted. */
  static final int MAX_OPERATORS = 16;
  static final int MAX_LENGTH = 1_000;

  private UserQueryParser() {}

  static UserQuery parse(String text) {
    if (text == null) {
      throw new InvalidInputException("text", "required", "text is required");
    }
    if (text.length() > MAX_LENGTH * 2) {
      throw new InvalidInputException("text", "maxLength",
          "text is " + text.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
    }
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      throw new InvalidInputException("text", "notBlank", "text must not be blank");
    }
    if (stripped.codePointCount(0, stripped.length()) > MAX_LENGTH) {
      throw new InvalidInputException("text", "maxLength",
          "text is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (Character.isISOControl(c) && !Character.isWhitespace(c)) {
        throw new InvalidInputException("text", "noControlCharacters",
            "text holds control character U+" + String.format("%04X", (int) c) + " at " + i);
      }
    }
    List<UserQuery.Clause> clauses = new ArrayList<>();
    int words = 0;
    int operators = 0;
    int i = 0;
    int n = stripped.length();
    while (i < n) {
      if (Character.isWhitespace(stripped.charAt(i))) {
        i++;
        continue;
      }
      boolean negated = false;
      if (stripped.charAt(i) == '-' && i + 1 < n && !Character.isWhitespace(stripped.charAt(i + 1))) {
        negated = true;
        i++;
      }
      UserQuery.Clause clause;
      if (stripped.charAt(i) == '"') {
        int close = stripped.indexOf('"', i + 1);
        int end = close < 0 ? n : close;
        clause = new UserQuery.Phrase(stripped.substring(i + 1, end), negated);
        i = close < 0 ? n : close + 1;
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(stripped.charAt(end))) {
          end++;
        }
        String token = stripped.substring(i, end);
        i = end;
        clause = operator(token, negated);
        if (clause == null) {
          clause = new UserQuery.Word(token, negated);
        }
      }
      if (clause instanceof UserQuery.Word) {
        if (++words > MAX_WORDS) {
          continue;
        }
      } else if (++operators > MAX_OPERATORS) {
        throw new InvalidInputException("text", "tooManyOperators",
            "a search may hold at most " + MAX_OPERATORS + " operators and phrases");
      }
      clauses.add(clause);
    }
    return new UserQuery(clauses);
  }

  /** The operator {@code token} spells, or null if it is a word. */
  private static UserQuery.Clause operator(String token, boolean negated) {
    int colon = token.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String name = token.substring(0, colon).toLowerCase(Locale.ROOT);
    String value = token.substring(colon + 1);
    if (!List.of("tag", "author", "space", "is", "score", "created").contains(name)) {
      return null;
    }
    if (value.isEmpty()) {
      throw new InvalidInputException("text", "operatorValue",
          "'" + name + ":' needs a value, for example " + example(name));
    }
    return switch (name) {
      case "tag" -> new UserQuery.Term(Fields.TAG, Tag.of(value).value(), negated);
      case "author" -> new UserQuery.Term(Fields.AUTHOR, PersonId.of(value).value(), negated);
      case "space" -> new UserQuery.Term(Fields.SPACE, SpaceId.of(value).value(), negated);
      case "is" -> new UserQuery.Is(flag(value), negated);
      case "score" -> score(value, negated);
      default -> created(value, negated);
    };
  }

  private static String example(String name) {
    return switch (name) {
      case "tag" -> "tag:payroll";
      case "author" -> "author:ana";
      case "space" -> "space:finance";
      case "is" -> "is:unanswered";
      case "score" -> "score:>=3";
      default -> "created:>2024-01-01";
    };
  }

  private static UserQuery.Flag flag(String value) {
    try {
      return UserQuery.Flag.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("text", "operatorValue",
          "is:" + value + " is not known; use is:question, is:discussion, is:article,"
              + " is:answered, is:unanswered, is:accepted, is:open, is:closed or is:duplicate");
    }
  }

  /** The comparison at the start of an operator value, and the rest. */
  private record Comparison(String op, String operand) {
    static Comparison of(String value) {
      for (String op : List.of(">=", "<=", ">", "<", "=")) {
        if (value.startsWith(op)) {
          return new Comparison(op, value.substring(op.length()));
        }
      }
      return new Comparison("=", value);
    }
  }

  private static UserQuery.Clause score(String value, boolean negated) {
    Comparison comparison = Comparison.of(value);
    long number;
    try {
      number = Long.parseLong(comparison.operand());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("text", "operatorValue",
          "score:" + value + " needs a whole number, for example score:>=3");
    }
    if (number > 1_000_000_000L || number < -1_000_000_000L) {
      throw new InvalidInputException("text", "operatorValue",
          "score:" + value + " is out of range");
    }
    return switch (comparison.op()) {
      case ">=" -> new UserQuery.Score(number, Long.MAX_VALUE, negated);
      case ">" -> new UserQuery.Score(number + 1, Long.MAX_VALUE, negated);
      case "<=" -> new UserQuery.Score(Long.MIN_VALUE, number, negated);
      case "<" -> new UserQuery.Score(Long.MIN_VALUE, number - 1, negated);
      default -> new UserQuery.Score(number, number, negated);
    };
  }

  private static UserQuery.Clause created(String value, boolean negated) {
    Comparison comparison = Comparison.of(value);
    LocalDate day;
    try {
      day = LocalDate.parse(comparison.operand());
      if (day.getYear() < 1 || day.getYear() > 9999) {
        throw new DateTimeException("year out of range");
      }
    } catch (DateTimeException e) {
      throw new InvalidInputException("text", "operatorValue",
          "created:" + value + " needs a date as yyyy-MM-dd, for example created:>2024-01-01");
    }
    long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long next = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    return switch (comparison.op()) {
      case ">=" -> new UserQuery.Created(start, Long.MAX_VALUE, negated);
      case ">" -> new UserQuery.Created(next, Long.MAX_VALUE, negated);
      case "<=" -> new UserQuery.Created(Long.MIN_VALUE, next - 1, negated);
      case "<" -> new UserQuery.Created(Long.MIN_VALUE, start - 1, negated);
      default -> new UserQuery.Created(start, next - 1, negated);
    };
  }
}
