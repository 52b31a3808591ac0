package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.NotFoundException;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.thread.ThreadId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PilotComparisonTest {

  @Test
  void pilotSpacesAreComparedSideBySideInTheOrderGiven() {
    try (Fixture f = new Fixture()) {
      ThreadId open1 = f.engine.execute(ANA, StartThread.question(f.open, "Open question one",
          "?"));
      f.engine.execute(ANA, StartThread.question(f.open, "Open question two", "?"));
      f.engine.execute(CY, new PostAnswer(open1, "An answer."));
      f.engine.execute(BO, StartThread.question(f.payroll, "Pilot question one", "?"));

      List<PulseReport> reports = f.engine.comparePilots(ADMIN, List.of(f.payroll, f.open),
          PulsePeriod.allTime());
      assertThat(reports).extracting(r -> r.scope().space()).containsExactly(f.payroll, f.open);
      assertThat(reports).extracting(r -> r.current().questions()).containsExactly(1, 2);

      assertThatThrownBy(() -> f.engine.comparePilots(ANA, List.of(f.open, f.payroll),
          PulsePeriod.allTime())).isInstanceOf(NotFoundException.class);
    }
  }
}
