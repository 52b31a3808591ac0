package io.socialearn.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.harness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationEvalTest {

  /**
   * A candidate's C line: the topics' share of their answers and activity as given, every other
   * signal 0. The default mix weighs the share more than ten times as much as activity.
   */
  private static String candidate(String query, String person, double share, double activity) {
    return "C\t" + query + "\t" + person + "\t0\t0\t" + activity
        + "\t0\t0\t0\t0\t0\t0\t0\t0\t" + share + "\t7.5\t3";
  }

  /**
   * Five questions; in each, person 2 (the answerer) is active but off topic, person 1 on topic.
   * Training period: q1 to q4, so validation is q3 and q4; q5 is a test question.
   */
  private static List<String> site(int knownBeforeQ4) {
    return List.of(
        "Q\tq1\ttrain\t0\t2\t1000", candidate("q1", "1", 1, 0), candidate("q1", "2", 0, 2),
        "Q\tq2\ttrain\t0\t2\t2000", candidate("q2", "1", 1, 0), candidate("q2", "2", 0, 2),
        "A\tq1", "A\tq2",
        "Q\tq3\ttrain\t0\t2\t3000", candidate("q3", "1", 1, 0), candidate("q3", "2", 0, 0.5),
        "Q\tq4\ttrain\t" + knownBeforeQ4 + "\t2\t4000", candidate("q4", "1", 1, 0),
        candidate("q4", "2", 0, 0.5),
        "A\tq3",
        "Q\tq5\ttest\t3\t1\t5000", candidate("q5", "1", 1, 0), candidate("q5", "2", 0, 0.5));
  }

  private static Path write(Path dir, String name, List<String> lines) throws IOException {
    return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }

  @Test
  void ranksTheLaterHalfOfTheTrainingQueriesByTheMixLearnedFromWhatWasKnown(@TempDir Path dir)
      throws IOException {
    // q3: nothing known yet, the default mix puts person 1 (share 1) above 2 (activity 0.5): RR
    // 1/2. q4: q1 and q2 known, both answered by the active one: the learned mix ranks 2 first.
    Run learned = Run.of("eval", "validation", "--features",
        write(dir, "a.feat", site(2)).toString());
    assertThat(learned.status()).as(learned.err()).isZero();
    JsonNode s = learned.summary();
    assertThat(s.get("split").asText()).isEqualTo("validation");
    assertThat(s.get("queries").asInt()).isEqualTo(2);
    assertThat(s.get("mrr").asDouble()).isEqualTo(0.75);
    assertThat(s.get("p@1").asDouble()).isEqualTo(0.5);
    assertThat(s.get("firstAnswers").asInt()).isEqualTo(1);
    assertThat(s.get("sites").get(0).get("queries").asInt()).isEqualTo(2);

    // the same questions with nothing known before q4: the default mix ranks both second
    Run unknown = Run.of("eval", "validation", "--features",
        write(dir, "b.feat", site(0)).toString());
    assertThat(unknown.status()).as(unknown.err()).isZero();
    assertThat(unknown.summary().get("mrr").asDouble()).isEqualTo(0.5);
    assertThat(unknown.summary().get("firstAnswers").asInt()).isZero();

    // two sites pool their queries
    Run both = Run.of("eval", "validation", "--features",
        dir.resolve("a.feat") + "," + dir.resolve("b.feat"));
    assertThat(both.status()).as(both.err()).isZero();
    assertThat(both.summary().get("queries").asInt()).isEqualTo(4);
    assertThat(both.summary().get("mrr").asDouble()).isEqualTo(0.625);
    assertThat(both.summary().get("sites")).hasSize(2);
  }

  @Test
  void aWiderSplitTakesEveryTrainingQueryWithEnoughKnownBeforeIt(@TempDir Path dir)
      throws IOException {
    Path a = write(dir, "a.feat", site(2));
    // q4 alone has 2 known before it: the learned mix ranks the active answerer first
    Run two = Run.of("eval", "validation", "--features", a.toString(), "--known-at-least", "2");
    assertThat(two.status()).as(two.err()).isZero();
    assertThat(two.summary().get("queriesTaken").asText()).isEqualTo("knownAtLeast 2");
    assertThat(two.summary().get("queries").asInt()).isEqualTo(1);
    assertThat(two.summary().get("mrr").asDouble()).isEqualTo(1.0);
    // every training query: q1 to q3 by the default mix (1/2 each), q4 first; never q5, a test
    Run all = Run.of("eval", "validation", "--features", a.toString(), "--known-at-least", "0");
    assertThat(all.status()).as(all.err()).isZero();
    assertThat(all.summary().get("queries").asInt()).isEqualTo(4);
    assertThat(all.summary().get("mrr").asDouble()).isEqualTo(0.625);
    assertThat(all.summary().get("firstAnswers").asInt()).isEqualTo(1);
    Run half = Run.of("eval", "validation", "--features", a.toString());
    assertThat(half.summary().get("queriesTaken").asText()).isEqualTo("laterHalf");
    assertRefused(Run.of("eval", "validation", "--features", a.toString(), "--known-at-least",
        "-1"), "--known-at-least takes a count of queries, not '-1'");
  }

  @Test
  void evalMixLearnsFromWhatWasKnownWhenEachTestPeriodBegan(@TempDir Path dir)
      throws IOException {
    // q5, the test query, says 3 were known (q1 to q3), all answered by the active person 2
    Path a = write(dir, "a.feat", site(2));
    Run one = Run.of("eval", "mix", "--features", a.toString());
    assertThat(one.status()).as(one.err()).isZero();
    JsonNode s = one.summary();
    assertThat(s.get("queries").asInt()).isEqualTo(3);
    assertThat(s.get("mix").get("activity").asDouble())
        .isGreaterThan(s.get("mix").get("topicShare").asDouble());
    // the printed form is what eval experts --mix takes, at four decimals
    ExpertiseMix printed = ExpertsEval.parseMix(s.get("mixArg").asText());
    for (String signal : ExpertiseMix.SIGNALS) {
      assertThat(printed.asMap().get(signal)).as(signal)
          .isCloseTo(s.get("mix").get(signal).asDouble(), within(5e-5));
    }
    // a file without a test query gives all it knows; two files pool theirs
    List<String> noTest = site(2).subList(0, site(2).size() - 3);
    Path b = write(dir, "b.feat", noTest);
    Run both = Run.of("eval", "mix", "--features", a + "," + b);
    assertThat(both.status()).as(both.err()).isZero();
    assertThat(both.summary().get("queries").asInt()).isEqualTo(6);
    assertThat(both.summary().get("features")).hasSize(2);
    Run missing = Run.of("eval", "mix", "--features", dir.resolve("none").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no such features file");
  }

  @Test
  void readsWhatEvalExpertsWrites(@TempDir Path dir) throws IOException {
    Path features = dir.resolve("experts.feat");
    Run experts = Run.of("eval", "experts", "--dump",
        Run.resource("dumps/experts.example.com").toString(), "--rankings",
        dir.resolve("r.tsv").toString(), "--features", features.toString());
    assertThat(experts.status()).as(experts.err()).isZero();
    long train = Files.readAllLines(features).stream()
        .filter(l -> l.startsWith("Q\t") && l.split("\t")[2].equals("train")).count();
    assertThat(train).isPositive();
    Run run = Run.of("eval", "validation", "--features", features.toString());
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.summary().get("queries").asLong()).isEqualTo(train - train / 2);
    assertThat(run.summary().get("mrr").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void aMalformedFileIsAUsageErrorNamingTheLine(@TempDir Path dir) throws IOException {
    assertRefused(Run.of("eval", "validation", "--features", dir.resolve("none").toString()),
        "no such features file");
    assertRefused(dir, List.of("Q\tq1\ttrain\t0\t2\t1000", "X\tq1"),
        "line 2: not a Q, C or A line");
    assertRefused(dir, List.of("A\tq1", "Q\tq1\ttrain\t0\t2\t1000"),
        "line 1: an A line names a query of an earlier Q line");
    assertRefused(dir, List.of("Q\tq1\tlater\t0\t2\t1000"), "line 1: a Q line is");
    assertRefused(dir, List.of("Q\tq1\ttrain\tmany\t2\t1000"),
        "line 1: 'many' is not a count of queries");
    assertRefused(dir, List.of("Q\tq1\ttrain\t0\t2\t1000", "Q\tq1\ttrain\t0\t2\t1000"),
        "line 2: query q1 appears twice");
    assertRefused(dir, List.of(candidate("q1", "1", 1, 0)), "line 1: candidate of query q1");
    assertRefused(dir, List.of("Q\tq1\ttrain\t0\t2\t1000",
        candidate("q1", "1", 1, 0).replace("\t1.0\t", "\tNaN\t")),
        "line 2: 'NaN' is not a finite number");
    assertRefused(dir, List.of("Q\tq1\ttrain\t0\t2\t1000", "C\tq1\t1\t0.5"),
        "line 2: a C line needs query, candidate and 12 signals");
    assertRefused(dir, List.of("Q\tq1\ttrain\t4\t2\t1000"),
        "query q1 says 4 queries were known before it; the file's A lines make 0");
  }

  private static void assertRefused(Path dir, List<String> lines, String message)
      throws IOException {
    assertRefused(Run.of("eval", "validation", "--features",
        write(dir, "bad.feat", lines).toString()), message);
  }

  private static void assertRefused(Run run, String message) {
    assertThat(run.status()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(message);
  }
}
