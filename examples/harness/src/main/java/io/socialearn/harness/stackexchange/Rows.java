package io.socialearn.harness.stackexchange;

import io.socialearn.harness.UsageException;
import java.util.Map;

/** Reads typed attributes of dump rows, failing with the file and row named. Stateless. */
final class Rows {
  private Rows() {}

  static int integer(XmlRows rows, Map<String, String> row, String name) {
    String value = row.get(name);
    if (value == null) {
      throw bad(rows, name, "is missing");
    }
    return parse(rows, name, value);
  }

  static int optionalInt(XmlRows rows, Map<String, String> row, String name, int fallback) {
    String value = row.get(name);
    return value == null || value.isBlank() ? fallback : parse(rows, name, value);
  }

  static long date(XmlRows rows, Map<String, String> row, String name) {
    try {
      return DumpDates.parse(row.get(name)).toEpochMilli();
    } catch (IllegalArgumentException e) {
      throw bad(rows, name, e.getMessage());
    }
  }

  private static int parse(XmlRows rows, String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw bad(rows, name, "is not a whole number: '" + value + "'");
    }
  }

  private static UsageException bad(XmlRows rows, String name, String problem) {
    return new UsageException(rows.file() + ": row " + (rows.rows()) + ": " + name + " "
        + problem);
  }
}
