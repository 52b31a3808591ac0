package io.socialearn.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of the form {@code --name value} (or {@code --flag}), checked strictly: an option the
 * subcommand does not read is an error, reported by {@link #done()}. Not thread-safe.
 */
public final class Args {
  private final Map<String, String> options = new LinkedHashMap<>();
  private final Set<String> read = new HashSet<>();

  private Args() {}

  /**
   * Parses {@code --name value} pairs; a {@code --name} followed by another option or nothing is
   * a flag with value {@code "true"}.
   *
   * @throws UsageException on a stray word or a repeated option
   */
  public static Args parse(List<String> words) {
    Args args = new Args();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (!word.startsWith("--") || word.length() == 2) {
        throw new UsageException("unexpected argument '" + word + "'; options look like --name value");
      }
      String name = word.substring(2);
      String value = "true";
      if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
        value = words.get(++i);
      }
      if (args.options.put(name, value) != null) {
        throw new UsageException("option --" + name + " given twice");
      }
    }
    return args;
  }

  /** The value of a required option. */
  public String required(String name) {
    read.add(name);
    String value = options.get(name);
    if (value == null || value.equals("true")) {
      throw new UsageException("missing option --" + name + " VALUE");
    }
    return value;
  }

  /** The value of an optional option, or {@code fallback}. */
  public String optional(String name, String fallback) {
    read.add(name);
    return options.getOrDefault(name, fallback);
  }

  /** Whether a flag is present. */
  public boolean flag(String name) {
    read.add(name);
    return options.containsKey(name);
  }

  /** An optional whole-number option within bounds. */
  public long number(String name, long fallback, long min, long max) {
    String raw = optional(name, null);
    if (raw == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.replace("_", ""));
      if (value < min || value > max) {
        throw new UsageException("--" + name + " must be between " + min + " and " + max
            + ", was " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, was '" + raw + "'");
    }
  }

  /** A required option naming an existing directory. */
  public Path directory(String name) {
    Path dir = Path.of(required(name));
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--" + name + " " + dir + ": no such directory");
    }
    return dir;
  }

  /** A required option naming an existing, readable file. */
  public Path existingFile(String name) {
    Path file = Path.of(required(name));
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UsageException("--" + name + " " + file + ": no such readable file");
    }
    return file;
  }

  /** Fails on any option that was given but never read. */
  public void done() {
    for (String name : options.keySet()) {
      if (!read.contains(name)) {
        throw new UsageException("unknown option --" + name);
      }
    }
  }
}
