package io.socialearn.harness.bench;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.space.SpaceId;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Subcommand;
import io.socialearn.harness.eval.MiniLm;
import io.socialearn.lucene.LuceneSearch;
import io.socialearn.lucene.LuceneSearchIndex;
import io.socialearn.lucene.TextEmbedder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bench meaning [--posts N] [--drafts D] [--seed S] [--dump DIR]}: what matching similar
 * questions by meaning costs, side by side in one run. The same events (a synthetic corpus of N
 * posts, default 20,000, or a Stack Exchange dump replayed) are imported into two in-memory
 * indexes, one by words alone and one with {@link MiniLm} as its embedder; then D drafts (default
 * 1,000; questions' titles and bodies) ask both for 10 similar questions, after a warm-up of
 * each that lasts until the JIT settles; the model's own time on each measured draft is taken
 * inside the index's call. Prints progress to
 * stderr and, as the last line of stdout, a JSON object: {@code posts}, {@code questions}, each
 * index's import rate ({@code words_import_posts_per_s}, {@code meaning_import_posts_per_s}) and
 * their ratio, each one's similar-questions latency ({@code words_similar_p50_ms}, {@code
 * _p99_ms}, {@code meaning_similar_p50_ms}, {@code _p99_ms}) and the draft embedding's alone
 * ({@code embed_p50_ms}, {@code embed_p99_ms}). Not thread-safe.
 */
public final class MeaningBench implements Subcommand {
  private static final int PAGE = 10;
  private static final int WARM_UP_DRAFTS = 200;

  @Override
  public void run(Args args, PrintStream out, PrintStream err) {
    int posts = (int) args.number("posts", 20_000, 100, 10_000_000);
    int drafts = (int) args.number("drafts", 1_000, 10, 1_000_000);
    long seed = args.number("seed", 42, 0, Long.MAX_VALUE);
    String dump = args.optional("dump", null);
    args.done();
    List<ThreadStarted> questions = new ArrayList<>();
    List<DomainEvent> events;
    if (dump != null) {
      events = SearchBench.replay(Path.of(dump), err);
      events.stream().filter(ThreadStarted.class::isInstance).map(ThreadStarted.class::cast)
          .forEach(questions::add);
    } else {
      events = SearchBench.generate(new Corpus(seed, 50_000), posts, questions, false);
    }
    Set<SpaceId> spaces = new HashSet<>();
    questions.forEach(q -> spaces.add(q.space()));
    List<ThreadStarted> asked = new ArrayList<>();
    for (int i = 0; i < drafts; i++) {
      asked.add(questions.get((int) ((i * 7_919L) % questions.size())));
    }
    Timed model = new Timed(MiniLm.get());
    JsonSummary summary = new JsonSummary().put("posts", events.size())
        .put("questions", questions.size()).put("drafts", drafts).put("embedder", model.name());
    double wordsRate;
    double meaningRate;
    try (LuceneSearchIndex words = LuceneSearch.inMemory();
        LuceneSearchIndex meaning = LuceneSearch.builder().embedder(model).build()) {
      err.println("meaning: importing " + events.size() + " events by words alone");
      wordsRate = SearchBench.importAll(words, events, err);
      err.println("meaning: importing them with " + model.name());
      meaningRate = SearchBench.importAll(meaning, events, err);
      summary.put("words_import_posts_per_s", Math.round(wordsRate))
          .put("meaning_import_posts_per_s", Math.round(meaningRate))
          .put("import_ratio", Math.round(meaningRate / wordsRate * 1000) / 1000.0);
      latencies("words", words, asked, spaces, summary, err, null);
      latencies("meaning", meaning, asked, spaces, summary, err, model);
    }
    double[] embed = model.timed.stream().mapToDouble(Double::doubleValue).toArray();
    summary.put("embed_p50_ms", ExpertsBench.round(ExpertsBench.percentile(embed, 0.50)))
        .put("embed_p99_ms", ExpertsBench.round(ExpertsBench.percentile(embed, 0.99)));
    summary.print(out);
  }

  /** An embedder that times its model's calls while {@link #timing}; the index calls it. */
  private static final class Timed implements TextEmbedder {
    private final TextEmbedder model;
    final List<Double> timed = new ArrayList<>();
    volatile boolean timing;

    Timed(TextEmbedder model) {
      this.model = model;
    }

    @Override
    public String name() {
      return model.name();
    }

    @Override
    public float[] embed(String text) {
      long start = System.nanoTime();
      float[] vector = model.embed(text);
      if (timing) {
        synchronized (timed) {
          timed.add((System.nanoTime() - start) / 1e6);
        }
      }
      return vector;
    }
  }

  /**
   * Warms {@code index} up on a share of the drafts, then times each draft once, and {@code
   * model}'s calls meanwhile if not null.
   */
  private static void latencies(String name, LuceneSearchIndex index, List<ThreadStarted> asked,
      Set<SpaceId> spaces, JsonSummary summary, PrintStream err, Timed model) {
    List<ThreadStarted> warm = asked.subList(0, Math.min(WARM_UP_DRAFTS, asked.size()));
    Warmup.untilSettled(name + " similar", () -> warm.forEach(q -> ask(index, q, spaces)), 20,
        err);
    double[] ms = new double[asked.size()];
    if (model != null) {
      model.timing = true;
    }
    for (int i = 0; i < asked.size(); i++) {
      long start = System.nanoTime();
      ask(index, asked.get(i), spaces);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    if (model != null) {
      model.timing = false;
    }
    double p50 = ExpertsBench.percentile(ms, 0.50);
    double p99 = ExpertsBench.percentile(ms, 0.99);
    err.printf(Locale.ROOT, "%s similar: p50 %.2f ms, p99 %.2f ms%n", name, p50, p99);
    summary.put(name + "_similar_p50_ms", ExpertsBench.round(p50))
        .put(name + "_similar_p99_ms", ExpertsBench.round(p99));
  }

  private static void ask(LuceneSearchIndex index, ThreadStarted q, Set<SpaceId> spaces) {
    index.similarQuestions(SimilarQuery.of(q.title(), q.body(), List.of(), PAGE), spaces);
  }
}
