package io.socialearn.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.KnownAnswer;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.ExpertiseMixLearner;
import io.socialearn.core.RoutingPolicy;
import io.socialearn.core.SocialLearningEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the README's quick start honest: the same lines, compiled and run. */
class ReadmeSnippetTest {

  @Test
  void theQuickStartRuns() {
    ThreadDetail thread;
    // --- README quick start, verbatim from here ---
    try (SocialLearningEngine socialearn = SocialLearningEngine.builder().build()) {
      Viewer host = Viewer.system();
      for (String[] p : new String[][] {{"ana", "Finance"}, {"bo", "Payroll"}}) {
        socialearn.execute(host, new RegisterPerson(PersonProfile.builder(PersonId.of(p[0]))
            .displayName(p[0]).orgUnit(p[1]).build()));
      }
      Viewer ana = Viewer.of("ana");
      Viewer bo = Viewer.of("bo");

      SpaceId space = socialearn.execute(host, CreateSpace.community("Money matters"));
      ThreadId question = socialearn.execute(ana, StartThread.question(space,
          "How is December overtime taxed?", "Which tax table applies?", "payroll"));
      PostId answer = socialearn.execute(bo, new PostAnswer(question, "January's table."));
      socialearn.execute(ana, new CastVote(answer, VoteDirection.UP));
      socialearn.execute(ana, new AcceptAnswer(answer));

      thread = socialearn.thread(bo, question);
      System.out.println(thread.summary().state() + ": " + thread.answers().get(0).body());
    }
    // --- to here ---
    assertThat(thread.summary().state().name()).isEqualTo("ANSWERED");
    assertThat(thread.answers().get(0).score()).isEqualTo(1);
  }

  /** The README's lines that learn how who knows weighs its signals from accepted answers. */
  @Test
  void theLearnedMixLinesRun() {
    // a clock that stands still, so that what who knows sees does not move between two asks
    Clock now = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    try (SocialLearningEngine socialearn = SocialLearningEngine.builder().clock(now)
        .routing(RoutingPolicy.suggest(1, 50)).build()) {
      Viewer host = Viewer.system();
      for (String id : List.of("ana", "bo", "cy")) {
        socialearn.execute(host, new RegisterPerson(PersonProfile.builder(PersonId.of(id))
            .displayName(id).build()));
      }
      Viewer ana = Viewer.of("ana");
      Viewer bo = Viewer.of("bo");
      Viewer cy = Viewer.of("cy");
      SpaceId space = socialearn.execute(host, CreateSpace.community("Money matters"));
      for (int i = 0; i < 3; i++) {
        ThreadId old = socialearn.execute(ana, StartThread.question(space,
            "Payroll question " + i, "How does the payroll run work?", "payroll"));
        socialearn.execute(ana, new AcceptAnswer(socialearn.execute(bo,
            new PostAnswer(old, "The payroll run works like this."))));
      }
      List<KnownAnswer> known = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ThreadId other = socialearn.execute(bo, StartThread.question(space,
            "Office question " + i, "Where is the stapler?", "office"));
        socialearn.execute(cy, new PostAnswer(other, "In the second drawer."));
        ThreadId question = socialearn.execute(ana, StartThread.question(space,
            "Payroll date " + i, "When is the payroll run this month?", "payroll"));
        // --- README, learning the mix, verbatim from here ---
        // When a question is asked, keep who could answer it, with the signals they had then:
        List<ExpertCandidate> candidates =
            socialearn.suggestAnswerers(ana, question, WhoKnowsOptions.MAX_LIMIT);
        // --- to here, then the answer and its accept ---
        PostId answer = socialearn.execute(cy, new PostAnswer(question, "On the 25th."));
        socialearn.execute(ana, new AcceptAnswer(answer));
        // --- README, verbatim from here ---
        // Once cy's answer to it is accepted, that is one example of who knew:
        known.add(new KnownAnswer(candidates, cy.person()));
        // Learn how your community weighs the signals, and route by it from now on:
        socialearn.useExpertiseMix(ExpertiseMixLearner.learn(known));
        // --- to here ---
      }
      assertThat(known).allSatisfy(k -> assertThat(k.answererIndex()).isNotNegative());
      assertThat(socialearn.expertiseMix()).isEqualTo(ExpertiseMixLearner.learn(known))
          .isNotEqualTo(ExpertiseMix.defaults());
      // who knows now ranks by the learned mix, not the built-in one
      WhoKnowsQuery payroll = WhoKnowsQuery.topics(Tag.of("payroll"));
      List<ExpertCandidate> ranked = socialearn.whoKnows(ana, payroll);
      assertThat(ranked).isEqualTo(socialearn.whoKnows(ana,
          payroll.with(WhoKnowsOptions.defaults().mix(socialearn.expertiseMix()))));
      assertThat(ranked.get(0).score()).isNotEqualTo(socialearn.whoKnows(ana,
          payroll.with(WhoKnowsOptions.defaults().mix(ExpertiseMix.defaults()))).get(0).score());
    }
  }
}
