package io.socialearn.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.harness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short {@code bench log} run: every mode measured, and every acknowledged append durable. */
class LogBenchTest {
  @Test
  void aShortRunMeasuresEveryModeAndFindsEveryAcknowledgedAppendDurable(@TempDir Path dir) {
    Run run = Run.of("bench", "log", "--seconds", "1", "--threads", "1,2",
        "--replay-records", "1000", "--dir", dir.toString());
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode s = run.summary();
    long acknowledged = s.get("acknowledged").asLong();
    assertThat(acknowledged).isGreaterThan(1000);
    assertThat(s.get("durable").asLong()).isEqualTo(acknowledged);
    assertThat(s.get("raw_force_p99_us").asDouble()).isPositive();
    assertThat(s.get("sync_p99_us").asDouble()).isPositive();
    // The single caller's SYNC run took turns with the floor: its figures are the ones reported.
    assertThat(s.get("modes").get("sync").get("1").get("p99_us").asDouble())
        .isEqualTo(s.get("sync_p99_us").asDouble());
    assertThat(s.get("sync_p99_over_raw_p99").asDouble()).isPositive();
    for (String mode : new String[] {"sync", "group", "fast"}) {
      for (String threads : new String[] {"1", "2"}) {
        assertThat(s.get("modes").get(mode).get(threads).get("appends_per_s").asLong())
            .as("%s, %s threads", mode, threads).isPositive();
      }
    }
    assertThat(s.get("replay_records").asLong()).isEqualTo(1000);
    assertThat(s.get("threads_most").asInt()).isEqualTo(2);
    assertThat(s.get("group64_appends_per_s").isNull()).as("not run with 64 threads").isTrue();
    assertThat(run.err()).contains("raw write+force").contains("durable");
  }
}
