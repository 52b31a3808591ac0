package io.socialearn.harness.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialearn.api.Viewer;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.EventListener;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.KnownAnswer;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.pulse.PersonCount;
import io.socialearn.api.pulse.PulseFigures;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.pulse.RoutingOutcomes;
import io.socialearn.api.pulse.TopicRisk;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.ExpertiseMixLearner;
import io.socialearn.core.RoutingPolicy;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.core.json.SocialearnJson;
import io.socialearn.core.pulse.PulsePrivacy;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Subcommand;
import io.socialearn.harness.UsageException;
import io.socialearn.harness.stackexchange.DumpQuestion;
import io.socialearn.harness.stackexchange.DumpReplay;
import io.socialearn.harness.stackexchange.ImportClock;
import io.socialearn.harness.stackexchange.ImportEngine;
import io.socialearn.harness.stackexchange.PostIndex;
import io.socialearn.harness.stackexchange.PresetIds;
import io.socialearn.harness.stackexchange.ReplayListener;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code eval pulse --dump DIR [--report FILE] [--route N [--route-cap C] [--learn]]}: imports a
 * Stack Exchange dump and asks socialearn, as an administrator, for the pulse of the whole
 * organisation over the whole period.
 *
 * <p>The summary holds {@code questions}, {@code answered_share} (questions with at least one
 * answer), {@code accepted_share}, {@code median_first_answer_minutes} (over answered questions,
 * from the question's creation to its earliest answer) and {@code top5_answerers} (dump user ids
 * with the most answers, ties to the lower id), then more of the report, and under {@code
 * "from_posts_xml"} the same first figures counted straight from Posts.xml as a cross-check. With
 * {@code --report} the whole report is written as JSON.
 *
 * <p>With {@code --route N} the engine routes each question, as it is asked in the replay, to the
 * {@code N} people who know most about it then (at most {@code C} questions a person a day,
 * default 10), with the built-in expertise mix; the summary's {@code "routing"} holds the
 * report's routing outcomes, and {@code "routing_from_posts_xml"} recounts routed questions,
 * those answered by someone asked and those whose accepted answer was theirs from the engine's
 * record of who was asked and Posts.xml alone. Nobody was notified when the site happened, so an
 * answer by someone asked is one the routing foresaw, not one it caused. With {@code --learn} the
 * mix routing uses is learned as the replay goes, from the accepts replayed before each question,
 * as the README's learning loop does ({@link LearningLoop}). Not thread-safe.
 */
public final class PulseEval implements Subcommand {
  static final PersonId ADMINISTRATOR = PersonId.of("harness-administrator");

  @Override
  public void run(Args args, PrintStream out, PrintStream err) {
    Path dump = args.directory("dump");
    String reportFile = args.optional("report", null);
    int route = (int) args.number("route", 0, 0, 20);
    int routeCap = (int) args.number("route-cap", 10, 1, 1_000);
    boolean learn = args.flag("learn");
    int minGroup = (int) args.number("min-group", PulsePrivacy.defaults().minimumGroupSize(), 1,
        1_000);
    args.done();
    if (learn && route == 0) {
      throw new UsageException("--learn needs --route: it learns the mix routing uses");
    }
    ImportClock clock = new ImportClock(Instant.EPOCH);
    PresetIds ids = new PresetIds();
    Map<Integer, ThreadId> questions = new LinkedHashMap<>();
    LearningLoop loop = new LearningLoop();
    // The pulse hides figures about fewer people than the minimum group; --min-group 1 shows
    // them all, to check them against the dump.
    try (SocialLearningEngine engine = ImportEngine.builder(clock, ids,
        ImportEngine.newSearchIndex()).routing(route == 0 ? RoutingPolicy.off()
            : RoutingPolicy.suggest(route, routeCap))
        .pulsePrivacy(new PulsePrivacy(minGroup, true)).listener(loop).build()) {
      loop.engine = learn ? engine : null;
      ReplayListener listener = new ReplayListener() {
        @Override
        public void beforeQuestion(DumpQuestion question) {
          loop.relearnIfDue();
        }

        @Override
        public void afterQuestion(DumpQuestion question, ThreadId thread) {
          questions.put(question.id(), thread);
          loop.asked(thread);
        }
      };
      DumpReplay replay = new DumpReplay(dump, engine, clock, ids, listener, err);
      PostIndex posts = replay.prepare();
      Map<String, Long> counts = replay.run();
      long started = System.nanoTime();
      PulseReport report = engine.pulse(Viewer.administrator(ADMINISTRATOR),
          PulseScope.organisation(), PulsePeriod.allTime());
      double pulseMs = (System.nanoTime() - started) / 1e6;
      if (reportFile != null) {
        write(Path.of(reportFile), report);
      }
      JsonSummary summary = new JsonSummary().put("dump", dump.toString());
      summary(report).forEach(summary::put);
      summary.put("pulse_ms", Math.round(pulseMs * 10) / 10.0);
      summary.put("from_posts_xml", fromPostsXml(posts));
      if (route > 0) {
        summary.put("routing", routing(report.current().routing()));
        Viewer administrator = Viewer.administrator(ADMINISTRATOR);
        Map<Integer, List<PersonId>> routedTo = new LinkedHashMap<>();
        questions.forEach((id, thread) -> routedTo.put(id, engine.routedTo(administrator,
            thread)));
        summary.put("routing_from_posts_xml", routingFromPostsXml(posts, routedTo));
        if (learn) {
          summary.put("known_answers", loop.known.size());
          summary.put("known_answers_teaching", loop.known.stream()
              .filter(k -> k.answererIndex() >= 0).count());
          summary.put("learned_from", loop.learnedOn);
          summary.put("mix", engine.expertiseMix().asMap());
        }
      }
      summary.put("importCounts", counts);
      summary.print(out);
    }
  }

  /** The summary figures of a whole-period report. */
  static Map<String, Object> summary(PulseReport report) {
    PulseFigures f = report.current();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("questions", f.questions());
    figures.put("answered", f.answered());
    figures.put("answered_share", round(f.answeredShare()));
    figures.put("accepted", f.accepted());
    figures.put("accepted_share", round(f.acceptedShare()));
    figures.put("median_first_answer_minutes", round(f.medianFirstAnswerMinutes()));
    figures.put("p90_first_answer_minutes", round(f.p90FirstAnswerMinutes()));
    figures.put("median_accepted_answer_minutes", round(f.medianAcceptedAnswerMinutes()));
    figures.put("p90_accepted_answer_minutes", round(f.p90AcceptedAnswerMinutes()));
    figures.put("answers", f.answers());
    figures.put("backlog", f.backlog());
    figures.put("top5_answerers", top5(report.contributors().topAnswerers()));
    figures.put("answerers", report.contributors().answerers());
    figures.put("top5_answer_share", round(report.contributors().topFiveShare()));
    figures.put("people_for_half_of_answers", report.contributors().peopleForHalfOfAnswers());
    figures.put("active_contributors", report.contributors().active());
    figures.put("unanswered_topics", report.unansweredTopics().stream()
        .limit(5).map(t -> t.tag().value()).toList());
    figures.put("knowledge_at_risk_topics", report.knowledgeAtRisk().size());
    figures.put("knowledge_at_risk_top5", report.knowledgeAtRisk().stream().limit(5)
        .map(PulseEval::risk).toList());
    return figures;
  }

  /**
   * The README's learning loop, run as the replay goes: when a question is asked, who could answer
   * it ({@code suggestAnswerers}, with their signals then); when an answer to it is accepted, a
   * {@link KnownAnswer}; before each question, the mix re-learned from the accepts replayed so far
   * (on the schedule of {@code eval experts}) and put to use. Inert until {@link #engine} is set.
   * Candidates are kept for the {@value #KEPT} latest questions only (a question accepted later
   * teaches nothing), so that a large community's replay holds a bounded number of them.
   */
  static final class LearningLoop implements EventListener {
    /** How many of the latest questions' candidates wait for an accept, as eval experts' cap. */
    static final int KEPT = ExpertsEval.TRAINING;

    SocialLearningEngine engine;
    final Map<ThreadId, List<ExpertCandidate>> candidates = new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ThreadId, List<ExpertCandidate>> eldest) {
        return size() > KEPT;
      }
    };
    final Map<PostId, PersonId> authors = new HashMap<>();
    final List<KnownAnswer> known = new ArrayList<>();
    int learnedOn;

    @Override
    public void onEvents(List<RecordedEvent> events) {
      if (engine == null) {
        return;
      }
      for (RecordedEvent recorded : events) {
        if (recorded.event() instanceof AnswerPosted a && candidates.containsKey(a.thread())) {
          authors.put(a.post(), a.author());
        } else if (recorded.event() instanceof AnswerAccepted a) {
          List<ExpertCandidate> then = candidates.remove(a.thread());
          PersonId answerer = authors.get(a.answer());
          if (then != null && answerer != null) {
            known.add(new KnownAnswer(then, answerer));
          }
        }
      }
    }

    /** Keeps who could answer {@code thread} as it was asked. */
    void asked(ThreadId thread) {
      if (engine != null) {
        candidates.put(thread, engine.suggestAnswerers(Viewer.administrator(ADMINISTRATOR),
            thread, WhoKnowsOptions.MAX_LIMIT));
      }
    }

    /** Learns the mix again from every accept replayed so far, when enough are new. */
    void relearnIfDue() {
      if (engine != null && !known.isEmpty() && ExpertsEval.relearnDue(known.size(), learnedOn)) {
        engine.useExpertiseMix(ExpertiseMixLearner.learn(known));
        learnedOn = known.size();
      }
    }
  }

  /** The routing outcomes of a whole-period report, as the summary shows them. */
  static Map<String, Object> routing(RoutingOutcomes r) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("routed", r.routed());
    figures.put("answered_share", round(r.answeredShare()));
    figures.put("answered_by_asked", r.answeredByAsked());
    figures.put("answered_by_asked_share", round(r.answeredByAskedShare()));
    figures.put("accepted_from_asked", r.acceptedFromAsked());
    figures.put("accepted_from_asked_share", round(r.acceptedFromAskedShare()));
    figures.put("median_asked_answer_minutes", round(r.medianAskedAnswerMinutes()));
    figures.put("asks", r.asks());
    figures.put("people_asked", r.peopleAsked());
    figures.put("asks_answered", r.asksAnswered());
    figures.put("asks_answered_share", round(r.asksAnsweredShare()));
    return figures;
  }

  /**
   * The routing outcomes counted from the engine's record of who each question was asked of
   * ({@code routedTo}, by dump question id) and Posts.xml alone: routed questions, those with an
   * answer by someone asked, those whose accepted answer is by someone asked.
   */
  static Map<String, Object> routingFromPostsXml(PostIndex posts,
      Map<Integer, List<PersonId>> routedTo) {
    Map<Integer, Set<String>> answerers = new HashMap<>();
    for (int i = 0; i < posts.size(); i++) {
      if (posts.typeAt(i) == 2 && posts.ownerAt(i) != PostIndex.NO_USER) {
        answerers.computeIfAbsent(posts.parentAt(i), k -> new HashSet<>())
            .add("u" + posts.ownerAt(i));
      }
    }
    int routed = 0;
    int answeredByAsked = 0;
    int acceptedFromAsked = 0;
    for (Map.Entry<Integer, List<PersonId>> e : routedTo.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      routed++;
      Set<String> asked = new HashSet<>();
      e.getValue().forEach(p -> asked.add(p.value()));
      Set<String> answered = answerers.getOrDefault(e.getKey(), Set.of());
      answeredByAsked += answered.stream().anyMatch(asked::contains) ? 1 : 0;
      int accepted = posts.acceptedAt(posts.find(e.getKey()));
      int at = accepted == 0 ? -1 : posts.find(accepted);
      acceptedFromAsked += at >= 0 && posts.ownerAt(at) != PostIndex.NO_USER
          && asked.contains("u" + posts.ownerAt(at)) ? 1 : 0;
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("routed", routed);
    figures.put("answered_by_asked", answeredByAsked);
    figures.put("accepted_from_asked", acceptedFromAsked);
    return figures;
  }

  private static String risk(TopicRisk r) {
    return r.tag().value() + " (" + r.acceptedAnswers() + " accepted, "
        + Math.round(100 * r.holderShare()) + "% by " + (r.holder() == null ? "?"
        : r.holder().value()) + ")";
  }

  /**
   * The five dump users with the most answers, ties to the lower id. The report lists the top ten
   * and everyone tied with the tenth, by count then by id as text, so re-sorting by number is
   * enough; people who are not dump users (anonymous authors) are skipped.
   */
  static List<Integer> top5(List<PersonCount> top) {
    List<int[]> users = new ArrayList<>();
    for (PersonCount p : top) {
      String id = p.person().value();
      if (id.matches("u-?\\d+")) {
        users.add(new int[] {Integer.parseInt(id.substring(1)), p.count()});
      }
    }
    users.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
    return users.stream().limit(5).map(u -> u[0]).toList();
  }

  /**
   * The headline figures counted straight from Posts.xml, without socialearn: questions, answered
   * share, accepted share (the accepted answer is in the dump), median minutes to the earliest
   * answer, and the top five answerers.
   */
  static Map<String, Object> fromPostsXml(PostIndex posts) {
    Map<Integer, Long> earliest = new HashMap<>();
    Map<Integer, Integer> answersBy = new HashMap<>();
    for (int i = 0; i < posts.size(); i++) {
      if (posts.typeAt(i) == 2 && posts.isQuestion(posts.parentAt(i))) {
        earliest.merge(posts.parentAt(i), posts.createdAt(i), Math::min);
        if (posts.ownerAt(i) != PostIndex.NO_USER) {
          answersBy.merge(posts.ownerAt(i), 1, Integer::sum);
        }
      }
    }
    int questions = 0;
    int accepted = 0;
    List<Double> minutes = new ArrayList<>();
    for (int i = 0; i < posts.size(); i++) {
      if (posts.typeAt(i) != 1) {
        continue;
      }
      questions++;
      int answer = posts.acceptedAt(i);
      accepted += answer != 0 && posts.find(answer) >= 0 ? 1 : 0;
      Long first = earliest.get(posts.idAt(i));
      if (first != null) {
        minutes.add(Math.max(0, first - posts.createdAt(i)) / 60_000.0);
      }
    }
    double[] sorted = minutes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("questions", questions);
    figures.put("answered_share", round(questions == 0 ? null : (double) sorted.length / questions));
    figures.put("accepted_share", round(questions == 0 ? null : (double) accepted / questions));
    figures.put("median_first_answer_minutes", round(median(sorted)));
    figures.put("top5_answerers", answersBy.entrySet().stream()
        .sorted((a, b) -> !a.getValue().equals(b.getValue())
            ? Integer.compare(b.getValue(), a.getValue()) : Integer.compare(a.getKey(), b.getKey()))
        .limit(5).map(Map.Entry::getKey).toList());
    return figures;
  }

  private static Double median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return null;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static Double round(Double value) {
    return value == null ? null : Math.round(value * 10_000) / 10_000.0;
  }

  private static void write(Path file, PulseReport report) {
    ObjectMapper mapper = SocialearnJson.newMapper();
    try {
      mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
