package io.socialearn.harness.eval;

import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchIndex;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Subcommand;
import io.socialearn.harness.UsageException;
import io.socialearn.harness.stackexchange.DumpQuestion;
import io.socialearn.harness.stackexchange.DumpReplay;
import io.socialearn.harness.stackexchange.Html;
import io.socialearn.harness.stackexchange.ImportClock;
import io.socialearn.harness.stackexchange.ImportEngine;
import io.socialearn.harness.stackexchange.PostIndex;
import io.socialearn.harness.stackexchange.PresetIds;
import io.socialearn.harness.stackexchange.QueryText;
import io.socialearn.harness.stackexchange.ReplayListener;
import io.socialearn.harness.stackexchange.XmlRows;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code eval duplicates --dump DIR --rankings FILE}: how well socialearn's {@code
 * similarQuestions} finds the question a new one duplicates, as it would have live.
 *
 * <p>Queries: every question Q with a PostLinks row of LinkTypeId 3 from Q to a question O of the
 * dump created before Q (each such O is relevant). The dump is replayed in time order and each
 * query is asked right before Q is started, so the engine holds only what came earlier; hits
 * created at or after Q's time are dropped as well. Query text: Q's title, body and tags as
 * written, without duplicate notices and links to the site's questions ({@link QueryText}). The
 * baseline, in the same run over the same sets, is {@link LuceneBm25} on title and body. Writes
 * socialearn's ranks 1..20 to FILE and the baseline's to FILE.bm25.tsv.
 *
 * <p>{@code --links related} asks the questions with a "linked" row (LinkTypeId 1: the question's
 * text links an earlier question) instead, each linked question counting as relevant. These
 * queries are disjoint from the duplicate ones and far more numerous, so they are where settings
 * of similar questions may be chosen without looking at the duplicate queries (or at SemEval).
 *
 * <p>{@code --page N} asks socialearn for N hits (1 to {@value #ASK}) instead of {@value #ASK}:
 * a host showing similar questions while a question is typed asks for a page of up to 10, which
 * takes a faster path than larger pages ({@code --page 10} measures that path; recall past N and
 * ranks past N are then out of reach). Not thread-safe.
 */
public final class DuplicatesEval implements Subcommand {
  static final int RANKS = 20;
  /** How many hits to ask socialearn for, to keep 20 after dropping later questions. */
  private static final int ASK = 100;
  /** PostLinks' LinkTypeId of a duplicate link. */
  static final String DUPLICATE_LINK = "3";
  /** PostLinks' LinkTypeId of a plain ("linked") link. */
  static final String RELATED_LINK = "1";

  @Override
  public void run(Args args, PrintStream out, PrintStream err) {
    Path dump = args.directory("dump");
    Path rankings = Path.of(args.required("rankings"));
    String links = switch (args.optional("links", "duplicate")) {
      case "duplicate" -> DUPLICATE_LINK;
      case "related" -> RELATED_LINK;
      default -> throw new UsageException("--links must be duplicate or related");
    };
    int page = (int) args.number("page", ASK, 1, ASK);
    String meaning = args.optional("meaning", "none");
    args.done();
    ImportClock clock = new ImportClock(Instant.EPOCH);
    PresetIds ids = new PresetIds();
    QueryText queryText = new QueryText(QueryText.hostOf(
        dump.toAbsolutePath().normalize().getFileName().toString()));
    Path baselineFile = Path.of(rankings + ".bm25.tsv");
    SearchIndex index = ImportEngine.newSearchIndex(meaning);
    try (SocialLearningEngine engine = ImportEngine.builder(clock, ids, index).build();
        LuceneBm25 bm25 = new LuceneBm25();
        RankingWriter ours = new RankingWriter(rankings);
        RankingWriter theirs = new RankingWriter(baselineFile)) {
      RankingScores socialearn = new RankingScores();
      RankingScores baseline = new RankingScores();
      Listener listener = new Listener(engine, bm25, queryText, ours, theirs, socialearn,
          baseline, page);
      DumpReplay replay = new DumpReplay(dump, engine, clock, ids, listener, err);
      listener.posts = replay.prepare();
      listener.queries = queries(dump.resolve("PostLinks.xml"), listener.posts, links);
      err.println("queries: " + listener.queries.size());
      Map<String, Long> counts = replay.run();
      JsonSummary summary = new JsonSummary().put("dump", dump.toString()).put("page", page)
          .put("rankings", rankings.toString()).put("index", index.name());
      socialearn.summary().forEach(summary::put);
      Map<String, Object> plain = new LinkedHashMap<>();
      plain.put("name", LuceneBm25.NAME);
      plain.put("rankings", baselineFile.toString());
      plain.putAll(baseline.summary());
      summary.put("baseline", plain);
      summary.put("importCounts", counts);
      summary.print(out);
    }
  }

  /**
   * The queries: each question with a link of type {@code linkType} to an earlier question of
   * the dump, with the questions it links.
   */
  static Map<Integer, Set<Integer>> queries(Path postLinks, PostIndex posts, String linkType) {
    Map<Integer, Set<Integer>> queries = new TreeMap<>();
    try (XmlRows rows = XmlRows.open(postLinks)) {
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        if (!linkType.equals(row.get("LinkTypeId"))) {
          continue;
        }
        int from = parse(row.get("PostId"));
        int to = parse(row.get("RelatedPostId"));
        if (posts.isQuestion(from) && posts.isQuestion(to)
            && posts.created(to) < posts.created(from)) {
          queries.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
        }
      }
    }
    return queries;
  }

  private static int parse(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Asks each query of both rankers when the replay reaches it, and feeds the baseline. */
  private static final class Listener implements ReplayListener {
    private final SocialLearningEngine engine;
    private final LuceneBm25 bm25;
    private final QueryText queryText;
    private final RankingWriter ours;
    private final RankingWriter theirs;
    private final RankingScores socialearn;
    private final RankingScores baseline;
    /** How many hits socialearn is asked for. */
    private final int page;
    PostIndex posts;
    Map<Integer, Set<Integer>> queries;

    Listener(SocialLearningEngine engine, LuceneBm25 bm25, QueryText queryText,
        RankingWriter ours, RankingWriter theirs, RankingScores socialearn,
        RankingScores baseline, int page) {
      this.page = page;
      this.engine = engine;
      this.bm25 = bm25;
      this.queryText = queryText;
      this.ours = ours;
      this.theirs = theirs;
      this.socialearn = socialearn;
      this.baseline = baseline;
    }

    @Override
    public void beforeQuestion(DumpQuestion q) {
      Set<Integer> originals = queries.get(q.id());
      if (originals == null) {
        return;
      }
      Set<String> relevant = originals.stream().map(String::valueOf)
          .collect(Collectors.toSet());
      String title = q.title().strip();
      String body = queryText.body(q.bodyHtml());
      String queryId = String.valueOf(q.id());

      var ranking = new ArrayList<Ranked>();
      SimilarQuery draft = new SimilarQuery(clip(title, 1_000), clip(body, 100_000), q.tags(),
          page, Set.of());
      for (SearchHit hit : engine.similarQuestions(DumpReplay.reader(), draft)) {
        int id = questionId(hit.thread());
        if (id != q.id() && id > 0 && posts.created(id) < q.createdMillis()
            && ranking.size() < RANKS) {
          ranking.add(new Ranked(String.valueOf(id), hit.score()));
        }
      }
      ours.write(queryId, ranking, RANKS);
      socialearn.add(ranking, relevant);

      String tags = q.tags().stream().map(Tag::value).collect(Collectors.joining(" "));
      var plain = bm25.search(title + "\n" + body + "\n" + tags, RANKS,
          id -> !id.equals(queryId) && posts.created(Integer.parseInt(id)) < q.createdMillis());
      theirs.write(queryId, plain, RANKS);
      baseline.add(plain, relevant);
    }

    @Override
    public void afterQuestion(DumpQuestion q, ThreadId thread) {
      bm25.add(String.valueOf(q.id()), q.title() + "\n" + Html.toText(q.bodyHtml()));
    }

    private static int questionId(ThreadId thread) {
      String value = thread.value();
      try {
        return value.startsWith("q") ? Integer.parseInt(value.substring(1)) : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    private static String clip(String text, int max) {
      return text.length() <= max ? text : text.substring(0, max);
    }
  }
}
