package io.socialearn.harness.stackexchange;

import io.socialearn.api.SocialLearning;
import io.socialearn.api.SocialearnException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.Command;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the import's commands through the public API and counts them: a command the engine
 * refuses is counted under {@code skipped.<what>.<reason>} and reported (the first few) on stderr,
 * never fatal. Not thread-safe.
 */
final class Commands {
  private static final int WARNINGS_SHOWN = 10;

  private final SocialLearning engine;
  private final PrintStream err;
  private final Map<String, Long> counts = new TreeMap<>();
  private long executed;
  private int warnings;

  Commands(SocialLearning engine, PrintStream err) {
    this.engine = engine;
    this.err = err;
  }

  /** Runs {@code command}; returns its result, or null if the engine refused it. */
  <R> R run(String what, Viewer actor, Command<R> command) {
    try {
      R result = engine.execute(actor, command);
      executed++;
      count(what);
      return result;
    } catch (SocialearnException e) {
      count("skipped." + what + "." + e.getClass().getSimpleName());
      if (warnings++ < WARNINGS_SHOWN) {
        err.println("\nwarning: " + what + " not imported: " + e.getMessage());
      }
      return null;
    }
  }

  void count(String what) {
    counts.merge(what, 1L, Long::sum);
  }

  long executed() {
    return executed;
  }

  Map<String, Long> counts() {
    return counts;
  }
}
