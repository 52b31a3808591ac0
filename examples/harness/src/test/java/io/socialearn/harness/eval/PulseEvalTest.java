package io.socialearn.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.pulse.PersonCount;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.harness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PulseEvalTest {
  private static final Path DUMP = Path.of("src/test/resources/dumps/pulse.example.com");

  /**
   * Five questions; four answered (100 at 10 minutes, 110 at 60, 120 at 20, 140 at 5), two
   * accepted (100, 140). Answers: u2, u9 and u10 two each, u11 and u12 one each.
   */
  @Test
  void figuresOfTheFixtureDumpWorkedByHand(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.json");
    Run run = Run.of("eval", "pulse", "--dump", DUMP.toString(), "--report", report.toString());
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode s = run.summary();
    assertThat(s.get("questions").asInt()).isEqualTo(5);
    assertThat(s.get("answered_share").asDouble()).isEqualTo(0.8);
    assertThat(s.get("accepted_share").asDouble()).isEqualTo(0.4);
    // 5, 10, 20, 60: the mean of the middle two.
    assertThat(s.get("median_first_answer_minutes").asDouble()).isEqualTo(15.0);
    // Ties to the lower id as numbers: 2 before 9 before 10.
    assertThat(ids(s.get("top5_answerers"))).containsExactly(2, 9, 10, 11, 12);
    assertThat(s.get("backlog").asInt()).isEqualTo(1);
    JsonNode independent = s.get("from_posts_xml");
    assertThat(independent.get("questions").asInt()).isEqualTo(5);
    assertThat(independent.get("median_first_answer_minutes").asDouble()).isEqualTo(15.0);
    assertThat(ids(independent.get("top5_answerers"))).containsExactly(2, 9, 10, 11, 12);
    assertThat(Files.readString(report)).contains("\"questions\" : 5");
  }

  /**
   * Routed as the replay asks: the report's routing outcomes equal the recount from the record of
   * who was asked and Posts.xml, and every question was asked of at most two people.
   */
  @Test
  void routingOutcomesAgreeWithPostsXml() {
    Run run = Run.of("eval", "pulse", "--dump", DUMP.toString(), "--route", "2",
        "--min-group", "1");
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode routing = run.summary().get("routing");
    JsonNode recount = run.summary().get("routing_from_posts_xml");
    assertThat(routing.get("routed").asInt()).isPositive().isLessThanOrEqualTo(5);
    for (String figure : List.of("routed", "answered_by_asked", "accepted_from_asked")) {
      assertThat(routing.get(figure).asInt()).as(figure)
          .isEqualTo(recount.get(figure).asInt());
    }
    assertThat(routing.get("answered_by_asked").asInt()).isPositive();
    assertThat(routing.get("asks").asInt()).isBetween(routing.get("routed").asInt(),
        2 * routing.get("routed").asInt());
    // With the pulse's own minimum group, what fewer people than it did is not shown.
    Run hidden = Run.of("eval", "pulse", "--dump", DUMP.toString(), "--route", "2");
    assertThat(hidden.status()).as(hidden.err()).isZero();
    JsonNode few = hidden.summary().get("routing");
    assertThat(few.get("people_asked").asInt()).isLessThan(5);
    assertThat(few.get("answered_by_asked").isNull()).isTrue();
    assertThat(few.get("routed").asInt()).isEqualTo(routing.get("routed").asInt());
  }

  /**
   * The tiny dump's one accept (question 10's answer by u2) is replayed before its later
   * questions are asked, so the loop learns from it once; nobody had answered anything when
   * question 10 was asked, so u2 was not among its candidates and the mix stays the built-in one.
   */
  @Test
  void theLearningLoopLearnsFromAcceptsReplayedBeforeEachQuestion() {
    Run run = Run.of("eval", "pulse", "--dump", Run.resource("dumps/tiny.example.com").toString(),
        "--route", "1", "--learn");
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode s = run.summary();
    assertThat(s.get("known_answers").asInt()).isEqualTo(1);
    assertThat(s.get("known_answers_teaching").asInt()).isZero();
    assertThat(s.get("learned_from").asInt()).isEqualTo(1);
    ExpertiseMix.defaults().asMap().forEach((signal, weight) ->
        assertThat(s.get("mix").get(signal).asDouble()).as(signal).isEqualTo(weight));
    assertThat(s.get("routing").get("routed").asInt())
        .isEqualTo(s.get("routing_from_posts_xml").get("routed").asInt()).isPositive();
  }

  @Test
  void theLoopKeepsTheCandidatesOfTheLatestQuestionsOnly() {
    PulseEval.LearningLoop loop = new PulseEval.LearningLoop();
    for (int q = 0; q <= PulseEval.LearningLoop.KEPT; q++) {
      loop.candidates.put(ThreadId.of("q" + q), List.of());
    }
    assertThat(loop.candidates).hasSize(PulseEval.LearningLoop.KEPT)
        .doesNotContainKey(ThreadId.of("q0"))
        .containsKey(ThreadId.of("q" + PulseEval.LearningLoop.KEPT));
  }

  @Test
  void learningWithoutRoutingIsAUsageError() {
    Run run = Run.of("eval", "pulse", "--dump", DUMP.toString(), "--learn");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--learn needs --route");
  }

  @Test
  void withoutRouteThereAreNoRoutingFigures() {
    Run run = Run.of("eval", "pulse", "--dump", DUMP.toString());
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.summary().has("routing")).isFalse();
  }

  @Test
  void topFiveSkipsPeopleWhoAreNotDumpUsersAndSortsTiesByNumber() {
    List<PersonCount> top = List.of(new PersonCount(PersonId.of("anon-p7"), 9),
        new PersonCount(PersonId.of("u10"), 3), new PersonCount(PersonId.of("u100"), 3),
        new PersonCount(PersonId.of("u9"), 3), new PersonCount(PersonId.of("u5"), 1),
        new PersonCount(PersonId.of("u4"), 1), new PersonCount(PersonId.of("u3"), 1));
    assertThat(PulseEval.top5(top)).containsExactly(9, 10, 100, 3, 4);
  }

  @Test
  void aMissingDumpIsAUsageError() {
    Run run = Run.of("eval", "pulse", "--dump", "no/such/dir");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("no such directory");
  }

  private static List<Integer> ids(JsonNode array) {
    List<Integer> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.asInt()));
    return ids;
  }
}
