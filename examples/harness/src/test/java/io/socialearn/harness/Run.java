package io.socialearn.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs the harness as {@code java -jar} would, capturing stdout and stderr. */
public record Run(int status, String out, String err) {

  /** Runs {@code Main.run} with the given words. */
  public static Run of(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** The last line of stdout as JSON. */
  public JsonNode summary() {
    List<String> lines = out.lines().toList();
    try {
      return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A test resource as a path. */
  public static Path resource(String name) {
    try {
      return Path.of(Run.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
