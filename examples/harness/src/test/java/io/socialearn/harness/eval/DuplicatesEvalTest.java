package io.socialearn.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.harness.Run;
import io.socialearn.harness.stackexchange.PostIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicatesEvalTest {
  private static final Path TINY = Run.resource("dumps/tiny.example.com");

  @Test
  void queriesAreDuplicatesOfEarlierQuestionsOnly() {
    PostIndex posts = PostIndex.read(TINY.resolve("Posts.xml"));
    // 12 -> 10 counts; 10 -> 13 does not (13 is younger than 10); 13 -> 12 is not a duplicate link
    assertThat(DuplicatesEval.queries(TINY.resolve("PostLinks.xml"), posts,
        DuplicatesEval.DUPLICATE_LINK)).isEqualTo(Map.of(12, Set.of(10)));
  }

  @Test
  void relatedLinksAreTheirOwnQueries() {
    PostIndex posts = PostIndex.read(TINY.resolve("Posts.xml"));
    // 13 links 12, asked before it; the duplicate links are not among these queries
    assertThat(DuplicatesEval.queries(TINY.resolve("PostLinks.xml"), posts,
        DuplicatesEval.RELATED_LINK)).isEqualTo(Map.of(13, Set.of(12)));
  }

  @Test
  void unknownLinkTypeIsAUsageError(@TempDir Path dir) {
    Run run = Run.of("eval", "duplicates", "--dump", TINY.toString(), "--rankings",
        dir.resolve("d.tsv").toString(), "--links", "other");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: --links must be duplicate or related\n");
  }

  @Test
  void ranksOnlyQuestionsCreatedBeforeTheQueryAndNeverTheQueryItself(@TempDir Path dir)
      throws IOException {
    Path rankings = dir.resolve("dup.tsv");
    Run run = Run.of("eval", "duplicates", "--dump", TINY.toString(), "--rankings",
        rankings.toString());
    assertThat(run.status()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(rankings, StandardCharsets.UTF_8);
    // 13 is the most similar text but was asked after 12; 14 shares no term
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("12\t1\t10\t");
    List<String> baseline = Files.readAllLines(Path.of(rankings + ".bm25.tsv"));
    assertThat(baseline).hasSize(1);
    assertThat(baseline.get(0)).startsWith("12\t1\t10\t");
    JsonNode summary = run.summary();
    assertThat(summary.get("queries").asInt()).isEqualTo(1);
    assertThat(summary.get("recall@1").asDouble()).isEqualTo(1.0);
    assertThat(summary.get("mrr").asDouble()).isEqualTo(1.0);
    assertThat(summary.get("baseline").get("mrr").asDouble()).isEqualTo(1.0);
    assertThat(summary.get("index").asText()).startsWith("lucene:");
  }

  @Test
  void missingRankingsOptionIsAUsageError() {
    Run run = Run.of("eval", "duplicates", "--dump", TINY.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: missing option --rankings VALUE\n");
  }
}
