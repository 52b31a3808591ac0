package io.socialearn.harness.eval;

import io.socialearn.api.SocialearnException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchIndex;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Progress;
import io.socialearn.harness.Subcommand;
import io.socialearn.harness.stackexchange.DumpDates;
import io.socialearn.harness.stackexchange.ImportClock;
import io.socialearn.harness.stackexchange.ImportEngine;
import io.socialearn.harness.stackexchange.PresetIds;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code eval semeval --xml FILE --rankings FILE}: SemEval-2016 Task 3 subtask B, re-ranking the
 * ten related questions of each original question.
 *
 * <p>Every related question is imported through the public API (subject and body as a question,
 * its comments as answers, each at its date); each original's own ten are then ranked by {@code
 * similarQuestions} with the ten as its {@code within} set, using only the texts. Candidates that
 * share no term with the original follow, with score 0, in import order (by date), so no tie is
 * broken by the given order. MAP is computed as the official scorer does. In the same run: plain
 * BM25 ({@link LuceneBm25}) the same way, and the given {@code RELQ_RANKING_ORDER} (the organisers'
 * IR baseline, 0.7135 on the dev file). Writes socialearn's ranks to FILE, the baselines' to
 * FILE.bm25.tsv and FILE.given.tsv. Not thread-safe.
 */
public final class SemevalEval implements Subcommand {
  private static final int CUTOFF = 10;

  @Override
  public void run(Args args, PrintStream out, PrintStream err) {
    Path xml = args.existingFile("xml");
    Path rankings = Path.of(args.required("rankings"));
    String meaning = args.optional("meaning", "none");
    args.done();
    List<SemevalData.Original> originals = SemevalData.read(xml);
    List<SemevalData.Related> imports = new ArrayList<>();
    originals.forEach(o -> imports.addAll(o.related()));
    imports.sort(Comparator.comparing((SemevalData.Related r) -> DumpDates.parse(r.date())));
    Map<String, ThreadId> threads = new HashMap<>();
    Map<String, Integer> importOrder = new HashMap<>();
    for (int i = 0; i < imports.size(); i++) {
      threads.put(imports.get(i).id(), ThreadId.of(String.format("t%06d", i + 1)));
      importOrder.put(imports.get(i).id(), i);
    }
    Map<ThreadId, String> relatedOf = new HashMap<>();
    threads.forEach((id, thread) -> relatedOf.put(thread, id));

    ImportClock clock = new ImportClock(Instant.EPOCH);
    PresetIds ids = new PresetIds();
    SearchIndex index = ImportEngine.newSearchIndex(meaning);
    Map<String, Long> counts = new LinkedHashMap<>();
    List<Double> ours = new ArrayList<>();
    List<Double> plain = new ArrayList<>();
    List<Double> given = new ArrayList<>();
    List<Double> oursRr = new ArrayList<>();
    List<Double> plainRr = new ArrayList<>();
    List<Double> givenRr = new ArrayList<>();
    Path plainFile = Path.of(rankings + ".bm25.tsv");
    Path givenFile = Path.of(rankings + ".given.tsv");
    try (SocialLearningEngine engine = ImportEngine.builder(clock, ids, index).build();
        LuceneBm25 bm25 = new LuceneBm25();
        RankingWriter oursOut = new RankingWriter(rankings);
        RankingWriter plainOut = new RankingWriter(plainFile);
        RankingWriter givenOut = new RankingWriter(givenFile)) {
      Importer importer = new Importer(engine, clock, ids, counts);
      Progress progress = new Progress(err, "related questions imported", imports.size());
      SpaceId space = importer.space(DumpDates.parse(imports.get(0).date()));
      for (SemevalData.Related r : imports) {
        importer.related(space, r, threads.get(r.id()));
        bm25.add(r.id(), r.subject() + "\n" + r.body());
        progress.advance(1);
      }
      progress.finish();
      Viewer reader = Viewer.of(Importer.READER);
      for (SemevalData.Original o : originals) {
        Set<String> relevant = new HashSet<>();
        Set<ThreadId> within = new HashSet<>();
        for (SemevalData.Related r : o.related()) {
          within.add(threads.get(r.id()));
          if (r.relevant()) {
            relevant.add(r.id());
          }
        }
        List<Ranked> byUs = new ArrayList<>();
        if (!(o.subject().isBlank() && o.body().isBlank())) {
          SimilarQuery query = new SimilarQuery(clip(o.subject(), 1_000), clip(o.body(), 100_000),
              List.of(), Math.min(100, Math.max(CUTOFF, within.size())), within);
          for (SearchHit hit : engine.similarQuestions(reader, query)) {
            byUs.add(new Ranked(relatedOf.get(hit.thread()), hit.score()));
          }
        }
        byUs = completed(byUs, o, importOrder);
        Set<String> own = new HashSet<>(candidateIds(o));
        List<Ranked> byBm25 = completed(bm25.search(o.subject() + "\n" + o.body(),
            o.related().size(), own::contains), o, importOrder);
        List<Ranked> byGiven = o.related().stream()
            .sorted(Comparator.comparingInt(SemevalData.Related::rankingOrder))
            .map(r -> new Ranked(r.id(), 1.0 / r.rankingOrder())).toList();
        score(o, byUs, relevant, ours, oursRr, oursOut);
        score(o, byBm25, relevant, plain, plainRr, plainOut);
        score(o, byGiven, relevant, given, givenRr, givenOut);
      }
      JsonSummary summary = new JsonSummary().put("xml", xml.toString())
          .put("rankings", rankings.toString()).put("index", index.name())
          .put("questions", originals.size()).put("pairs", imports.size())
          .put("map", Metrics.round4(Metrics.mean(ours)))
          .put("mrr", Metrics.round4(Metrics.mean(oursRr)));
      summary.put("baselines", List.of(
          baseline(LuceneBm25.NAME, plainFile, plain, plainRr),
          baseline("given RELQ_RANKING_ORDER (the organisers' IR baseline)", givenFile, given,
              givenRr)));
      summary.put("importCounts", counts);
      summary.print(out);
    }
  }

  private static List<String> candidateIds(SemevalData.Original o) {
    return o.related().stream().map(SemevalData.Related::id).toList();
  }

  /** Appends the candidates a ranker did not return, score 0, in import order. */
  static List<Ranked> completed(List<Ranked> ranked, SemevalData.Original o,
      Map<String, Integer> importOrder) {
    List<Ranked> out = new ArrayList<>(ranked);
    Set<String> seen = new HashSet<>();
    ranked.forEach(r -> seen.add(r.id()));
    o.related().stream().filter(r -> !seen.contains(r.id()))
        .sorted(Comparator.comparingInt(r -> importOrder.get(r.id())))
        .forEach(r -> out.add(new Ranked(r.id(), 0)));
    return out;
  }

  private static void score(SemevalData.Original o, List<Ranked> ranking, Set<String> relevant,
      List<Double> aps, List<Double> rrs, RankingWriter out) {
    aps.add(Metrics.averagePrecision(ranking.stream().map(r -> relevant.contains(r.id()))
        .toList(), CUTOFF));
    rrs.add(Metrics.reciprocalRank(ranking.stream().map(Ranked::id).toList(), relevant));
    out.write(o.id(), ranking, ranking.size());
  }

  private static Map<String, Object> baseline(String name, Path file, List<Double> aps,
      List<Double> rrs) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("name", name);
    figures.put("rankings", file.toString());
    figures.put("map", Metrics.round4(Metrics.mean(aps)));
    figures.put("mrr", Metrics.round4(Metrics.mean(rrs)));
    return figures;
  }

  private static String clip(String text, int max) {
    String stripped = text.strip();
    return stripped.length() <= max ? stripped : stripped.substring(0, max);
  }

  /** Imports related questions and their comments through the public API. Not thread-safe. */
  private static final class Importer {
    static final PersonId READER = PersonId.of("harness-reader");
    private final SocialLearningEngine engine;
    private final ImportClock clock;
    private final PresetIds ids;
    private final Map<String, Long> counts;
    private final Set<PersonId> people = new HashSet<>();

    Importer(SocialLearningEngine engine, ImportClock clock, PresetIds ids,
        Map<String, Long> counts) {
      this.engine = engine;
      this.clock = clock;
      this.ids = ids;
      this.counts = counts;
    }

    SpaceId space(Instant at) {
      clock.set(at);
      person(READER, "Evaluation reader");
      return engine.execute(Viewer.system(), CreateSpace.community("Qatar Living (SemEval)"));
    }

    void related(SpaceId space, SemevalData.Related r, ThreadId thread) {
      Instant asked = DumpDates.parse(r.date());
      clock.set(asked);
      PersonId asker = person(r.userId(), r.userName());
      ids.preset(thread.value());
      run("questions", asker, new StartThread(space, ThreadKind.QUESTION,
          text(r.subject(), "(no subject)"), text(r.body(), "(no text)"), List.of()));
      List<SemevalData.Comment> comments = new ArrayList<>(r.comments());
      comments.sort(Comparator.comparing(c -> DumpDates.parse(c.date())));
      for (SemevalData.Comment c : comments) {
        Instant at = DumpDates.parse(c.date());
        clock.set(at.isBefore(asked) ? asked : at);
        PersonId author = person(c.userId(), c.userName());
        run("answers", author, new PostAnswer(thread, text(c.text(), "(no text)")));
      }
    }

    private void run(String what, PersonId actor, io.socialearn.api.command.Command<?> command) {
      try {
        engine.execute(Viewer.of(actor), command);
        counts.merge(what, 1L, Long::sum);
      } catch (SocialearnException e) {
        counts.merge("skipped." + what + "." + e.getClass().getSimpleName(), 1L, Long::sum);
      }
    }

    private PersonId person(String userId, String name) {
      PersonId id = userId != null && userId.matches("[A-Za-z0-9._:@+-]{1,120}")
          ? PersonId.of("ql-" + userId) : PersonId.of("ql-anonymous");
      return person(id, name == null || name.isBlank() ? id.value() : name);
    }

    private PersonId person(PersonId id, String name) {
      if (people.add(id)) {
        engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(id)
            .displayName(text(name, id.value())).build()));
        counts.merge("people", 1L, Long::sum);
      }
      return id;
    }

    private static String text(String value, String fallback) {
      StringBuilder clean = new StringBuilder();
      value.codePoints().filter(c -> !Character.isISOControl(c) || c == '\n' || c == '\t')
          .forEach(clean::appendCodePoint);
      String stripped = clean.toString().strip();
      return stripped.isEmpty() ? fallback : stripped;
    }
  }
}
