package io.socialearn.harness;

import java.io.PrintStream;

/**
 * One subcommand of the harness, such as {@code import} or {@code eval duplicates}.
 *
 * <p>A subcommand prints progress to {@code err} on long work and, as the last line of {@code
 * out}, one JSON object with its summary figures (see {@link JsonSummary}). It throws {@link
 * UsageException} for bad arguments or bad input, which the harness turns into a one-line error
 * and exit status 2.
 */
@FunctionalInterface
public interface Subcommand {

  /** Runs the subcommand with the arguments after its name. */
  void run(Args args, PrintStream out, PrintStream err) throws Exception;
}
