package io.socialearn.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.harness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemevalEvalTest {
  private static final Path TINY = Run.resource("semeval/tiny-subtaskB.xml");

  @Test
  void readsOriginalsRepeatedOncePerThreadAsOne() {
    List<SemevalData.Original> originals = SemevalData.read(TINY);
    assertThat(originals).extracting(SemevalData.Original::id).containsExactly("Q1", "Q2");
    assertThat(originals.get(0).related()).extracting(SemevalData.Related::id)
        .containsExactly("Q1_R1", "Q1_R2", "Q1_R3");
    assertThat(originals.get(0).related().get(0).comments()).hasSize(1);
    assertThat(originals.get(0).related()).extracting(SemevalData.Related::relevant)
        .containsExactly(false, true, true);
  }

  @Test
  void mapIsComputedAsTheOfficialScorerDoes(@TempDir Path dir) throws IOException {
    Path rankings = dir.resolve("semeval.tsv");
    Run run = Run.of("eval", "semeval", "--xml", TINY.toString(), "--rankings",
        rankings.toString());
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode summary = run.summary();
    assertThat(summary.get("questions").asInt()).isEqualTo(2);
    // given order: Q1 relevant at ranks 2 and 3, AP (1/2 + 2/3) / 2; Q2 has none, AP 0
    JsonNode given = summary.get("baselines").get(1);
    assertThat(given.get("map").asDouble()).isCloseTo((0.5 + 2.0 / 3) / 4, within(1e-4));
    // by text, Q1's two bank questions come first (AP 1); Q2 still has nothing relevant
    assertThat(summary.get("map").asDouble()).isEqualTo(0.5);
    assertThat(summary.get("baselines").get(0).get("map").asDouble()).isEqualTo(0.5);
    List<String> lines = Files.readAllLines(rankings, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(4);
    // the flights question shares no word with the original: last, score 0
    assertThat(lines.get(2)).isEqualTo("Q1\t3\tQ1_R1\t0.000000");
    assertThat(lines.get(3)).isEqualTo("Q2\t1\tQ2_R1\t0.000000");
    assertThat(Files.readAllLines(Path.of(rankings + ".given.tsv")).get(0))
        .startsWith("Q1\t1\tQ1_R1\t");
  }

  @Test
  void withMeaningTheModelRanksTooAndTheIndexNamesIt(@TempDir Path dir) {
    Run run = Run.of("eval", "semeval", "--xml", TINY.toString(), "--rankings",
        dir.resolve("r.tsv").toString(), "--meaning", "minilm");
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode summary = run.summary();
    assertThat(summary.get("index").asText()).endsWith(":all-MiniLM-L6-v2-q");
    // the two bank questions still come first; the flights one matches no word
    assertThat(summary.get("map").asDouble()).isEqualTo(0.5);
  }

  @Test
  void anUnknownMeaningIsAUsageError(@TempDir Path dir) {
    Run run = Run.of("eval", "semeval", "--xml", TINY.toString(), "--rankings",
        dir.resolve("r.tsv").toString(), "--meaning", "bert");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--meaning takes none or minilm, not 'bert'");
  }

  @Test
  void badXmlIsAOneLineErrorNamingTheFile(@TempDir Path dir) throws IOException {
    Path xml = dir.resolve("broken.xml");
    String text = Files.readString(TINY, StandardCharsets.UTF_8);
    Files.writeString(xml, text.substring(0, text.length() - 40), StandardCharsets.UTF_8);
    Run run = Run.of("eval", "semeval", "--xml", xml.toString(), "--rankings",
        dir.resolve("r.tsv").toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).startsWith("error: " + xml + ": malformed XML");
  }
}
