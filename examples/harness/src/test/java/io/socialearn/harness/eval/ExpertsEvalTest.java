package io.socialearn.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.people.PersonId;
import io.socialearn.core.ExpertiseMixLearner;
import io.socialearn.core.search.MemorySearchIndex;
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
  void writesEachQuerysScoresWithTheGainsBootstrap(@TempDir Path dir) throws IOException {
    Path scores = dir.resolve("experts.scores");
    Run run = Run.of("eval", "experts", "--dump", DUMP.toString(), "--rankings",
        dir.resolve("r.tsv").toString(), "--scores", scores.toString());
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(Files.readAllLines(scores, StandardCharsets.UTF_8)).containsExactly(
        "query\tsocialearn.rr\tsocialearn.p1\tmostActive.rr\tmostActive.p1\ttagAnswers.rr"
            + "\ttagAnswers.p1\trecency.rr\trecency.p1",
        "109\t1.0\t1.0\t0.5\t0.0\t1.0\t1.0\t1.0\t1.0");
    // one query, ranked first by socialearn and by the best baseline: no gain in any resample
    JsonNode bootstrap = run.summary().get("bootstrap");
    assertThat(bootstrap.get("resamples").asInt()).isEqualTo(ExpertsEval.RESAMPLES);
    assertThat(bootstrap.get("mrrGain95").get(0).asDouble()).isZero();
    assertThat(bootstrap.get("mrrGain95").get(1).asDouble()).isZero();
    assertThat(bootstrap.get("mrrGainReachesTarget").asDouble()).isZero();
    // eval gain pools the same file twice: two queries, the same figures
    Run pooled = Run.of("eval", "gain", "--scores", scores + "," + scores);
    assertThat(pooled.status()).as(pooled.err()).isZero();
    assertThat(pooled.summary().get("queries").asInt()).isEqualTo(2);
    assertThat(pooled.summary().get("mrr").asDouble()).isEqualTo(1.0);
    assertThat(pooled.summary().get("bestBaseline").asText()).isEqualTo("tagAnswers");
  }

  @Test
  void evalGainPoolsSitesAgainstTheBestPooledBaselineAndNamesBadFiles(@TempDir Path dir)
      throws IOException {
    String header = "query\tsocialearn.rr\tsocialearn.p1\tx.rr\tx.p1\ty.rr\ty.p1";
    Path a = Files.writeString(dir.resolve("a.scores"), header + "\n1\t1\t1\t0.5\t0\t0.2\t0\n");
    Path b = Files.writeString(dir.resolve("b.scores"), header + "\n2\t0.5\t0\t0.25\t0\t1\t1\n");
    Run run = Run.of("eval", "gain", "--scores", a + "," + b);
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode s = run.summary();
    // pooled: socialearn 0.75, x 0.375, y 0.6: y is the best baseline, +25% MRR, P@1 level
    assertThat(s.get("mrr").asDouble()).isEqualTo(0.75);
    assertThat(s.get("bestBaseline").asText()).isEqualTo("y");
    assertThat(s.get("mrrGainOverBest").asDouble()).isEqualTo(0.25);
    assertThat(s.get("p@1GainOverBest").asDouble()).isZero();
    assertThat(s.get("baselines").get("x").get("mrr").asDouble()).isEqualTo(0.375);
    JsonNode mrr95 = s.get("bootstrap").get("mrrGain95");
    assertThat(mrr95.get(0).asDouble()).isLessThanOrEqualTo(0.25);
    assertThat(mrr95.get(1).asDouble()).isGreaterThanOrEqualTo(0.25);

    // The best baseline by P@1 alone is named too: x (P@1 0.5) where y leads on MRR.
    Path c = Files.writeString(dir.resolve("c2.scores"), header + "\n"
        + "7\t1\t1\t1\t1\t1\t1\n8\t1\t1\t1\t1\t0.5\t0\n"
        + "9\t0.5\t0\t0.1\t0\t0.5\t0\n10\t0.5\t0\t0.1\t0\t0.5\t0\n");
    JsonNode split = Run.of("eval", "gain", "--scores", c.toString()).summary();
    // socialearn MRR 0.75 / P@1 0.5; x 0.55 / 0.5; y 0.625 / 0.25
    assertThat(split.get("bestBaseline").asText()).isEqualTo("y");
    assertThat(split.get("mrrGainOverBest").asDouble()).isEqualTo(0.2);
    assertThat(split.get("p@1GainOverBest").asDouble()).isEqualTo(1.0);
    JsonNode byP1 = split.get("byP@1");
    assertThat(byP1.get("bestBaseline").asText()).isEqualTo("x");
    assertThat(byP1.get("p@1GainOverBest").asDouble()).isZero();
    // the same first answers on every query: no resample moves it from 0
    assertThat(byP1.get("p@1Gain95").get(0).asDouble()).isZero();
    assertThat(byP1.get("p@1Gain95").get(1).asDouble()).isZero();
    assertThat(byP1.get("p@1GainReachesTarget").asDouble()).isZero();

    Path other = Files.writeString(dir.resolve("c.scores"),
        "query\tsocialearn.rr\tsocialearn.p1\tz.rr\tz.p1\n3\t1\t1\t1\t1\n");
    Run mixed = Run.of("eval", "gain", "--scores", a + "," + other);
    assertThat(mixed.status()).isEqualTo(2);
    assertThat(mixed.err()).contains("differ from the first file's");
    Path bad = Files.writeString(dir.resolve("d.scores"), header + "\n4\t1\tone\t1\t1\t1\t1\n");
    Run notNumber = Run.of("eval", "gain", "--scores", bad.toString());
    assertThat(notNumber.status()).isEqualTo(2);
    assertThat(notNumber.err()).contains("line 2: 'one' is not a number");
    Run missing = Run.of("eval", "gain", "--scores", dir.resolve("none").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no such scores file");
    Path unpaired = Files.writeString(dir.resolve("e.scores"),
        "query\tsocialearn.rr\tsocialearn.p1\tz.rr\tw.p1\n5\t1\t1\t1\t1\n");
    Run badPair = Run.of("eval", "gain", "--scores", unpaired.toString());
    assertThat(badPair.status()).isEqualTo(2);
    assertThat(badPair.err()).contains("'z.rr' and 'w.p1' are not a pair");
    Path odd = Files.writeString(dir.resolve("f.scores"),
        "query\tsocialearn.rr\tsocialearn.p1\tz.rr\n6\t1\t1\t1\n");
    Run oddRun = Run.of("eval", "gain", "--scores", odd.toString());
    assertThat(oddRun.status()).isEqualTo(2);
    assertThat(oddRun.err()).contains("3 score columns, not pairs");
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
  void theCoresOwnIndexStandsInForLuceneAndAnUnknownIndexIsAUsageError(@TempDir Path dir) {
    Run core = Run.of("eval", "experts", "--dump", DUMP.toString(), "--rankings",
        dir.resolve("r.tsv").toString(), "--index", "core");
    assertThat(core.status()).as(core.err()).isZero();
    assertThat(core.summary().get("index").asText()).isEqualTo(new MemorySearchIndex().name())
        .doesNotContain("lucene");
    assertThat(core.summary().get("queries").asInt()).isEqualTo(1);
    Run other = Run.of("eval", "experts", "--dump", DUMP.toString(), "--rankings",
        dir.resolve("r.tsv").toString(), "--index", "solr");
    assertThat(other.status()).isEqualTo(2);
    assertThat(other.err()).contains("--index takes lucene or core, not 'solr'");
    Run meaning = Run.of("eval", "experts", "--dump", DUMP.toString(), "--rankings",
        dir.resolve("r.tsv").toString(), "--index", "core", "--meaning", "minilm");
    assertThat(meaning.status()).isEqualTo(2);
    assertThat(meaning.err()).contains("--meaning minilm needs --index lucene");
  }

  @Test
  void aGivenMixRanksWithoutLearningAndStartsTheFit(@TempDir Path dir) throws IOException {
    // Activity alone puts Bob (5 answers) above Carol (4); the topic alone, Carol
    Path rankings = dir.resolve("r.tsv");
    Run active = Run.of("eval", "experts", "--dump", DUMP.toString(), "--rankings",
        rankings.toString(), "--learn", "false", "--mix", "activity=1");
    assertThat(active.status()).as(active.err()).isZero();
    assertThat(active.summary().get("mrr").asDouble()).isEqualTo(0.5);
    assertThat(active.summary().get("startMix").get("activity").asDouble()).isEqualTo(1.0);
    assertThat(active.summary().get("mix").get("topic").asDouble()).isZero();
    assertThat(Files.readAllLines(rankings).get(0)).startsWith("109\t1\t2\t");
    Run topic = Run.of("eval", "experts", "--dump", DUMP.toString(), "--rankings",
        rankings.toString(), "--learn", "false", "--mix", " topic = 2.5 ");
    assertThat(topic.status()).as(topic.err()).isZero();
    assertThat(topic.summary().get("mrr").asDouble()).isEqualTo(1.0);
    assertThat(topic.summary().get("mix").get("topic").asDouble()).isEqualTo(2.5);
    assertThat(ExpertsEval.parseMix(null)).isEqualTo(ExpertiseMix.defaults());
  }

  @Test
  void aMalformedMixIsAUsageErrorNamingThePair(@TempDir Path dir) {
    for (String[] bad : new String[][] {
        {"cleverness=1", "not 'cleverness=1'"}, {"topic", "not 'topic'"},
        {"topic=1,,activity=1", "not ''"}, {"topic=1,topic=2", "--mix names topic twice"},
        {"topic=-1", "topic weight must be a finite number >= 0, not '-1'"},
        {"topic=NaN", "not 'NaN'"}, {"topic=lots", "not 'lots'"},
        {"topic=0,activity=0", "every signal a weight of 0"}}) {
      Run run = Run.of("eval", "experts", "--dump", DUMP.toString(), "--rankings",
          dir.resolve("r.tsv").toString(), "--mix", bad[0]);
      assertThat(run.status()).as(bad[0]).isEqualTo(2);
      assertThat(run.err()).as(bad[0]).contains(bad[1]);
    }
  }

  @Test
  void theMixIsReLearnedAtEveryNewQueryUntilItsShareOfTheKnownOnesIsMore() {
    assertThat(ExpertsEval.relearnDue(0, -1)).isTrue();
    assertThat(ExpertsEval.relearnDue(1, 0)).isTrue();
    assertThat(ExpertsEval.relearnDue(5, 5)).isFalse();
    assertThat(ExpertsEval.relearnDue(400, 399)).isTrue();
    // 1/200 of 1,000 is 5: four more are not enough
    assertThat(ExpertsEval.relearnDue(1_004, 1_000)).isFalse();
    assertThat(ExpertsEval.relearnDue(1_005, 1_000)).isTrue();
    assertThat(ExpertsEval.relearnDue(10_049, 10_000)).isFalse();
    assertThat(ExpertsEval.relearnDue(10_050, 10_000)).isTrue();
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
    ExpertiseMix start = new ExpertiseMix(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
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
        Math.exp(-72 / 24.0), Math.exp(-72 / 168.0), 0.2};
    double[] other = {0, 0, 1, 0, 0, 0, 0, Math.exp(-240), Math.exp(-240 / 6.0),
        Math.exp(-240 / 24.0), Math.exp(-240 / 168.0), 0.2};
    return new ExpertsEval.TrainingQuery(new double[][] {other, relevant},
        new String[] {"1", "2"}, 1);
  }

  @Test
  void theLearnerChoosesTheLastAnswerTimeScaleOnTrainingQueries() {
    var q = weekScaleQuery();
    ExpertiseMix start = new ExpertiseMix(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
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
    ExpertiseMix start = new ExpertiseMix(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
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
