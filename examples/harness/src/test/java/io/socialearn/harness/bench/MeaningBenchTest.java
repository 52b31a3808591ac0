package io.socialearn.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.harness.Run;
import org.junit.jupiter.api.Test;

class MeaningBenchTest {
  @Test
  void importsAndAsksBothWaysAndReportsEach() {
    Run run = Run.of("bench", "meaning", "--posts", "300", "--drafts", "20");
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode s = run.summary();
    assertThat(s.get("posts").asInt()).isEqualTo(300);
    assertThat(s.get("questions").asInt()).isBetween(150, 300);
    assertThat(s.get("embedder").asText()).isEqualTo("all-MiniLM-L6-v2-q");
    double words = s.get("words_import_posts_per_s").asDouble();
    double meaning = s.get("meaning_import_posts_per_s").asDouble();
    assertThat(words).isPositive();
    assertThat(meaning).isPositive();
    // the ratio is of the unrounded rates: allow the rounding of both
    assertThat(s.get("import_ratio").asDouble())
        .isCloseTo(meaning / words, within(0.0005 + (0.5 / words + 0.5 / meaning) * 2));
    for (String name : new String[] {"words_similar", "meaning_similar", "embed"}) {
      assertThat(s.get(name + "_p99_ms").asDouble())
          .isGreaterThanOrEqualTo(s.get(name + "_p50_ms").asDouble()).isPositive();
    }
    assertThat(run.err()).contains("words similar: p50").contains("meaning similar: p50");
  }
}
