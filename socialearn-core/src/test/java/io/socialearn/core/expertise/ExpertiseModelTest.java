package io.socialearn.core.expertise;

import static io.socialearn.core.expertise.ModelDriver.OPEN;
import static io.socialearn.core.expertise.ModelDriver.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.expertise.Evidence;
import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseEntry;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpertiseModelTest {
  private final ModelDriver d = new ModelDriver();

  private static List<EvidenceKind> kinds(ExpertiseEntry e) {
    return e.evidence().stream().map(Evidence::kind).toList();
  }

  @Test
  void anAnswerCountsItsWeightInEveryTagOfItsQuestion() {
    ThreadId t = d.question(OPEN, "ana", "payroll", "tax");
    PostId p = d.answer(t, "bo");
    ExpertiseEntry payroll = d.explain("bo", "payroll");
    assertThat(payroll.score()).isEqualTo(1.0);
    assertThat(payroll.evidence()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EvidenceKind.ANSWER);
      assertThat(e.source()).isEqualTo(p);
      assertThat(e.at()).isEqualTo(d.now);
    });
    assertThat(d.score("bo", "tax")).isEqualTo(1.0);
    assertThat(d.score("bo", "hr")).isZero();
  }

  @Test
  void anUpvoteOnAnAnswerAddsHalfAndIsTakenBackWithTheVote() {
    ThreadId t = d.question(OPEN, "ana", "payroll");
    PostId p = d.answer(t, "bo");
    d.upvote(t, p, "cy", "bo");
    d.upvote(t, p, "cy", "bo");
    assertThat(d.score("bo", "payroll")).isEqualTo(1.5);
    assertThat(kinds(d.explain("bo", "payroll"))).containsExactly(EvidenceKind.ANSWER,
        EvidenceKind.ANSWER_UPVOTE);
    d.unvote(t, p, "cy", "bo");
    assertThat(d.score("bo", "payroll")).isEqualTo(1.0);
  }

  @Test
  void anAcceptAddsThreeExceptOnTheAskersOwnAnswerAndIsRevocable() {
    ThreadId t = d.question(OPEN, "ana", "payroll");
    PostId p = d.answer(t, "bo");
    d.accept(t, p, "ana", "bo");
    assertThat(d.score("bo", "payroll")).isEqualTo(4.0);
    assertThat(d.explain("bo", "payroll").evidence().get(0).kind())
        .isEqualTo(EvidenceKind.ACCEPTED_ANSWER);
    d.unaccept(t, p, "ana", "bo");
    assertThat(d.score("bo", "payroll")).isEqualTo(1.0);
    PostId own = d.answer(t, "ana");
    d.accept(t, own, "ana", "ana");
    assertThat(kinds(d.explain("ana", "payroll"))).doesNotContain(EvidenceKind.ACCEPTED_ANSWER);
  }

  @Test
  void anAnswerToAnotherDepartmentAddsCrossDepartmentEvidence() {
    d.person("ana", "Finance");
    d.person("bo", "Payroll");
    d.person("cy", "Payroll");
    ThreadId asked = d.question(OPEN, "ana", "payroll");
    PostId across = d.answer(asked, "bo");
    d.answer(d.question(OPEN, "cy", "payroll"), "bo");
    ExpertiseEntry e = d.explain("bo", "payroll");
    assertThat(e.evidence()).filteredOn(ev -> ev.kind() == EvidenceKind.CROSS_DEPARTMENT_ANSWER)
        .singleElement().satisfies(ev -> {
          assertThat(ev.source()).isEqualTo(across);
          assertThat(ev.from()).isEqualTo(PersonId.of("ana"));
          assertThat(ev.weight()).isEqualTo(0.5);
        });
    assertThat(e.score()).isEqualTo(2.5);
    // Moved to another topic, then deleted: the evidence across departments goes with its answer.
    d.retag(asked, "tax");
    assertThat(d.score("bo", "payroll")).isEqualTo(1.0);
    assertThat(kinds(d.explain("bo", "tax"))).contains(EvidenceKind.CROSS_DEPARTMENT_ANSWER);
    assertThat(d.score("bo", "tax")).isEqualTo(1.5);
    d.delete(asked, across);
    assertThat(kinds(d.explain("bo", "tax"))).isEmpty();
    assertThat(d.score("bo", "tax")).isZero();
  }

  @Test
  void endorsementsCountOncePerEndorserAndTopic() {
    d.endorse("ana", "bo", "payroll");
    d.endorse("ana", "bo", "payroll");
    d.endorse("cy", "bo", "payroll");
    ExpertiseEntry e = d.explain("bo", "payroll");
    assertThat(kinds(e)).containsExactly(EvidenceKind.ENDORSEMENT, EvidenceKind.ENDORSEMENT);
    assertThat(e.score()).isEqualTo(4.0);
  }

  @Test
  void declaredSkillsAreAWeakPriorThatNeverDecaysAndFollowTheProfile() {
    d.person("bo", "Payroll", "payroll", "excel");
    d.advance(Duration.ofDays(3650));
    assertThat(d.score("bo", "payroll")).isEqualTo(0.5);
    d.person("bo", "Payroll", "excel");
    assertThat(d.score("bo", "payroll")).isZero();
    assertThat(d.score("bo", "excel")).isEqualTo(0.5);
  }

  @Test
  void askingAQuestionIsOnlyALearnerSignal() {
    d.question(OPEN, "ana", "payroll");
    ExpertiseEntry e = d.explain("ana", "payroll");
    assertThat(kinds(e)).containsExactly(EvidenceKind.QUESTION_ASKED);
    assertThat(e.score()).isEqualTo(0.1);
    assertThat(e.score()).isLessThan(ExpertiseSettings.defaults().weight(EvidenceKind.ANSWER));
  }

  @Test
  void evidenceHalvesEveryHalfLife() {
    ModelDriver fast = new ModelDriver(ExpertiseSettings.defaults()
        .withHalfLife(Duration.ofDays(10)));
    fast.answer(fast.question(OPEN, "ana", "payroll"), "bo");
    fast.advance(Duration.ofDays(10));
    assertThat(fast.score("bo", "payroll")).isCloseTo(0.5, within(1e-12));
    fast.advance(Duration.ofDays(20));
    assertThat(fast.score("bo", "payroll")).isCloseTo(0.125, within(1e-12));
    // the ranking's sums decay the same way
    ExpertCandidate bo = fast.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(), "payroll")
        .get(0);
    assertThat(bo.signals().get("topic")).isCloseTo(Math.log1p(0.125), within(1e-9));
  }

  @Test
  void decayStaysExactAcrossDecadesOfShortHalfLives() {
    ThreadId t = d.question(OPEN, "ana", "payroll");
    d.answer(t, "bo");
    for (int i = 0; i < 40; i++) {
      d.advance(Duration.ofDays(365));
      d.answer(d.question(OPEN, "ana", "tax"), "cy");
    }
    d.answer(d.question(OPEN, "ana", "payroll"), "dee");
    List<ExpertCandidate> ranked = d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(),
        "payroll");
    assertThat(ranked.get(0).person()).isEqualTo(PersonId.of("dee"));
    assertThat(ranked.get(0).signals().get("topic")).isCloseTo(Math.log1p(1.0), within(1e-9));
    assertThat(ranked.get(0).signals().values()).allMatch(Double::isFinite);
  }

  @Test
  void deletingAnAnswerOrRetaggingItsQuestionMovesItsEvidence() {
    ThreadId t = d.question(OPEN, "ana", "payroll");
    PostId p = d.answer(t, "bo");
    d.upvote(t, p, "cy", "bo");
    d.retag(t, "tax");
    assertThat(d.score("bo", "payroll")).isZero();
    assertThat(d.score("bo", "tax")).isEqualTo(1.5);
    assertThat(d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(), "payroll"))
        .noneMatch(c -> c.person().value().equals("bo") && c.signals().get("topic") > 0);
    d.delete(t, p);
    assertThat(d.score("bo", "tax")).isZero();
    assertThat(d.explain("bo", "tax").evidence()).isEmpty();
  }

  @Test
  void evidenceInSpacesTheViewerCannotReadIsNeitherCountedNorShown() {
    d.answer(d.question(SECRET, "ana", "payroll"), "bo");
    d.answer(d.question(OPEN, "ana", "payroll"), "cy");
    assertThat(d.explain("bo", "payroll", Set.of(OPEN)).evidence()).isEmpty();
    assertThat(d.explain("bo", "payroll", Set.of(OPEN, SECRET)).score()).isEqualTo(1.0);
    assertThat(d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(), "payroll"))
        .extracting(c -> c.person().value()).containsExactly("cy", "ana");
  }

  @Test
  void whoKnowsRanksByEvidenceAndGivesReasons() {
    ThreadId t1 = d.question(OPEN, "ana", "payroll");
    PostId p1 = d.answer(t1, "bo");
    d.accept(t1, p1, "ana", "bo");
    d.answer(d.question(OPEN, "ana", "payroll"), "cy");
    d.advance(Duration.ofDays(21));
    List<ExpertCandidate> ranked = d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(),
        "payroll");
    // the asker's questions are a learner's signal: weak, below any answer
    assertThat(ranked).extracting(c -> c.person().value()).containsExactly("bo", "cy", "ana");
    assertThat(ranked.get(0).reasons()).contains("1 accepted answer in payroll, last 3 weeks ago",
        "1 answer in payroll, last 3 weeks ago");
    assertThat(d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults().limit(1)
        .exclude(Set.of(PersonId.of("bo"))), "payroll"))
        .extracting(c -> c.person().value()).containsExactly("cy");
  }

  @Test
  void theActivityReasonCountsRecentAnswersInWordsThatAgreeWithTheCount() {
    d.answer(d.question(OPEN, "ana", "payroll"), "bo");
    for (int i = 0; i < 3; i++) {
      d.answer(d.question(OPEN, "ana", "payroll"), "cy");
    }
    List<ExpertCandidate> ranked = d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(),
        "payroll");
    assertThat(ranked).extracting(c -> c.person().value()).containsExactly("cy", "bo", "ana");
    assertThat(ranked.get(0).reasons()).contains("active: about 3 answers in the last 30 days");
    assertThat(ranked.get(1).reasons()).contains("active: about 1 answer in the last 30 days");
  }

  @Test
  void recentAnswersInTheTopicsCountOncePerQuestionHoweverManyTopicsMatch() {
    d.answer(d.question(OPEN, "ana", "payroll", "tax"), "bo");
    d.answer(d.question(OPEN, "ana", "payroll"), "cy");
    d.answer(d.question(OPEN, "ana", "travel"), "cy");
    d.advance(Duration.ofDays(30));
    List<ExpertCandidate> ranked = d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(),
        "payroll", "tax");
    ExpertCandidate bo = ranked.stream().filter(c -> c.person().value().equals("bo"))
        .findFirst().orElseThrow();
    ExpertCandidate cy = ranked.stream().filter(c -> c.person().value().equals("cy"))
        .findFirst().orElseThrow();
    // one answer each in the topics, 30 days (one activity half-life) old: 10 × 0.5 inside log
    assertThat(bo.signals().get("topicRecent")).isCloseTo(Math.log1p(5), within(1e-9));
    assertThat(cy.signals().get("topicRecent")).isCloseTo(Math.log1p(5), within(1e-9));
    // the travel answer is no evidence in these topics, but it is activity
    assertThat(cy.signals().get("activity")).isCloseTo(Math.log1p(10), within(1e-9));
    // with a single topic the per-topic sum is used as it is
    ExpertCandidate single = d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(), "tax").get(0);
    assertThat(single.person().value()).isEqualTo("bo");
    assertThat(single.signals().get("topicRecent")).isCloseTo(Math.log1p(5), within(1e-9));
  }

  @Test
  void votesAtOrAfterTheCutOffDoNotCount() {
    ThreadId t = d.question(OPEN, "ana", "payroll");
    PostId p = d.answer(t, "bo");
    d.advance(Duration.ofDays(1));
    var cutoff = d.now;
    d.accept(t, p, "ana", "bo");
    ExpertCandidate before = d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults()
        .votesBefore(cutoff), "payroll").get(0);
    ExpertCandidate all = d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(), "payroll")
        .get(0);
    assertThat(before.signals().get("topic")).isCloseTo(
        Math.log1p(Math.pow(0.5, 1 / 365.0)), within(1e-9));
    assertThat(all.signals().get("topic")).isGreaterThan(before.signals().get("topic"));
    assertThat(before.reasons()).noneMatch(r -> r.contains("accepted"));
  }

  @Test
  void badSettingsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> ExpertiseSettings.defaults().withHalfLife(Duration.ofMinutes(5)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("halfLife");
    assertThatThrownBy(() -> ExpertiseSettings.defaults().withWeight(EvidenceKind.ANSWER, -1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ANSWER");
  }

  @Test
  void anAnswerInARareTopicOfTheQueryCountsMoreThanOneInACommonOne() {
    for (int i = 0; i < 6; i++) {
      d.question(OPEN, "ana", "common");
    }
    d.answer(d.question(OPEN, "ana", "common"), "bo");
    d.answer(d.question(OPEN, "ana", "rare"), "cy");
    // hidden threads do not make a topic common for a viewer who cannot read them
    for (int i = 0; i < 20; i++) {
      d.question(SECRET, "ana", "rare");
    }
    d.advance(Duration.ofDays(30));
    List<ExpertCandidate> ranked = d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(),
        "common", "rare");
    ExpertCandidate bo = ranked.stream().filter(c -> c.person().value().equals("bo"))
        .findFirst().orElseThrow();
    ExpertCandidate cy = ranked.stream().filter(c -> c.person().value().equals("cy"))
        .findFirst().orElseThrow();
    assertThat(bo.signals().get("topicRecent")).isCloseTo(cy.signals().get("topicRecent"),
        within(1e-9));
    // 8 readable threads: "common" in 7, "rare" in 1; idf ln(9/8) and ln(9/2)
    double common = Math.log(9.0 / 8);
    double rare = Math.log(9.0 / 2);
    assertThat(cy.signals().get("topicSpecific"))
        .isCloseTo(Math.log1p(10 * 0.5 * rare / (common + rare)), within(1e-9));
    assertThat(bo.signals().get("topicSpecific"))
        .isCloseTo(Math.log1p(10 * 0.5 * common / (common + rare)), within(1e-9));
    // with one topic the whole weight is that topic's
    assertThat(d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(), "common").get(0)
        .signals().get("topicSpecific")).isCloseTo(Math.log1p(5), within(1e-9));
  }

  @Test
  void theTopicsShareOfSomeonesAnswersFavoursTheSpecialistAndCountsWhatTheViewerReadsOnly() {
    d.answer(d.question(OPEN, "ana", "payroll"), "bo");
    d.answer(d.question(OPEN, "ana", "tax"), "bo");
    d.answer(d.question(OPEN, "ana", "payroll", "tax"), "cy");
    for (int i = 0; i < 6; i++) {
      d.answer(d.question(OPEN, "ana", "tax"), "cy");
    }
    for (int i = 0; i < 3; i++) {
      d.answer(d.question(SECRET, "ana", "payroll"), "bo");
    }
    // endorsed in payroll, with no answer to take a share of
    d.endorse("ana", "eve", "payroll");
    // Reading the open space: 9 threads, 2 in payroll, so the community's share is (2 + 1) /
    // (9 + 2). Bo answered 1 of 2 there in payroll, cy 1 of 7; each with 5 answers' worth of it.
    double open = 3.0 / 11;
    List<ExpertCandidate> payroll = d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(),
        "payroll");
    assertThat(find(payroll, "bo").signals().get("topicShare"))
        .isCloseTo((1 + 5 * open) / (2 + 5), within(1e-12));
    assertThat(find(payroll, "cy").signals().get("topicShare"))
        .isCloseTo((1 + 5 * open) / (7 + 5), within(1e-12));
    assertThat(find(payroll, "eve").signals().get("topicShare")).isZero();
    // Said in a reason when it is at least half of what they answer.
    assertThat(find(payroll, "bo").reasons()).contains("1 of their 2 answers are in payroll");
    assertThat(find(payroll, "cy").reasons()).noneMatch(r -> r.contains("of their"));
    // Reading both: 12 threads, 5 in payroll; bo answered 4 of 5 there in payroll.
    List<ExpertCandidate> all = d.whoKnows(Set.of(OPEN, SECRET), WhoKnowsOptions.defaults(),
        "payroll");
    assertThat(find(all, "bo").signals().get("topicShare"))
        .isCloseTo((4 + 5 * 6.0 / 14) / (5 + 5), within(1e-12));
    assertThat(find(all, "bo").reasons()).contains("4 of their 5 answers are in payroll");
    // An answer in two of the query's topics counts in both, but no one's share passes all of
    // their answers: cy's 8 in payroll and tax of 7 answers are 7, and the community's (2 + 8 +
    // 1) / (9 + 2) is held at 1.
    List<ExpertCandidate> both = d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(),
        "payroll", "tax");
    assertThat(find(both, "cy").signals().get("topicShare")).isEqualTo(1.0);
    assertThat(find(both, "bo").signals().get("topicShare")).isEqualTo(1.0);
    assertThat(find(both, "cy").reasons()).contains("all 7 of their answers are in payroll, tax");
    assertThat(WhoKnows.shareReason(1, 1, " in payroll"))
        .isEqualTo("their one answer is in payroll");
    assertThat(WhoKnows.shareReason(2, 5, " in payroll")).isNull();
  }

  private static ExpertCandidate find(List<ExpertCandidate> ranked, String person) {
    return ranked.stream().filter(c -> c.person().value().equals(person)).findFirst()
        .orElseThrow();
  }

  @Test
  void theLastAnswerSignalsDecayWithTheLatestVisibleAnswerAndForgetADeletedOne() {
    d.answer(d.question(OPEN, "ana", "payroll"), "bo");
    d.advance(Duration.ofHours(6));
    d.answer(d.question(OPEN, "ana", "tax"), "bo");
    d.advance(Duration.ofHours(6));
    // bo answered (in any topic) 6 h ago: e^(-6), e^(-6/6), e^(-6/24), e^(-6/168)
    assertLastAnswer(find(d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(), "payroll"), "bo"),
        6);
    // a newer answer in a space the viewer cannot read does not count for that viewer
    ThreadId hidden = d.question(SECRET, "ana", "payroll");
    PostId secret = d.answer(hidden, "bo");
    assertLastAnswer(find(d.whoKnows(Set.of(OPEN), WhoKnowsOptions.defaults(), "payroll"), "bo"),
        6);
    assertLastAnswer(find(d.whoKnows(Set.of(OPEN, SECRET), WhoKnowsOptions.defaults(),
        "payroll"), "bo"), 0);
    // deleting the latest answer brings back the one before it
    ThreadId again = d.question(OPEN, "ana", "payroll");
    PostId latest = d.answer(again, "bo");
    d.advance(Duration.ofHours(3));
    d.delete(again, latest);
    d.delete(hidden, secret);
    assertLastAnswer(find(d.whoKnows(Set.of(OPEN, SECRET), WhoKnowsOptions.defaults(),
        "payroll"), "bo"), 9);
  }

  /** The four last-answer signals of someone whose latest visible answer is that old. */
  private static void assertLastAnswer(ExpertCandidate candidate, double hours) {
    assertThat(candidate.signals().get("lastAnswer1h")).isCloseTo(Math.exp(-hours),
        within(1e-9));
    assertThat(candidate.signals().get("lastAnswer6h")).isCloseTo(Math.exp(-hours / 6),
        within(1e-9));
    assertThat(candidate.signals().get("lastAnswer1d")).isCloseTo(Math.exp(-hours / 24),
        within(1e-9));
    assertThat(candidate.signals().get("lastAnswer1w")).isCloseTo(Math.exp(-hours / 168),
        within(1e-9));
    assertThat(candidate.signals()).doesNotContainKey("lastTopicAnswer");
  }
}
