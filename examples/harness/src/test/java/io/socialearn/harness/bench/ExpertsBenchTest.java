package io.socialearn.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.harness.Run;
import org.junit.jupiter.api.Test;

class ExpertsBenchTest {

  @Test
  void aTinyCommunityIsBuiltQueriedAndSummarised() {
    Run run = Run.of("bench", "experts", "--people", "50", "--posts", "400", "--votes", "300",
        "--queries", "20");
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode s = run.summary();
    assertThat(s.get("people").asInt()).isEqualTo(50);
    assertThat(s.get("posts").asInt()).isEqualTo(400);
    assertThat(s.get("questions").asInt() + s.get("answers").asInt()).isEqualTo(400);
    assertThat(s.get("questions").asInt()).isBetween(50, 200);
    assertThat(s.get("votes").asLong()).isBetween(200L, 300L);
    assertThat(s.get("queries").asInt()).isEqualTo(20);
    for (String key : new String[] {"whoknows_p50_ms", "whoknows_p99_ms", "build_seconds"}) {
      assertThat(s.get(key).isNumber()).as(key).isTrue();
    }
    assertThat(s.get("whoknows_p99_ms").asDouble())
        .isGreaterThanOrEqualTo(s.get("whoknows_p50_ms").asDouble()).isPositive();
    assertThat(s.get("modes").get("profile").get("p99_ms").isNumber()).isTrue();
    assertThat(s.get("modes").get("documents").get("max_ms").asDouble())
        .isGreaterThanOrEqualTo(s.get("modes").get("documents").get("p99_ms").asDouble());
    // every query found people to ask
    assertThat(run.err()).contains("profile mode, ").doesNotContain("mode, 0 candidates");
    // warmed up in rounds of 500 queries of each mode until the JIT settled: at least two
    assertThat(s.get("warmup_queries").asLong()).isGreaterThanOrEqualTo(2_000);
    assertThat(s.get("warmup_queries").asLong() % 1_000).isZero();
    assertThat(run.err()).contains("who knows warm-up round 2: ");
    assertThat(s.get("modes").get("documents").get("jit_ms").asLong()).isNotNegative();
  }

  @Test
  void linkedPairsAreScoredTogetherAndAtMostHalfThePeople() {
    Run run = Run.of("bench", "experts", "--people", "50", "--posts", "400", "--votes", "300",
        "--queries", "20", "--linked", "25");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.summary().get("linked").asInt()).isEqualTo(25);
    assertThat(run.err()).contains("documents mode, ").doesNotContain("mode, 0 candidates");
    Run tooMany = Run.of("bench", "experts", "--people", "50", "--posts", "400", "--linked",
        "26");
    assertThat(tooMany.status()).isEqualTo(2);
    assertThat(tooMany.err()).contains("linked");
  }

  @Test
  void percentilesAreNearestRank() {
    double[] values = {5, 1, 4, 2, 3};
    assertThat(ExpertsBench.percentile(values, 0.5)).isEqualTo(3);
    assertThat(ExpertsBench.percentile(values, 0.99)).isEqualTo(5);
    assertThat(ExpertsBench.percentile(values, 0.2)).isEqualTo(1);
  }
}
