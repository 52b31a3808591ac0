package io.socialearn.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialearn.api.ForbiddenException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Viewer;
import io.socialearn.api.Done;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.RecordView;
import io.socialearn.api.command.UpdateProfile;
import io.socialearn.api.mentoring.Learner;
import io.socialearn.api.mentoring.Mentor;
import io.socialearn.api.mentoring.MentorMatching;
import io.socialearn.api.mentoring.MentoringConstraints;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.pulse.CaptureQuestion;
import io.socialearn.api.pulse.KnowledgeCapture;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.pulse.RiskLevel;
import io.socialearn.api.pulse.Successor;
import io.socialearn.api.pulse.TopicRisk;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.json.SocialearnJson;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Knowledge at risk, knowledge capture, mentoring through the engine, and the report as JSON,
 * CSV and a fold of the log.
 *
 * <pre>
 * cobol  4 questions by ann, accepted answers by kay (3) and lee (1); max also answered one
 *        question, and one more cobol question is unanswered with 2 up votes
 * java   4 questions by ann, accepted answers by kay (2) and lee (2)
 * perl   2 questions by ann, accepted answers by kay (2)
 * </pre>
 */
class KnowledgeAndReportsTest {
  static final LocalDate LAST_DAY = LocalDate.parse("2026-06-30");

  ThreadId unansweredCobol;

  World world(Path dataDirectory) {
    World w = new World(PulsePrivacy.defaults(), dataDirectory);
    for (String p : new String[] {"ann", "kay", "lee", "max", "vic"}) {
      w.person(p, "");
    }
    int day = 1;
    String[] cobolHolders = {"kay", "kay", "kay", "lee"};
    for (String holder : cobolHolders) {
      answered(w, day++, "cobol", holder);
    }
    for (String holder : new String[] {"kay", "kay", "lee", "lee"}) {
      answered(w, day++, "java", holder);
    }
    for (String holder : new String[] {"kay", "kay"}) {
      answered(w, day++, "perl", holder);
    }
    ThreadId cobolByMax = w.ask(time(day++), "ann", "Cobol question answered by max", "cobol");
    w.answer(time(day++), "max", cobolByMax);
    unansweredCobol = w.ask(time(day++), "ann", "Open cobol question", "cobol");
    w.at(time(day++)).engine.execute(Viewer.of("vic"), new CastVote(unansweredCobol,
        VoteDirection.UP));
    w.engine.execute(Viewer.of("max"), new CastVote(unansweredCobol, VoteDirection.UP));
    return w;
  }

  static String time(int day) {
    return String.format("2026-01-%02dT00:00:00Z", day);
  }

  static void answered(World w, int day, String tag, String holder) {
    ThreadId q = w.ask(time(day), "ann", tag + " question " + day, tag);
    PostId a = w.answer(time(day).replace("T00", "T01"), holder, q);
    w.accept(time(day).replace("T00", "T02"), "ann", a);
  }

  static void leaving(World w, String who) {
    w.engine.execute(Viewer.system(), new UpdateProfile(w.engine.person(World.ADMIN,
        PersonId.of(who)).toBuilder().status(PersonStatus.LEAVING, LAST_DAY).build()));
  }

  static PulseReport report(World w, Viewer viewer) {
    return w.engine.pulse(viewer, PulseScope.organisation(), PulsePeriod.allTime());
  }

  @Test
  void aTopicRestingOnOnePersonIsFlaggedLouderWhenTheyLeave() {
    try (World w = world(null)) {
      // cobol: kay wrote 3 of 4 accepted answers; java is split 2-2; perl has only 2.
      TopicRisk watch = new TopicRisk(Tag.of("cobol"), 4, 1, PersonId.of("kay"), 0.75, false,
          null, RiskLevel.WATCH);
      assertThat(report(w, World.ADMIN).knowledgeAtRisk()).containsExactly(watch);
      leaving(w, "kay");
      assertThat(report(w, World.ADMIN).knowledgeAtRisk()).containsExactly(new TopicRisk(
          Tag.of("cobol"), 4, 1, PersonId.of("kay"), 0.75, true, LAST_DAY, RiskLevel.HIGH));
      // Others see the risk and its level, not who holds it; kay sees herself.
      assertThat(report(w, Viewer.of("lee")).knowledgeAtRisk()).containsExactly(new TopicRisk(
          Tag.of("cobol"), 4, 1, null, 0.75, true, null, RiskLevel.HIGH));
      assertThat(report(w, Viewer.of("kay")).knowledgeAtRisk().get(0).holder())
          .isEqualTo(PersonId.of("kay"));
    }
  }

  @Test
  void someoneAwayIsNotLeavingAndCanStillTakeOver() {
    try (World w = world(null)) {
      away(w, "kay");
      assertThat(report(w, World.ADMIN).knowledgeAtRisk()).containsExactly(new TopicRisk(
          Tag.of("cobol"), 4, 1, PersonId.of("kay"), 0.75, false, null, RiskLevel.WATCH));
      assertThat(w.engine.knowledgeCapture(World.ADMIN, PersonId.of("kay")).leaving()).isFalse();
      // Lee, away too, still takes over cobol when kay leaves.
      away(w, "lee");
      leaving(w, "kay");
      assertThat(w.engine.knowledgeCapture(World.ADMIN, PersonId.of("kay")).successors())
          .extracting(Successor::person).contains(PersonId.of("lee"));
    }
  }

  static void away(World w, String who) {
    w.engine.execute(Viewer.system(), new UpdateProfile(w.engine.person(World.ADMIN,
        PersonId.of(who)).toBuilder().status(PersonStatus.AWAY, null).build()));
  }

  @Test
  void knowledgeCaptureSuggestsQuestionsAndSuccessors() {
    try (World w = world(null)) {
      leaving(w, "kay");
      KnowledgeCapture plan = w.engine.knowledgeCapture(World.ADMIN, PersonId.of("kay"));
      assertThat(plan.leaving()).isTrue();
      assertThat(plan.leavingOn()).isEqualTo(LAST_DAY);
      // cobol: 3 of 4 accepted; perl: 2 of 2. java is 2 of 4: not more than half.
      assertThat(plan.topics()).extracting(TopicRisk::tag)
          .containsExactly(Tag.of("cobol"), Tag.of("perl"));
      assertThat(plan.questionsToAsk()).extracting(CaptureQuestion::reason).containsExactly(
          CaptureQuestion.Reason.UNANSWERED_IN_THEIR_TOPIC,
          CaptureQuestion.Reason.ONLY_THEY_ANSWERED, CaptureQuestion.Reason.ONLY_THEY_ANSWERED,
          CaptureQuestion.Reason.ONLY_THEY_ANSWERED, CaptureQuestion.Reason.ONLY_THEY_ANSWERED,
          CaptureQuestion.Reason.ONLY_THEY_ANSWERED);
      assertThat(plan.questionsToAsk().get(0).thread()).isEqualTo(unansweredCobol);
      assertThat(plan.questionsToAsk().get(0).score()).isEqualTo(2);
      // cobol: lee (1 accepted) before max (1 answer); perl: nobody else.
      assertThat(plan.successors()).containsExactly(
          new Successor(Tag.of("cobol"), PersonId.of("lee"), 1, 1),
          new Successor(Tag.of("cobol"), PersonId.of("max"), 0, 1));
      assertThatThrownBy(() -> w.engine.knowledgeCapture(Viewer.of("lee"), PersonId.of("kay")))
          .isInstanceOf(ForbiddenException.class);
      assertThat(w.engine.knowledgeCapture(Viewer.of("kay"), PersonId.of("kay")).topics())
          .hasSize(2);
    }
  }

  @Test
  void theQuestionsMostReadComeFirstThenTheMostVoted() {
    try (World w = world(null)) {
      leaving(w, "kay");
      ThreadId secondCobol = w.ask(time(28), "ann", "Second open cobol question", "cobol");
      for (String reader : new String[] {"lee", "max", "vic"}) {
        w.engine.execute(Viewer.of(reader), new RecordView(secondCobol));
      }
      Done again = w.engine.execute(Viewer.of("lee"), new RecordView(secondCobol));
      assertThat(again.sequence()).as("a second view by the same person records nothing")
          .isEqualTo(w.engine.lastSequence());
      w.engine.execute(Viewer.of("lee"), new RecordView(unansweredCobol));

      List<CaptureQuestion> unanswered = w.engine.knowledgeCapture(World.ADMIN,
          PersonId.of("kay")).questionsToAsk().stream()
          .filter(q -> q.reason() == CaptureQuestion.Reason.UNANSWERED_IN_THEIR_TOPIC).toList();
      assertThat(unanswered).extracting(CaptureQuestion::thread)
          .containsExactly(secondCobol, unansweredCobol);
      assertThat(unanswered).extracting(CaptureQuestion::views).containsExactly(3, 1);
    }
  }

  @Test
  void mentorsAreMatchedOnInferredTopics() {
    try (World w = world(null)) {
      // ann asked cobol (6), java (4), perl (2). Strength is 1 per answer and 3 more per accepted
      // one (no answer has a vote): kay cobol 3 + 9 = 12, java 2 + 6 = 8, perl 2 + 6 = 8.
      MentorMatching matching = w.engine.matchMentors(World.ADMIN,
          java.util.List.of(Learner.inferred(PersonId.of("ann"))),
          java.util.List.of(Mentor.inferred(PersonId.of("kay"), 1),
              Mentor.inferred(PersonId.of("lee"), 1)), MentoringConstraints.defaults());
      // kay: cobol 112, java 108, perl 108 = 328; lee: cobol 1 + 3 = 104, java 2 + 6 = 108.
      assertThat(matching.matches()).hasSize(1);
      assertThat(matching.matches().get(0).mentor()).isEqualTo(PersonId.of("kay"));
      assertThat(matching.totalScore()).isEqualTo(328);
      assertThat(matching.matches().get(0).reasons()).contains(
          "kay has 3 accepted and 0 up-voted of 3 answers in cobol");
    }
  }

  @Test
  void someoneWhoHasLeftCannotBePairedButSomeoneLeavingCan() {
    try (World w = world(null)) {
      List<Learner> ann = List.of(Learner.inferred(PersonId.of("ann")));
      leaving(w, "kay");
      assertThat(w.engine.matchMentors(World.ADMIN, ann,
          List.of(Mentor.inferred(PersonId.of("kay"), 1)), MentoringConstraints.defaults())
          .matches()).extracting(m -> m.mentor().value()).containsExactly("kay");
      w.engine.execute(Viewer.system(), new UpdateProfile(w.engine.person(World.ADMIN,
          PersonId.of("kay")).toBuilder().status(PersonStatus.LEFT, LAST_DAY).build()));
      assertThatThrownBy(() -> w.engine.matchMentors(World.ADMIN, ann,
          List.of(Mentor.inferred(PersonId.of("lee"), 1),
              Mentor.inferred(PersonId.of("kay"), 1)), MentoringConstraints.defaults()))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("mentors");
            assertThat(e.rule()).isEqualTo("present");
            assertThat(e.getMessage()).contains("kay has left");
          });
      assertThatThrownBy(() -> w.engine.matchMentors(World.ADMIN,
          List.of(Learner.inferred(PersonId.of("kay"))),
          List.of(Mentor.inferred(PersonId.of("lee"), 1)), MentoringConstraints.defaults()))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("learners"));
    }
  }

  @Test
  void theReportRoundTripsThroughJsonAndWritesCsv() throws Exception {
    try (World w = world(null)) {
      leaving(w, "kay");
      PulseReport report = report(w, World.ADMIN);
      ObjectMapper mapper = SocialearnJson.newMapper();
      String json = mapper.writeValueAsString(report);
      assertThat(mapper.readValue(json, PulseReport.class)).isEqualTo(report);
      assertThat(json).contains("\"knowledgeAtRisk\"").contains("\"level\":\"HIGH\"");
      assertThat(PulseCsv.knowledgeAtRisk(report)).isEqualTo(
          "tag,level,accepted_answers,bus_factor,holder,holder_share,holder_leaving,"
              + "holder_leaving_on\r\ncobol,HIGH,4,1,kay,0.75,true,2026-06-30\r\n");
      assertThat(PulseCsv.figures(report)).startsWith("figure,current,previous\r\n"
          + "questions,12,0\r\nanswered,11,0\r\n");
      assertThat(PulseCsv.backlog(report)).contains("Open cobol question");
      assertThat(PulseCsv.field("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
    }
  }

  @Test
  void theReportIsAFoldOfTheLogAcrossRestartsAndSnapshots(@TempDir Path dir) {
    PulseReport before;
    try (World w = world(dir)) {
      leaving(w, "kay");
      before = report(w, World.ADMIN);
    }
    // The engine restarts from a snapshot (taken every 7 events) and feeds the pulse the log.
    try (World again = new World(PulsePrivacy.defaults(), dir)) {
      assertThat(report(again, World.ADMIN)).isEqualTo(before);
    }
  }
}
