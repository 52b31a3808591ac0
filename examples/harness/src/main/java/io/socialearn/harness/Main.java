package io.socialearn.harness;

import io.socialearn.harness.bench.ExpertsBench;
import io.socialearn.harness.bench.LogBench;
import io.socialearn.harness.bench.MeaningBench;
import io.socialearn.harness.bench.PulseBench;
import io.socialearn.harness.bench.SearchBench;
import io.socialearn.harness.bench.StoreBench;
import io.socialearn.harness.eval.DuplicatesEval;
import io.socialearn.harness.eval.ExpertsEval;
import io.socialearn.harness.eval.GainEval;
import io.socialearn.harness.eval.PulseEval;
import io.socialearn.harness.eval.ReputationEval;
import io.socialearn.harness.eval.SemevalEval;
import io.socialearn.harness.eval.MixEval;
import io.socialearn.harness.eval.ValidationEval;
import io.socialearn.harness.importer.ImportCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The harness jar's entry point: {@code java -jar socialearn-harness.jar SUBCOMMAND [options]}.
 *
 * <p>Exit status 0 on success, 2 on bad arguments or bad input (one line on stderr naming the
 * problem), 1 on anything unexpected.
 */
public final class Main {
  /** Subcommands by their full name, for example {@code "eval duplicates"}. */
  private static final Map<String, Supplier<Subcommand>> COMMANDS = new LinkedHashMap<>();

  static {
    // One line per subcommand; each lives in its own package.
    COMMANDS.put("import", ImportCommand::new);
    COMMANDS.put("eval duplicates", DuplicatesEval::new);
    COMMANDS.put("eval semeval", SemevalEval::new);
    COMMANDS.put("eval reputation", ReputationEval::new);
    COMMANDS.put("eval experts", ExpertsEval::new);
    COMMANDS.put("eval gain", GainEval::new);
    COMMANDS.put("eval validation", ValidationEval::new);
    COMMANDS.put("eval mix", MixEval::new);
    COMMANDS.put("eval pulse", PulseEval::new);
    COMMANDS.put("bench search", SearchBench::new);
    COMMANDS.put("bench log", LogBench::new);
    COMMANDS.put("bench pulse", PulseBench::new);
    COMMANDS.put("bench store", StoreBench::new);
    COMMANDS.put("bench experts", ExpertsBench::new);
    COMMANDS.put("bench meaning", MeaningBench::new);
  }

  private Main() {}

  /** Runs a subcommand and exits with its status. */
  public static void main(String[] argv) {
    System.exit(run(Arrays.asList(argv), System.out, System.err));
  }

  /** Runs a subcommand; returns the exit status instead of exiting. */
  public static int run(List<String> argv, PrintStream out, PrintStream err) {
    for (int words = Math.min(2, argv.size()); words >= 1; words--) {
      String name = String.join(" ", argv.subList(0, words));
      Supplier<Subcommand> command = COMMANDS.get(name);
      if (command != null) {
        try {
          command.get().run(Args.parse(argv.subList(words, argv.size())), out, err);
          return 0;
        } catch (UsageException e) {
          err.println("error: " + e.getMessage());
          return 2;
        } catch (Exception e) {
          err.println("error: " + name + " failed: " + e);
          e.printStackTrace(err);
          return 1;
        }
      }
    }
    err.println("error: unknown subcommand '" + String.join(" ", argv) + "'; one of: "
        + String.join(", ", COMMANDS.keySet()));
    return 2;
  }
}
