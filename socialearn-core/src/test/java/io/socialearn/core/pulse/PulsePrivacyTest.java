package io.socialearn.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ForbiddenException;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.pulse.HelpCell;
import io.socialearn.api.pulse.HelpMatrix;
import io.socialearn.api.pulse.PersonCount;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.Viewer;
import io.socialearn.api.thread.ThreadId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The help matrix and the privacy rules around the minimum group size, with units at, above and
 * below it.
 *
 * <pre>
 * units  Eng e1 e2 e3 (3)   Ops o1 o2 o3 (3)   Law l1 l2 (2)   Art a1 (1)
 * March  q1 e1, answered by o1 o2 o3        Eng &lt;- Ops, 3 answerers
 *        q2 o1, answered by e1 e2           Ops &lt;- Eng, 2 answerers
 *        q3 e1, answered by l1 l2 a1        Eng &lt;- Law/Art, 3 answerers
 *        q4 l1, answered by e3              Law &lt;- Eng, 1 answerer
 *        q5 e1, answered by e2              Eng &lt;- Eng, 1 answerer
 * Feb    e2 and o2 asked a question each (so they return in March)
 * </pre>
 */
class PulsePrivacyTest {
  static final PulsePeriod MARCH = PulsePeriod.of(Instant.parse("2026-03-01T00:00:00Z"),
      Instant.parse("2026-04-01T00:00:00Z"));

  static World world(int minimumGroupSize, boolean administratorsSeePeople) {
    World w = new World(new PulsePrivacy(minimumGroupSize, administratorsSeePeople));
    for (String p : new String[] {"e1", "e2", "e3"}) {
      w.person(p, "Eng");
    }
    for (String p : new String[] {"o1", "o2", "o3"}) {
      w.person(p, "Ops");
    }
    w.person("l1", "Law");
    w.person("l2", "Law");
    w.person("a1", "Art");
    w.ask("2026-02-10T00:00:00Z", "e2", "Earlier question one", "misc");
    w.ask("2026-02-11T00:00:00Z", "o2", "Earlier question two", "misc");
    ThreadId q1 = w.ask("2026-03-02T00:00:00Z", "e1", "Question one", "misc");
    answerAll(w, q1, "2026-03-02T01:00:00Z", "o1", "o2", "o3");
    ThreadId q2 = w.ask("2026-03-03T00:00:00Z", "o1", "Question two", "misc");
    answerAll(w, q2, "2026-03-03T01:00:00Z", "e1", "e2");
    ThreadId q3 = w.ask("2026-03-04T00:00:00Z", "e1", "Question three", "misc");
    answerAll(w, q3, "2026-03-04T01:00:00Z", "l1", "l2", "a1");
    ThreadId q4 = w.ask("2026-03-05T00:00:00Z", "l1", "Question four", "misc");
    answerAll(w, q4, "2026-03-05T01:00:00Z", "e3");
    ThreadId q5 = w.ask("2026-03-06T00:00:00Z", "e1", "Question five", "misc");
    answerAll(w, q5, "2026-03-06T01:00:00Z", "e2");
    return w;
  }

  static void answerAll(World w, ThreadId q, String when, String... people) {
    for (String p : people) {
      w.answer(when, p, q);
    }
  }

  static PulseReport march(World w) {
    return w.engine.pulse(World.ADMIN, PulseScope.organisation(), MARCH);
  }

  @Test
  void unitsAtTheMinimumAreShownAndSmallerOnesFoldedIntoOther() {
    try (World w = world(3, true)) {
      HelpMatrix help = march(w).help();
      assertThat(help.units()).containsExactly("Eng", "Ops", "other");
      // Ops -> Eng (2 answerers), other -> Eng (1) and Eng -> Eng (1) are too small.
      assertThat(help.cells()).containsExactly(new HelpCell("Eng", "Ops", 3, 3),
          new HelpCell("Eng", "other", 3, 3));
      assertThat(help.suppressedCells()).isEqualTo(3);
      // Every question was answered; all but q5 by someone from another unit.
      assertThat(help.answeredByUnit()).isEqualTo(5);
      assertThat(help.answeredAcrossUnits()).isEqualTo(4);
      assertThat(help.crossUnitShare()).isEqualTo(0.8);
    }
  }

  @Test
  void oneAboveTheUnitsEverythingFoldsIntoOneOther() {
    try (World w = world(4, true)) {
      HelpMatrix help = march(w).help();
      assertThat(help.cells()).containsExactly(new HelpCell("other", "other", 10, 9));
      assertThat(help.suppressedCells()).isZero();
    }
  }

  /**
   * One cell left out alone would be the period's answers less the cells shown: a1's questions,
   * answered three times by a2 alone (too few answerers) and twice by b1 and b2 (enough), show
   * neither cell.
   */
  @Test
  void aCellLeftOutAloneTakesTheSmallestShownCellWithIt() {
    try (World w = new World(new PulsePrivacy(2, true))) {
      for (String p : List.of("a1", "a2", "a3")) {
        w.person(p, "A");
      }
      for (String p : List.of("b1", "b2")) {
        w.person(p, "B");
      }
      for (int i = 1; i <= 3; i++) {
        ThreadId q = w.ask("2026-03-0" + (i + 1) + "T09:00:00Z", "a1", "Question number " + i,
            "x");
        w.answer("2026-03-0" + (i + 1) + "T10:00:00Z", "a2", q);
        if (i <= 2) {
          w.answer("2026-03-0" + (i + 1) + "T11:00:00Z", "b" + i, q);
        }
      }
      PulseReport report = march(w);
      assertThat(report.current().answers()).isEqualTo(5);
      assertThat(report.help().cells()).isEmpty();
      assertThat(report.help().suppressedCells()).isEqualTo(2);
    }
  }

  @Test
  void anOtherSmallerThanTheMinimumIsSuppressedToo() {
    try (World w = world(10, true)) {
      HelpMatrix help = march(w).help();
      assertThat(help.cells()).isEmpty();
      assertThat(help.units()).isEmpty();
      assertThat(help.suppressedCells()).isEqualTo(1);
    }
  }

  @Test
  void cohortsBelowTheMinimumAreBothHidden() {
    // Nine people took part in March; e2 and o2 had asked in February.
    try (World w = world(3, true)) {
      assertThat(march(w).contributors().active()).isEqualTo(9);
      assertThat(march(w).contributors().newcomers()).isNull();
      assertThat(march(w).contributors().returning()).isNull();
    }
    try (World w = world(2, true)) {
      assertThat(march(w).contributors().newcomers()).isEqualTo(7);
      assertThat(march(w).contributors().returning()).isEqualTo(2);
    }
  }

  @Test
  void anOrgUnitScopeNeedsTheMinimumNumberOfPeople() {
    try (World w = world(3, true)) {
      PulseReport eng = w.engine.pulse(World.ADMIN, PulseScope.orgUnit("Eng"), MARCH);
      assertThat(eng.current().questions()).isEqualTo(3);
      assertThatThrownBy(() -> w.engine.pulse(World.ADMIN, PulseScope.orgUnit("Law"), MARCH))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("2 people");
      assertThatThrownBy(() -> w.engine.pulse(World.ADMIN, PulseScope.orgUnit("Nobody"), MARCH))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("0 people");
    }
  }

  @Test
  void administratorsSeePeopleOnlyIfTheHostAllowsIt() {
    try (World w = world(3, false)) {
      assertThat(march(w).contributors().topAnswerers()).isEmpty();
      PulseReport asE2 = w.engine.pulse(Viewer.of("e2"), PulseScope.organisation(), MARCH);
      assertThat(asE2.contributors().topAnswerers()).containsExactly(
          new PersonCount(PersonId.of("e2"), 2));
    }
    try (World w = world(3, true)) {
      assertThat(march(w).contributors().topAnswerers()).first()
          .isEqualTo(new PersonCount(PersonId.of("e2"), 2));
      assertThat(march(w).contributors().topAnswerers()).hasSize(9);
    }
  }
}
