package io.socialearn.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.harness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SearchBenchTest {
  private static final Path DUMP = Path.of("src/test/resources/dumps/experts.example.com");

  @Test
  void aDumpIsReplayedIndexedBothWaysAndTimed() {
    Run run = Run.of("bench", "search", "--dump", DUMP.toString(), "--queries", "20");
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode s = run.summary();
    // the fixture's 11 questions and 12 answers, and besides them its comments, votes, accepts
    assertThat(s.get("posts").asLong()).isEqualTo(23);
    assertThat(s.get("events").asLong()).isGreaterThan(23);
    assertThat(s.get("dump").asText()).endsWith("experts.example.com");
    for (String key : new String[] {"import_posts_per_s", "raw_import_posts_per_s",
        "search_p50_ms", "search_p99_ms", "raw_lucene_p99_ms", "similar_p99_ms",
        "freshness_p99_ms", "vote_sort_p99_ms", "hostile_max_ms"}) {
      assertThat(s.get(key)).as(key).isNotNull();
      assertThat(s.get(key).asDouble()).as(key).isPositive();
    }
    assertThat(s.get("hostile_unexpected_errors").asLong()).isZero();
    assertThat(s.get("search_partial").asLong()).isZero();
  }

  @Test
  void aMissingDumpIsAUsageError() {
    Run run = Run.of("bench", "search", "--dump", "no/such/dump", "--queries", "20");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--dump no/such/dump: no such directory");
  }
}
