package io.socialearn.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.harness.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    // warmed up in rounds of 500 until the JIT settled: at least two rounds
    for (String key : new String[] {"search_warmup_queries", "similar_warmup_queries"}) {
      assertThat(s.get(key).asLong()).as(key).isGreaterThanOrEqualTo(1_000);
      assertThat(s.get(key).asLong() % 500).as(key).isZero();
    }
    assertThat(s.get("search_jit_ms").asLong()).isNotNegative();
    assertThat(s.get("similar_jit_ms").asLong()).isNotNegative();
    // both imported in turns, each in a JVM of its own; the ratio is raw Lucene's time over
    // socialearn's, up to the rounding of the two rates to whole posts and of the ratio itself
    double ours = s.get("import_posts_per_s").asDouble();
    double raw = s.get("raw_import_posts_per_s").asDouble();
    assertThat(s.get("import_ratio").asDouble()).isCloseTo(ours / raw,
        org.assertj.core.data.Offset.offset(ours / raw * (0.5 / ours + 0.5 / raw) * 1.01
            + 0.0006));
    // in turns wherever there is a kill command to pause the worker not taking its turn
    boolean canPause = java.nio.file.Files.isExecutable(Path.of("/bin/kill"))
        || java.nio.file.Files.isExecutable(Path.of("/usr/bin/kill"));
    assertThat(s.get("import_sliced").asBoolean()).isEqualTo(canPause);
    assertThat(s.get("import_turns").asLong()).isGreaterThanOrEqualTo(canPause ? 2 : 0);
    // the collection and compilation time of each measured import
    for (String key : new String[] {"import_gc_ms", "raw_import_gc_ms", "import_jit_ms",
        "raw_import_jit_ms", "import_cpu_posts_per_s", "raw_import_cpu_posts_per_s"}) {
      assertThat(s.get(key)).as(key).isNotNull();
      assertThat(s.get(key).asLong()).as(key).isNotNegative();
    }
    // each worker warmed up alone, its stderr relayed
    assertThat(run.err()).contains("[raw] raw Lucene import warm-up round 1: ",
        "[raw] raw Lucene import at full size warm-up round 1: ",
        "[socialearn] socialearn import warm-up round 1: ",
        "[socialearn] socialearn import at full size warm-up round 1: ",
        "imports in turns: raw Lucene ",
        "typical searches warm-up round 2: ", "similar questions warm-up round 2: ");
  }

  @Test
  void aMissingDumpIsAUsageError() {
    Run run = Run.of("bench", "search", "--dump", "no/such/dump", "--queries", "20");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--dump no/such/dump: no such directory");
  }

  @Test
  void recentAnswersGoToRecentQuestionsAndUniformOnesAnywhere() {
    assertThat(medianQuestionsBack(false)).isLessThan(400);
    assertThat(medianQuestionsBack(true)).isGreaterThan(2_000);
  }

  @Test
  void anUnknownAnswerModeIsAUsageError() {
    Run run = Run.of("bench", "search", "--posts", "100", "--answers", "soon");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--answers takes recent or uniform, not 'soon'");
  }

  @Test
  void answersDoNotGoWithADump() {
    Run run = Run.of("bench", "search", "--dump", DUMP.toString(), "--answers", "uniform");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--answers shapes the synthetic corpus");
  }

  /** How many questions back the answers of a 20,000-post corpus go, at the median. */
  private static int medianQuestionsBack(boolean uniform) {
    List<ThreadStarted> questions = new ArrayList<>();
    List<DomainEvent> events = SearchBench.generate(new Corpus(7, 1_000), 20_000, questions,
        uniform);
    Map<String, Integer> position = new HashMap<>();
    List<Integer> back = new ArrayList<>();
    for (DomainEvent event : events) {
      if (event instanceof ThreadStarted t) {
        position.put(t.thread().value(), position.size());
      } else if (event instanceof AnswerPosted a) {
        back.add(position.size() - 1 - position.get(a.thread().value()));
      }
    }
    assertThat(back).hasSizeGreaterThan(4_000);
    back.sort(null);
    return back.get(back.size() / 2);
  }
}
