package io.socialearn.harness.eval;

import io.socialearn.harness.UsageException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes rankings as TSV lines {@code queryId<TAB>rank<TAB>candidateId<TAB>score}, ranks from 1.
 * Not thread-safe.
 */
final class RankingWriter implements AutoCloseable {
  private final Path file;
  private final BufferedWriter out;

  RankingWriter(Path file) {
    this.file = file;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException(file + ": cannot write rankings: " + e.getMessage(), e);
    }
  }

  void write(String queryId, List<Ranked> ranking, int limit) {
    try {
      for (int i = 0; i < Math.min(limit, ranking.size()); i++) {
        Ranked r = ranking.get(i);
        out.write(queryId + "\t" + (i + 1) + "\t" + r.id() + "\t"
            + String.format(Locale.ROOT, "%.6f", r.score()) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Writes one raw line (a newline is added). */
  void line(String text) {
    try {
      out.write(text + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
