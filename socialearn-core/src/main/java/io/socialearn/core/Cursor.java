package io.socialearn.core;

import io.socialearn.api.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in an ordered list: the sort key of the last item shown. Lists are ordered by
 * ascending {@code (primary, secondary)}, and the next page holds the items whose key is greater,
 * so items that arrive meanwhile never shift a page.
 */
record Cursor(String list, long primary, long secondary) implements Comparable<Cursor> {

  @Override
  public int compareTo(Cursor other) {
    int c = Long.compare(primary, other.primary);
    return c != 0 ? c : Long.compare(secondary, other.secondary);
  }

  String encode() {
    String raw = list + ":" + primary + ":" + secondary;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor made for {@code list}; anything else is invalid input. */
  static Cursor decode(String encoded, String list) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      // The list's name may hold ':' (a space id does): the two numbers are the last parts.
      String prefix = list + ":";
      String[] parts = raw.startsWith(prefix) ? raw.substring(prefix.length()).split(":", -1)
          : new String[0];
      if (parts.length == 2) {
        return new Cursor(list, Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below: a cursor is either ours or invalid
    }
    throw new InvalidInputException("cursor", "format",
        "cursor is not one this list handed out (list '" + list + "')");
  }
}
