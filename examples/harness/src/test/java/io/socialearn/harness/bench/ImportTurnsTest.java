package io.socialearn.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker that exits without answering fails the measurement at once, naming it. */
class ImportTurnsTest {
  @Test
  void aWorkerThatExitsFailsTheImportsWithItsStatus(@TempDir Path work) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

    // no such dump: the raw Lucene worker fails while building its events and exits
    assertThatThrownBy(() -> ImportTurns.measure(List.of("--dump", "no/such/dump"), 10, work,
        work.resolve("socialearn"), errors))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("raw worker exited with status")
        .hasMessageContaining("at start");
    // what the worker printed on its way out reached the caller's stderr
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("[raw] ");
  }
}
