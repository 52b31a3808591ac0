package io.socialearn.harness.bench;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Warm-up before a timed loop: untimed rounds of the same kind of work until the JIT compiler
 * has settled, so that the percentiles measure compiled code rather than the compiler at work.
 * On a 2-core machine the compiler threads compete with the timed thread for a core, and code
 * still running in the interpreter is several times slower: with a fixed 500 typical searches
 * of warm-up, the first 900 of 3,000 measured searches held 27 of the slowest 30, and the p99
 * of the 3,000 was 11.5-13.6 ms, against 3.4-4.2 ms once the compiler had settled (session
 * 19). The timed loop should draw its inputs from a generator of its own, so that how long the
 * warm-up took does not change what is measured. Not thread-safe.
 */
final class Warmup {
  /**
   * A round counts as settled when the compiler worked at most this share of the round's
   * wall-clock time; the warm-up ends after {@link #SETTLED_ROUNDS} such rounds in a row.
   */
  static final double SETTLED_SHARE = 0.05;

  /** Settled rounds in a row that end the warm-up. */
  static final int SETTLED_ROUNDS = 2;

  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private Warmup() {}

  /**
   * Runs {@code round} until the compiler has settled in {@link #SETTLED_ROUNDS} rounds in a
   * row, or {@code maxRounds} times; returns the rounds run. Reports each round's compilation
   * time to {@code err}.
   */
  static int untilSettled(String what, Runnable round, int maxRounds, PrintStream err) {
    return untilSettled(what, round, maxRounds, err, Warmup::compileMillis);
  }

  /**
   * As {@link #untilSettled(String, Runnable, int, PrintStream)}, the compiler's total time in
   * milliseconds read from {@code jit}.
   */
  static int untilSettled(String what, Runnable round, int maxRounds, PrintStream err,
      LongSupplier jit) {
    int rounds = 0;
    int settled = 0;
    while (rounds < maxRounds && settled < SETTLED_ROUNDS) {
      long compiled = jit.getAsLong();
      long start = System.nanoTime();
      round.run();
      rounds++;
      double wallMillis = (System.nanoTime() - start) / 1e6;
      long compiling = jit.getAsLong() - compiled;
      err.printf(Locale.ROOT, "%s warm-up round %d: %.0f ms, %d ms of it compiling%n", what,
          rounds, wallMillis, compiling);
      settled = compiling <= SETTLED_SHARE * wallMillis ? settled + 1 : 0;
    }
    return rounds;
  }

  /**
   * The JIT compiler's total time so far in milliseconds (all compiler threads), or 0 if this
   * JVM does not keep it.
   */
  static long compileMillis() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported()
        ? JIT.getTotalCompilationTime() : 0;
  }
}
