package io.socialearn.core.expertise;

import static io.socialearn.core.expertise.ModelDriver.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** votesBefore leaves out every vote and accept at or after the cut-off. */
class VotesBeforeTest {
  @Test
  void aVoteAfterTheCutOffIsNotCountedHoweverLongAgoItWasCast() {
    ModelDriver d = new ModelDriver();
    d.person("ana", "Finance");
    d.person("bo", "Finance");
    d.person("cy", "Finance");
    ThreadId q = d.question(OPEN, "ana", "payroll");
    PostId bo = d.answer(q, "bo");
    PostId cy = d.answer(q, "cy");
    Instant cutoff = d.now.plus(Duration.ofHours(1));
    d.advance(Duration.ofDays(1));
    d.upvote(q, bo, "ana", "bo");          // after the cut-off
    d.advance(Duration.ofDays(10));
    d.upvote(q, cy, "dee", "cy");          // after the cut-off too, ten days later
    d.advance(Duration.ofHours(1));

    WhoKnowsOptions options = WhoKnowsOptions.defaults().excludeViewer(false)
        .votesBefore(cutoff);
    List<ExpertCandidate> who = d.whoKnows(Set.of(OPEN), options, "payroll");
    // Neither vote counts: bo and cy have the same evidence (one answer each, same age within
    // a minute), so neither reason list may mention an up vote.
    assertThat(who).as("%s", who).allSatisfy(c ->
        assertThat(c.reasons()).noneMatch(r -> r.contains("up vote")));
    // And the scores are those of the same history without the votes.
    ModelDriver none = new ModelDriver();
    none.person("ana", "Finance");
    none.person("bo", "Finance");
    none.person("cy", "Finance");
    ThreadId q2 = none.question(OPEN, "ana", "payroll");
    none.answer(q2, "bo");
    none.answer(q2, "cy");
    none.now = d.now;
    List<ExpertCandidate> without = none.whoKnows(Set.of(OPEN),
        WhoKnowsOptions.defaults().excludeViewer(false), "payroll");
    for (ExpertCandidate c : who) {
      ExpertCandidate w = without.stream().filter(x -> x.person().equals(c.person()))
          .findFirst().orElseThrow();
      assertThat(c.signals().get("topic")).as("topic signal of %s", c.person())
          .isCloseTo(w.signals().get("topic"), org.assertj.core.api.Assertions.within(1e-12));
    }
  }
}
