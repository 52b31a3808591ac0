package io.socialearn.harness;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr with count, rate and ETA, redrawn at most a few times a second.
 * Not thread-safe.
 */
public final class Progress {
  private static final long REDRAW_NANOS = 250_000_000L;

  private final PrintStream err;
  private final String label;
  private final long total;
  private final long startNanos = System.nanoTime();
  private long lastDraw;
  private long done;

  /**
   * Starts a progress line.
   *
   * @param label what is counted, for example {@code "posts"}
   * @param total how many are expected, or 0 if unknown (then no ETA)
   */
  public Progress(PrintStream err, String label, long total) {
    this.err = err;
    this.label = label;
    this.total = total;
  }

  /** Counts {@code n} more and redraws if it is time. */
  public void advance(long n) {
    done += n;
    long now = System.nanoTime();
    if (now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      draw(now, false);
    }
  }

  /** How many were counted. */
  public long done() {
    return done;
  }

  /** Items per second so far. */
  public double rate() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    return seconds <= 0 ? 0 : done / seconds;
  }

  /** Draws the final line and ends it. */
  public void finish() {
    draw(System.nanoTime(), true);
  }

  private void draw(long now, boolean last) {
    double seconds = (now - startNanos) / 1e9;
    double rate = seconds <= 0 ? 0 : done / seconds;
    StringBuilder line = new StringBuilder("\r").append(label).append(": ").append(done);
    if (total > 0) {
      line.append('/').append(total).append(String.format(Locale.ROOT, " (%.0f%%)",
          100.0 * done / total));
    }
    line.append(String.format(Locale.ROOT, " %.0f/s", rate));
    if (total > 0 && rate > 0 && !last) {
      line.append(String.format(Locale.ROOT, " ETA %.0fs", Math.max(0, (total - done) / rate)));
    }
    if (last) {
      line.append(String.format(Locale.ROOT, " in %.1fs%n", seconds));
    }
    err.print(line);
    err.flush();
  }
}
