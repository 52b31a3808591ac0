package io.socialearn.harness.bench;

import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.expertise.ExpertiseModel;
import io.socialearn.core.expertise.ExpertiseSettings;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Progress;
import io.socialearn.harness.Subcommand;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code bench experts [--people N] [--posts N] [--votes N] [--queries N] [--seed S]
 * [--linked N]}: the latency of "who knows" over a seeded synthetic community of {@code people}
 * people and {@code posts} posts; with {@code --linked N}, N random pairs of its people are each
 * one person's two linked accounts, scored together.
 *
 * <p>The community: {@value Corpus#SPACES} spaces and {@value Corpus#TAGS} tags (both
 * Zipf-skewed), 200 departments, a few declared skills per tenth person, one post in four a
 * question with 1 to 3 tags, the rest answers to earlier questions, authors drawn with a Zipf-like
 * skew (a few people write much, most little), {@code votes} up votes on answers and an accepted
 * answer on about 40% of questions, spread over three years. The events are folded straight into
 * the core's {@link ExpertiseModel} (the projection {@code whoKnows} reads; building the whole
 * engine with a search index at this size would take far longer than the query being measured).
 *
 * <p>Then {@code queries} "who knows" queries (after rounds of 500 of both modes until the JIT
 * compiler settles, see {@link Warmup}, then a tenth as many of the mode measured, for warm-up)
 * each take the tags of a random question, a viewer who may read 45 of the 50 spaces, the
 * default options (limit 10, the asker excluded) and the default mix, in two modes: {@code
 * profile} (the profile
 * model alone, as without a search index) and {@code documents} (the same plus 30 similar-thread
 * hits sharing the query's first tag, as the Lucene index would hand over; the search for those
 * hits is not timed here, {@code bench search} measures it). Reported: p50, p99 and max of each
 * mode in milliseconds (and p50 and p99 of the CPU time the query took, which a busy machine
 * inflates less), the kilobytes the timed calls allocated per query, and the garbage
 * collections (count and milliseconds) during the measured queries, and {@code jit_ms}, the
 * compiler's time during the mode's run; {@code whoknows_p50_ms} and
 * {@code whoknows_p99_ms} are the documents mode, the slower. Not thread-safe.
 */
public final class ExpertsBench implements Subcommand {
  private static final int DEPARTMENTS = 200;
  private static final int HITS = 30;
  /** Queries of each mode per warm-up round, and the most rounds ({@link Warmup}). */
  private static final int WARM_ROUND = 500;
  private static final int MAX_WARM_ROUNDS = 16;
  private static final long DAY = 86_400_000L;
  private static final long START = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
  private static final long SPAN = 3 * 365 * DAY;

  @Override
  public void run(Args args, PrintStream out, PrintStream err) {
    int people = (int) args.number("people", 100_000, 2, 10_000_000);
    int posts = (int) args.number("posts", 1_000_000, 4, 50_000_000);
    long votes = args.number("votes", 1_000_000, 0, 500_000_000);
    int queries = (int) args.number("queries", 2_000, 1, 1_000_000);
    long seed = args.number("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    int linked = (int) args.number("linked", 0, 0, people / 2);
    args.done();
    Community c = new Community(people, posts, seed);
    long buildStart = System.nanoTime();
    c.build(votes, err);
    c.link(linked, seed);
    double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
    Map<String, Object> modes = new LinkedHashMap<>();
    double[] documents = null;
    long allocated = 0;
    long gcCount = 0;
    long gcMillis = 0;
    // Both modes are warmed up until the JIT settles before either is measured (the first
    // measured would otherwise also pay for compiling the code both share), on queries of their
    // own.
    Random warm = new Random(seed ^ 0x5DEECE66DL);
    int warmRounds = Warmup.untilSettled("who knows", () -> c.warmUp(WARM_ROUND, warm),
        MAX_WARM_ROUNDS, err);
    for (String mode : List.of("profile", "documents")) {
      long compiled = Warmup.compileMillis();
      Measured m = c.measure(mode.equals("documents"), queries, seed, err);
      Map<String, Object> f = figures(m.ms());
      // compilation during the mode's run, its own short warm-up included
      f.put("jit_ms", Warmup.compileMillis() - compiled);
      // CPU time of the measuring thread: on a shared machine, what the code costs apart from
      // waiting for a core
      f.put("cpu_p50_ms", round(percentile(m.cpuMs(), 0.50)));
      f.put("cpu_p99_ms", round(percentile(m.cpuMs(), 0.99)));
      f.put("alloc_kb_per_query", round(m.allocatedBytes() / 1024.0 / queries));
      f.put("gc_count", m.gcCount());
      f.put("gc_ms", m.gcMillis());
      modes.put(mode, f);
      documents = m.ms();
      allocated += m.allocatedBytes();
      gcCount += m.gcCount();
      gcMillis += m.gcMillis();
    }
    JsonSummary summary = new JsonSummary().put("people", people).put("posts", posts)
        .put("questions", c.questions).put("answers", posts - c.questions)
        .put("votes", c.votesCast).put("accepts", c.accepts).put("queries", queries)
        .put("linked", linked).put("build_seconds", round(buildSeconds))
        .put("warmup_queries", 2 * warmRounds * WARM_ROUND).put("modes", modes)
        .put("whoknows_mode", "documents")
        .put("whoknows_p50_ms", round(percentile(documents, 0.50)))
        .put("whoknows_p99_ms", round(percentile(documents, 0.99)))
        .put("alloc_kb_per_query", round(allocated / 1024.0 / (2.0 * queries)))
        .put("gc_count", gcCount).put("gc_ms", gcMillis);
    summary.print(out);
  }

  /**
   * One mode's timings: each measured query's milliseconds (wall clock and CPU), the bytes the measuring thread
   * allocated inside the timed calls, and the collections (count, total milliseconds) that ran
   * during the measured queries.
   */
  private record Measured(double[] ms, double[] cpuMs, long allocatedBytes, long gcCount,
      long gcMillis) {}

  /** The CPU time this thread has used so far in nanoseconds, or 0 where the JVM cannot tell. */
  private static long cpuNanos() {
    java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
    return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() : 0;
  }

  /** The bytes this thread has allocated so far, or 0 where the JVM cannot tell. */
  private static long allocatedBytes() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported()) {
      return t.getCurrentThreadAllocatedBytes();
    }
    return 0;
  }

  /** Collections so far: count and total milliseconds over all collectors. */
  private static long[] collections() {
    long[] sum = new long[2];
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum[0] += Math.max(0, gc.getCollectionCount());
      sum[1] += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  private static Map<String, Object> figures(double[] ms) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p50_ms", round(percentile(ms, 0.50)));
    m.put("p99_ms", round(percentile(ms, 0.99)));
    m.put("max_ms", round(percentile(ms, 1.0)));
    return m;
  }

  /** The value at fraction {@code q} of the sorted values (nearest rank). */
  static double percentile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** One query: the topics asked about and the similar threads handed over. */
  private record Query(List<Tag> tags, List<SearchHit> hits) {}

  /** The synthetic community and the model it is folded into. */
  private static final class Community {
    private final int people;
    private final int posts;
    private final Corpus corpus;
    private final Random random;
    private final ExpertiseModel model = new ExpertiseModel(ExpertiseSettings.defaults());
    private final PersonId[] ids;
    /** The people with two linked accounts ({@link #link}). */
    private List<List<PersonId>> linked = List.of();
    private final SpaceId[] spaces = new SpaceId[Corpus.SPACES];
    private final Map<String, Tag> tags = new LinkedHashMap<>();
    private final Map<PersonId, PersonProfile> profiles = new HashMap<>();
    private ThreadId[] threadIds;
    private int[] threadSpace;
    private final List<List<Tag>> threadTags = new ArrayList<>();
    private int[] threadAuthor;
    /** Per tag, the questions carrying it, for similar-thread hits. */
    private final Map<Tag, List<Integer>> byTag = new HashMap<>();
    private long sequence;
    int questions;
    long votesCast;
    long accepts;

    Community(int people, int posts, long seed) {
      this.people = people;
      this.posts = posts;
      this.corpus = new Corpus(seed, 1_000);
      this.random = corpus.random();
      this.ids = new PersonId[people];
      for (int s = 0; s < spaces.length; s++) {
        spaces[s] = SpaceId.of("space-" + s);
      }
    }

    private void fold(long at, DomainEvent event) {
      model.apply(new RecordedEvent(++sequence, Instant.ofEpochMilli(at), event));
    }

    private Tag tag(String name) {
      return tags.computeIfAbsent(name, Tag::of);
    }

    private int author() {
      return corpus.skewed(people);
    }

    void build(long votes, PrintStream err) {
      Progress progress = new Progress(err, "people", people);
      for (int p = 0; p < people; p++) {
        ids[p] = PersonId.of("person-" + p);
        Set<Tag> skills = new HashSet<>();
        if (p % 10 == 0) {
          for (String t : corpus.tags()) {
            skills.add(tag(t));
          }
        }
        PersonProfile profile = new PersonProfile(ids[p], "Person " + p,
            "dept-" + (p % DEPARTMENTS), "", "", skills, p % 50 == 49,
            p % 97 == 3 ? PersonStatus.LEAVING : PersonStatus.ACTIVE, null, null);
        profiles.put(ids[p], profile);
        fold(START, new PersonRegistered(profile));
        progress.advance(1);
      }
      progress.finish();
      int maxQuestions = Math.max(1, posts / 4);
      threadIds = new ThreadId[maxQuestions];
      threadSpace = new int[maxQuestions];
      threadAuthor = new int[maxQuestions];
      PostId[] answerIds = new PostId[posts];
      int[] answerThread = new int[posts];
      int[] answerAuthor = new int[posts];
      long[] answerAt = new long[posts];
      int answers = 0;
      progress = new Progress(err, "posts", posts);
      for (int i = 0; i < posts; i++) {
        long at = START + (long) ((double) i / posts * SPAN);
        if (questions == 0 || (questions < maxQuestions && random.nextInt(4) == 0)) {
          int q = questions++;
          threadIds[q] = ThreadId.of("t" + q);
          threadSpace[q] = corpus.skewed(Corpus.SPACES);
          List<Tag> t = new ArrayList<>();
          for (String name : corpus.tags()) {
            t.add(tag(name));
          }
          threadTags.add(List.copyOf(t));
          threadAuthor[q] = author();
          for (Tag tag : threadTags.get(q)) {
            byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(q);
          }
          fold(at, new ThreadStarted(threadIds[q], spaces[threadSpace[q]], ThreadKind.QUESTION,
              "q", "", threadTags.get(q), ids[threadAuthor[q]]));
        } else {
          // Mostly recent questions get the answers, as in a live community.
          int back = Math.min(questions - 1, corpus.skewed(Math.min(questions, 5_000)));
          int q = questions - 1 - back;
          int a = answers++;
          answerIds[a] = PostId.of("a" + a);
          answerThread[a] = q;
          answerAuthor[a] = author();
          answerAt[a] = at;
          fold(at, new AnswerPosted(answerIds[a], threadIds[q], "", ids[answerAuthor[a]]));
          if (random.nextInt(5) < 2 && answerAuthor[a] != threadAuthor[q]) {
            accepts++;
            fold(at + 3_600_000L, new AnswerAccepted(threadIds[q], answerIds[a],
                ids[threadAuthor[q]], ids[answerAuthor[a]]));
          }
        }
        progress.advance(1);
      }
      progress.finish();
      progress = new Progress(err, "votes", votes);
      for (long v = 0; v < votes && answers > 0; v++) {
        // Votes spread over the answers in time order, each a day or so after its answer.
        int a = (int) (v * answers / Math.max(1, votes));
        int voter = random.nextInt(people);
        if (voter != answerAuthor[a]) {
          votesCast++;
          fold(answerAt[a] + DAY, new VoteCast(answerIds[a], threadIds[answerThread[a]],
              ids[voter], VoteDirection.UP, ids[answerAuthor[a]]));
        }
        progress.advance(1);
      }
      progress.finish();
    }

    /** The spaces every query's viewer may read: 45 of the 50. */
    private Predicate<SpaceId> visible() {
      Set<SpaceId> hidden = new HashSet<>();
      for (int s = 5; s < spaces.length; s += 10) {
        hidden.add(spaces[s]);
      }
      return s -> !hidden.contains(s);
    }

    /** The time queries rank at: a day after the last post. */
    private static Instant now() {
      return Instant.ofEpochMilli(START + SPAN + DAY);
    }

    /** The tags of a random question, and with {@code withDocuments} similar-thread hits. */
    private Query query(Random r, boolean withDocuments, Predicate<SpaceId> visible) {
      int q = r.nextInt(questions);
      List<SearchHit> hits = List.of();
      if (withDocuments) {
        List<Integer> similar = byTag.get(threadTags.get(q).get(0));
        List<SearchHit> h = new ArrayList<>();
        for (int k = 0; k < HITS; k++) {
          int t = similar.get(r.nextInt(similar.size()));
          if (visible.test(spaces[threadSpace[t]])) {
            h.add(new SearchHit(threadIds[t], spaces[threadSpace[t]], "q", HITS - k, ""));
          }
        }
        hits = h;
      }
      return new Query(threadTags.get(q), hits);
    }

    private List<ExpertCandidate> ask(PersonId viewer, Query query, Predicate<SpaceId> visible) {
      WhoKnowsOptions options = WhoKnowsOptions.defaults().exclude(Set.of(viewer));
      return model.whoKnows(viewer, profiles.get(viewer), query.tags(), query.hits(), visible,
          profiles::get, options, now(), null, false, linked);
    }

    /** Makes {@code pairs} random pairs of distinct people each one person's two accounts. */
    void link(int pairs, long seed) {
      List<Integer> order = new ArrayList<>();
      for (int p = 0; p < ids.length; p++) {
        order.add(p);
      }
      java.util.Collections.shuffle(order, new Random(seed ^ 0x11EDL));
      List<List<PersonId>> people = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        people.add(List.of(ids[order.get(2 * i)], ids[order.get(2 * i + 1)]));
      }
      linked = List.copyOf(people);
    }

    /**
     * Runs {@code n} untimed queries of each mode, drawn from {@code r}, a generator of their
     * own (the measured queries are the same however long the warm-up).
     */
    void warmUp(int n, Random r) {
      Predicate<SpaceId> visible = visible();
      for (boolean withDocuments : new boolean[] {false, true}) {
        for (int i = 0; i < n; i++) {
          PersonId viewer = ids[r.nextInt(people)];
          ask(viewer, query(r, withDocuments, visible), visible);
        }
      }
    }

    Measured measure(boolean withDocuments, int queries, long seed, PrintStream err) {
      Random r = new Random(seed + (withDocuments ? 1 : 0));
      Predicate<SpaceId> visible = visible();
      int warmup = Math.max(1, queries / 10);
      double[] ms = new double[queries];
      double[] cpuMs = new double[queries];
      Progress progress = new Progress(err, withDocuments ? "documents" : "profile",
          warmup + queries);
      long found = 0;
      long allocated = 0;
      long[] gcBefore = null;
      for (int i = 0; i < warmup + queries; i++) {
        if (i == warmup) {
          gcBefore = collections();
        }
        Query query = query(r, withDocuments, visible);
        PersonId viewer = ids[author()];
        long a0 = allocatedBytes();
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        List<ExpertCandidate> result = ask(viewer, query, visible);
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        long a1 = allocatedBytes();
        found += result.size();
        if (i >= warmup) {
          ms[i - warmup] = (t1 - t0) / 1e6;
          cpuMs[i - warmup] = (c1 - c0) / 1e6;
          allocated += a1 - a0;
        }
        progress.advance(1);
      }
      progress.finish();
      err.println("experts bench: " + (withDocuments ? "documents" : "profile") + " mode, "
          + found + " candidates returned");
      long[] gcAfter = collections();
      return new Measured(ms, cpuMs, allocated, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
    }
  }
}
