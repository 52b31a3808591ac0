package io.socialearn.harness.bench;

import io.socialearn.api.PageRequest;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.QuestionRouted;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.ThreadViewed;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.search.SearchIndex;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.spi.IdGenerator;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.AntiGamingPolicy;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.core.WriteRateLimit;
import io.socialearn.core.log.FileEventLog;
import io.socialearn.core.reputation.TrustPolicy;
import io.socialearn.core.search.MemorySearchIndex;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Progress;
import io.socialearn.harness.Subcommand;
import io.socialearn.harness.UsageException;
import io.socialearn.lucene.LuceneSearch;
import io.socialearn.lucene.LuceneSearchIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import javax.management.ObjectName;

/**
 * {@code bench store [--posts N] [--votes V] [--people N] [--threads T] [--index lucene|memory]
 * [--load log|engine] [--seed S] [--dir DIR] [--histogram] [--only open] [--span-days D]
 * [--routed K]}: builds a seeded synthetic store on a data directory, and measures its heap and
 * how long it takes to open.
 *
 * <p>{@code --routed K} (log loading only) also records every question as routed to {@code K}
 * people drawn uniformly (never its asker), appended after the posts as the engine's routing
 * would have appended them one by one; the heap is measured before and after them, and the first
 * page of the routed-question inbox of the person most questions went to is timed. {@code
 * --views V} (log loading only) records {@code V} thread views after the posts, no one reading a
 * question twice, and measures the heap and the open time they add. Log loading
 * also times the space's first page, newest first and by votes, on the whole store's last open.
 *
 * <p>{@code --load log} (the default; see {@link Run#goThroughLog}) appends the posts' and votes'
 * events straight to the file log and lets the engine fold them at start-up, which reaches the
 * issue's 1,000,000 posts and 10,000,000 votes in minutes (each batch stamped with the time it
 * is appended, so the whole store spans a minute or two, unless {@code --span-days D} spreads
 * them over the {@code D} days before the run, the posts over the first half and the votes over
 * the second, as a store that grew over years has them); {@code --load engine} sends every post
 * and vote as a command on {@code threads} threads (phases below), which measures the write path
 * too but takes hours at that scale on a small machine.
 *
 * <p>The store: {@code people} registered people, one organisation-wide space, {@code posts}
 * posts (a quarter questions with 1 to 3 Zipf-drawn tags, the rest answers spread over them, all
 * with generated English-like titles and bodies of a few hundred characters) and {@code votes}
 * votes, at most one per voter and post and never on one's own post (90% up). Ids have the
 * default generator's shape (UUID strings) but are derived from the seed, so the bench can address
 * posts without holding them. The engine runs with no write rate limit, roles-only trust and no
 * serial-vote detection; the search index is on-disk Lucene in {@code DIR/index}, the core's
 * in-memory index, or none ({@code --index none}: an index that keeps nothing, to measure the
 * engine alone at a scale whose indexing takes longer than a bench should).
 *
 * <p>Phases: (1) build people and posts, measure heap, close (a snapshot is written); (2) reopen,
 * measure heap, add the votes, measure heap, close; (3) reopen from the newest snapshot (no tail)
 * and time it; (4) delete that snapshot and reopen from the one written after the posts, so every
 * vote is a log tail to replay, and time it. Heap is the used heap after several {@code
 * System.gc()} calls minus a baseline taken before the engine was built; the bench's own data is
 * allocated before the baseline. {@code --only open} with the {@code --dir} of a store an earlier
 * run left does phase 3 alone (see {@link Run#openOnly}), to time and profile start-up without
 * rebuilding the store. Extrapolations to the 1,000,000 posts and 10,000,000
 * votes are linear and labelled as such. Not thread-safe.
 */
public final class StoreBench implements Subcommand {
  private static final int TOPICS = 500;
  private static final int WORDS = 4_000;
  private static final long TARGET_POSTS = 1_000_000;
  private static final long TARGET_VOTES = 10_000_000;
  private static final double MB = 1024.0 * 1024.0;
  /** Events per append when loading through the log. */
  private static final int LOG_BATCH = 2_000;
  /** The page read of the routed inbox and of the space's list, and the reads timed. */
  private static final int INBOX_PAGE = 20;
  private static final int INBOX_READS = 500;

  @Override
  public void run(Args args, PrintStream out, PrintStream err) throws Exception {
    long posts = args.number("posts", 100_000, 4, 20_000_000);
    long votes = args.number("votes", 500_000, 0, 200_000_000);
    int people = (int) args.number("people", 5_000, 2, 10_000_000);
    int threads = (int) args.number("threads", 16, 1, 256);
    long seed = args.number("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    String indexKind = args.optional("index", "lucene");
    String dirOption = args.optional("dir", null);
    String load = args.optional("load", "log");
    boolean histogram = args.flag("histogram");
    String only = args.optional("only", null);
    long spanDays = args.number("span-days", 0, 0, 36_500);
    int routed = (int) args.number("routed", 0, 0, 10);
    long views = args.number("views", 0, 0, 200_000_000);
    args.done();
    if ((routed > 0 || views > 0) && (only != null || !load.equals("log"))) {
      throw new UsageException("--routed and --views need --load log and a new store, not --only"
          + " or --load engine");
    }
    if (views > posts / 4 * (people - 1)) {
      throw new UsageException("--views " + views + " exceeds one view per reader and question:"
          + " at most " + posts / 4 * (people - 1) + " with " + posts / 4 + " questions and "
          + people + " people");
    }
    if (routed >= people) {
      throw new UsageException("--routed " + routed + " needs more people than that besides each"
          + " question's asker: --people is " + people);
    }
    if (only != null) {
      if (!only.equals("open")) {
        throw new UsageException("--only takes open, was '" + only + "'");
      }
      if (dirOption == null) {
        throw new UsageException("--only open needs the --dir of a store an earlier run left");
      }
      Path existing = Path.of(dirOption);
      if (!Files.isDirectory(existing.resolve("log"))) {
        throw new UsageException("--dir " + existing + " holds no store (no log directory)");
      }
      new Run(posts, votes, people, threads, seed, indexKind, existing, histogram, err).openOnly()
          .print(out);
      return;
    }
    if (!load.equals("log") && !load.equals("engine")) {
      throw new UsageException("--load must be log or engine, was '" + load + "'");
    }
    if (!indexKind.equals("lucene") && !indexKind.equals("memory") && !indexKind.equals("none")) {
      throw new UsageException("--index must be lucene, memory or none, was '" + indexKind + "'");
    }
    if (votes > posts * (people - 1)) {
      throw new UsageException("--votes " + votes + " exceeds one vote per voter and post: at most "
          + posts * (people - 1) + " with " + posts + " posts and " + people + " people");
    }
    Path dir = dirOption == null ? Files.createTempDirectory("socialearn-store-bench")
        : Path.of(dirOption);
    if (dirOption != null && Files.exists(dir) && !isEmptyDirectory(dir)) {
      throw new UsageException("--dir " + dir + " must be a new or empty directory");
    }
    try {
      Run run = new Run(posts, votes, people, threads, seed, indexKind, dir, histogram, err);
      run.spanDays = spanDays;
      run.routeTo(routed);
      run.views = views;
      (load.equals("log") ? run.goThroughLog() : run.go()).put("load", load).print(out);
    } finally {
      if (dirOption == null) {
        deleteTree(dir);
      }
    }
  }

  /** One run's state and phases. */
  private static final class Run {
    private final long posts;
    private final long votes;
    private final int people;
    private final int threads;
    private final long seed;
    private final String indexKind;
    private final Path dir;
    private final boolean histogram;
    private final PrintStream err;
    /** Over how many days before the run the log's events are stamped; 0: as appended. */
    private long spanDays;
    /** The first instant of that span, set when the events are appended. */
    private Instant spanStart;
    private final long questions;
    private final int[] authors;
    private final String[] vocabulary;
    private final ThreadLocal<String> nextId = new ThreadLocal<>();
    private final SpaceIdHolder space = new SpaceIdHolder();
    private final AtomicLong textChars = new AtomicLong();
    /** How many thread views are recorded ({@code --views}); 0: none. */
    private long views;
    /** How many people each question is routed to ({@code --routed}); 0: none. */
    private int routedPerQuestion;
    /** How many questions are routed to each person; drawn before the heap's baseline. */
    private int[] routedCount = new int[0];

    Run(long posts, long votes, int people, int threads, long seed, String indexKind, Path dir,
        boolean histogram, PrintStream err) {
      this.posts = posts;
      this.votes = votes;
      this.people = people;
      this.threads = threads;
      this.seed = seed;
      this.indexKind = indexKind;
      this.dir = dir;
      this.histogram = histogram;
      this.err = err;
      this.questions = posts / 4;
      Random random = new Random(seed);
      this.authors = new int[(int) posts];
      for (int p = 0; p < posts; p++) {
        authors[p] = zipf(random, people);
      }
      this.vocabulary = new String[WORDS];
      String[] syllables = {"ka", "lo", "mi", "ter", "pan", "ro", "sel", "dat", "qu", "ex", "ion",
          "ver", "ba", "ne", "st", "ry", "po", "lin", "ge", "cla"};
      for (int w = 0; w < WORDS; w++) {
        StringBuilder word = new StringBuilder();
        int n = 2 + random.nextInt(3);
        for (int s = 0; s < n; s++) {
          word.append(syllables[random.nextInt(syllables.length)]);
        }
        vocabulary[w] = word.toString();
      }
    }

    /**
     * Routes each question to {@code k} people (0: none), as {@link #routedPeople} draws them,
     * and counts each person's share now, so that the bench's own data is allocated before the
     * heap's baseline.
     */
    void routeTo(int k) {
      routedPerQuestion = k;
      routedCount = new int[k == 0 ? 0 : people];
      for (long q = 0; k > 0 && q < questions; q++) {
        for (int p : routedPeople(q)) {
          routedCount[p]++;
        }
      }
    }

    /**
     * The people question {@code q} is routed to: {@link #routedPerQuestion} different people
     * drawn uniformly, never its asker (a fairness cap spreads routing; a Zipf draw would not).
     */
    private int[] routedPeople(long q) {
      Random random = new Random(mix(seed ^ (q * 0x9E3779B97F4A7C15L)));
      int[] drawn = new int[routedPerQuestion];
      int n = 0;
      while (n < drawn.length) {
        int p = random.nextInt(people);
        boolean taken = p == authors[(int) q];
        for (int i = 0; i < n && !taken; i++) {
          taken = drawn[i] == p;
        }
        if (!taken) {
          drawn[n++] = p;
        }
      }
      return drawn;
    }

    /**
     * View {@code i}, as {@code RecordView} records it: of question {@code i % questions}, by the
     * {@code i / questions}-th person after its asker, so that no one reads a thread twice.
     */
    private DomainEvent viewEvent(long i) {
      long q = i % questions;
      long k = i / questions;
      int viewer = (int) ((authors[(int) q] + 1 + k) % people);
      return new ThreadViewed(ThreadId.of(id("thread", q)), person(viewer));
    }

    /** The record that question {@code q} was routed, as the engine's routing appends it. */
    private DomainEvent routedEvent(long q) {
      List<PersonId> asked = new ArrayList<>(routedPerQuestion);
      for (int p : routedPeople(q)) {
        asked.add(person(p));
      }
      return new QuestionRouted(ThreadId.of(id("thread", q)), asked);
    }

    /**
     * Times the first page of the routed-question inbox of the person most questions were routed
     * to, the inbox read's worst case here: warmed up until the compiler settles, then {@value
     * StoreBench#INBOX_READS} reads. Returns the person, their routed questions, the page's size
     * and the reads' milliseconds.
     */
    private InboxTimes timeInbox(SocialLearningEngine engine) {
      int most = 0;
      for (int p = 1; p < routedCount.length; p++) {
        most = routedCount[p] > routedCount[most] ? p : most;
      }
      Viewer viewer = Viewer.of(person(most));
      PageRequest page = PageRequest.first(INBOX_PAGE);
      int[] size = new int[1];
      Warmup.untilSettled("inbox", () -> {
        for (int i = 0; i < 100; i++) {
          size[0] = engine.questionsRoutedTo(viewer, page).items().size();
        }
      }, 50, err);
      double[] ms = new double[INBOX_READS];
      for (int i = 0; i < INBOX_READS; i++) {
        long t0 = System.nanoTime();
        size[0] = engine.questionsRoutedTo(viewer, page).items().size();
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      return new InboxTimes(most, routedCount[most], size[0], ms);
    }

    /**
     * Times the first page ({@value StoreBench#INBOX_PAGE} threads) of the space every question
     * is in, newest first ({@value StoreBench#INBOX_READS} reads, warmed up until the compiler
     * settles) and by votes (a tenth as many: that order sorts every thread), as a viewer reads
     * a front page. Returns each read's milliseconds.
     */
    private ListingTimes timeListing(SocialLearningEngine engine) {
      Viewer viewer = Viewer.of(person(0));
      PageRequest page = PageRequest.first(INBOX_PAGE);
      Warmup.untilSettled("newest page", () -> {
        for (int i = 0; i < 100; i++) {
          engine.threads(viewer, space.value, ThreadSort.NEWEST, page);
        }
      }, 50, err);
      double[] newest = new double[INBOX_READS];
      for (int i = 0; i < newest.length; i++) {
        long t0 = System.nanoTime();
        engine.threads(viewer, space.value, ThreadSort.NEWEST, page);
        newest[i] = (System.nanoTime() - t0) / 1e6;
      }
      double[] votes = new double[INBOX_READS / 10];
      for (int i = -votes.length; i < votes.length; i++) {
        long t0 = System.nanoTime();
        engine.threads(viewer, space.value, ThreadSort.VOTES, page);
        if (i >= 0) {
          votes[i] = (System.nanoTime() - t0) / 1e6;
        }
      }
      err.printf(Locale.ROOT, "the space's first page of %d: newest first p50 %.3f ms, by votes"
          + " p50 %.3f ms%n", INBOX_PAGE, ExpertsBench.percentile(newest, 0.5),
          ExpertsBench.percentile(votes, 0.5));
      return new ListingTimes(newest, votes);
    }

    /** What {@link #timeListing} measured. */
    private record ListingTimes(double[] newest, double[] votes) {}

    /** What {@link #timeInbox} measured. */
    private record InboxTimes(int person, int routed, int pageSize, double[] ms) {}

    /** Registers the people and creates the one space everything is posted in. */
    private void registerPeopleAndSpace(SocialLearningEngine engine) {
      for (int p = 0; p < people; p++) {
        engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(person(p))
            .displayName("Person " + p).orgUnit("unit-" + (p % 40)).build()));
      }
      nextId.set(id("space", 0));
      space.value = engine.execute(Viewer.system(), CreateSpace.community("Everyone"));
      nextId.remove();
    }

    JsonSummary go() throws Exception {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      long baseline = usedHeapAfterGc(memory);
      long baselineLive = liveBytes(classHistogram());
      err.printf(Locale.ROOT, "baseline heap %.1f MB; store in %s; index %s%n", baseline / MB, dir,
          indexKind);
      long buildStarted = System.nanoTime();
      // Each phase's engine lives in a helper's frame only (see goThroughLog).
      long[] built = buildPosts(memory, baseline);
      long afterPeople = built[0];
      long afterPosts = built[1];
      long[] voted = reopenAndVote(memory, baseline);
      long openPostsNanos = voted[0];
      long reopenedPosts = voted[1];
      long afterVotes = voted[2];
      double buildSeconds = (System.nanoTime() - buildStarted) / 1e9;
      Opened whole = openAndMeasure(memory, histogram, null);
      long openNanos = whole.nanos();
      long afterOpen = whole.heap();
      err.printf(Locale.ROOT, "opened the whole store from its snapshot in %.0f ms at sequence"
          + " %d: heap %.1f MB over baseline (live objects %.1f MB)%n", openNanos / 1e6,
          whole.sequence(), (afterOpen - baseline) / MB, (whole.live() - baselineLive) / MB);
      List<Path> snapshots = snapshotFiles();
      long openTailNanos = -1;
      if (snapshots.size() >= 2 && votes > 0) {
        Files.delete(snapshots.get(snapshots.size() - 1));
        try (SocialLearningEngine engine = timedOpen()) {
          openTailNanos = lastOpenNanos;
          err.printf(Locale.ROOT, "opened from the posts' snapshot with a %d-vote tail in %.0f ms"
              + " at sequence %d%n", votes, openTailNanos / 1e6, engine.lastSequence());
        }
      }
      double perPost = (afterPosts - afterPeople) / (double) posts;
      double perVote = votes == 0 ? 0 : (afterVotes - reopenedPosts) / (double) votes;
      double fixed = afterPeople - baseline;
      // A restarted store holds more than the one built in-process (see heap_mb_reopened_*).
      double perPostReopened = (reopenedPosts - afterPeople) / (double) posts;
      double perVoteReopened = votes == 0 ? 0 : (afterOpen - reopenedPosts) / (double) votes;
      double events = people + 1 + posts + votes;
      double targetEvents = people + 1 + TARGET_POSTS + TARGET_VOTES;
      return new JsonSummary()
          .put("posts", posts).put("questions", questions).put("answers", posts - questions)
          .put("votes", votes).put("people", people).put("threads", threads).put("seed", seed)
          .put("index", indexKind)
          .put("build_seconds", round(buildSeconds))
          .put("open_ms", round(openNanos / 1e6))
          .put("open_posts_only_ms", round(openPostsNanos / 1e6))
          .put("open_with_vote_tail_ms", openTailNanos < 0 ? null : round(openTailNanos / 1e6))
          .put("heap_bytes_per_post", Math.round(perPost))
          .put("heap_bytes_per_vote", Math.round(perVote))
          .put("heap_bytes_per_post_reopened", Math.round(perPostReopened))
          .put("text_chars_per_post", Math.round(textChars.get() / (double) posts))
          .put("heap_bytes_per_vote_reopened", Math.round(perVoteReopened))
          .put("heap_mb_people_and_fixed", round(fixed / MB))
          .put("heap_mb_after_posts", round((afterPosts - baseline) / MB))
          .put("heap_mb_reopened_posts", round((reopenedPosts - baseline) / MB))
          .put("heap_mb_total", round((afterVotes - baseline) / MB))
          .put("heap_mb_reopened_total", round((afterOpen - baseline) / MB))
          .put("live_mb_reopened_total", round((whole.live() - baselineLive) / MB))
          .put("store_mb_on_disk", round(sizeOf(dir) / MB))
          .put("extrapolated_heap_mb_1m_posts_10m_votes",
              round((fixed + perPost * TARGET_POSTS + perVote * TARGET_VOTES) / MB))
          .put("extrapolated_heap_mb_1m_posts_10m_votes_reopened",
              round((fixed + perPostReopened * TARGET_POSTS + perVoteReopened * TARGET_VOTES) / MB))
          .put("extrapolated_open_ms_1m_posts_10m_votes",
              round(openNanos / 1e6 * targetEvents / events))
          .put("extrapolation", "linear in posts and votes from this run's figures");
    }

    private long lastOpenNanos;
    /** The search index of the engine {@link #timedOpen} opened last. */
    private SearchIndex lastIndex;

    /** Engine mode: people and posts; returns the heap after the people and after the posts. */
    private long[] buildPosts(MemoryMXBean memory, long baseline) throws Exception {
      try (SocialLearningEngine engine = open()) {
        registerPeopleAndSpace(engine);
        long afterPeople = usedHeapAfterGc(memory);
        err.printf(Locale.ROOT, "%d people: heap %.1f MB over baseline%n", people,
            (afterPeople - baseline) / MB);
        Progress progress = new Progress(err, "posts", posts);
        parallel(progress, posts, q -> addQuestion(engine, q), questions);
        progress.finish();
        long afterPosts = usedHeapAfterGc(memory);
        err.printf(Locale.ROOT, "%d posts: heap %.1f MB over baseline, %.0f bytes per post%n",
            posts, (afterPosts - baseline) / MB, (afterPosts - afterPeople) / (double) posts);
        return new long[] {afterPeople, afterPosts};
      }
    }

    /**
     * Engine mode: reopens the posts and casts the votes; returns the open's time, the heap after
     * it and the heap after the votes.
     */
    private long[] reopenAndVote(MemoryMXBean memory, long baseline) throws Exception {
      try (SocialLearningEngine engine = timedOpen()) {
        long openPostsNanos = lastOpenNanos;
        long reopenedPosts = usedHeapAfterGc(memory);
        err.printf(Locale.ROOT, "reopened the posts in %.0f ms: heap %.1f MB over baseline%n",
            openPostsNanos / 1e6, (reopenedPosts - baseline) / MB);
        Progress progress = new Progress(err, "votes", votes);
        parallel(progress, votes, i -> addVote(engine, i), votes);
        progress.finish();
        long afterVotes = usedHeapAfterGc(memory);
        err.printf(Locale.ROOT, "%d votes: heap %.1f MB over baseline, %.0f bytes per vote%n",
            votes, (afterVotes - baseline) / MB, (afterVotes - reopenedPosts) / (double) Math.max(1,
                votes));
        if (histogram) {
          printHistogram(err, classHistogram(), 25);
        }
        return new long[] {openPostsNanos, reopenedPosts, afterVotes};
      }
    }

    /**
     * {@code --only open}: opens the store an earlier run left in {@code dir} (the sizes given
     * need not match it), timed, and measures its heap; nothing is added, but closing the engine
     * writes a snapshot if it had to replay a tail (as after a snapshot of another format), so a
     * second run then opens from that one.
     */
    JsonSummary openOnly() throws Exception {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      long baseline = usedHeapAfterGc(memory);
      long baselineLive = liveBytes(classHistogram());
      Opened opened = openAndMeasure(memory, histogram, null);
      err.printf(Locale.ROOT, "opened %s in %.0f ms at sequence %d: heap %.1f MB over baseline"
          + " (live objects %.1f MB)%n", dir, opened.nanos() / 1e6, opened.sequence(),
          (opened.heap() - baseline) / MB, (opened.live() - baselineLive) / MB);
      List<Path> snapshots = snapshotFiles();
      long snapshotBytes = snapshots.isEmpty() ? 0
          : Files.size(snapshots.get(snapshots.size() - 1));
      return new JsonSummary().put("only", "open").put("index", indexKind)
          .put("sequence", opened.sequence())
          .put("open_ms", round(opened.nanos() / 1e6))
          .put("heap_mb_reopened_total", round((opened.heap() - baseline) / MB))
          .put("live_mb_reopened_total", round((opened.live() - baselineLive) / MB))
          .put("snapshot_mb", round(snapshotBytes / MB))
          .put("store_mb_on_disk", round(sizeOf(dir) / MB));
    }

    /**
     * What {@link #openAndMeasure} found: the open's time, the used heap, the bytes of the live
     * objects and the sequence.
     */
    private record Opened(long nanos, long heap, long live, long sequence) {}

    /**
     * Opens the store (timed), runs {@code work} on it if given, measures the used heap, and
     * closes it; in a frame of its own, so that no engine of an earlier phase is still held by a
     * dead local of the caller while the heap is measured.
     */
    private Opened openAndMeasure(MemoryMXBean memory, boolean printHistogram,
        java.util.function.Consumer<SocialLearningEngine> work) throws Exception {
      try (SocialLearningEngine engine = timedOpen()) {
        long nanos = lastOpenNanos;
        if (work != null) {
          work.accept(engine);
        }
        atRest(engine);
        long heap = usedHeapAfterGc(memory);
        String histogram = classHistogram();
        if (printHistogram) {
          printHistogram(err, histogram, 40);
        }
        return new Opened(nanos, heap, liveBytes(histogram), engine.lastSequence());
      }
    }

    /**
     * The scale in minutes: people and the space through the engine, then the posts and
     * then the votes appended straight to the file log in batches of {@value #LOG_BATCH} (the
     * events the engine's deciders would record for the same commands), each followed by an
     * engine open that folds them (and indexes them) as start-up after a crash would. Heap per
     * post is measured after the posts were replayed, per vote after the votes were, and the
     * store is then opened from its final snapshot and timed.
     */
    JsonSummary goThroughLog() throws Exception {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      long baseline = usedHeapAfterGc(memory);
      long baselineLive = liveBytes(classHistogram());
      err.printf(Locale.ROOT, "baseline heap %.1f MB; store in %s; index %s; loading through the"
          + " log%n", baseline / MB, dir, indexKind);
      long buildStarted = System.nanoTime();
      // Each engine lives in openAndMeasure's frame only: a closed engine left in a dead local
      // of this method was still reachable (the interpreter keeps such slots) and was counted
      // in the next phase's heap, 54 MB of a posts-only engine at 50,000 posts.
      long afterPeople = openAndMeasure(memory, false, this::registerPeopleAndSpace).heap();
      err.printf(Locale.ROOT, "%d people: heap %.1f MB over baseline%n", people,
          (afterPeople - baseline) / MB);
      Progress progress = new Progress(err, "posts appended", posts);
      spanStart = Instant.now().minus(Duration.ofDays(spanDays));
      appendToLog(progress, questions, 0, this::questionEvents);
      progress.finish();
      Opened postsOpened = openAndMeasure(memory, false, null);
      long afterPosts = postsOpened.heap();
      long openPostsNanos = postsOpened.nanos();
      err.printf(Locale.ROOT, "at sequence %d%n", postsOpened.sequence());
      err.printf(Locale.ROOT, "replayed %d posts in %.0f ms: heap %.1f MB over baseline, %.0f"
          + " bytes per post%n", posts, openPostsNanos / 1e6, (afterPosts - baseline) / MB,
          (afterPosts - afterPeople) / (double) posts);
      long afterRouted = afterPosts;
      InboxTimes[] inbox = new InboxTimes[1];
      if (routedPerQuestion > 0) {
        progress = new Progress(err, "routings appended", questions);
        appendToLog(progress, questions, 0, q -> List.of(routedEvent(q)));
        progress.finish();
        afterRouted = openAndMeasure(memory, false, e -> inbox[0] = timeInbox(e)).heap();
        err.printf(Locale.ROOT, "%d questions routed to %d people each: heap %.1f MB over"
            + " baseline, %.0f bytes per routed question; the inbox of the person most were"
            + " routed to (%d): p50 %.3f ms, p99 %.3f ms%n", questions, routedPerQuestion,
            (afterRouted - baseline) / MB, (afterRouted - afterPosts) / (double) questions,
            inbox[0].routed(), ExpertsBench.percentile(inbox[0].ms(), 0.5),
            ExpertsBench.percentile(inbox[0].ms(), 0.99));
      }
      long afterViews = afterRouted;
      long openViewsNanos = 0;
      if (views > 0) {
        progress = new Progress(err, "views appended", views);
        appendToLog(progress, views, 0, i -> List.of(viewEvent(i)));
        progress.finish();
        Opened viewed = openAndMeasure(memory, false, null);
        afterViews = viewed.heap();
        openViewsNanos = viewed.nanos();
        err.printf(Locale.ROOT, "opened with a tail of %d views in %.0f ms: heap %.1f MB over"
            + " baseline, %.0f bytes per view%n", views, openViewsNanos / 1e6,
            (afterViews - baseline) / MB, (afterViews - afterRouted) / (double) views);
      }
      progress = new Progress(err, "votes appended", votes);
      appendToLog(progress, votes, 1, i -> List.of(voteEvent(i)));
      progress.finish();
      Opened tailOpened = openAndMeasure(memory, histogram, null);
      long afterVotes = tailOpened.heap();
      long openTailNanos = tailOpened.nanos();
      err.printf(Locale.ROOT, "at sequence %d%n", tailOpened.sequence());
      err.printf(Locale.ROOT, "opened from the posts' snapshot with a %d-vote tail in %.0f ms:"
          + " heap %.1f MB over baseline (live objects %.1f MB), %.0f bytes per vote%n", votes,
          openTailNanos / 1e6, (afterVotes - baseline) / MB,
          (tailOpened.live() - baselineLive) / MB,
          (afterVotes - afterViews) / (double) Math.max(1, votes));
      double buildSeconds = (System.nanoTime() - buildStarted) / 1e9;
      ListingTimes[] listing = new ListingTimes[1];
      Opened whole = openAndMeasure(memory, histogram, e -> listing[0] = timeListing(e));
      long openNanos = whole.nanos();
      long afterOpen = whole.heap();
      long sequence = whole.sequence();
      err.printf(Locale.ROOT, "opened the whole store from its snapshot in %.0f ms at sequence"
          + " %d: heap %.1f MB over baseline (live objects %.1f MB)%n", openNanos / 1e6, sequence,
          (afterOpen - baseline) / MB, (whole.live() - baselineLive) / MB);
      double perPost = (afterPosts - afterPeople) / (double) posts;
      double perVote = votes == 0 ? 0 : (afterVotes - afterViews) / (double) votes;
      double fixed = afterPeople - baseline;
      JsonSummary summary = new JsonSummary()
          .put("posts", posts).put("questions", questions).put("answers", posts - questions)
          .put("votes", votes).put("people", people).put("seed", seed).put("index", indexKind)
          .put("sequence", sequence)
          .put("build_seconds", round(buildSeconds))
          .put("open_ms", round(openNanos / 1e6))
          .put("replay_posts_ms", round(openPostsNanos / 1e6))
          .put("open_with_vote_tail_ms", round(openTailNanos / 1e6))
          .put("heap_bytes_per_post", Math.round(perPost))
          .put("heap_bytes_per_vote", Math.round(perVote))
          .put("text_chars_per_post", Math.round(textChars.get() / (double) posts))
          .put("heap_mb_people_and_fixed", round(fixed / MB))
          .put("heap_mb_after_posts", round((afterPosts - baseline) / MB))
          .put("heap_mb_total", round((afterVotes - baseline) / MB))
          .put("heap_mb_reopened_total", round((afterOpen - baseline) / MB))
          .put("live_mb_total", round((tailOpened.live() - baselineLive) / MB))
          .put("live_mb_reopened_total", round((whole.live() - baselineLive) / MB))
          .put("store_mb_on_disk", round(sizeOf(dir) / MB))
          .put("extrapolated_heap_mb_1m_posts_10m_votes",
              round((fixed + perPost * TARGET_POSTS + perVote * TARGET_VOTES) / MB))
          .put("extrapolation", "linear in posts and votes from this run's figures")
          .put("newest_page_p50_ms", ExpertsBench.round(
              ExpertsBench.percentile(listing[0].newest(), 0.5)))
          .put("newest_page_p99_ms", ExpertsBench.round(
              ExpertsBench.percentile(listing[0].newest(), 0.99)))
          .put("votes_page_p50_ms", ExpertsBench.round(
              ExpertsBench.percentile(listing[0].votes(), 0.5)));
      if (views > 0) {
        summary.put("views", views)
            .put("heap_bytes_per_view", Math.round((afterViews - afterRouted) / (double) views))
            .put("heap_mb_after_views", round((afterViews - baseline) / MB))
            .put("open_with_view_tail_ms", round(openViewsNanos / 1e6));
      }
      if (routedPerQuestion > 0) {
        double perRouted = (afterRouted - afterPosts) / (double) questions;
        summary.put("routed_per_question", routedPerQuestion)
            .put("heap_bytes_per_routed_question", Math.round(perRouted))
            .put("heap_mb_after_routing", round((afterRouted - baseline) / MB))
            .put("extrapolated_heap_mb_1m_posts_10m_votes_routed", round((fixed
                + perPost * TARGET_POSTS + perVote * TARGET_VOTES
                + perRouted * (TARGET_POSTS / 4)) / MB))
            .put("inbox_person_routed", inbox[0].routed())
            .put("inbox_page", inbox[0].pageSize())
            .put("inbox_p50_ms", ExpertsBench.round(ExpertsBench.percentile(inbox[0].ms(), 0.5)))
            .put("inbox_p99_ms", ExpertsBench.round(ExpertsBench.percentile(inbox[0].ms(),
                0.99)));
      }
      return summary;
    }

    /**
     * The time of a batch that ends with item {@code i} of {@code count}: now, or with {@code
     * --span-days} that far into {@code half} (0 or 1) of the span.
     */
    private Instant stamp(int half, long i, long count) {
      if (spanDays == 0) {
        return Instant.now();
      }
      long halfSeconds = spanDays * 86_400L / 2;
      return spanStart.plusSeconds(half * halfSeconds + halfSeconds * (i + 1) / count);
    }

    /**
     * Appends the events {@code events} gives for 0..count-1 to the store's log, in batches of
     * about {@value #LOG_BATCH} events, one force each, stamped by {@link #stamp}.
     */
    private void appendToLog(Progress progress, long count, int half,
        java.util.function.LongFunction<List<DomainEvent>> events) {
      try (FileEventLog log = FileEventLog.open(dir.resolve("log"))) {
        List<DomainEvent> batch = new ArrayList<>(LOG_BATCH + 64);
        long shown = 0;
        long done = 0;
        for (long i = 0; i < count; i++) {
          batch.addAll(events.apply(i));
          if (batch.size() >= LOG_BATCH || i == count - 1) {
            log.append(log.lastSequence(), batch, stamp(half, i, count));
            done += batch.size();
            batch.clear();
            progress.advance(done - shown);
            shown = done;
          }
        }
      }
    }

    /** The events of question {@code q} and its share of answers, as the deciders record them. */
    private List<DomainEvent> questionEvents(long q) {
      Random random = new Random(seed * 1_000_003L + q);
      int t1 = zipf(random, TOPICS);
      int t2 = zipf(random, TOPICS);
      List<Tag> tags = random.nextBoolean() || t1 == t2 ? List.of(Tag.of("topic-" + t1))
          : List.of(Tag.of("topic-" + t1), Tag.of("topic-" + t2));
      String title = sentence(random, 6 + random.nextInt(6)) + "?";
      String body = text(random, 40 + random.nextInt(80));
      textChars.addAndGet(title.length() + body.length());
      ThreadId thread = ThreadId.of(id("thread", q));
      List<DomainEvent> events = new ArrayList<>();
      events.add(new ThreadStarted(thread, space.value, ThreadKind.QUESTION, title, body, tags,
          person(authors[(int) q])));
      long answers = posts - questions;
      for (long a = q * answers / questions; a < (q + 1) * answers / questions; a++) {
        long p = questions + a;
        String answer = text(random, 30 + random.nextInt(70));
        textChars.addAndGet(answer.length());
        events.add(new AnswerPosted(PostId.of(id("post", p)), thread, answer,
            person(authors[(int) p])));
      }
      return events;
    }

    /** Vote {@code i} as {@link #addVote} casts it, as the event the decider records. */
    private DomainEvent voteEvent(long i) {
      int p = (int) (i % posts);
      long k = i / posts;
      int voter = (int) ((authors[p] + 1 + k) % people);
      ThreadId thread = ThreadId.of(id("thread", p < questions ? p : questionOf(p)));
      ContentRef target = p < questions ? thread : PostId.of(id("post", p));
      VoteDirection direction = Math.floorMod(mix(seed ^ i), 10) == 0 ? VoteDirection.DOWN
          : VoteDirection.UP;
      return new VoteCast(target, thread, person(voter), direction, person(authors[p]));
    }

    /** The question answer post {@code p} belongs to (the inverse of the split in addQuestion). */
    private long questionOf(long p) {
      long a = p - questions;
      long answers = posts - questions;
      long q = a * questions / answers;
      while (q + 1 < questions && (q + 1) * answers / questions <= a) {
        q++;
      }
      while (q > 0 && q * answers / questions > a) {
        q--;
      }
      return q;
    }

    private SocialLearningEngine timedOpen() {
      SearchIndex index = index();
      lastIndex = index;
      long t0 = System.nanoTime();
      SocialLearningEngine engine = open(index);
      lastOpenNanos = System.nanoTime() - t0;
      return engine;
    }

    private SocialLearningEngine open() {
      return open(index());
    }

    /**
     * Lets a Lucene index write what it holds to be indexed and let go of it before the heap is
     * measured: a commit writes the changed threads and Lucene's indexing buffer (each sized by
     * the heap, up to an eighth and a 24th of it), and a search opens a searcher on them, which
     * lets go of the threads written. Caught up with a long log, the index holds them until its
     * next commit; the heap measured is what it holds at rest.
     */
    private void atRest(SocialLearningEngine engine) {
      if (lastIndex instanceof LuceneSearchIndex lucene) {
        lucene.commitNow();
        engine.search(Viewer.system(), SearchQuery.of("settle"));
      }
    }

    /**
     * The search index to open the store with; "none" is caught up with the log as it is on disk
     * (read before the timed open), since the engine refuses an index ahead of its log.
     */
    private SearchIndex index() {
      if (indexKind.equals("none")) {
        try (FileEventLog log = FileEventLog.open(dir.resolve("log"))) {
          return new NoIndex(log.lastSequence());
        }
      }
      return indexKind.equals("memory") ? new MemorySearchIndex()
          : LuceneSearch.at(dir.resolve("index"));
    }

    private SocialLearningEngine open(SearchIndex index) {
      IdGenerator ids = kind -> {
        String preset = nextId.get();
        return preset != null ? preset : UUID.randomUUID().toString();
      };
      // Snapshots only on close: phase 4 needs the one written after the posts.
      return SocialLearningEngine.builder().dataDirectory(dir).snapshotEvery(Long.MAX_VALUE)
          .searchIndex(index).idGenerator(ids).writeRateLimit(WriteRateLimit.unlimited())
          .trustPolicy(TrustPolicy.rolesOnly()).antiGaming(AntiGamingPolicy.off()).build();
    }

    /** A question and its share of the answers, in order. */
    private void addQuestion(SocialLearningEngine engine, long q) {
      Random random = new Random(seed * 1_000_003L + q);
      int t1 = zipf(random, TOPICS);
      int t2 = zipf(random, TOPICS);
      String[] tags = random.nextBoolean() || t1 == t2 ? new String[] {"topic-" + t1}
          : new String[] {"topic-" + t1, "topic-" + t2};
      String title = sentence(random, 6 + random.nextInt(6)) + "?";
      String body = text(random, 40 + random.nextInt(80));
      textChars.addAndGet(title.length() + body.length());
      nextId.set(id("thread", q));
      try {
        engine.execute(Viewer.of(person(authors[(int) q])), StartThread.question(space.value,
            title, body, tags));
      } finally {
        nextId.remove();
      }
      ThreadId thread = ThreadId.of(id("thread", q));
      long answers = posts - questions;
      for (long a = q * answers / questions; a < (q + 1) * answers / questions; a++) {
        long p = questions + a;
        String answer = text(random, 30 + random.nextInt(70));
        textChars.addAndGet(answer.length());
        nextId.set(id("post", p));
        try {
          engine.execute(Viewer.of(person(authors[(int) p])), new PostAnswer(thread, answer));
        } finally {
          nextId.remove();
        }
      }
    }

    /** Vote {@code i}: on post {@code i % posts}, by the {@code i / posts}-th person after its author. */
    private void addVote(SocialLearningEngine engine, long i) {
      int p = (int) (i % posts);
      long k = i / posts;
      int voter = (int) ((authors[p] + 1 + k) % people);
      ContentRef target = p < questions ? ThreadId.of(id("thread", p))
          : PostId.of(id("post", p));
      VoteDirection direction = Math.floorMod(mix(seed ^ i), 10) == 0 ? VoteDirection.DOWN
          : VoteDirection.UP;
      engine.execute(Viewer.of(person(voter)), new CastVote(target, direction));
    }

    /**
     * Runs {@code task} for 0..count-1 on {@code threads} threads, showing progress in units of
     * which {@code total} make the whole job (questions are counted with their answers as posts).
     */
    private void parallel(Progress progress, long total, LongConsumer task, long count)
        throws Exception {
      AtomicLong done = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int worker = t;
          futures.add(pool.submit(() -> {
            for (long i = worker; i < count; i += threads) {
              task.accept(i);
              done.incrementAndGet();
            }
          }));
        }
        long shown = 0;
        while (!allDone(futures)) {
          Thread.sleep(250);
          long now = done.get() * total / Math.max(1, count);
          progress.advance(now - shown);
          shown = now;
        }
        for (Future<?> future : futures) {
          future.get();
        }
        progress.advance(total - shown);
      } finally {
        pool.shutdownNow();
      }
    }

    private String sentence(Random random, int words) {
      String text = text(random, words);
      return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String text(Random random, int words) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          text.append(' ');
        }
        text.append(vocabulary[zipf(random, WORDS)]);
      }
      return text.toString();
    }

    private String id(String kind, long index) {
      long high = mix(seed * 31 + kind.hashCode());
      return new UUID(high, mix(index + 1) ^ index).toString();
    }

    private List<Path> snapshotFiles() throws IOException {
      try (Stream<Path> files = Files.list(dir.resolve("snapshots"))) {
        return files.filter(f -> f.getFileName().toString().endsWith(".snap")).sorted().toList();
      }
    }
  }

  /**
   * An index that keeps nothing and finds nothing, for measuring the engine's own heap and
   * start-up at a scale whose indexing would take longer than the bench should. Thread-safe.
   */
  private static final class NoIndex implements SearchIndex {
    /** Caught up with the log it opens with, so that opening never replays the log into it. */
    private volatile long checkpoint;

    NoIndex(long checkpoint) {
      this.checkpoint = checkpoint;
    }

    @Override
    public String name() {
      return "none";
    }

    @Override
    public long checkpoint() {
      return checkpoint;
    }

    @Override
    public void apply(List<io.socialearn.api.event.RecordedEvent> events) {
      if (!events.isEmpty()) {
        checkpoint = events.get(events.size() - 1).sequence();
      }
    }

    @Override
    public io.socialearn.api.search.SearchResults search(io.socialearn.api.search.SearchQuery query,
        java.util.Set<SpaceId> readableSpaces) {
      return new io.socialearn.api.search.SearchResults(List.of(), 0, List.of(), null);
    }

    @Override
    public List<io.socialearn.api.search.SearchHit> similarQuestions(
        io.socialearn.api.search.SimilarQuery query, java.util.Set<SpaceId> readableSpaces) {
      return List.of();
    }

    @Override
    public List<io.socialearn.api.search.TagSuggestion> suggestTags(String text, int limit,
        java.util.Set<SpaceId> readableSpaces) {
      return List.of();
    }

    @Override
    public List<Tag> completeTags(String prefix, int limit, java.util.Set<SpaceId> readableSpaces) {
      return List.of();
    }

    @Override
    public void close() {}
  }

  /** Holds the space id, set once before the workers start. */
  private static final class SpaceIdHolder {
    private volatile SpaceId value;
  }

  private static boolean allDone(List<Future<?>> futures) {
    return futures.stream().allMatch(Future::isDone);
  }

  /** Used heap after a few full collections. */
  static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /**
   * HotSpot's GC.class_histogram of the live objects (it collects first): a line per class, the
   * last one the total.
   */
  static String classHistogram() throws Exception {
    return (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
  }

  /**
   * The bytes of the objects a {@link #classHistogram} counted: what the heap holds, without
   * the collector's own slack (the used heap also counts, for one, the unused ends of regions
   * that hold one large array each, which grow with the region size and so with {@code -Xmx}).
   */
  static long liveBytes(String histogram) {
    String total = histogram.lines().reduce((a, b) -> b).orElse("").strip();
    String[] fields = total.split("\\s+");
    if (fields.length != 3 || !fields[0].equals("Total")) {
      throw new IllegalStateException("no total in the class histogram: " + total);
    }
    return Long.parseLong(fields[2]);
  }

  /** Prints the largest classes of a {@link #classHistogram} to stderr. */
  private static void printHistogram(PrintStream err, String text, int lines) {
    text.lines().limit(lines + 2L).forEach(err::println);
    text.lines().reduce((a, b) -> b).ifPresent(err::println);
  }

  private static PersonId person(int p) {
    return PersonId.of("person-" + p);
  }

  /** A rough Zipf draw over {@code [0, n)}: low indices far more often. */
  private static int zipf(Random random, int n) {
    return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1.0, random.nextDouble()) - 1));
  }

  /** A 64-bit mix (SplitMix64's finaliser). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.findAny().isEmpty();
    }
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
