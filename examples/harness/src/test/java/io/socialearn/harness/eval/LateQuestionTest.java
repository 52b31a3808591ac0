package io.socialearn.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.harness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two dumps with the same rows, one of them listing test question 109 (2021-01-09) in Posts.xml
 * after the answers of 2021-01-11 to 14, too late for the replay's reordering window: replayed
 * after those answers, who knows would count them, which the baselines do not. The question is
 * left out instead, for socialearn and the baselines alike.
 */
class LateQuestionTest {
  @Test
  void aQuestionReplayedAfterLaterRowsIsLeftOut(@TempDir Path dir) throws IOException {
    Path ordered = dir.resolve("ordered.tsv");
    Path late = dir.resolve("late.tsv");
    Run inOrder = Run.of("eval", "experts", "--dump",
        Run.resource("dumps/late-question-ordered").toString(), "--rankings",
        ordered.toString(), "--learn", "false");
    Run lateRow = Run.of("eval", "experts", "--dump",
        Run.resource("dumps/late-question").toString(), "--rankings", late.toString(),
        "--learn", "false");
    assertThat(inOrder.status()).as(inOrder.err()).isZero();
    assertThat(lateRow.status()).as(lateRow.err()).isZero();
    assertThat(inOrder.summary().get("lateQuestionsLeftOut").asInt()).isZero();
    assertThat(lateRow.summary().get("lateQuestionsLeftOut").asInt()).isEqualTo(1);
    int queries = inOrder.summary().get("queries").asInt();
    assertThat(lateRow.summary().get("queries").asInt()).isEqualTo(queries - 1);
    for (String ranker : List.of("", ".recency.tsv", ".tagAnswers.tsv", ".mostActive.tsv")) {
      List<String> with = Files.readAllLines(Path.of(ordered + ranker));
      List<String> without = Files.readAllLines(Path.of(late + ranker));
      // Every ranking of the late dump is one the ordered dump gives, and 109's is not there.
      assertThat(with).containsAll(without);
      assertThat(with).anyMatch(line -> line.startsWith("109\t"));
      assertThat(without).noneMatch(line -> line.startsWith("109\t"));
    }
  }
}
