package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.KnownAnswer;
import io.socialearn.api.people.PersonId;
import io.socialearn.core.json.SocialearnJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpertiseMixLearnerTest {

  private static ExpertCandidate candidate(String person, double... signals) {
    Map<String, Double> named = new LinkedHashMap<>();
    for (int d = 0; d < ExpertiseMix.SIGNALS.size(); d++) {
      named.put(ExpertiseMix.SIGNALS.get(d), d < signals.length ? signals[d] : 0);
    }
    return new ExpertCandidate(PersonId.of(person), 0, List.of(), named);
  }

  private static int rankOfAnswerer(KnownAnswer example, ExpertiseMix mix) {
    double[] w = mix.weights();
    double[] scores = example.candidates().stream().mapToDouble(c -> {
      double s = 0;
      for (int d = 0; d < w.length; d++) {
        s += w[d] * c.signals().get(ExpertiseMix.SIGNALS.get(d));
      }
      return s;
    }).toArray();
    int at = example.answererIndex();
    return 1 + (int) Arrays.stream(scores).filter(s -> s > scores[at]).count();
  }

  /**
   * In this community the person who answers is the one who answered within the hour, though
   * others are busier and know the topic better: a mix that leaves how lately people answered
   * out ranks them last, the learned one first.
   */
  private static List<KnownAnswer> onlineNowCommunity() {
    List<KnownAnswer> examples = new ArrayList<>();
    Random random = new Random(7);
    for (int q = 0; q < 40; q++) {
      List<ExpertCandidate> candidates = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        double busy = 1 + random.nextDouble();
        candidates.add(candidate("p" + i, busy, busy, busy, busy, busy, busy, 0,
            Math.exp(-(5 + 20 * random.nextDouble()))));
      }
      double hoursAgo = 0.2 * random.nextDouble();
      candidates.add(candidate("online", 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0, Math.exp(-hoursAgo)));
      examples.add(new KnownAnswer(candidates, PersonId.of("online")));
    }
    return examples;
  }

  @Test
  void theLearnedMixRanksTheAnswerersFirstWhereAMixBlindToTheLastAnswerDoesNot() {
    List<KnownAnswer> examples = onlineNowCommunity();
    ExpertiseMix blind = new ExpertiseMix(1, 1, 1, 0.5, 1, 0.3, 0, 0, 0, 0, 0, 0);
    assertThat(examples).allSatisfy(e -> assertThat(rankOfAnswerer(e, blind)).isEqualTo(6));
    ExpertiseMix learned = ExpertiseMixLearner.learn(examples);
    assertThat(examples).allSatisfy(e -> assertThat(rankOfAnswerer(e, learned)).isEqualTo(1));
    assertThat(learned.lastAnswer1h()).isPositive();
    assertThat(Arrays.stream(learned.weights()).min().orElseThrow()).isNotNegative();
  }

  @Test
  void theMixDependsOnTheExamplesNotOnWhereTheLearnerStarts() {
    List<KnownAnswer> examples = onlineNowCommunity();
    ExpertiseMix fromDefaults = ExpertiseMixLearner.learn(examples);
    ExpertiseMix fromElsewhere = ExpertiseMixLearner.learn(examples,
        new ExpertiseMix(0, 3, 0, 0, 2, 0, 1, 0, 0, 0, 4, 0));
    for (int d = 0; d < ExpertiseMix.SIGNALS.size(); d++) {
      assertThat(fromElsewhere.weights()[d]).as(ExpertiseMix.SIGNALS.get(d))
          .isCloseTo(fromDefaults.weights()[d], within(1e-3));
    }
  }

  @Test
  void theLossHasTheGradientAndHessianItReportsAndTheFitLowersIt() {
    double[][][] x = {
        {{1, 0.2, 0, 0, 3, 0, 0, 0.6, 0.1, 0, 0, 0.3},
            {0.5, 1, 2, 0, 0, 1, 0, 0, 0, 0.4, 0, 0.1}, {0, 0, 1, 1, 1, 0, 2, 0, 0, 0, 0.9, 0.8}},
        {{2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5}, {0, 1, 0, 3, 0, 0.5, 0, 0.2, 1, 0, 0, 0}}};
    int[] answerer = {2, 0};
    double[] w = {0.3, 1, 0.2, 0.5, 1.5, 0, 0.7, 0.8, 2, 0.1, 0.4, 0.6};
    double[] gradient = new double[w.length];
    double[][] hessian = new double[w.length][w.length];
    double at = ExpertiseMixLearner.loss(x, answerer, w, gradient, hessian);
    double h = 1e-6;
    for (int d = 0; d < w.length; d++) {
      double[] up = w.clone();
      double[] down = w.clone();
      up[d] += h;
      down[d] -= h;
      double[] gradientUp = new double[w.length];
      double[] gradientDown = new double[w.length];
      double numeric = (ExpertiseMixLearner.loss(x, answerer, up, gradientUp, null)
          - ExpertiseMixLearner.loss(x, answerer, down, gradientDown, null)) / (2 * h);
      assertThat(gradient[d]).as("d/dw%d", d).isCloseTo(numeric, within(1e-6));
      for (int c = 0; c < w.length; c++) {
        assertThat(hessian[c][d]).as("d²/dw%d dw%d", c, d)
            .isCloseTo((gradientUp[c] - gradientDown[c]) / (2 * h), within(1e-6));
      }
    }
    ExpertiseMix learned = ExpertiseMixLearner.learn(x, answerer, ExpertiseMix.of(w));
    assertThat(ExpertiseMixLearner.loss(x, answerer, learned.weights(), null, null))
        .isLessThan(at);
  }

  @Test
  void withoutAnExampleWhoseAnswererIsACandidateTheStartIsKept() {
    KnownAnswer elsewhere = new KnownAnswer(List.of(candidate("a", 1), candidate("b", 0, 1)),
        PersonId.of("c"));
    assertThat(elsewhere.answererIndex()).isEqualTo(-1);
    ExpertiseMix start = new ExpertiseMix(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0);
    assertThat(ExpertiseMixLearner.learn(List.of(elsewhere), start)).isEqualTo(start);
    assertThat(ExpertiseMixLearner.learn(List.of())).isEqualTo(ExpertiseMix.defaults());
  }

  @Test
  void badExamplesAreRefusedNamingWhatIsWrong() {
    assertThatThrownBy(() -> ExpertiseMixLearner.learn(null))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("examples"));
    List<KnownAnswer> withNull = new ArrayList<>(onlineNowCommunity());
    withNull.add(null);
    assertThatThrownBy(() -> ExpertiseMixLearner.learn(withNull))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.getMessage()).contains("example 40"));
    assertThatThrownBy(() -> ExpertiseMixLearner.learn(List.of(), null))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("start"));
    Map<String, Double> missing = new HashMap<>(candidate("a", 1).signals());
    missing.remove("lastAnswer1h");
    ExpertCandidate lacking = new ExpertCandidate(PersonId.of("a"), 0, List.of(), missing);
    assertThatThrownBy(() -> new KnownAnswer(List.of(lacking), PersonId.of("a")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.rule()).isEqualTo("signals");
          assertThat(e.getMessage()).contains("lastAnswer1h");
        });
    ExpertCandidate nan = candidate("b", 1, Double.NaN);
    assertThatThrownBy(() -> new KnownAnswer(List.of(candidate("a"), nan), PersonId.of("a")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.getMessage()).contains("candidate 1 (b)").contains("topicRecent"));
    assertThatThrownBy(() -> new KnownAnswer(List.of(candidate("a")), null))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("answerer"));
  }

  /**
   * A host keeps the candidates from the moment a question is asked until an answer is accepted,
   * days later: the library's mapper writes a known answer and reads it back equal, and one
   * whose signals were lost on the way is refused naming the signal.
   */
  @Test
  void knownAnswersSurviveTheLibrarysJsonMapper() throws Exception {
    ObjectMapper mapper = SocialearnJson.newMapper();
    List<KnownAnswer> examples = onlineNowCommunity();
    String json = mapper.writeValueAsString(examples);
    List<KnownAnswer> read = mapper.readValue(json, new TypeReference<List<KnownAnswer>>() {});
    assertThat(read).isEqualTo(examples);
    assertThat(ExpertiseMixLearner.learn(read)).isEqualTo(ExpertiseMixLearner.learn(examples));

    // The signals map's key order differs from one JVM to the next: edit the tree, not the text.
    JsonNode tree = mapper.readTree(json);
    JsonNode removed = ((ObjectNode) tree.get(0).get("candidates").get(0).get("signals"))
        .remove("lastAnswer1w");
    assertThat(removed).isNotNull();
    String lost = mapper.writeValueAsString(tree);
    assertThatThrownBy(() -> mapper.readValue(lost, new TypeReference<List<KnownAnswer>>() {}))
        .isInstanceOf(JsonMappingException.class)
        .rootCause().isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.getMessage()).contains("lastAnswer1w"));
  }
}
