package io.socialearn.core;

import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.NotFoundException;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.Endorse;
import io.socialearn.api.command.LinkAccounts;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.expertise.DepartmentPreference;
import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseEntry;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpertiseEngineTest {

  @Test
  void whoKnowsThroughTheEngineUsesTextTopicsAndHidesMembersOnlyEvidence() {
    try (Fixture f = new Fixture()) {
      ThreadId open = f.engine.execute(ANA, StartThread.question(f.open,
          "How is overtime taxed in payroll?", "Overtime tax rules please", "payroll"));
      PostId answer = f.engine.execute(DEE, new PostAnswer(open, "Overtime is taxed like pay."));
      f.engine.execute(ANA, new AcceptAnswer(answer));
      ThreadId hidden = f.engine.execute(BO, StartThread.question(f.payroll,
          "Overtime payroll pilot question", "Secret pilot overtime", "payroll"));
      f.engine.execute(CY, new PostAnswer(hidden, "Pilot answer about overtime."));
      f.clock.advance(Duration.ofDays(1));

      List<ExpertCandidate> outsider = f.engine.whoKnows(ANA,
          WhoKnowsQuery.text("overtime tax in payroll"));
      assertThat(outsider).extracting(c -> c.person().value()).contains("dee")
          .doesNotContain("cy", "ana");
      assertThat(outsider.get(0).person()).isEqualTo(PersonId.of("dee"));
      assertThat(outsider.get(0).reasons()).anyMatch(r -> r.startsWith("1 accepted answer"));
      assertThat(outsider.get(0).reasons()).anyMatch(r -> r.startsWith("answered 1 similar"));
      List<ExpertCandidate> member = f.engine.whoKnows(BO,
          WhoKnowsQuery.topics(Tag.of("payroll")));
      assertThat(member).extracting(c -> c.person().value()).contains("cy", "dee");
      assertThat(f.engine.explain(ANA, PersonId.of("cy"), Tag.of("payroll")).evidence())
          .isEmpty();
      assertThat(f.engine.explain(BO, PersonId.of("cy"), Tag.of("payroll")).score())
          .isPositive();
      assertThat(f.engine.expertise(ANA, PersonId.of("dee"))).first()
          .satisfies(e -> assertThat(e.topic()).isEqualTo(Tag.of("payroll")));
    }
  }

  @Test
  void optionsLeaveOutGuestsAndFavourDepartments() {
    try (Fixture f = new Fixture()) {
      ThreadId t = f.engine.execute(ANA, StartThread.question(f.open, "Payroll dates",
          "When is payroll run?", "payroll"));
      f.engine.execute(DEE, new PostAnswer(t, "On the 25th."));
      f.engine.execute(CY, new PostAnswer(t, "On the 25th, usually."));
      WhoKnowsQuery q = WhoKnowsQuery.topics(Tag.of("payroll"));
      List<ExpertCandidate> same = f.engine.whoKnows(BO, q.with(WhoKnowsOptions.defaults()
          .department(DepartmentPreference.SAME)));
      assertThat(same.get(0).person()).isEqualTo(PersonId.of("cy"));
      List<ExpertCandidate> other = f.engine.whoKnows(BO, q.with(WhoKnowsOptions.defaults()
          .department(DepartmentPreference.OTHER)));
      assertThat(other.get(0).person()).isEqualTo(PersonId.of("dee"));
      assertThat(f.engine.whoKnows(CY, q)).noneMatch(c -> c.person().value().equals("cy"));
    }
  }

  @Test
  void endorsementsAreCommandsCountedOnceAndNeverForOneself() {
    try (Fixture f = new Fixture()) {
      f.engine.execute(ANA, new Endorse(PersonId.of("bo"), Tag.of("payroll")));
      long once = f.engine.lastSequence();
      // Endorsing again changes nothing: no event, so listeners hear nothing either.
      f.engine.execute(ANA, new Endorse(PersonId.of("bo"), Tag.of("payroll")));
      assertThat(f.engine.lastSequence()).isEqualTo(once);
      f.engine.execute(CY, new Endorse(PersonId.of("bo"), Tag.of("payroll")));
      f.engine.execute(ANA, new Endorse(PersonId.of("bo"), Tag.of("excel")));
      assertThat(f.engine.lastSequence()).isEqualTo(once + 2);
      // Reasons count endorsements, not endorsers: Ana's in two of the query's topics are two.
      assertThat(f.engine.whoKnows(DEE, WhoKnowsQuery.topics(Tag.of("payroll"))))
          .filteredOn(c -> c.person().value().equals("bo")).singleElement()
          .satisfies(c -> assertThat(c.reasons()).anyMatch(
              r -> r.startsWith("2 endorsements in payroll,")));
      assertThat(f.engine.whoKnows(DEE, WhoKnowsQuery.topics(Tag.of("payroll"),
          Tag.of("excel")))).filteredOn(c -> c.person().value().equals("bo")).singleElement()
          .satisfies(c -> assertThat(c.reasons()).anyMatch(
              r -> r.startsWith("3 endorsements in payroll, excel,")));
      assertThat(f.engine.explain(DEE, PersonId.of("bo"), Tag.of("payroll")).evidence())
          .extracting(e -> e.kind()).containsExactly(EvidenceKind.ENDORSEMENT,
              EvidenceKind.ENDORSEMENT);
      assertThatThrownBy(() -> f.engine.execute(BO, new Endorse(PersonId.of("bo"),
          Tag.of("payroll")))).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("themselves");
      assertThatThrownBy(() -> f.engine.execute(BO, new Endorse(PersonId.of("nobody"),
          Tag.of("payroll")))).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> f.engine.explain(BO, PersonId.of("nobody"), Tag.of("x")))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void nobodyEndorsesAnAccountLinkedToTheirOwn() {
    try (Fixture f = new Fixture()) {
      f.engine.execute(Fixture.ADMIN, new LinkAccounts(PersonId.of("ana"), PersonId.of("bo")));
      long before = f.engine.lastSequence();
      // Linked accounts are one person's: Ana endorsing Bo would be Bo vouching for himself.
      assertThatThrownBy(() -> f.engine.execute(ANA, new Endorse(PersonId.of("bo"),
          Tag.of("payroll")))).isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.rule()).isEqualTo("notSelf"))
          .hasMessageContaining("linked");
      assertThat(f.engine.lastSequence()).isEqualTo(before);
      assertThat(f.engine.explain(DEE, PersonId.of("bo"), Tag.of("payroll")).evidence())
          .isEmpty();
      f.engine.execute(CY, new Endorse(PersonId.of("bo"), Tag.of("payroll")));
      assertThat(f.engine.explain(DEE, PersonId.of("bo"), Tag.of("payroll")).evidence())
          .extracting(e -> e.kind()).containsExactly(EvidenceKind.ENDORSEMENT);
    }
  }

  @Test
  void aPersonsExpertiseAndItsExplanationCountEveryLinkedAccount() {
    try (Fixture f = new Fixture()) {
      ThreadId first = f.engine.execute(ANA, StartThread.question(f.open, "Payroll dates",
          "When is payroll run?", "payroll"));
      f.engine.execute(ANA, new AcceptAnswer(f.engine.execute(BO, new PostAnswer(first,
          "On the 25th."))));
      ThreadId second = f.engine.execute(ANA, StartThread.question(f.open, "Payroll cut-off",
          "When is the cut-off?", "payroll"));
      f.engine.execute(CY, new PostAnswer(second, "On the 20th."));
      double bo = f.engine.explain(DEE, PersonId.of("bo"), Tag.of("payroll")).score();
      double cy = f.engine.explain(DEE, PersonId.of("cy"), Tag.of("payroll")).score();
      int evidence = f.engine.explain(DEE, PersonId.of("bo"), Tag.of("payroll")).evidence()
          .size() + f.engine.explain(DEE, PersonId.of("cy"), Tag.of("payroll")).evidence().size();

      f.engine.execute(Fixture.ADMIN, new LinkAccounts(PersonId.of("bo"), PersonId.of("cy")));
      for (String account : List.of("bo", "cy")) {
        ExpertiseEntry entry = f.engine.explain(DEE, PersonId.of(account), Tag.of("payroll"));
        assertThat(entry.person()).isEqualTo(PersonId.of(account));
        assertThat(entry.score()).isCloseTo(bo + cy, within(1e-12));
        assertThat(entry.evidence()).hasSize(evidence);
        assertThat(f.engine.expertise(DEE, PersonId.of(account))).first().satisfies(e -> {
          assertThat(e.topic()).isEqualTo(Tag.of("payroll"));
          assertThat(e.score()).isCloseTo(bo + cy, within(1e-12));
        });
      }
      // anyone else's is their own
      assertThat(f.engine.explain(DEE, PersonId.of("ana"), Tag.of("payroll")).evidence())
          .allMatch(e -> e.kind() == EvidenceKind.QUESTION_ASKED);
    }
  }

  @Test
  void rebuildingFromTheLogGivesTheSameExpertise() {
    try (Fixture f = new Fixture()) {
      for (int i = 0; i < 5; i++) {
        ThreadId t = f.engine.execute(ANA, StartThread.question(f.open, "Question " + i,
            "About payroll and tax " + i, "payroll", i % 2 == 0 ? "tax" : "excel"));
        PostId a = f.engine.execute(i % 2 == 0 ? DEE : CY, new PostAnswer(t, "Answer " + i));
        if (i % 3 == 0) {
          f.engine.execute(ANA, new AcceptAnswer(a));
        }
        f.clock.advance(Duration.ofDays(3));
      }
      f.engine.execute(ANA, new Endorse(PersonId.of("cy"), Tag.of("excel")));
      try (SocialLearningEngine again = f.replay()) {
        assertThat(again.expertiseImage(f.clock.instant()))
            .isEqualTo(f.engine.expertiseImage(f.clock.instant()));
        WhoKnowsQuery q = WhoKnowsQuery.text("payroll tax question");
        assertThat(again.whoKnows(BO, q)).isEqualTo(f.engine.whoKnows(BO, q));
      }
    }
  }
}
