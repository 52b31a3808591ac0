package io.socialearn.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.SocialLearningEngine;
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
}
