package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who knows names whoever has evidence however small the mix's weights: a mix scaled down ranks
 * as before, and one on lastAnswer1h alone (e^-hours) still names who answered days ago.
 */
class ScoreScaleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

  private SocialLearningEngine engine() {
    SocialLearningEngine e = SocialLearningEngine.builder().clock(clock)
        .trustPolicy(TrustPolicy.rolesOnly()).writeRateLimit(WriteRateLimit.unlimited()).build();
    for (String id : List.of("ana", "bo", "dee")) {
      e.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of(id))
          .displayName(id).build()));
    }
    SpaceId space = e.execute(Viewer.system(), CreateSpace.community("Money"));
    for (int i = 0; i < 3; i++) {
      ThreadId q = e.execute(Viewer.of("dee"), StartThread.question(space,
          "Payroll question number " + i, "How does the payroll run work?", "payroll"));
      PostId a = e.execute(Viewer.of("bo"), new PostAnswer(q, "The payroll run works so."));
      e.execute(Viewer.of("dee"), new AcceptAnswer(a));
    }
    return e;
  }

  private static List<ExpertCandidate> ask(SocialLearningEngine e, ExpertiseMix mix) {
    return e.whoKnows(Viewer.of("ana"), WhoKnowsQuery.topics(Tag.of("payroll"))
        .with(WhoKnowsOptions.defaults().mix(mix)));
  }

  @Test
  void aScaledDownMixNamesNobody() {
    try (SocialLearningEngine e = engine()) {
      double[] w = ExpertiseMix.defaults().weights();
      for (int i = 0; i < w.length; i++) {
        w[i] *= 1e-10;
      }
      List<PersonId> full = ask(e, ExpertiseMix.defaults()).stream()
          .map(ExpertCandidate::person).toList();
      assertThat(full).contains(PersonId.of("bo"));
      // Same ranking expected: the mix is the default one times a constant.
      assertThat(ask(e, ExpertiseMix.of(w))).extracting(ExpertCandidate::person)
          .containsExactlyElementsOf(full);
    }
  }

  @Test
  void aLastHourMixForgetsWhoAnsweredYesterday() {
    try (SocialLearningEngine e = engine()) {
      double[] w = new double[ExpertiseMix.SIGNALS.size()];
      w[ExpertiseMix.SIGNALS.indexOf("lastAnswer1h")] = 1;
      clock.advance(Duration.ofHours(22));
      assertThat(ask(e, ExpertiseMix.of(w))).extracting(ExpertCandidate::person)
          .containsExactly(PersonId.of("bo"));
    }
  }
}
