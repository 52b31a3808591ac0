package io.socialearn.examples.quickstart;

import io.socialearn.api.Page;
import io.socialearn.api.PageRequest;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.AddComment;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.PostView;
import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.ThreadSummary;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.SocialLearningEngine;
import java.io.PrintStream;

/**
 * The README's first command: socialearn on embedded defaults (in-memory log and index), people in
 * two departments, a question answered across the department line, votes and an accept.
 */
public final class Quickstart {
  private Quickstart() {}

  /** Runs the walk-through and prints what happened. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the walk-through, printing to {@code out}; returns the question's final state. */
  public static ThreadDetail run(PrintStream out) {
    try (SocialLearningEngine socialearn = SocialLearningEngine.builder().build()) {
      Viewer host = Viewer.system();
      Viewer ana = register(socialearn, host, "ana", "Ana Lima", "Finance");
      Viewer bo = register(socialearn, host, "bo", "Bo Berg", "Payroll");
      Viewer cy = register(socialearn, host, "cy", "Cy Chen", "Payroll");
      out.println("People: Ana (Finance), Bo and Cy (Payroll)");

      SpaceId space = socialearn.execute(host, CreateSpace.community("Money matters"));
      ThreadId question = socialearn.execute(ana, StartThread.question(space,
          "How are overtime hours taxed in December?",
          "Our team worked extra hours before year end. Which tax table applies?",
          "payroll", "tax"));
      out.println("Ana asked: " + socialearn.thread(ana, question).title());

      PostId fromBo = socialearn.execute(bo, new PostAnswer(question,
          "December overtime is paid in January's run, so January's table applies."));
      PostId fromCy = socialearn.execute(cy, new PostAnswer(question,
          "Ask HR; it depends."));
      socialearn.execute(cy, new CastVote(fromBo, VoteDirection.UP));
      socialearn.execute(ana, new CastVote(fromBo, VoteDirection.UP));
      socialearn.execute(ana, new AddComment(fromCy, "Thanks, but I was hoping for the rule."));
      socialearn.execute(ana, new AcceptAnswer(fromBo));

      ThreadDetail detail = socialearn.thread(ana, question);
      out.println("State: " + detail.summary().state() + ", " + detail.summary().answerCount()
          + " answers");
      for (PostView answer : detail.answers()) {
        out.printf("  %s %+d by %s: %s%n", answer.accepted() ? "[accepted]" : "          ",
            answer.score(), answer.author(), answer.body());
      }
      Page<ThreadSummary> unanswered = socialearn.threads(bo, space, ThreadSort.UNANSWERED,
          PageRequest.first(10));
      out.println("Unanswered questions left in the space: " + unanswered.items().size());
      for (SearchHit hit : socialearn.search(bo, "overtime tax", 5).hits()) {
        out.println("Search 'overtime tax' finds: " + hit.title());
      }
      out.println("Events in the log: " + socialearn.lastSequence());
      return detail;
    }
  }

  private static Viewer register(SocialLearningEngine socialearn, Viewer host, String id,
      String name, String department) {
    PersonProfile profile = PersonProfile.builder(PersonId.of(id))
        .displayName(name).orgUnit(department).build();
    return Viewer.of(socialearn.execute(host, new RegisterPerson(profile)));
  }
}
