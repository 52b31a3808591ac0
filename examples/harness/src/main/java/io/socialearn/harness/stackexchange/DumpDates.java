package io.socialearn.harness.stackexchange;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the dates of dump files, which are UTC without a zone. Stateless and thread-safe. */
public final class DumpDates {
  private DumpDates() {}

  /**
   * Parses {@code 2021-04-27T15:06:44.553} or {@code 2013-05-02 19:43:00} as UTC.
   *
   * @throws IllegalArgumentException naming the value if it is not such a date
   */
  public static Instant parse(String value) {
    if (value == null) {
      throw new IllegalArgumentException("missing date");
    }
    try {
      return LocalDateTime.parse(value.strip().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad date '" + value + "'", e);
    }
  }
}
