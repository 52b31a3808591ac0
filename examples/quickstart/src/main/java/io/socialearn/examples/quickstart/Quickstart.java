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
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.pulse.PulseFigures;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.PostView;
import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.ThreadSummary;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.RoutingPolicy;
import io.socialearn.core.SocialLearningEngine;
import java.io.PrintStream;
import java.util.List;

/**
 * The README's first command: socialearn on embedded defaults (in-memory log and index), people in
 * three departments, a question answered across the department line, votes and an accept; then
 * who knows the topic, a second question routed to them, and the pulse of it all.
 */
public final class Quickstart {
  private Quickstart() {}

  /** Runs the walk-through and prints what happened. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the walk-through, printing to {@code out}; returns the question's final state. */
  public static ThreadDetail run(PrintStream out) {
    // Each new question is routed to the one person most likely to answer it.
    try (SocialLearningEngine socialearn = SocialLearningEngine.builder()
        .routing(RoutingPolicy.suggest(1, 5)).build()) {
      Viewer host = Viewer.system();
      Viewer ana = register(socialearn, host, "ana", "Ana Lima", "Finance");
      Viewer bo = register(socialearn, host, "bo", "Bo Berg", "Payroll");
      Viewer cy = register(socialearn, host, "cy", "Cy Chen", "Payroll");
      Viewer dee = register(socialearn, host, "dee", "Dee Diaz", "Sales");
      out.println("People: Ana (Finance), Bo and Cy (Payroll), Dee (Sales)");

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

      // Who knows about payroll tax, as Dee (in another department) asks it?
      for (ExpertCandidate expert : socialearn.whoKnows(dee,
          WhoKnowsQuery.text("payroll tax on a bonus")
              .with(WhoKnowsOptions.defaults().limit(2)))) {
        List<String> reasons = expert.reasons();
        out.printf("Who knows 'payroll tax on a bonus': %s (%s)%n", expert.person(),
            String.join("; ", reasons.subList(0, Math.min(2, reasons.size()))));
      }
      ThreadId second = socialearn.execute(dee, StartThread.question(space,
          "Is a December bonus taxed like overtime?",
          "Sales pays a bonus in December. Does the same tax table apply?", "payroll", "tax"));
      out.println("Dee asked; socialearn asked " + socialearn.routedTo(dee, second));
      socialearn.execute(dee, new AcceptAnswer(socialearn.execute(bo, new PostAnswer(second,
          "Yes: a bonus paid in January's run is taxed by January's table."))));

      PulseFigures pulse = socialearn.pulse(host, PulseScope.organisation(),
          PulsePeriod.allTime()).current();
      // Who answered among those asked is hidden here: one person was asked, and the pulse never
      // shows a group smaller than its minimum (that would be the person's own rate).
      out.printf("Pulse: %d questions, %.0f%% answered, %.0f%% accepted; %d routed, %d of them"
          + " answered%n", pulse.questions(), 100 * pulse.answeredShare(),
          100 * pulse.acceptedShare(), pulse.routing().routed(), pulse.routing().answered());
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
