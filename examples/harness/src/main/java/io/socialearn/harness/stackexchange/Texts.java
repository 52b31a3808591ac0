package io.socialearn.harness.stackexchange;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.thread.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Makes dump text acceptable to the engine without losing posts. Stateless. */
final class Texts {
  static final String NO_TEXT = "(no text)";
  static final String NO_TITLE = "(no title)";

  private Texts() {}

  /** Drops control characters other than line breaks and tabs. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(c -> !Character.isISOControl(c) || c == '\n' || c == '\t')
        .forEach(out::appendCodePoint);
    return out.toString().strip();
  }

  static String body(String text, Commands counts) {
    String clean = clean(text);
    if (clean.isEmpty()) {
      counts.count("bodiesWithNoText");
      return NO_TEXT;
    }
    return clean;
  }

  static String title(String text, Commands counts) {
    String clean = clean(text).replaceAll("\\s+", " ");
    if (clean.isEmpty()) {
      counts.count("questionsWithNoTitle");
      return NO_TITLE;
    }
    return clean;
  }

  /**
   * The tags of a {@code Tags} attribute, {@code <a><b>} (older dumps) or {@code |a|b|} (newer),
   * normalised; a tag that cannot be made valid (a leading dot, too long) is dropped and counted.
   */
  static List<Tag> tags(String attribute, Commands counts) {
    if (attribute == null || attribute.isBlank()) {
      return List.of();
    }
    String[] raw = attribute.startsWith("<")
        ? attribute.substring(1, attribute.length() - (attribute.endsWith(">") ? 1 : 0))
            .split("><")
        : attribute.split("\\|");
    Set<Tag> tags = new LinkedHashSet<>();
    for (String name : raw) {
      if (name.isBlank()) {
        continue;
      }
      Tag tag = tag(name);
      if (tag == null) {
        counts.count("tagsDropped");
      } else {
        tags.add(tag);
      }
    }
    return new ArrayList<>(tags);
  }

  /** A dump tag as a socialearn tag: {@code .net} becomes {@code net}; null if impossible. */
  static Tag tag(String name) {
    String normal = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-")
        .replaceFirst("^[^a-z0-9]+", "");
    try {
      return normal.isEmpty() ? null : Tag.of(normal);
    } catch (InvalidInputException e) {
      return null;
    }
  }
}
