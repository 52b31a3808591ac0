package io.socialearn.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.socialearn.api.ForbiddenException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.LinkAccounts;
import io.socialearn.api.command.UpdateProfile;
import io.socialearn.api.mentoring.Learner;
import io.socialearn.api.mentoring.Mentor;
import io.socialearn.api.mentoring.MentorMatching;
import io.socialearn.api.mentoring.MentoringConstraints;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.pulse.CaptureQuestion;
import io.socialearn.api.pulse.HelpMatrix;
import io.socialearn.api.pulse.Contributors;
import io.socialearn.api.pulse.KnowledgeCapture;
import io.socialearn.api.pulse.PersonCount;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.pulse.RiskLevel;
import io.socialearn.api.pulse.Successor;
import io.socialearn.api.pulse.TopicRisk;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.mentoring.MentorMatcher;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two accounts linked as one person's are one person to knowledge capture, mentoring and the
 * pulse's contributors.
 */
class LinkedAccountsTest {
  @Test
  void aLeaversOtherAccountDoesNotTakeOverFromThem() {
    try (World w = new World(new PulsePrivacy(1, true))) {
      for (String p : List.of("root", "ana", "bo", "bo2", "cy")) {
        w.person(p, "");
      }
      for (int day = 1; day <= 4; day++) {
        ThreadId q = w.ask("2026-01-0" + day + "T09:00:00Z", "ana", "How payroll runs " + day,
            "payroll");
        w.accept("2026-01-0" + day + "T11:00:00Z", "ana",
            w.answer("2026-01-0" + day + "T10:00:00Z", "bo", q));
        if (day == 1) {
          w.answer("2026-01-0" + day + "T10:30:00Z", "bo2", q);
          w.answer("2026-01-0" + day + "T10:40:00Z", "cy", q);
        }
      }
      link(w.at("2026-01-10T00:00:00Z"), "bo", "bo2");
      markLeaving(w, "bo", LocalDate.parse("2026-03-01"));
      KnowledgeCapture plan = w.engine.knowledgeCapture(World.ADMIN, PersonId.of("bo"));
      assertThat(plan.topics()).isNotEmpty();
      assertThat(plan.successors()).extracting(s -> s.person().value()).containsExactly("cy");
    }
  }

  @Test
  void nobodyMentorsTheirOwnOtherAccount() {
    try (World w = new World(new PulsePrivacy(1, true))) {
      for (String p : List.of("root", "ana", "ana2", "bo")) {
        w.person(p, "");
      }
      link(w, "ana", "ana2");
      MentoringConstraints any = new MentoringConstraints(false, false);
      MentorMatching own = w.engine.matchMentors(World.ADMIN,
          List.of(Learner.wanting(PersonId.of("ana"), "payroll")),
          List.of(Mentor.offering(PersonId.of("ana2"), 1, "payroll")), any);
      assertThat(own.matches()).isEmpty();
      assertThat(own.unmatched()).containsExactly(PersonId.of("ana"));
      MentorMatching other = w.engine.matchMentors(World.ADMIN,
          List.of(Learner.wanting(PersonId.of("ana"), "payroll")),
          List.of(Mentor.offering(PersonId.of("ana2"), 1, "payroll"),
              Mentor.offering(PersonId.of("bo"), 1, "payroll")), any);
      assertThat(other.matches()).extracting(m -> m.mentor().value()).containsExactly("bo");
    }
  }

  @Test
  void aLeaversAnswersUnderTheirOtherAccountCountAsTheirs() {
    try (World w = new World(new PulsePrivacy(1, true))) {
      for (String p : List.of("root", "ana", "bo", "bo2", "cy")) {
        w.person(p, "");
      }
      // payroll's 5 accepted answers: bo 2, bo2 1, cy 2. As one person, bo wrote 3 of 5; under
      // either account alone, not more than half.
      String[] by = {"bo", "bo", "bo2", "cy", "cy"};
      List<ThreadId> asked = acceptedPayrollAnswers(w, by);
      ThreadId onlyBo = w.ask("2026-01-07T09:00:00Z", "ana", "Payroll on a holiday", "payroll");
      w.answer("2026-01-07T10:00:00Z", "bo", onlyBo);
      w.answer("2026-01-07T10:30:00Z", "bo2", onlyBo);
      ThreadId open = w.ask("2026-01-08T09:00:00Z", "ana", "Payroll for contractors",
          "payroll");
      link(w.at("2026-01-10T00:00:00Z"), "bo", "bo2");
      markLeaving(w, "bo", LocalDate.parse("2026-03-01"));
      KnowledgeCapture plan = w.engine.knowledgeCapture(World.ADMIN, PersonId.of("bo"));
      assertThat(plan.topics()).extracting(t -> t.tag().value(), TopicRisk::acceptedAnswers,
          TopicRisk::holderShare).containsExactly(tuple("payroll", 5, 0.6));
      assertThat(plan.questionsToAsk()).extracting(CaptureQuestion::thread, CaptureQuestion::reason)
          .containsExactly(tuple(open, CaptureQuestion.Reason.UNANSWERED_IN_THEIR_TOPIC),
              tuple(asked.get(0), CaptureQuestion.Reason.ONLY_THEY_ANSWERED),
              tuple(asked.get(1), CaptureQuestion.Reason.ONLY_THEY_ANSWERED),
              tuple(asked.get(2), CaptureQuestion.Reason.ONLY_THEY_ANSWERED),
              tuple(onlyBo, CaptureQuestion.Reason.ONLY_THEY_ANSWERED));
      assertThat(plan.successors()).extracting(s -> s.person().value()).containsExactly("cy");
    }
  }

  @Test
  void aPersonListedUnderTwoLinkedAccountsOnOneSideIsListedTwice() {
    try (World w = new World(new PulsePrivacy(1, true))) {
      for (String p : List.of("root", "ana", "ana2", "bo", "cy")) {
        w.person(p, "");
      }
      link(w, "ana", "ana2");
      MentoringConstraints any = new MentoringConstraints(false, false);
      // As learners, ana would get two mentors; as mentors, twice her capacity.
      assertThatThrownBy(() -> w.engine.matchMentors(World.ADMIN,
          List.of(Learner.wanting(PersonId.of("ana"), "payroll"),
              Learner.wanting(PersonId.of("ana2"), "payroll")),
          List.of(Mentor.offering(PersonId.of("bo"), 1, "payroll"),
              Mentor.offering(PersonId.of("cy"), 1, "payroll")), any))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("learners");
            assertThat(e.rule()).isEqualTo("unique");
          });
      assertThatThrownBy(() -> w.engine.matchMentors(World.ADMIN,
          List.of(Learner.wanting(PersonId.of("bo"), "payroll"),
              Learner.wanting(PersonId.of("cy"), "payroll")),
          List.of(Mentor.offering(PersonId.of("ana"), 1, "payroll"),
              Mentor.offering(PersonId.of("ana2"), 1, "payroll")), any))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("mentors");
            assertThat(e.rule()).isEqualTo("unique");
          });
    }
  }

  @Test
  void aSuccessorWithTwoLinkedAccountsIsNamedOnceWithBothAccountsAnswers() {
    try (World w = new World(new PulsePrivacy(1, true))) {
      for (String p : List.of("root", "ana", "bo", "cy", "cy2", "dee", "eve")) {
        w.person(p, "");
      }
      // bo wrote 4 of payroll's 7 accepted answers; cy 2 (one under cy2), dee 1; eve answered
      // every question and none was accepted.
      String[] by = {"bo", "bo", "bo", "bo", "cy", "cy2", "dee"};
      for (int day = 1; day <= by.length; day++) {
        ThreadId q = w.ask("2026-01-0" + day + "T09:00:00Z", "ana", "How payroll runs " + day,
            "payroll");
        w.accept("2026-01-0" + day + "T11:00:00Z", "ana",
            w.answer("2026-01-0" + day + "T10:00:00Z", by[day - 1], q));
        w.answer("2026-01-0" + day + "T10:30:00Z", "eve", q);
      }
      link(w, "cy", "cy2");
      assertThat(w.engine.knowledgeCapture(World.ADMIN, PersonId.of("bo")).successors())
          .containsExactly(new Successor(Tag.of("payroll"), PersonId.of("cy"), 2, 2),
              new Successor(Tag.of("payroll"), PersonId.of("dee"), 1, 1),
              new Successor(Tag.of("payroll"), PersonId.of("eve"), 0, 7));
    }
  }

  @Test
  void aMentorsAnswersUnderTheirOtherAccountCountToTheirStrength() {
    try (World w = new World(new PulsePrivacy(1, true))) {
      for (String p : List.of("root", "ana", "bo", "bo2", "cy", "eve")) {
        w.person(p, "");
      }
      // payroll: bo2's answer accepted, bo's not, cy's accepted. As one person, bo has 2 answers
      // and 1 accepted (strength 2 + 3 = 5), cy 1 and 1 (4); under bo alone, 1 answer and no
      // accepted one, so no inferred topic at all.
      String[] by = {"bo2", "cy", "bo"};
      for (int day = 1; day <= by.length; day++) {
        ThreadId q = w.ask("2026-01-0" + day + "T09:00:00Z", "eve", "How payroll runs " + day,
            "payroll");
        PostId answer = w.answer("2026-01-0" + day + "T10:00:00Z", by[day - 1], q);
        if (day < by.length) {
          w.accept("2026-01-0" + day + "T11:00:00Z", "eve", answer);
        }
      }
      link(w.at("2026-01-10T00:00:00Z"), "bo", "bo2");
      MentorMatching matching = w.engine.matchMentors(World.ADMIN,
          List.of(Learner.wanting(PersonId.of("ana"), "payroll")),
          List.of(Mentor.inferred(PersonId.of("bo"), 1), Mentor.inferred(PersonId.of("cy"), 1)),
          new MentoringConstraints(false, false));
      assertThat(matching.matches()).singleElement().satisfies(m -> {
        assertThat(m.mentor()).isEqualTo(PersonId.of("bo"));
        assertThat(m.score()).isEqualTo(MentorMatcher.TOPIC_POINTS + 5);
        assertThat(m.reasons())
            .contains("bo has 1 accepted and 0 up-voted of 2 answers in payroll");
      });
    }
  }

  @Test
  void aMentorsSkillsDeclaredUnderTheirOtherAccountAreOffered() {
    try (World w = new World(new PulsePrivacy(1, true))) {
      for (String p : List.of("root", "ana", "bo", "bo2")) {
        w.person(p, "");
      }
      // bo declared nothing; under bo2, tax. Nobody has answered anything.
      w.engine.execute(Viewer.system(), new UpdateProfile(PersonProfile.builder(
          PersonId.of("bo2")).displayName("bo2").skills("tax").build()));
      link(w.at("2026-01-10T00:00:00Z"), "bo", "bo2");
      MentorMatching matching = w.engine.matchMentors(World.ADMIN,
          List.of(Learner.wanting(PersonId.of("ana"), "tax")),
          List.of(Mentor.inferred(PersonId.of("bo"), 1)),
          new MentoringConstraints(false, false));
      assertThat(matching.matches()).singleElement().satisfies(m -> {
        assertThat(m.mentor()).isEqualTo(PersonId.of("bo"));
        assertThat(m.sharedTopics()).containsExactly(Tag.of("tax"));
      });
    }
  }

  @Test
  void aLearnersQuestionsUnderTheirOtherAccountAreTheirInferredTopics() {
    try (World w = new World(new PulsePrivacy(1, true))) {
      for (String p : List.of("root", "ana", "ana2", "dee")) {
        w.person(p, "");
      }
      // ana asked about payroll once; under ana2, about tax twice.
      w.ask("2026-01-01T09:00:00Z", "ana", "How payroll runs", "payroll");
      w.ask("2026-01-02T09:00:00Z", "ana2", "How tax is withheld", "tax");
      w.ask("2026-01-03T09:00:00Z", "ana2", "How tax is refunded", "tax");
      link(w.at("2026-01-10T00:00:00Z"), "ana", "ana2");
      MentorMatching matching = w.engine.matchMentors(World.ADMIN,
          List.of(Learner.inferred(PersonId.of("ana"))),
          List.of(Mentor.offering(PersonId.of("dee"), 1, "tax")),
          new MentoringConstraints(false, false));
      assertThat(matching.matches()).singleElement().satisfies(m -> {
        assertThat(m.learner()).isEqualTo(PersonId.of("ana"));
        assertThat(m.mentor()).isEqualTo(PersonId.of("dee"));
        assertThat(m.sharedTopics()).containsExactly(Tag.of("tax"));
      });
    }
  }

  @Test
  void aLeaverIsLeavingUnderEveryLinkedAccountAndTakesOverFromNobody() {
    try (World w = new World(new PulsePrivacy(1, true))) {
      for (String p : List.of("root", "ana", "bo", "bo2", "cy", "cy2", "dee")) {
        w.person(p, "");
      }
      // payroll's 5 accepted answers: bo 3, cy2 1, dee 1. bo is marked leaving under bo, and cy
      // under cy; their other accounts are not marked.
      acceptedPayrollAnswers(w, new String[] {"bo", "bo", "bo", "cy2", "dee"});
      link(w.at("2026-01-10T00:00:00Z"), "bo", "bo2");
      link(w, "cy", "cy2");
      LocalDate lastDay = LocalDate.parse("2026-03-01");
      markLeaving(w, "bo", lastDay);
      markLeaving(w, "cy", lastDay);
      KnowledgeCapture plan = w.engine.knowledgeCapture(World.ADMIN, PersonId.of("bo2"));
      assertThat(plan.leaving()).isTrue();
      assertThat(plan.leavingOn()).isEqualTo(lastDay);
      assertThat(plan.topics()).containsExactly(new TopicRisk(Tag.of("payroll"), 5, 1,
          PersonId.of("bo2"), 0.6, true, lastDay, RiskLevel.HIGH));
      // cy, leaving too, does not take over under cy2.
      assertThat(plan.successors()).containsExactly(
          new Successor(Tag.of("payroll"), PersonId.of("dee"), 1, 1));
    }
  }

  @Test
  void aTopicRestingOnOnePersonUnderTwoLinkedAccountsIsAtRisk() {
    try (World w = new World(new PulsePrivacy(1, true))) {
      for (String p : List.of("root", "ana", "kay", "kay2", "lee")) {
        w.person(p, "");
      }
      // cobol's 5 accepted answers: kay 1, kay2 3, lee 1. As one person, kay wrote 4 of 5;
      // under kay2 alone, 3 of 5, and kay2 is not the account marked as leaving. java's: kay 2,
      // kay2 2, lee 1; under either account alone, not more than half.
      String[] by = {"kay", "kay2", "kay2", "kay2", "lee", "kay", "kay", "kay2", "kay2", "lee"};
      for (int i = 0; i < by.length; i++) {
        String day = String.format("2026-01-%02dT", i + 1);
        String tag = i < 5 ? "cobol" : "java";
        ThreadId q = w.ask(day + "09:00:00Z", "ana", "How " + tag + " runs " + i, tag);
        w.accept(day + "11:00:00Z", "ana", w.answer(day + "10:00:00Z", by[i], q));
      }
      link(w.at("2026-01-20T00:00:00Z"), "kay", "kay2");
      LocalDate lastDay = LocalDate.parse("2026-03-01");
      markLeaving(w, "kay", lastDay);
      // Named once, under the account holding most of the topic's accepted answers (the first
      // by id of two holding as many).
      assertThat(w.engine.pulse(World.ADMIN, PulseScope.organisation(), PulsePeriod.allTime())
          .knowledgeAtRisk()).containsExactly(
              new TopicRisk(Tag.of("cobol"), 5, 1, PersonId.of("kay2"), 0.8, true, lastDay,
                  RiskLevel.HIGH),
              new TopicRisk(Tag.of("java"), 5, 1, PersonId.of("kay"), 0.8, true, lastDay,
                  RiskLevel.HIGH));
    }
  }

  @Test
  void aPersonAnsweringUnderTwoLinkedAccountsIsOneContributor() {
    try (World w = new World(new PulsePrivacy(1, true))) {
      for (String p : List.of("root", "ana", "kay", "kay2", "lee")) {
        w.person(p, "");
      }
      // January: kay answers once. February: kay 1, kay2 2 (3 as one person), lee 2.
      String[] by = {"kay", "kay", "kay2", "kay2", "lee", "lee"};
      for (int i = 0; i < by.length; i++) {
        String day = i == 0 ? "2026-01-10T" : String.format("2026-02-%02dT", i + 1);
        ThreadId q = w.ask(day + "09:00:00Z", "ana", "How payroll runs " + i, "payroll");
        w.answer(day + "10:00:00Z", by[i], q);
      }
      link(w.at("2026-02-20T00:00:00Z"), "kay", "kay2");
      Contributors february = w.engine.pulse(World.ADMIN, PulseScope.organisation(),
          PulsePeriod.of(Instant.parse("2026-02-01T00:00:00Z"),
              Instant.parse("2026-03-01T00:00:00Z"))).contributors();
      // Named once, under the account that gave most of the answers.
      assertThat(february.topAnswerers()).containsExactly(
          new PersonCount(PersonId.of("kay2"), 3), new PersonCount(PersonId.of("lee"), 2));
      assertThat(february.answerers()).isEqualTo(2);
      assertThat(february.answers()).isEqualTo(5);
      assertThat(february.peopleForHalfOfAnswers()).isEqualTo(1);
      assertThat(february.topFiveShare()).isEqualTo(1.0);
      // ana, kay and lee; kay had answered in January under their other account
      assertThat(february.active()).isEqualTo(3);
      assertThat(february.newcomers()).isEqualTo(1);
      assertThat(february.returning()).isEqualTo(2);
    }
  }

  @Test
  void anOrgUnitsPeopleAreCountedOnceWhateverTheirAccounts() {
    try (World w = new World(new PulsePrivacy(3, true))) {
      w.person("root", "");
      for (String p : List.of("l1", "l2", "l2b")) {
        w.person(p, "Law");
      }
      link(w, "l2", "l2b");
      // three accounts, two people: under the minimum of 3
      assertThatThrownBy(() -> w.engine.pulse(World.ADMIN, PulseScope.orgUnit("Law"),
          PulsePeriod.allTime())).isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("2 people");
    }
  }

  @Test
  void aHelpCellsAnswerersArePeopleNotAccounts() {
    try (World w = new World(new PulsePrivacy(2, true))) {
      w.person("root", "");
      for (String p : List.of("e1", "e2")) {
        w.person(p, "Eng");
      }
      for (String p : List.of("o1", "o1b", "o2")) {
        w.person(p, "Ops");
      }
      link(w, "o1", "o1b");
      ThreadId q = w.ask("2026-01-05T09:00:00Z", "e1", "How the rota works", "rota");
      w.answer("2026-01-05T10:00:00Z", "o1", q);
      w.answer("2026-01-05T11:00:00Z", "o1b", q);
      // two answers from Ops to Eng by one person: under the minimum of 2 answerers
      HelpMatrix help = w.engine.pulse(World.ADMIN, PulseScope.organisation(),
          PulsePeriod.allTime()).help();
      assertThat(help.cells()).isEmpty();
      assertThat(help.suppressedCells()).isEqualTo(1);
    }
  }

  /**
   * On day 1, 2, ... of January, ana asks about payroll and accepts an answer by {@code by[day -
   * 1]}; the questions in order.
   */
  private static List<ThreadId> acceptedPayrollAnswers(World w, String[] by) {
    List<ThreadId> asked = new ArrayList<>();
    for (int day = 1; day <= by.length; day++) {
      ThreadId q = w.ask("2026-01-0" + day + "T09:00:00Z", "ana", "How payroll runs " + day,
          "payroll");
      asked.add(q);
      w.accept("2026-01-0" + day + "T11:00:00Z", "ana",
          w.answer("2026-01-0" + day + "T10:00:00Z", by[day - 1], q));
    }
    return asked;
  }

  private static void link(World w, String person, String other) {
    w.engine.execute(World.ADMIN, new LinkAccounts(PersonId.of(person), PersonId.of(other)));
  }

  private static void markLeaving(World w, String person, LocalDate lastDay) {
    w.engine.execute(Viewer.system(), new UpdateProfile(PersonProfile.builder(
        PersonId.of(person)).displayName(person).status(PersonStatus.LEAVING, lastDay).build()));
  }
}
