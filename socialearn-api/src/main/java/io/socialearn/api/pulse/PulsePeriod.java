package io.socialearn.api.pulse;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * A half-open span of time {@code [from, to)} a pulse reports on. The previous period is the span
 * of the same length that ends where this one starts (shorter if that would start before the
 * year 0; see {@link #previous()}).
 *
 * <p>Immutable.
 *
 * @param from the first instant included
 * @param to the first instant after the period
 */
public record PulsePeriod(Instant from, Instant to) {
  /** The start of {@link #allTime()}. */
  public static final Instant ALL_TIME_FROM = Instant.parse("1970-01-01T00:00:00Z");
  /** The end of {@link #allTime()}. */
  public static final Instant ALL_TIME_TO = Instant.parse("3000-01-01T00:00:00Z");

  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

  /** Checks that the period is not empty and lies between the years 0 and 9999. */
  public PulsePeriod {
    Validate.required("from", from);
    Validate.required("to", to);
    if (!from.isBefore(to)) {
      throw new InvalidInputException("to", "afterFrom",
          "a period must end after it starts; from " + from + " to " + to);
    }
    if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
      throw new InvalidInputException("from", "range",
          "a period must lie between the years 0 and 9999; from " + from + " to " + to);
    }
  }

  /** The period {@code [from, to)}. */
  public static PulsePeriod of(Instant from, Instant to) {
    return new PulsePeriod(from, to);
  }

  /** The period of {@code length} that ends at {@code to}. */
  public static PulsePeriod ending(Instant to, Duration length) {
    Validate.required("to", to);
    Validate.required("length", length);
    Instant from;
    try {
      from = to.minus(length);
    } catch (DateTimeException | ArithmeticException e) {
      throw new InvalidInputException("length", "range", "a period of " + length
          + " ending at " + to + " would start before the year 0");
    }
    return new PulsePeriod(from, to);
  }

  /** Everything from 1970 to the year 3000: the whole history of any log. */
  public static PulsePeriod allTime() {
    return new PulsePeriod(ALL_TIME_FROM, ALL_TIME_TO);
  }

  /** How long the period lasts. */
  public Duration length() {
    return Duration.between(from, to);
  }

  /**
   * The period of the same length that ends where this one starts, or the part of it from the
   * year 0 on where that would start earlier.
   *
   * @throws InvalidInputException if this period starts at the first instant of the year 0,
   *     before which no period lies
   */
  public PulsePeriod previous() {
    if (from.equals(EARLIEST)) {
      throw new InvalidInputException("from", "range", "the period from " + from + " to " + to
          + " starts with the year 0: no period lies before it");
    }
    Duration length = length();
    return new PulsePeriod(Duration.between(EARLIEST, from).compareTo(length) <= 0 ? EARLIEST
        : from.minus(length), from);
  }

  /** Whether {@code at} lies in the period. */
  public boolean contains(Instant at) {
    return !at.isBefore(from) && at.isBefore(to);
  }
}
