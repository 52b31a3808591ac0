package io.socialearn.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.people.PersonId;
import io.socialearn.core.ExpertiseMixLearner;
import io.socialearn.harness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpertsEvalTest {
  /**
   * Eleven questions, one a day: Bob (2) answers the staking ones, Carol (3) the wallet ones (Bob
   * once too, on 108). The test period is index floor(0.8 × 11) = 8 on: 109 (wallet, accepted
   * Carol: a query), 110 (accepted Dave, who never answered before: not a query) and 111 (Carol's
   * own question, self-answered: not a query).
   */
  private static final Path DUMP = Run.resource("dumps/experts.example.com");

  @Test
  void followsTheProtocolOnAHandMadeDump(@TempDir Path dir) throws IOException {
    Path rankings = dir.resolve("experts.tsv");
    Run run = Run.of("eval", "experts", "--dump", DUMP.toString(), "--rankings",
        rankings.toString());
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode summary = run.summary();
    assertThat(summary.get("queries").asInt()).isEqualTo(1);
    // Carol answered four wallet questions before 109; socialearn ranks her first
    List<String> ours = Files.readAllLines(rankings, StandardCharsets.UTF_8);
    assertThat(ours.get(0)).startsWith("109\t1\t3\t");
    // candidates are people with an earlier answer: never the asker (1) or Dave (4)
    assertThat(ours).allMatch(l -> l.startsWith("109\t"))
        .extracting(l -> l.split("\t")[2]).containsOnly("2", "3");
    assertThat(summary.get("mrr").asDouble()).isEqualTo(1.0);
    assertThat(summary.get("p@1").asDouble()).isEqualTo(1.0);
    // most active: Bob (5 answers) before Carol (4): RR 1/2, P@1 0, recall@10 1
    JsonNode active = summary.get("baselines").get("mostActive");
    assertThat(active.get("mrr").asDouble()).isEqualTo(0.5);
    assertThat(active.get("p@1").asDouble()).isZero();
    assertThat(active.get("recall@10").asDouble()).isEqualTo(1.0);
    assertThat(Files.readAllLines(Path.of(rankings + ".mostActive.tsv")))
        .containsExactly("109\t1\t2\t5.000000", "109\t2\t3\t4.000000");
    // answers in the query's tag: Carol 4, Bob 1
    assertThat(Files.readAllLines(Path.of(rankings + ".tagAnswers.tsv")))
        .containsExactly("109\t1\t3\t4.000000", "109\t2\t2\t1.000000");
    assertThat(summary.get("baselines").get("recency").get("mrr").asDouble()).isEqualTo(1.0);
    assertThat(summary.get("bestBaseline").asText()).isEqualTo("tagAnswers");
  }

  @Test
  void anUnknownLearnerOrLearnValueIsAUsageError(@TempDir Path dir) {
    Run learner = Run.of("eval", "experts", "--dump", DUMP.toString(), "--rankings",
        dir.resolve("r.tsv").toString(), "--learner", "svm");
    assertThat(learner.status()).isEqualTo(2);
    assertThat(learner.err()).contains("--learner takes listwise or ascent, not 'svm'");
    Run learn = Run.of("eval", "experts", "--dump", DUMP.toString(), "--rankings",
        dir.resolve("r.tsv").toString(), "--learn", "no");
    assertThat(learn.status()).isEqualTo(2);
    assertThat(learn.err()).contains("--learn takes true or false, not 'no'");
  }

  @Test
  void theRecencyBaselineWeighsEachAnswerByHalfAMonth() {
    ExpertsEval.History history = new ExpertsEval.History();
    long day = 86_400_000L;
    history.answers.put("7", List.of(new ExpertsEval.History.Answer(0, List.of())));
    var ranked = history.baselines(List.of(), 30 * day, null);
    // one answer 30 days old: recent = 0.5, none in the tags
    assertThat(ranked.get("recency").get(0).score()).isCloseTo(Math.log1p(5), within(1e-12));
    assertThat(ranked.get("mostActive").get(0).score()).isEqualTo(1.0);
  }

  @Test
  void aTestQueryIsLearnedFromOnlyOnceItsAcceptIsOlderThanTheDayOfTheQuestion() {
    long day = 86_400_000L;
    var q1 = new ExpertsEval.TrainingQuery(new double[][] {{1, 0, 0, 0, 0, 0}},
        new String[] {"1"}, 0);
    var q2 = new ExpertsEval.TrainingQuery(new double[][] {{0, 1, 0, 0, 0, 0}},
        new String[] {"2"}, 0);
    var q3 = new ExpertsEval.TrainingQuery(new double[][] {{0, 0, 1, 0, 0, 0}},
        new String[] {"3"}, 0);
    List<Map.Entry<String, ExpertsEval.TrainingQuery>> pending = new ArrayList<>(List.of(
        Map.entry("a1", q1), Map.entry("a2", q2), Map.entry("a3", q3)));
    // a1 accepted yesterday, a2 earlier today, a3 not accepted yet
    Map<String, Long> accepted = Map.of("a1", 9 * day + 5, "a2", 10 * day + 5);
    List<ExpertsEval.TrainingQuery> training = new ArrayList<>();
    ExpertsEval.admit(pending, accepted, 10 * day, training);
    assertThat(training).containsExactly(q1);
    assertThat(pending).extracting(Map.Entry::getKey).containsExactly("a2", "a3");
    ExpertsEval.admit(pending, accepted, 11 * day, training);
    assertThat(training).containsExactly(q1, q2);
    assertThat(pending).extracting(Map.Entry::getKey).containsExactly("a3");
  }

  @Test
  void theMixIsLearnedToRankTheRelevantFirst() {
    // two signals; only the second tells the relevant candidate apart
    var q = new ExpertsEval.TrainingQuery(new double[][] {
        {1, 0, 0, 0, 0, 0}, {0.5, 0, 0, 0, 2, 0}}, new String[] {"1", "2"}, 1);
    ExpertiseMix start = new ExpertiseMix(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(ExpertsEval.MixLearner.mrr(List.of(q), start.weights())).isEqualTo(0.5);
    ExpertiseMix learned = ExpertsEval.MixLearner.learn(List.of(q), start);
    assertThat(ExpertsEval.MixLearner.mrr(List.of(q), learned.weights())).isEqualTo(1.0);
    assertThat(ExpertsEval.sourceId(PersonId.of("u17"))).isEqualTo("17");
    assertThat(ExpertsEval.sourceId(PersonId.of("anon-p3"))).isNull();
  }

  @Test
  void severalStartsLearnAtLeastAsWellAsEachAlone() {
    // the relevant candidate needs the first and the third signal together
    var q1 = new ExpertsEval.TrainingQuery(new double[][] {
        {2, 0, 0, 0, 0, 0, 0}, {0, 0, 2, 0, 0, 0, 0}, {1, 0, 1.5, 0, 0, 0, 0}},
        new String[] {"1", "2", "3"}, 2);
    var q2 = new ExpertsEval.TrainingQuery(new double[][] {
        {1, 1, 0, 0, 0, 0, 0}, {0, 2, 1, 0, 0, 0, 0}}, new String[] {"4", "5"}, 1);
    List<ExpertsEval.TrainingQuery> queries = List.of(q1, q2);
    double both = ExpertsEval.MixLearner.mrr(queries,
        ExpertsEval.MixLearner.learn(queries, ExpertsEval.STARTS).weights());
    for (ExpertiseMix start : ExpertsEval.STARTS) {
      assertThat(both).isGreaterThanOrEqualTo(ExpertsEval.MixLearner.mrr(queries,
          ExpertsEval.MixLearner.learn(queries, start).weights()));
    }
    assertThat(both).isEqualTo(1.0);
    // the second start is the recency baseline's formula: recent answers in the tags and overall
    assertThat(ExpertsEval.STARTS.get(1).asMap()).containsEntry("topicRecent", 1.0)
        .containsEntry("activity", 1.0).containsEntry("topic", 0.0);
  }

  /**
   * The relevant is half as active but answered 3 days ago, the other 10 days ago: only the week
   * scale still tells them apart by enough to outweigh activity (on the hour, 6-hour and one-day
   * scales both have all but forgotten), so that is the scale a learner must weigh.
   */
  private static ExpertsEval.TrainingQuery weekScaleQuery() {
    double[] relevant = {0, 0, 0.5, 0, 0, 0, 0, Math.exp(-72), Math.exp(-72 / 6.0),
        Math.exp(-72 / 24.0), Math.exp(-72 / 168.0)};
    double[] other = {0, 0, 1, 0, 0, 0, 0, Math.exp(-240), Math.exp(-240 / 6.0),
        Math.exp(-240 / 24.0), Math.exp(-240 / 168.0)};
    return new ExpertsEval.TrainingQuery(new double[][] {other, relevant},
        new String[] {"1", "2"}, 1);
  }

  @Test
  void theLearnerChoosesTheLastAnswerTimeScaleOnTrainingQueries() {
    var q = weekScaleQuery();
    ExpertiseMix start = new ExpertiseMix(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(ExpertsEval.MixLearner.mrr(List.of(q), start.weights())).isEqualTo(0.5);
    ExpertiseMix learned = ExpertsEval.MixLearner.learn(List.of(q), start);
    assertThat(ExpertsEval.MixLearner.mrr(List.of(q), learned.weights())).isEqualTo(1.0);
    assertThat(learned.lastAnswer1w()).isPositive();
    assertThat(learned.lastAnswer1h()).isZero();
    assertThat(learned.lastAnswer6h()).isZero();
    assertThat(learned.lastAnswer1d()).isZero();
  }

  @Test
  void theListwiseLearnerRanksTheRelevantFirstWithNonNegativeWeights() {
    var q = weekScaleQuery();
    ExpertiseMix start = ExpertiseMix.defaults();
    assertThat(ExpertsEval.MixLearner.mrr(List.of(q), start.weights())).isEqualTo(0.5);
    ExpertiseMix learned = ExpertiseMixLearner.learn(List.of(q.known()), start);
    assertThat(ExpertsEval.MixLearner.mrr(List.of(q), learned.weights())).isEqualTo(1.0);
    assertThat(java.util.Arrays.stream(learned.weights()).min().orElseThrow()).isNotNegative();
    assertThat(learned.lastAnswer1w()).isGreaterThan(learned.activity());
  }

  @Test
  void aTrainingQueryGoesToTheLibrarysLearnerWithItsRelevantAsTheAnswerer() {
    var q = weekScaleQuery();
    var known = q.known();
    assertThat(known.answererIndex()).isEqualTo(1);
    assertThat(known.answerer()).isEqualTo(PersonId.of("u2"));
    assertThat(known.candidates().get(1).signals().get("lastAnswer1w"))
        .isEqualTo(Math.exp(-72 / 168.0));
    var none = new ExpertsEval.TrainingQuery(q.signals(), q.ids(), -1).known();
    assertThat(none.answererIndex()).isEqualTo(-1);
  }
}
