package io.socialearn.harness.eval;

import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.EventListener;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.KnownAnswer;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.search.SearchIndex;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.ExpertiseMixLearner;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.core.search.MemorySearchIndex;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Subcommand;
import io.socialearn.harness.stackexchange.DumpQuestion;
import io.socialearn.harness.stackexchange.DumpReplay;
import io.socialearn.harness.stackexchange.Html;
import io.socialearn.harness.stackexchange.ImportClock;
import io.socialearn.harness.stackexchange.ImportEngine;
import io.socialearn.harness.stackexchange.PostIndex;
import io.socialearn.harness.stackexchange.PresetIds;
import io.socialearn.harness.stackexchange.ReplayListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * {@code eval experts --dump DIR --rankings FILE}: question routing as it would have happened
 * live. The dump is replayed in time order; right before each test question is started, {@code
 * whoKnows} is asked who could answer it (title, body and tags; the asker excluded; votes and
 * accepts of the question's own day not counted), and so are three baselines with the same
 * view: the most active answerers so far, answer counts in the query's tags so far, and recent
 * activity ({@code log(1 + 10·recent) + log(1 + 10·recent-in-tags)}, each answer weighted by
 * 0.5^(age / 30 days)).
 *
 * <p>Test questions: index floor(0.8 × count) and later of the questions sorted by creation time.
 * Queries: test questions with an accepted answer whose author is not the asker and answered at
 * least once before. Relevant: that author. Candidates: dump users with an earlier answer. The
 * mix of socialearn's signals is learned by the library's listwise ranking model ({@link
 * ExpertiseMixLearner}; with
 * {@code --learner ascent}, by coordinate ascent on MRR + {@value MixLearner#P1_WEIGHT} × P@1,
 * the learner of earlier figures) over
 * queries chosen the same way from the {@value #TRAINING} training questions right before the
 * test period, and re-learned at every newly known query as the test period advances (from 400
 * known on, whenever they have grown by 1/{@value #RELEARN_SHARE}; see {@link #relearnDue}): a
 * query (of the training period or the test period alike) joins the training queries only once
 * its accept has been replayed before the day the question is asked, and its signals
 * are those computed when it was asked, so nothing is learned from a question's future. How fast
 * "answered lately" fades is learned the same way: the mix weighs the last-answer signal on its
 * four fixed scales (an hour, 6 hours, a day, a week). Coordinate ascent starts from the default
 * mix and from the mix that reproduces the recency baseline's formula, and keeps the better. Writes
 * socialearn's ranks 1..20 to FILE and each baseline's to FILE.NAME.tsv. With {@code --features
 * FILE2}, also writes, for offline experiments with the learner, every query's candidates under
 * the default mix with their signals and a few harness-side activity figures ({@code Q}, {@code
 * C} lines) and the order in which queries became known ({@code A} lines); the figures are
 * unchanged by it. With {@code --mix name=weight,...} that mix, not the library's default, is
 * the engine's mix before any is learned (throughout with {@code --learn false}), chooses the
 * candidates of the features file and starts the listwise fit; {@code eval mix} prints the one
 * learned on other communities' features files in that form. With {@code --index core} the
 * engine's search index (whose similar threads feed the document model) is socialearn-core's own
 * in-memory one, what a host without socialearn-lucene has, instead of socialearn-lucene's.
 * Not thread-safe.
 */
public final class ExpertsEval implements Subcommand {
  static final int RANKS = 20;
  static final int TRAINING = 3_000;
  /** Re-learn the mix once this many more queries are known... */
  static final int RELEARN = 1;
  /**
   * ...or once the known queries have grown by this share of those the mix was last learned on,
   * if that is more: on communities whose test period holds thousands of queries, a fit costs
   * about 0.1 ms a known query, and re-learning at every one would cost hours.
   */
  static final int RELEARN_SHARE = 200;
  private static final long DAY = 86_400_000L;
  private static final double MONTH_MILLIS = 30 * DAY;
  static final List<String> BASELINES = List.of("mostActive", "tagAnswers", "recency");
  /**
   * Where the mix learner starts: socialearn's default mix, and the mix that reproduces the recency
   * baseline's formula (recent answers in the tags and overall, equally), so that the learned mix
   * is never worse than that formula on the training queries.
   */
  static final List<ExpertiseMix> STARTS = List.of(ExpertiseMix.defaults(),
      new ExpertiseMix(0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0));

  @Override
  public void run(Args args, PrintStream out, PrintStream err) {
    Path dump = args.directory("dump");
    Path rankings = Path.of(args.required("rankings"));
    String learnArg = args.optional("learn", "true");
    if (!List.of("true", "false").contains(learnArg)) {
      throw new io.socialearn.harness.UsageException(
          "--learn takes true or false, not '" + learnArg + "'");
    }
    boolean learn = learnArg.equals("true");
    String learner = args.optional("learner", "listwise");
    if (!List.of("listwise", "ascent").contains(learner)) {
      throw new io.socialearn.harness.UsageException(
          "--learner takes listwise or ascent, not '" + learner + "'");
    }
    String features = args.optional("features", null);
    String scoresFile = args.optional("scores", null);
    String meaning = args.optional("meaning", "none");
    String indexKind = args.optional("index", "lucene");
    if (!List.of("lucene", "core").contains(indexKind)) {
      throw new io.socialearn.harness.UsageException(
          "--index takes lucene or core, not '" + indexKind + "'");
    }
    if (indexKind.equals("core") && !meaning.equals("none")) {
      throw new io.socialearn.harness.UsageException(
          "--meaning " + meaning + " needs --index lucene");
    }
    ExpertiseMix start = parseMix(args.optional("mix", null));
    args.done();
    ImportClock clock = new ImportClock(Instant.EPOCH);
    PresetIds ids = new PresetIds();
    // core: socialearn-core's own in-memory index, what a host without socialearn-lucene has
    SearchIndex index = indexKind.equals("core") ? new MemorySearchIndex()
        : ImportEngine.newSearchIndex(meaning);
    History history = new History();
    Map<String, RankingWriter> writers = new LinkedHashMap<>();
    try (SocialLearningEngine engine = ImportEngine.builder(clock, ids, index)
        .listener(history).build()) {
      writers.put("socialearn", new RankingWriter(rankings));
      for (String name : BASELINES) {
        writers.put(name, new RankingWriter(Path.of(rankings + "." + name + ".tsv")));
      }
      Listener listener = new Listener(engine, history, writers, learn, err);
      listener.listwise = learner.equals("listwise");
      listener.start = start;
      engine.useExpertiseMix(start);
      if (features != null) {
        listener.features = new RankingWriter(Path.of(features));
        writers.put("features", listener.features);
      }
      DumpReplay replay = new DumpReplay(dump, engine, clock, ids, listener, err);
      listener.prepare(replay.prepare());
      Map<String, Long> counts = replay.run();
      JsonSummary summary = new JsonSummary().put("dump", dump.toString())
          .put("rankings", rankings.toString()).put("index", index.name());
      listener.scores.get("socialearn").summary().forEach(summary::put);
      Map<String, Object> baselines = new LinkedHashMap<>();
      for (String name : BASELINES) {
        baselines.put(name, listener.scores.get(name).summary());
      }
      summary.put("baselines", baselines);
      putGainsOverBest(summary, listener.scores);
      if (scoresFile != null) {
        writeScores(Path.of(scoresFile), listener.queryIds, listener.scores);
      }
      summary.put("trainingQueries", listener.training.size());
      summary.put("lateQuestionsLeftOut", listener.lateQuestions);
      summary.put("mix", listener.mix == null ? null : listener.mix.asMap());
      summary.put("startMix", start.asMap());
      summary.put("importCounts", counts);
      summary.print(out);
    } finally {
      writers.values().forEach(RankingWriter::close);
    }
  }

  /** How many resamples the paired bootstrap of the gains draws. */
  static final int RESAMPLES = 10_000;
  /** The gain the who-knows issue asks for over the best baseline, MRR and P@1 alike. */
  static final double GAIN_TARGET = 0.10;

  /**
   * Puts into {@code summary} the best baseline by MRR (the first of equals, in the map's order),
   * socialearn's MRR and P@1 gains over it and, when there are queries, their {@link #bootstrap};
   * and under {@code "byP@1"} the best baseline by P@1 alone (it may be another) with
   * socialearn's P@1 gain over that one and its bootstrap, so that "P@1 likewise" can be read
   * either way.
   *
   * @param scores socialearn's scores under {@code "socialearn"}, each baseline's under its name
   */
  static void putGainsOverBest(JsonSummary summary, Map<String, Scores> scores) {
    Scores ours = scores.get("socialearn");
    String best = best(scores, Scores::mrr);
    Scores theirs = scores.get(best);
    summary.put("bestBaseline", best);
    summary.put("mrrGainOverBest", Metrics.round4(ours.mrr() / theirs.mrr() - 1));
    summary.put("p@1GainOverBest", Metrics.round4(ours.p1() / theirs.p1() - 1));
    boolean queries = ours.reciprocalRanks().length > 0;
    if (queries) {
      summary.put("bootstrap", bootstrap(ours, theirs));
    }
    String bestP1 = best(scores, Scores::p1);
    Scores theirsP1 = scores.get(bestP1);
    Map<String, Object> byP1 = new LinkedHashMap<>();
    byP1.put("bestBaseline", bestP1);
    byP1.put("p@1GainOverBest", Metrics.round4(ours.p1() / theirsP1.p1() - 1));
    if (queries) {
      Metrics.GainInterval p1 = Metrics.gainInterval(ours.firstHits(), theirsP1.firstHits(),
          GAIN_TARGET, RESAMPLES, 1);
      byP1.put("p@1Gain95", interval(p1));
      byP1.put("p@1GainReachesTarget", share(p1));
    }
    summary.put("byP@1", byP1);
  }

  /** The baseline (not socialearn) with the highest {@code measure}, the first of equals. */
  private static String best(Map<String, Scores> scores,
      ToDoubleFunction<Scores> measure) {
    String best = null;
    for (Map.Entry<String, Scores> e : scores.entrySet()) {
      if (!e.getKey().equals("socialearn") && (best == null
          || measure.applyAsDouble(e.getValue()) > measure.applyAsDouble(scores.get(best)))) {
        best = e.getKey();
      }
    }
    return best;
  }

  /**
   * The paired bootstrap of socialearn's MRR and P@1 gains over {@code theirs}, over these
   * queries ({@value #RESAMPLES} resamples, seed 1): their 95% intervals and the share of
   * resamples reaching {@value #GAIN_TARGET}.
   */
  static Map<String, Object> bootstrap(Scores ours, Scores theirs) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("resamples", RESAMPLES);
    out.put("target", GAIN_TARGET);
    Metrics.GainInterval mrr = Metrics.gainInterval(ours.reciprocalRanks(),
        theirs.reciprocalRanks(), GAIN_TARGET, RESAMPLES, 1);
    Metrics.GainInterval p1 = Metrics.gainInterval(ours.firstHits(), theirs.firstHits(),
        GAIN_TARGET, RESAMPLES, 1);
    out.put("mrrGain95", interval(mrr));
    out.put("mrrGainReachesTarget", share(mrr));
    out.put("p@1Gain95", interval(p1));
    out.put("p@1GainReachesTarget", share(p1));
    return out;
  }

  private static List<Double> interval(Metrics.GainInterval g) {
    return g.resamples() == 0 ? null : List.of(Metrics.round4(g.low()), Metrics.round4(g.high()));
  }

  private static Double share(Metrics.GainInterval g) {
    return g.resamples() == 0 ? null : Metrics.round4(g.reaching());
  }

  /**
   * Writes each query's reciprocal rank and P@1 per ranker, a header first ({@code query}, then
   * {@code NAME.rr} and {@code NAME.p1} per ranker), for {@code eval gain} to pool across sites.
   */
  static void writeScores(Path file, List<String> queryIds, Map<String, Scores> scores) {
    try (RankingWriter out = new RankingWriter(file)) {
      StringBuilder header = new StringBuilder("query");
      scores.keySet().forEach(name -> header.append('\t').append(name).append(".rr\t")
          .append(name).append(".p1"));
      out.line(header.toString());
      for (int q = 0; q < queryIds.size(); q++) {
        StringBuilder line = new StringBuilder(queryIds.get(q));
        for (Scores s : scores.values()) {
          line.append('\t').append(s.rr.get(q)).append('\t').append(s.p1.get(q));
        }
        out.line(line.toString());
      }
    }
  }

  /** One ranker's measures: MRR, P@1 and recall@10 with one relevant person per query. */
  static final class Scores {
    private final List<Double> rr = new ArrayList<>();
    private final List<Double> p1 = new ArrayList<>();
    private final List<Double> r10 = new ArrayList<>();

    void add(List<Ranked> ranking, String relevant) {
      List<String> ids = ranking.stream().map(Ranked::id).toList();
      Set<String> rel = Set.of(relevant);
      rr.add(Metrics.reciprocalRank(ids, rel));
      p1.add(Metrics.precisionAt1(ids, rel));
      r10.add(Metrics.recallAt(ids, rel, 10));
    }

    double mrr() {
      return Metrics.mean(rr);
    }

    /** One query's figures as {@code eval gain} reads them back (no recall@10). */
    void add(double reciprocalRank, double firstHit) {
      rr.add(reciprocalRank);
      p1.add(firstHit);
    }

    double[] reciprocalRanks() {
      return rr.stream().mapToDouble(Double::doubleValue).toArray();
    }

    double[] firstHits() {
      return p1.stream().mapToDouble(Double::doubleValue).toArray();
    }

    double p1() {
      return Metrics.mean(p1);
    }

    Map<String, Object> summary() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("queries", rr.size());
      m.put("mrr", Metrics.round4(mrr()));
      m.put("p@1", Metrics.round4(p1()));
      m.put("recall@10", Metrics.round4(Metrics.mean(r10)));
      return m;
    }
  }

  /** What the baselines know: every answer so far, by author, with its time and tags. */
  static final class History implements EventListener {
    final Map<ThreadId, List<Tag>> tags = new HashMap<>();
    /** Answers per dump user: times and their questions' tags, in time order. */
    final Map<String, List<Answer>> answers = new HashMap<>();
    /** When each answer accepted so far was accepted, by post id value. */
    final Map<String, Long> accepted = new HashMap<>();

    record Answer(long at, List<Tag> tags) {}

    @Override
    public void onEvents(List<RecordedEvent> events) {
      for (RecordedEvent r : events) {
        if (r.event() instanceof ThreadStarted t) {
          tags.put(t.thread(), t.tags());
        } else if (r.event() instanceof AnswerAccepted a) {
          accepted.put(a.answer().value(), r.timestamp().toEpochMilli());
        } else if (r.event() instanceof AnswerPosted a) {
          String user = sourceId(a.author());
          if (user != null) {
            answers.computeIfAbsent(user, k -> new ArrayList<>()).add(new Answer(
                r.timestamp().toEpochMilli(), tags.getOrDefault(a.thread(), List.of())));
          }
        }
      }
    }

    /** The three baselines' rankings for a question of {@code queryTags} at {@code now}. */
    Map<String, List<Ranked>> baselines(List<Tag> queryTags, long now, String asker) {
      List<Ranked> active = new ArrayList<>();
      List<Ranked> inTags = new ArrayList<>();
      List<Ranked> recency = new ArrayList<>();
      for (Map.Entry<String, List<Answer>> e : answers.entrySet()) {
        if (e.getKey().equals(asker)) {
          continue;
        }
        int all = 0;
        int tagged = 0;
        double recent = 0;
        double recentTagged = 0;
        for (Answer a : e.getValue()) {
          if (a.at() >= now) {
            continue;
          }
          double w = Math.pow(0.5, (now - a.at()) / MONTH_MILLIS);
          all++;
          recent += w;
          if (a.tags().stream().anyMatch(queryTags::contains)) {
            tagged++;
            recentTagged += w;
          }
        }
        if (all == 0) {
          continue;
        }
        active.add(new Ranked(e.getKey(), all));
        inTags.add(new Ranked(e.getKey(), tagged));
        recency.add(new Ranked(e.getKey(),
            Math.log1p(10 * recent) + Math.log1p(10 * recentTagged)));
      }
      Map<String, List<Ranked>> out = new LinkedHashMap<>();
      out.put("mostActive", top(active));
      out.put("tagAnswers", top(inTags));
      out.put("recency", top(recency));
      return out;
    }

    /** Harness-side figures of a candidate at {@code now}, for experiments (see --features). */
    String extra(String user, List<Tag> queryTags, long now, long dayStart) {
      List<Answer> list = answers.getOrDefault(user, List.of());
      long last = Long.MIN_VALUE;
      long lastTag = Long.MIN_VALUE;
      int n1 = 0;
      int n7 = 0;
      int n30 = 0;
      int t7 = 0;
      int t30 = 0;
      int total = 0;
      int tagged = 0;
      int today = 0;
      for (Answer a : list) {
        if (a.at() >= now) {
          continue;
        }
        long age = now - a.at();
        boolean in = a.tags().stream().anyMatch(queryTags::contains);
        total++;
        last = Math.max(last, a.at());
        n1 += age < DAY ? 1 : 0;
        n7 += age < 7 * DAY ? 1 : 0;
        n30 += age < 30 * DAY ? 1 : 0;
        today += a.at() >= dayStart ? 1 : 0;
        if (in) {
          tagged++;
          lastTag = Math.max(lastTag, a.at());
          t7 += age < 7 * DAY ? 1 : 0;
          t30 += age < 30 * DAY ? 1 : 0;
        }
      }
      double h = last == Long.MIN_VALUE ? 1e6 : (now - last) / 3_600_000.0;
      double ht = lastTag == Long.MIN_VALUE ? 1e6 : (now - lastTag) / 3_600_000.0;
      return String.format(java.util.Locale.ROOT, "%.3f\t%.3f\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d",
          h, ht, n1, n7, n30, t7, t30, total, tagged, today);
    }

    /** Whether the dump user answered before {@code now}. */
    boolean answeredBefore(String user, long now) {
      List<Answer> list = answers.get(user);
      return list != null && !list.isEmpty() && list.get(0).at() < now;
    }
  }

  /**
   * The mix of {@code --mix}, {@code name=weight} pairs separated by commas, every signal not
   * named at 0 (at least one weight above 0); {@link ExpertiseMix#defaults()} if the option is
   * absent.
   */
  static ExpertiseMix parseMix(String arg) {
    if (arg == null) {
      return ExpertiseMix.defaults();
    }
    double[] w = new double[ExpertiseMix.SIGNALS.size()];
    Set<String> named = new java.util.HashSet<>();
    for (String pair : arg.split(",", -1)) {
      String[] kv = pair.split("=", -1);
      int i = kv.length == 2 ? ExpertiseMix.SIGNALS.indexOf(kv[0].strip()) : -1;
      if (i < 0) {
        throw new io.socialearn.harness.UsageException("--mix takes name=weight pairs of the "
            + "signals " + ExpertiseMix.SIGNALS + ", separated by commas; not '" + pair + "'");
      }
      if (!named.add(kv[0].strip())) {
        throw new io.socialearn.harness.UsageException("--mix names " + kv[0].strip()
            + " twice");
      }
      try {
        w[i] = Double.parseDouble(kv[1].strip());
      } catch (NumberFormatException e) {
        w[i] = Double.NaN;
      }
      if (!Double.isFinite(w[i]) || w[i] < 0) {
        throw new io.socialearn.harness.UsageException("--mix: " + kv[0].strip()
            + " weight must be a finite number >= 0, not '" + kv[1].strip() + "'");
      }
    }
    if (java.util.Arrays.stream(w).allMatch(x -> x == 0)) {
      throw new io.socialearn.harness.UsageException("--mix gives every signal a weight of 0, "
          + "which would rank no one");
    }
    return ExpertiseMix.of(w);
  }

  /** The best {@link #RANKS}, ties broken by the smaller user id. */
  static List<Ranked> top(List<Ranked> all) {
    return all.stream().sorted(Comparator.comparingDouble(Ranked::score).reversed()
        .thenComparingInt(r -> Integer.parseInt(r.id()))).limit(RANKS).toList();
  }

  /** The dump user id of a person ({@code u17} is 17), or null for anyone else. */
  static String sourceId(PersonId person) {
    String v = person.value();
    if (v.length() < 2 || v.charAt(0) != 'u') {
      return null;
    }
    for (int i = 1; i < v.length(); i++) {
      if (!Character.isDigit(v.charAt(i))) {
        return null;
      }
    }
    return v.substring(1);
  }

  /**
   * Moves the pending queries whose accepted answer (the key) was accepted before {@code
   * dayStart} into {@code training}: accept times are only known to the day, like votes, so an
   * accept of the question's own day is not known yet.
   */
  static void admit(List<Map.Entry<String, TrainingQuery>> pending, Map<String, Long> accepted,
      long dayStart, List<TrainingQuery> training) {
    pending.removeIf(p -> {
      Long acceptedAt = accepted.get(p.getKey());
      if (acceptedAt != null && acceptedAt < dayStart) {
        training.add(p.getValue());
        return true;
      }
      return false;
    });
  }

  /**
   * Whether the mix last learned on {@code learnedOn} known queries is to be learned again now
   * that {@code known} are: {@value #RELEARN} more, or 1/{@value #RELEARN_SHARE} more if that is
   * more.
   */
  static boolean relearnDue(int known, int learnedOn) {
    return known >= learnedOn + Math.max(RELEARN, learnedOn / RELEARN_SHARE);
  }

  /** One training query: each candidate's signals, and which candidate was relevant. */
  record TrainingQuery(double[][] signals, String[] ids, int relevant) {
    /** This query as the library's learner takes it (dump user 17 is person u17). */
    KnownAnswer known() {
      List<ExpertCandidate> candidates = new ArrayList<>();
      for (int i = 0; i < ids.length; i++) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (int d = 0; d < ExpertiseMix.SIGNALS.size(); d++) {
          named.put(ExpertiseMix.SIGNALS.get(d), signals[i][d]);
        }
        candidates.add(new ExpertCandidate(PersonId.of("u" + ids[i]), 0, List.of(), named));
      }
      // Nobody among the candidates when the relevant person is not one of them.
      return new KnownAnswer(candidates,
          PersonId.of(relevant >= 0 ? "u" + ids[relevant] : "not-a-candidate"));
    }
  }

  /** Asks each query when the replay reaches it. */
  private static final class Listener implements ReplayListener {
    private final SocialLearningEngine engine;
    private final History history;
    private final Map<String, RankingWriter> writers;
    private final boolean learn;
    private final PrintStream err;
    final Map<String, Scores> scores = new LinkedHashMap<>();
    /** The queries scored, in the order of every ranker's scores. */
    final List<String> queryIds = new ArrayList<>();
    final List<TrainingQuery> training = new ArrayList<>();
    /** Questions of the test or training periods left out for being replayed late. */
    int lateQuestions;
    /** The first of {@link #training} as the library's learner takes them, made once each. */
    private final List<KnownAnswer> knownAnswers = new ArrayList<>();
    private PostIndex posts;
    /** Each question's 0-based index in creation order, by dump id. */
    private final Map<Integer, Integer> order = new HashMap<>();
    private int testStart;
    ExpertiseMix mix;
    /** The mix before any is learned, and with {@code --learn false}. */
    ExpertiseMix start = ExpertiseMix.defaults();
    /** Where each query's candidates and their signals go, for experiments; null for nowhere. */
    RankingWriter features;
    /** Whether the mix is learned by {@link ExpertiseMixLearner}, else by {@link MixLearner}. */
    boolean listwise = true;
    /** Each query's dump id, for the feature file. */
    private final Map<TrainingQuery, String> names = new java.util.IdentityHashMap<>();
    /** Queries whose accept is not recorded yet: not known, so not learned from yet. */
    private final List<Map.Entry<String, TrainingQuery>> pending = new ArrayList<>();
    /** How many training queries the mix was last learned on. */
    private int learnedOn = -1;

    Listener(SocialLearningEngine engine, History history, Map<String, RankingWriter> writers,
        boolean learn, PrintStream err) {
      this.engine = engine;
      this.history = history;
      this.writers = writers;
      this.learn = learn;
      this.err = err;
      writers.keySet().forEach(name -> scores.put(name, new Scores()));
      scores.remove("features");
    }

    void prepare(PostIndex index) {
      this.posts = index;
      List<int[]> questions = new ArrayList<>();
      for (int at = 0; at < posts.size(); at++) {
        if (posts.typeAt(at) == 1) {
          questions.add(new int[] {at});
        }
      }
      questions.sort(Comparator.<int[]>comparingLong(q -> posts.createdAt(q[0]))
          .thenComparingInt(q -> posts.idAt(q[0])));
      for (int i = 0; i < questions.size(); i++) {
        order.put(posts.idAt(questions.get(i)[0]), i);
      }
      testStart = (int) Math.floor(0.8 * questions.size());
      err.println("experts: " + questions.size() + " questions, test from index " + testStart);
    }

    @Override
    public void beforeQuestion(DumpQuestion q) {
      int index = order.getOrDefault(q.id(), -1);
      boolean test = index >= testStart;
      if (index < 0 || (!test && index < testStart - TRAINING)) {
        return;
      }
      if (q.replayedLate()) {
        // Later rows are in the engine already: asking now would look past the question.
        lateQuestions++;
        return;
      }
      int at = posts.find(q.id());
      int asker = posts.ownerAt(at);
      int acceptedId = posts.acceptedAt(at);
      int answerAt = acceptedId == 0 ? -1 : posts.find(acceptedId);
      if (answerAt < 0 || posts.typeAt(answerAt) != 2) {
        return;
      }
      int owner = posts.ownerAt(answerAt);
      if (owner == PostIndex.NO_USER || owner == asker
          || !history.answeredBefore(String.valueOf(owner), q.createdMillis())) {
        return;
      }
      String relevant = String.valueOf(owner);
      PersonId askerId = PersonId.of(asker == PostIndex.NO_USER ? "anon-p" + q.id()
          : "u" + asker);
      String text = (q.title().strip() + "\n" + Html.toText(q.bodyHtml())).strip();
      if (text.length() > WhoKnowsQuery.MAX_TEXT_LENGTH) {
        text = text.substring(0, WhoKnowsQuery.MAX_TEXT_LENGTH);
      }
      long dayStart = Math.floorDiv(q.createdMillis(), DAY) * DAY;
      WhoKnowsOptions options = WhoKnowsOptions.defaults().exclude(Set.of(askerId))
          .votesBefore(Instant.ofEpochMilli(dayStart)).limit(WhoKnowsOptions.MAX_LIMIT);
      if (features != null) {
        if (learn) {
          int before = training.size();
          admit(pending, history.accepted, dayStart, training);
          for (TrainingQuery t : training.subList(before, training.size())) {
            features.line("A\t" + names.get(t));
          }
        }
        List<ExpertCandidate> found = engine.whoKnows(DumpReplay.reader(),
            new WhoKnowsQuery(text, q.tags(), options));
        features.line("Q\t" + q.id() + "\t" + (test ? "test" : "train") + "\t"
            + training.size() + "\t" + relevant + "\t" + q.createdMillis());
        for (ExpertCandidate c : found) {
          String id = sourceId(c.person());
          if (id == null || !history.answeredBefore(id, q.createdMillis())) {
            continue;
          }
          StringBuilder line = new StringBuilder("C\t" + q.id() + "\t" + id);
          for (String name : ExpertiseMix.SIGNALS) {
            line.append('\t').append(String.format(java.util.Locale.ROOT, "%.5f",
                c.signals().get(name)));
          }
          line.append('\t').append(history.extra(id, q.tags(), q.createdMillis(), dayStart));
          features.line(line.toString());
        }
      }
      if (!test) {
        if (learn) {
          // Known once its accept is, like a test query's.
          List<ExpertCandidate> found = engine.whoKnows(DumpReplay.reader(),
              new WhoKnowsQuery(text, q.tags(), options));
          TrainingQuery t = trainingQuery(found, relevant, q.createdMillis());
          names.put(t, String.valueOf(q.id()));
          pending.add(Map.entry("a" + acceptedId, t));
        }
        return;
      }
      if (learn) {
        int before = training.size();
        admit(pending, history.accepted, dayStart, training);
        if (features != null) {
          for (TrainingQuery t : training.subList(before, training.size())) {
            features.line("A\t" + names.get(t));
          }
        }
      }
      if (mix == null || (learn && relearnDue(training.size(), learnedOn))) {
        for (int i = knownAnswers.size(); listwise && i < training.size(); i++) {
          knownAnswers.add(training.get(i).known());
        }
        mix = !learn ? start : listwise
            ? ExpertiseMixLearner.learn(knownAnswers, start)
            : MixLearner.learn(training, STARTS);
        learnedOn = training.size();
        err.println("experts: learned mix " + mix.asMap() + " on " + training.size()
            + " training queries");
      }
      List<ExpertCandidate> found = engine.whoKnows(DumpReplay.reader(),
          new WhoKnowsQuery(text, q.tags(), options.mix(mix)));
      if (learn) {
        TrainingQuery t = trainingQuery(found, relevant, q.createdMillis());
        names.put(t, String.valueOf(q.id()));
        pending.add(Map.entry("a" + acceptedId, t));
      }
      List<Ranked> ours = new ArrayList<>();
      for (ExpertCandidate c : found) {
        String id = sourceId(c.person());
        if (id != null && history.answeredBefore(id, q.createdMillis()) && ours.size() < RANKS) {
          ours.add(new Ranked(id, c.score()));
        }
      }
      String queryId = String.valueOf(q.id());
      writers.get("socialearn").write(queryId, ours, RANKS);
      scores.get("socialearn").add(ours, relevant);
      queryIds.add(queryId);
      Map<String, List<Ranked>> base = history.baselines(q.tags(), q.createdMillis(),
          asker == PostIndex.NO_USER ? null : String.valueOf(asker));
      base.forEach((name, ranking) -> {
        writers.get(name).write(queryId, ranking, RANKS);
        scores.get(name).add(ranking, relevant);
      });
    }

    private TrainingQuery trainingQuery(List<ExpertCandidate> found, String relevant, long now) {
      List<double[]> signals = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      int rel = -1;
      for (ExpertCandidate c : found) {
        String id = sourceId(c.person());
        if (id == null || !history.answeredBefore(id, now)) {
          continue;
        }
        double[] s = new double[ExpertiseMix.SIGNALS.size()];
        for (int i = 0; i < s.length; i++) {
          s[i] = c.signals().get(ExpertiseMix.SIGNALS.get(i));
        }
        if (id.equals(relevant)) {
          rel = signals.size();
        }
        signals.add(s);
        ids.add(id);
      }
      return new TrainingQuery(signals.toArray(new double[0][]), ids.toArray(new String[0]), rel);
    }
  }

  /**
   * Learns the mix by coordinate ascent on the training queries' mean reciprocal rank plus
   * {@value #P1_WEIGHT} × their P@1.
   */
  static final class MixLearner {
    private static final double[] GRID = {0, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5};
    /**
     * What P@1 weighs in the learner's objective, next to MRR's 1: the issue sets the same target
     * for both, so both count equally. Chosen a priori, not by measuring on test questions.
     */
    static final double P1_WEIGHT = 1.0;

    private MixLearner() {}

    static ExpertiseMix learn(List<TrainingQuery> queries, ExpertiseMix start) {
      return learn(queries, List.of(start));
    }

    /**
     * Coordinate ascent from each start in turn; the mix with the best training objective wins
     * (the earlier start on a tie).
     */
    static ExpertiseMix learn(List<TrainingQuery> queries, List<ExpertiseMix> starts) {
      ExpertiseMix best = starts.get(0);
      double bestMrr = Double.NEGATIVE_INFINITY;
      for (ExpertiseMix start : starts) {
        ExpertiseMix mix = ascend(queries, start);
        double m = objective(queries, mix.weights());
        if (m > bestMrr + 1e-9) {
          bestMrr = m;
          best = mix;
        }
      }
      return best;
    }

    private static ExpertiseMix ascend(List<TrainingQuery> queries, ExpertiseMix start) {
      if (queries.isEmpty()) {
        return start;
      }
      double[] w = start.weights();
      double best = objective(queries, w);
      for (int round = 0; round < 4; round++) {
        boolean improved = false;
        for (int d = 0; d < w.length; d++) {
          double keep = w[d];
          for (double value : GRID) {
            w[d] = value;
            double m = objective(queries, w);
            if (m > best + 1e-9) {
              best = m;
              keep = value;
              improved = true;
            }
          }
          w[d] = keep;
        }
        if (!improved) {
          break;
        }
      }
      if (Arrays.stream(w).allMatch(x -> x == 0)) {
        return start;
      }
      return ExpertiseMix.of(w);
    }

    static double mrr(List<TrainingQuery> queries, double[] w) {
      return measure(queries, w, 0);
    }

    /** The learner's objective: MRR + {@value #P1_WEIGHT} × P@1. */
    static double objective(List<TrainingQuery> queries, double[] w) {
      return measure(queries, w, P1_WEIGHT);
    }

    /** MRR (cut at {@link #RANKS}) + {@code p1Weight} × P@1 over {@code queries}. */
    private static double measure(List<TrainingQuery> queries, double[] w, double p1Weight) {
      double sum = 0;
      for (TrainingQuery q : queries) {
        if (q.relevant() < 0) {
          continue;
        }
        double target = dot(q.signals()[q.relevant()], w);
        String targetId = q.ids()[q.relevant()];
        int rank = 1;
        for (int i = 0; i < q.signals().length; i++) {
          if (i == q.relevant()) {
            continue;
          }
          double s = dot(q.signals()[i], w);
          if (s > target || (s == target && q.ids()[i].compareTo(targetId) < 0)) {
            rank++;
          }
        }
        sum += (rank <= RANKS ? 1.0 / rank : 0) + (rank == 1 ? p1Weight : 0);
      }
      return sum / queries.size();
    }

    static double dot(double[] a, double[] b) {
      double s = 0;
      for (int i = 0; i < a.length; i++) {
        s += a[i] * b[i];
      }
      return s;
    }
  }
}
