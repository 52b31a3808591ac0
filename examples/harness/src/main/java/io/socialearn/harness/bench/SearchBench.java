package io.socialearn.harness.bench;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.CommentAdded;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Progress;
import io.socialearn.harness.Subcommand;
import io.socialearn.harness.stackexchange.DumpReplay;
import io.socialearn.harness.stackexchange.ImportClock;
import io.socialearn.harness.stackexchange.ImportEngine;
import io.socialearn.harness.stackexchange.PresetIds;
import io.socialearn.harness.stackexchange.ReplayListener;
import io.socialearn.lucene.LuceneSearch;
import io.socialearn.lucene.LuceneSearchIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * {@code bench search [--posts N] [--queries Q] [--seed S] [--only PARTS] [--dump DIR]
 * [--answers recent|uniform] [--slowest K]}: indexes a seeded synthetic corpus through
 * socialearn's Lucene index and through a raw Lucene {@link IndexWriter} with the same analysis
 * (and a 256 MB indexing buffer, socialearn's at the default heap), then times typical
 * searches, similar questions, freshness of a new post, a vote reflected in the votes order, and
 * hostile queries.
 *
 * <p>The two imports are timed by {@link ImportTurns}: each importer in a JVM of its own, after
 * warming up alone, the two taking turns of half a second while the other is paused ({@code
 * import_turns} of them; {@code import_sliced} false if they could not be paused and ran one
 * after the other). {@code import_ratio} is socialearn's rate over raw Lucene's, and the {@code
 * _cpu_}, {@code _gc_ms} and {@code _jit_ms} fields each worker's CPU, collection and compilation
 * time over its import. socialearn's worker imports into the index the other parts then open.
 *
 * <p>A quarter of the corpus's posts are answers. With {@code --answers recent} (the default) an
 * answer goes to the question {@code k} questions back, {@code k} drawn log-uniformly from the
 * questions so far (as {@link Corpus#skewed}): with 750,000 questions so far (the end of a
 * 1,000,000-post corpus) half the answers go more than about 870 questions back and one in ten
 * more than about 190,000. Real sites answer sooner: in the cardano and quantumcomputing dumps
 * the median answer comes 5-7 posts after its question (p90 68-238, p99 880-1,776; 7-9 hours,
 * p90 7-21 days). With {@code --answers uniform} every earlier question is equally likely, the
 * harsher corpus of earlier figures. {@code --answers} is for the synthetic corpus only.
 *
 * <p>With {@code --dump DIR} (a Stack Exchange dump), the events are instead those of the dump
 * replayed through an engine, in its order (questions, answers, comments, edits, votes, ...;
 * {@code --posts} is then the dump's questions and answers). Every search is by a viewer who
 * reads all of the dump's spaces; typical searches take 1 to 5 words of a random question's
 * title, similar-question drafts a question's title and the first half of its body, and the
 * vote-sort searches a random question's tag. The raw Lucene import indexes each question, answer
 * and comment as a document of its own.
 *
 * <p>Typical searches run three ways per query, in turns of order: socialearn asking for the
 * page of hits only ({@code search_*}), a raw {@link IndexSearcher} on the same index with the
 * same query, the same any-word fallback and the same space filter ({@code raw_lucene_*}), and
 * socialearn with exact totals and facets ({@code search_full_*}). Besides wall-clock
 * percentiles it reports the searching thread's CPU time ({@code *_cpu_*}), which leaves out the
 * waits for a core of a shared machine, and how many searches the index cut short at its time
 * allowed ({@code search_partial}, {@code hostile_partial}). {@code --only} (a comma list of
 * import, search, similar, freshness, votes, hostile) runs some of these; without import,
 * socialearn imports in this JVM, not timed against raw Lucene ({@code raw_import_posts_per_s}
 * 0). {@code --index DIR} keeps socialearn's index in {@code DIR}: a first run imports
 * into it, later runs with the same posts, seed and answers reuse it instead of importing again
 * (so old and new builds can be timed on the very same segments; import figures are then 0).
 * Freshness and votes add events, after which the index no longer matches and is refused. Not
 * thread-safe. {@code --slowest K} prints the K slowest typical searches to stderr.
 */
public final class SearchBench implements Subcommand {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final int BATCH = 1_000;
  /** Raw Lucene's indexing buffer: socialearn's at the default heap of this machine. */
  static final double RAW_RAM_BUFFER_MB = 256;
  private static final int READABLE_SPACES = 5;
  /** Queries per warm-up round (typical ones run three ways), and the most rounds. */
  private static final int WARM_ROUND = 500;
  private static final int MAX_WARM_ROUNDS = 16;
  /** {@link #searchThreeWays}'s outcome bits. */
  private static final int ANY_WORD = 1;
  private static final int CUT = 2;
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();
  /** What {@code --only} may list; all by default. */
  private static final String ALL_PARTS = "import,search,similar,freshness,votes,hostile";

  /** How many of the slowest typical searches to print to stderr ({@code --slowest}). */
  private int slowest;
  /** The spaces every search of a dump reads, or null for the synthetic corpus. */
  private Set<SpaceId> dumpSpaces;

  /** Creates the subcommand. */
  public SearchBench() {}

  @Override
  public void run(Args args, PrintStream out, PrintStream err) throws Exception {
    int posts = (int) args.number("posts", 1_000_000, 100, 50_000_000);
    int queries = (int) args.number("queries", 2_000, 10, 1_000_000);
    long seed = args.number("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    String kept = args.optional("index", null);
    slowest = (int) args.number("slowest", 0, 0, 1_000);
    Path dump = args.flag("dump") ? args.directory("dump") : null;
    Set<String> parts = Set.of(args.optional("only", ALL_PARTS).split(","));
    if (dump != null && args.flag("answers")) {
      throw new io.socialearn.harness.UsageException(
          "--answers shapes the synthetic corpus; a --dump keeps its own answers");
    }
    String answers = args.optional("answers", "recent");
    if (!List.of("recent", "uniform").contains(answers)) {
      throw new io.socialearn.harness.UsageException("--answers takes recent or uniform, not '"
          + answers + "'");
    }
    for (String part : parts) {
      if (!Set.of(ALL_PARTS.split(",")).contains(part)) {
        throw new io.socialearn.harness.UsageException("--only takes some of " + ALL_PARTS
            + ", not '" + part + "'");
      }
    }
    args.done();
    Path work = Files.createTempDirectory("socialearn-bench-");
    JsonSummary summary = new JsonSummary().put("posts", posts).put("queries", queries)
        .put("seed", seed);
    if (dump == null) {
      summary.put("answers", answers);
    }
    try {
      run(work, kept == null ? null : Path.of(kept), dump, posts, queries, seed,
          answers.equals("uniform"), parts, summary, err);
    } finally {
      deleteTree(work);
    }
    summary.print(out);
  }

  private void run(Path work, Path kept, Path dump, int posts, int queries, long seed,
      boolean uniformAnswers, Set<String> parts, JsonSummary summary, PrintStream err)
      throws IOException {
    List<ThreadStarted> questions = new ArrayList<>();
    Corpus corpus = new Corpus(seed, 50_000);
    List<DomainEvent> events;
    if (dump == null) {
      events = generate(corpus, posts, questions, uniformAnswers);
    } else {
      events = replay(dump, err);
      dumpSpaces = new HashSet<>();
      posts = 0;
      for (DomainEvent event : events) {
        if (event instanceof ThreadStarted t) {
          dumpSpaces.add(t.space());
          posts++;
          if (t.kind() == ThreadKind.QUESTION) {
            questions.add(t);
          }
        } else if (event instanceof AnswerPosted) {
          posts++;
        }
      }
      if (questions.isEmpty()) {
        throw new io.socialearn.harness.UsageException("the dump in " + dump
            + " holds no questions");
      }
      summary.put("dump", dump.toString()).put("posts", posts).put("events", events.size());
    }

    boolean importing = parts.contains("import");
    Path socialearnDir = kept == null ? work.resolve("socialearn") : kept;
    boolean reuse = false;
    if (kept != null) {
      try (FSDirectory dir = FSDirectory.open(kept)) {
        reuse = DirectoryReader.indexExists(dir);
      }
    }
    if (importing && !reuse) {
      List<String> source = dump != null ? List.of("--dump", dump.toString())
          : List.of(Integer.toString(posts), Long.toString(seed),
              uniformAnswers ? "uniform" : "recent");
      err.println("indexing " + posts + " posts through raw Lucene and through socialearn, each"
          + " in a JVM of its own");
      try {
        report(ImportTurns.measure(source, events.size(), work, socialearnDir, err), posts,
            summary);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while importing");
      }
    }
    LuceneSearchIndex index = LuceneSearch.at(socialearnDir);
    try {
      if (reuse && index.checkpoint() != events.size()) {
        throw new io.socialearn.harness.UsageException("the index in " + kept + " holds "
            + index.checkpoint() + " events, not " + events.size() + ": use an empty directory");
      }
      if (importing && !reuse && index.checkpoint() != events.size()) {
        throw new IllegalStateException("socialearn's import worker left " + index.checkpoint()
            + " of " + events.size() + " events in " + socialearnDir);
      }
      if (reuse || !importing) {
        // a reused index is not imported; without the import part, socialearn imports here,
        // not against raw Lucene
        summary.put("import_posts_per_s", reuse ? 0 : Math.round(importAll(index, events, err)))
            .put("raw_import_posts_per_s", 0);
      }
      if (parts.contains("search")) {
        measureSearch(index, socialearnDir, corpus, questions, queries, summary, err);
      }
      if (parts.contains("similar")) {
        measureSimilar(index, corpus, questions, queries, summary, err);
      }
      if (parts.contains("freshness")) {
        measureFreshness(index, summary);
      }
      if (parts.contains("votes")) {
        measureVotes(index, corpus, questions, voteScores(events), summary);
      }
      if (parts.contains("hostile")) {
        measureHostile(index, summary);
      }
    } finally {
      index.close();
    }
  }

  /** The events of replaying a Stack Exchange dump through an engine, in order. */
  static List<DomainEvent> replay(Path dump, PrintStream err) {
    List<DomainEvent> events = new ArrayList<>();
    ImportClock clock = new ImportClock(Instant.EPOCH);
    PresetIds ids = new PresetIds();
    try (SocialLearningEngine engine = ImportEngine.builder(clock, ids,
        ImportEngine.newSearchIndex()).listener(batch -> batch.forEach(r -> events.add(r.event())))
        .build()) {
      DumpReplay replay = new DumpReplay(dump, engine, clock, ids, ReplayListener.NONE, err);
      replay.prepare();
      replay.run();
    }
    return events;
  }

  static List<DomainEvent> generate(Corpus corpus, int posts,
      List<ThreadStarted> questions, boolean uniformAnswers) {
    List<DomainEvent> events = new ArrayList<>(posts);
    for (int i = 0; i < posts; i++) {
      if (questions.isEmpty() || corpus.random().nextInt(4) != 0) {
        ThreadStarted question = new ThreadStarted(ThreadId.of("t" + i),
            SpaceId.of(corpus.space()), ThreadKind.QUESTION, corpus.text(5, 10),
            corpus.text(30, 80), corpus.tags().stream().map(Tag::of).toList(),
            PersonId.of("p" + corpus.random().nextInt(10_000)));
        questions.add(question);
        events.add(question);
      } else {
        int back = uniformAnswers ? corpus.random().nextInt(questions.size())
            : corpus.skewed(questions.size());
        ThreadStarted thread = questions.get(questions.size() - 1 - back);
        events.add(new AnswerPosted(PostId.of("a" + i), thread.thread(), corpus.text(20, 60),
            PersonId.of("p" + corpus.random().nextInt(10_000))));
      }
    }
    return events;
  }

  static double importAll(LuceneSearchIndex index, List<DomainEvent> events,
      PrintStream err) {
    Progress progress = new Progress(err, "socialearn import", events.size());
    long sequence = index.checkpoint();
    for (int from = 0; from < events.size(); from += BATCH) {
      List<RecordedEvent> batch = new ArrayList<>(BATCH);
      for (DomainEvent event : events.subList(from, Math.min(events.size(), from + BATCH))) {
        batch.add(new RecordedEvent(++sequence, T0.plusSeconds(sequence), event));
      }
      index.apply(batch);
      progress.advance(batch.size());
    }
    index.commitNow();
    progress.finish();
    return progress.rate();
  }

  /** Puts the imports' figures into the summary. */
  private static void report(ImportTurns.Result turns, int posts, JsonSummary summary) {
    ImportTurns.Side raw = turns.raw();
    ImportTurns.Side ours = turns.socialearn();
    summary.put("import_posts_per_s", Math.round(ours.rate(posts)))
        .put("raw_import_posts_per_s", Math.round(raw.rate(posts)))
        .put("import_ratio", Math.round(turns.ratio() * 1000) / 1000.0)
        .put("import_turns", turns.turns())
        .put("import_sliced", turns.sliced())
        .put("import_cpu_posts_per_s", Math.round(ours.cpuRate(posts)))
        .put("raw_import_cpu_posts_per_s", Math.round(raw.cpuRate(posts)))
        .put("import_gc_ms", ours.gcMillis())
        .put("raw_import_gc_ms", raw.gcMillis())
        .put("import_jit_ms", ours.jitMillis())
        .put("raw_import_jit_ms", raw.jitMillis());
  }

  /** The time the JVM's collectors have spent collecting so far, in milliseconds. */
  static long collectionMillis() {
    long total = 0;
    for (var collector : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }

  /** The CPU time of the whole process so far (all threads, garbage collection included). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * The document raw Lucene indexes for {@code event}: each question, answer and comment its own,
   * with its text stored; null for events that add no post.
   */
  static Document rawDocument(DomainEvent event) {
    Document doc = new Document();
    if (event instanceof ThreadStarted e) {
      doc.add(new StringField("id", e.thread().value(), Field.Store.YES));
      doc.add(new StringField("space", e.space().value(), Field.Store.NO));
      doc.add(new TextField("title", e.title(), Field.Store.YES));
      doc.add(new TextField("body", e.body(), Field.Store.YES));
      for (Tag tag : e.tags()) {
        doc.add(new StringField("tag", tag.value(), Field.Store.YES));
      }
    } else if (event instanceof AnswerPosted e) {
      doc.add(new StringField("id", e.post().value(), Field.Store.YES));
      doc.add(new StringField("thread", e.thread().value(), Field.Store.YES));
      doc.add(new TextField("body", e.body(), Field.Store.YES));
    } else if (event instanceof CommentAdded e) {
      doc.add(new StringField("id", e.comment().value(), Field.Store.YES));
      doc.add(new StringField("thread", e.thread().value(), Field.Store.YES));
      doc.add(new TextField("body", e.body(), Field.Store.YES));
    } else {
      return null;
    }
    return doc;
  }

  /** The spaces a search reads: a dump's all, or five of the synthetic corpus's at random. */
  private Set<SpaceId> readable(Random random) {
    if (dumpSpaces != null) {
      return dumpSpaces;
    }
    Set<SpaceId> spaces = new HashSet<>();
    while (spaces.size() < READABLE_SPACES) {
      spaces.add(SpaceId.of("space-" + random.nextInt(Corpus.SPACES)));
    }
    return spaces;
  }

  /** 1 to 5 words of a random question's title: what people type. */
  private static String typical(Random random, List<ThreadStarted> questions) {
    List<String> words = new ArrayList<>(Arrays.asList(
        questions.get(random.nextInt(questions.size())).title().split(" ")));
    int n = 1 + random.nextInt(Math.min(5, words.size()));
    java.util.Collections.shuffle(words, random);
    return String.join(" ", words.subList(0, n));
  }

  /**
   * Times each typical query three ways, interleaved: socialearn asked for the page of hits only
   * (total counted up to a bound, like raw Lucene's default), socialearn with exact total and
   * facets, and a raw {@link IndexSearcher} for the top 10 with the same query and filter.
   */
  private void measureSearch(LuceneSearchIndex index, Path dir, Corpus corpus,
      List<ThreadStarted> questions, int queries, JsonSummary summary, PrintStream err)
      throws IOException {
    Analyzer analyzer = new EnglishAnalyzer();
    long[] ours = new long[queries];
    long[] full = new long[queries];
    long[] raw = new long[queries];
    long[] oursCpu = new long[queries];
    long[] rawCpu = new long[queries];
    String[] texts = new String[queries];
    int anyWord = 0;
    int partial = 0;
    int warmRounds;
    long jitMillis;
    try (FSDirectory fs = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(fs)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      // Inputs of their own, so that the measured queries do not depend on the warm-up's length
      Random warm = new Random(corpus.random().nextLong());
      Random measured = new Random(corpus.random().nextLong());
      long[] took = new long[3];
      long[] tookCpu = new long[3];
      warmRounds = Warmup.untilSettled("typical searches", () -> {
        for (int i = 0; i < WARM_ROUND; i++) {
          searchThreeWays(index, searcher, analyzer, typical(warm, questions), readable(warm),
              i, took, tookCpu);
        }
      }, MAX_WARM_ROUNDS, err);
      jitMillis = Warmup.compileMillis();
      Progress progress = new Progress(err, "typical searches", 3L * queries);
      for (int i = 0; i < queries; i++) {
        texts[i] = typical(measured, questions);
        int outcome = searchThreeWays(index, searcher, analyzer, texts[i], readable(measured), i,
            took, tookCpu);
        anyWord += outcome & ANY_WORD;
        partial += (outcome & CUT) == 0 ? 0 : 1;
        ours[i] = took[0];
        raw[i] = took[1];
        full[i] = took[2];
        oursCpu[i] = tookCpu[0];
        rawCpu[i] = tookCpu[1];
        progress.advance(3);
      }
      jitMillis = Warmup.compileMillis() - jitMillis;
      progress.finish();
    }
    analyzer.close();
    Integer[] order = new Integer[queries];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Long.compare(ours[b], ours[a]));
    for (int i = 0; i < Math.min(slowest, queries); i++) {
      int q = order[i];
      err.printf("slow search %.3f ms (cpu %.3f, full %.3f, raw %.3f): %s%n", ours[q] / 1e6,
          oursCpu[q] / 1e6, full[q] / 1e6, raw[q] / 1e6, texts[q]);
    }
    summary.put("search_p50_ms", percentile(ours, 50)).put("search_p99_ms", percentile(ours, 99))
        .put("raw_lucene_p50_ms", percentile(raw, 50)).put("raw_lucene_p99_ms",
            percentile(raw, 99))
        .put("search_vs_raw_p50", ratio(percentile(ours, 50), percentile(raw, 50)))
        .put("search_vs_raw_p99", ratio(percentile(ours, 99), percentile(raw, 99)))
        .put("search_any_word_share", ratio(anyWord, queries))
        .put("search_partial", partial)
        .put("search_cpu_p50_ms", percentile(oursCpu, 50))
        .put("search_cpu_p99_ms", percentile(oursCpu, 99))
        .put("raw_lucene_cpu_p50_ms", percentile(rawCpu, 50))
        .put("raw_lucene_cpu_p99_ms", percentile(rawCpu, 99))
        .put("search_full_p50_ms", percentile(full, 50))
        .put("search_full_p99_ms", percentile(full, 99))
        .put("search_warmup_queries", warmRounds * WARM_ROUND)
        .put("search_jit_ms", jitMillis);
  }

  /**
   * Runs one typical query three ways, in an order that turns with {@code i} so that none
   * always pays for the first, cold look-up: socialearn asking for the page of hits only, raw
   * Lucene, and socialearn with exact totals and facets. Puts each way's wall-clock and CPU
   * time into {@code took} and {@code tookCpu} (in that order); returns {@link #ANY_WORD} if raw
   * Lucene fell back to any word, plus {@link #CUT} if socialearn cut a search short.
   */
  private static int searchThreeWays(LuceneSearchIndex index, IndexSearcher searcher,
      Analyzer analyzer, String text, Set<SpaceId> spaces, int i, long[] took, long[] tookCpu) {
    int outcome = 0;
    for (int k = 0; k < 3; k++) {
      int which = (i + k) % 3;
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      boolean cut = false;
      if (which == 0) {
        cut = index.search(SearchQuery.of(text).hitsOnly(true), spaces).partial();
      } else if (which == 1) {
        try {
          List<String> terms = analyse(analyzer, text);
          // socialearn's rule: all words must match; if together they match nothing, any one
          if (searcher.search(rawQuery(terms, spaces, true), 10).totalHits.value == 0
              && terms.size() > 1) {
            searcher.search(rawQuery(terms, spaces, false), 10);
            outcome |= ANY_WORD;
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      } else {
        cut = index.search(SearchQuery.of(text), spaces).partial();
      }
      took[which] = System.nanoTime() - start;
      tookCpu[which] = THREADS.getCurrentThreadCpuTime() - cpuStart;
      outcome |= cut ? CUT : 0;
    }
    return outcome;
  }

  /** The distinct analysed terms of {@code text}, as socialearn's parser makes them. */
  private static List<String> analyse(Analyzer analyzer, String text) throws IOException {
    Set<String> seen = new java.util.LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        seen.add(term.toString());
      }
      stream.end();
    }
    return List.copyOf(seen);
  }

  /**
   * The query socialearn builds for these terms (each term in some field; all required, or at
   * least one), filtered alike: the all-words conjunction flat with the filter, the any-word
   * disjunction nested whole beside it.
   */
  private static Query rawQuery(List<String> terms, Set<SpaceId> spaces, boolean all) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String t : terms) {
      query.add(new DisjunctionMaxQuery(List.of(
          new BoostQuery(new TermQuery(new Term("title", t)), 3f),
          new BoostQuery(new TermQuery(new Term("tagtext", t)), 2f),
          new TermQuery(new Term("body", t)),
          new BoostQuery(new TermQuery(new Term("replies", t)), 0.5f)), 0.3f),
          all ? Occur.MUST : Occur.SHOULD);
    }
    if (!all) {
      query.setMinimumNumberShouldMatch(1);
      // the any-word disjunction whole beside the filter, as socialearn's SearchQueries.filtered
      query = new BooleanQuery.Builder().add(query.build(), Occur.MUST);
    }
    List<BytesRef> values = spaces.stream().map(s -> new BytesRef(s.value())).toList();
    query.add(new IndexOrDocValuesQuery(new TermInSetQuery("space", values),
        SortedDocValuesField.newSlowSetQuery("space", values)),
        Occur.FILTER);
    return query.build();
  }

  private void measureSimilar(LuceneSearchIndex index, Corpus corpus,
      List<ThreadStarted> questions, int queries, JsonSummary summary, PrintStream err) {
    int n = Math.max(10, queries / 2);
    long[] times = new long[n];
    long[] cpu = new long[n];
    Random warm = new Random(corpus.random().nextLong());
    Random measured = new Random(corpus.random().nextLong());
    int warmRounds = Warmup.untilSettled("similar questions", () -> {
      for (int i = 0; i < WARM_ROUND; i++) {
        similar(index, corpus, questions, warm);
      }
    }, MAX_WARM_ROUNDS, err);
    long jitMillis = Warmup.compileMillis();
    for (int i = 0; i < n; i++) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      similar(index, corpus, questions, measured);
      times[i] = System.nanoTime() - start;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
    }
    jitMillis = Warmup.compileMillis() - jitMillis;
    summary.put("similar_warmup_queries", warmRounds * WARM_ROUND)
        .put("similar_jit_ms", jitMillis);
    // CPU time leaves out waits for a core, which on a shared machine can dwarf the work
    summary.put("similar_p50_ms", percentile(times, 50))
        .put("similar_p99_ms", percentile(times, 99))
        .put("similar_cpu_p50_ms", percentile(cpu, 50))
        .put("similar_cpu_p99_ms", percentile(cpu, 99));
  }

  /**
   * Asks for the questions similar to a draft: a random question's title (or, on the synthetic
   * corpus, half the time a new one) and the first half of its body.
   */
  private void similar(LuceneSearchIndex index, Corpus corpus, List<ThreadStarted> questions,
      Random random) {
    ThreadStarted original = questions.get(random.nextInt(questions.size()));
    String title = dumpSpaces != null || random.nextBoolean() ? original.title()
        : corpus.text(random, 5, 10);
    String body = original.body().substring(0, original.body().length() / 2);
    index.similarQuestions(SimilarQuery.of(title, body, List.of(), 10), readable(random));
  }

  private void measureFreshness(LuceneSearchIndex index, JsonSummary summary) {
    int n = 200;
    long[] times = new long[n];
    Set<SpaceId> spaces = Set.of(SpaceId.of("fresh"));
    for (int i = 0; i < n; i++) {
      String word = "freshword" + letters(i);
      long sequence = index.checkpoint() + 1;
      long start = System.nanoTime();
      index.apply(List.of(new RecordedEvent(sequence, T0.plusSeconds(sequence),
          new ThreadStarted(ThreadId.of("fresh-" + i), SpaceId.of("fresh"), ThreadKind.QUESTION,
              "New " + word, "just posted", List.of(), PersonId.of("p1")))));
      while (index.search(SearchQuery.of(word), spaces).totalHits() == 0) {
        Thread.onSpinWait();
      }
      times[i] = System.nanoTime() - start;
    }
    summary.put("freshness_p50_ms", percentile(times, 50))
        .put("freshness_p99_ms", percentile(times, 99));
  }

  /** One of {@code tags} at random, or "" for none. */
  private static String anyTag(Corpus corpus, List<Tag> tags) {
    return tags.isEmpty() ? "" : tags.get(corpus.random().nextInt(tags.size())).value();
  }

  /** Each thread's vote score after {@code events}: its up votes less its down votes. */
  private static Map<ThreadId, Long> voteScores(List<DomainEvent> events) {
    Map<ThreadId, Long> scores = new HashMap<>();
    for (DomainEvent event : events) {
      if (event instanceof VoteCast v && v.target() instanceof ThreadId t) {
        scores.merge(t, (long) v.direction().value(), Long::sum);
      } else if (event instanceof VoteRetracted v && v.target() instanceof ThreadId t) {
        scores.merge(t, (long) -v.direction().value(), Long::sum);
      }
    }
    return scores;
  }

  /**
   * Times a vote reflected in the votes order: each round takes the last of a tag's top 20 by
   * votes and casts enough up votes at once to put it first; the time runs from handing the
   * votes to the index to the first hits-only search that shows it first.
   */
  private void measureVotes(LuceneSearchIndex index, Corpus corpus,
      List<ThreadStarted> questions, Map<ThreadId, Long> scores, JsonSummary summary) {
    int n = 200;
    long[] times = new long[n];
    long[] cpu = new long[n];
    Set<SpaceId> all = new HashSet<>();
    for (int s = 0; s < Corpus.SPACES; s++) {
      all.add(SpaceId.of("space-" + s));
    }
    if (dumpSpaces != null) {
      all = dumpSpaces;
    }
    int tries = 0;
    for (int i = 0; i < n; i++) {
      if (++tries > 100 * n) {
        throw new io.socialearn.harness.UsageException(
            "too few tags hold two or more threads to time votes");
      }
      String tag = dumpSpaces == null ? "tag-" + corpus.random().nextInt(200) : anyTag(corpus,
          questions.get(corpus.random().nextInt(questions.size())).tags());
      if (tag.isEmpty()) {
        i--;
        continue;
      }
      SearchQuery byVotes = new SearchQuery("tag:" + tag, SearchSort.VOTES, 20, null);
      List<SearchHit> hits = index.search(byVotes, all).hits();
      if (hits.size() < 2) {
        i--;
        continue;
      }
      ThreadId target = hits.get(hits.size() - 1).thread();
      List<RecordedEvent> votes = new ArrayList<>();
      long sequence = index.checkpoint();
      // enough up votes to pass the current leader (with a dump, by the scores so far; the
      // synthetic corpus has no votes but the bench's, at most those cast so far)
      long needed = dumpSpaces == null ? i + 2
          : scores.getOrDefault(hits.get(0).thread(), 0L)
              - scores.getOrDefault(target, 0L) + 1;
      scores.merge(target, needed, Long::sum);
      for (int v = 0; v < needed; v++) {
        votes.add(new RecordedEvent(++sequence, T0.plusSeconds(sequence), new VoteCast(target,
            target, PersonId.of("voter" + v), VoteDirection.UP, PersonId.of("p1"))));
      }
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      index.apply(votes);
      // polled hits-only: what is measured is when the vote shows, not the facets' cost
      SearchQuery top = byVotes.limit(1).hitsOnly(true);
      while (!index.search(top, all).hits().get(0).thread().equals(target)) {
        Thread.onSpinWait();
      }
      times[i] = System.nanoTime() - start;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
    }
    summary.put("vote_sort_p50_ms", percentile(times, 50))
        .put("vote_sort_p99_ms", percentile(times, 99))
        .put("vote_sort_cpu_p50_ms", percentile(cpu, 50))
        .put("vote_sort_cpu_p99_ms", percentile(cpu, 99));
  }

  private void measureHostile(LuceneSearchIndex index, JsonSummary summary) {
    List<String> hostile = new ArrayList<>(List.of(
        "\"the of and to in is it how do i\"", "the of and", "*", "a*", "*a*", "/.*/",
        "/[a-z]+.*(x|y)*/", "?????", "field:*", "title:(a OR b)", "\"unbalanced", "tag:",
        "is:", "score:>=x", "created:>someday", "-", "--", "- - -", "a\u0000b",
        "\uD800\uDC00\uD800", "((((((((((a))))))))))", "a~2 b^10 c*", "\\", "\\\\\"",
        "AND OR NOT", "<script>alert(1)</script>"));
    hostile.add("term ".repeat(10_000));
    hostile.add("(".repeat(5_000) + "payroll" + ")".repeat(5_000));
    hostile.add("a b c d e f g h i j ".repeat(49));
    hostile.add("(".repeat(499) + "x" + ")".repeat(499));
    hostile.add("\"" + "word ".repeat(190) + "\"");
    hostile.add("tag:x ".repeat(100));
    long max = 0;
    long maxCpu = 0;
    String slowest = "";
    int unexpected = 0;
    int partial = 0;
    Set<SpaceId> spaces = dumpSpaces != null ? dumpSpaces
        : Set.of(SpaceId.of("space-0"), SpaceId.of("space-1"));
    for (int round = 0; round < 3; round++) {
      for (String text : hostile) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try {
          if (index.search(SearchQuery.of(text), spaces).partial()) {
            partial++;
          }
        } catch (InvalidInputException expected) {
          // the one acceptable failure
        } catch (RuntimeException e) {
          unexpected++;
        }
        long took = System.nanoTime() - start;
        maxCpu = Math.max(maxCpu, THREADS.getCurrentThreadCpuTime() - cpuStart);
        if (took > max) {
          max = took;
          slowest = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
      }
    }
    summary.put("hostile_queries", hostile.size()).put("hostile_max_ms", millis(max))
        .put("hostile_unexpected_errors", unexpected).put("hostile_slowest", slowest)
        .put("hostile_partial", partial)
        .put("hostile_cpu_max_ms", millis(maxCpu));
  }

  private static String letters(int i) {
    StringBuilder s = new StringBuilder();
    for (int rest = i + 1; rest > 0; rest /= 26) {
      s.append((char) ('a' + rest % 26));
    }
    return s.toString();
  }

  private static double percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int at = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return millis(sorted[Math.max(0, at)]);
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : Double.parseDouble(String.format(Locale.ROOT, "%.2f", a / b));
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
