package io.socialearn.core.expertise;

import static io.socialearn.core.expertise.ModelDriver.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A person whose every answer was deleted has no evidence left and is not suggested. */
class DeletedEvidenceProperties {
  @Property(tries = 200)
  void nobodyIsSuggestedOnTheEvidenceOfDeletedAnswers(
      @ForAll @IntRange(min = 1, max = 60 * 24 * 60) int minutesBetween) {
    ModelDriver d = new ModelDriver();
    d.person("ana", "Finance");
    d.person("dee", "Finance");
    ThreadId q1 = d.question(OPEN, "ana", "payroll");
    PostId a1 = d.answer(q1, "dee");
    d.advance(Duration.ofMinutes(minutesBetween));
    ThreadId q2 = d.question(OPEN, "ana", "payroll");
    PostId a2 = d.answer(q2, "dee");
    d.advance(Duration.ofMinutes(5));
    d.delete(q1, a1);
    d.delete(q2, a2);
    assertThat(d.explain("dee", "payroll").evidence()).isEmpty();
    List<ExpertCandidate> who = d.whoKnows(Set.of(OPEN),
        WhoKnowsOptions.defaults().excludeViewer(false), "payroll");
    assertThat(who).as("dee has no live evidence at all, yet is ranked: %s", who)
        .noneMatch(c -> c.person().value().equals("dee"));
  }
}
