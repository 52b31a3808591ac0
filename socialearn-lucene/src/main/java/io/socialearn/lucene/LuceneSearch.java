package io.socialearn.lucene;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Where a host starts: makes a {@link LuceneSearchIndex} to hand to the engine's builder.
 *
 * <pre>{@code
 * SocialLearningEngine engine = SocialLearningEngine.builder()
 *     .eventLog(log)
 *     .searchIndex(LuceneSearch.at(Path.of("data/search")))
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe (stateless); the {@link Builder} is not.
 */
public final class LuceneSearch {
  private LuceneSearch() {}

  /**
   * An index in {@code directory} (created if missing) with the default settings.
   *
   * @param directory the index's own directory
   * @return the opened index
   * @throws java.io.UncheckedIOException if the directory cannot be opened
   */
  public static LuceneSearchIndex at(Path directory) {
    return builder().directory(directory).build();
  }

  /**
   * An index held in memory, for tests and demos: it starts empty each time.
   *
   * @return the opened index
   */
  public static LuceneSearchIndex inMemory() {
    return builder().build();
  }

  /**
   * A builder with the defaults: in memory, {@link EnglishAnalyzer}, every search sees every
   * event applied before it, commits every 5 seconds.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The processor time a search may spend by default: 75 ms ({@link Builder#timeAllowed}). */
  public static final Duration DEFAULT_TIME_ALLOWED = Duration.ofMillis(75);

  /** Settings for a {@link LuceneSearchIndex}. Not thread-safe. */
  public static final class Builder {
    Path directory;
    Analyzer analyzer;
    TextEmbedder embedder;
    Duration refreshInterval = Duration.ZERO;
    Duration commitInterval = Duration.ofSeconds(5);
    Duration timeAllowed = DEFAULT_TIME_ALLOWED;
    int searchThreads = Math.min(2, Runtime.getRuntime().availableProcessors());
    int freeDocs = BudgetedSearch.FREE_DOCS;
    int parallelPostings = IndexQueries.PARALLEL_POSTINGS;

    private Builder() {}

    /**
     * Keeps the index in {@code directory} instead of in memory.
     *
     * @param directory the index's own directory
     * @return this builder
     */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The analyzer for all text and queries; default {@link EnglishAnalyzer} (stemming, English
     * stop words). Changing it on an existing index makes the index rebuild from the log.
     *
     * @param analyzer for example a {@code GermanAnalyzer} or {@code CJKAnalyzer}
     * @return this builder
     */
    public Builder analyzer(Analyzer analyzer) {
      this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
      return this;
    }

    /**
     * Matches similar questions by meaning as well as by words, with {@code embedder}'s vectors
     * (see {@link TextEmbedder}); default none: words alone. Each question is embedded when
     * written and each draft when asked, at the model's cost. Setting, changing or removing it
     * on an existing index makes the index rebuild from the log.
     *
     * @param embedder for example a small sentence-embedding model run in process
     * @return this builder
     * @throws IllegalArgumentException if its name is blank
     */
    public Builder embedder(TextEmbedder embedder) {
      Objects.requireNonNull(embedder, "embedder");
      String name = embedder.name();
      if (name == null || name.isBlank()) {
        // the name is what tells an index with vectors from one without
        throw new IllegalArgumentException("an embedder needs a name, was \"" + name + "\"");
      }
      this.embedder = embedder;
      return this;
    }

    /**
     * How stale a search may be. {@link Duration#ZERO} (the default): a search refreshes the
     * reader first if events were applied since the last refresh, so every search sees every
     * event applied before it. Positive: a background thread refreshes at this interval and
     * searches never wait, so a change is searchable within about the interval.
     *
     * @param interval zero or positive
     * @return this builder
     */
    public Builder refreshInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("refreshInterval must not be negative: " + interval);
      }
      this.refreshInterval = interval;
      return this;
    }

    /**
     * How often applied events are committed (made durable with their checkpoint); default 5 s.
     * The index also commits on close. An index in memory has nothing to make durable and does
     * not commit periodically, so identical runs give identical scores. Events applied but not committed when the process dies
     * are replayed from the log on the next start.
     *
     * @param interval positive
     * @return this builder
     */
    public Builder commitInterval(Duration interval) {
      this.commitInterval = positive("commitInterval", interval);
      return this;
    }

    /**
     * How much processor time a search may spend looking for matches; default {@link
     * #DEFAULT_TIME_ALLOWED}. Almost every search needs far less. One that would need more (a
     * phrase of very common words over a large index, say) stops when its time is up and
     * returns the best hits among the threads it reached, with {@link
     * io.socialearn.api.search.SearchResults#partial()} set and its total and facet counts as
     * lower bounds, much as Solr's {@code timeAllowed} does. The time is the searching thread's
     * own (where the JVM measures it; else the wall clock), so a search is cut short for the work
     * it does, not because the machine is busy or paused for garbage collection. It is read every
     * 4,096 threads, and not before the first 65,536, so a small index always answers completely.
     * Pass a long duration to never stop early.
     *
     * @param time positive
     * @return this builder
     */
    public Builder timeAllowed(Duration time) {
      this.timeAllowed = positive("timeAllowed", time);
      return this;
    }

    /**
     * How many threads searching may use: the calling thread plus {@code threads - 1} helper
     * threads of the index; default 2 on a machine of two or more processors, else 1. A search
     * by relevance with a quoted phrase, or whose words have many postings (at least {@value
     * IndexQueries#PARALLEL_POSTINGS} over their fields), hands pieces of the index out one at a
     * time to the calling thread and one free helper, and merges what the two found: the same
     * hits, scores and counts, in about half the time when a processor is free. More helpers
     * serve more searches at once. The calling thread never waits for a helper that has not
     * started: when the helpers are busy (other searches) it scans every piece itself, as with 1.
     * 1 keeps every search in the calling thread and starts no helper; helpers idle for 30
     * seconds end.
     *
     * @param threads 1 to 64
     * @return this builder
     */
    public Builder searchThreads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("searchThreads must be 1 to 64: " + threads);
      }
      this.searchThreads = threads;
      return this;
    }

    private static Duration positive(String setting, Duration value) {
      Objects.requireNonNull(value, setting);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(setting + " must be positive: " + value);
      }
      return value;
    }

    /** Tests: the postings from which a search by relevance is split between two threads. */
    Builder parallelPostings(int postings) {
      this.parallelPostings = postings;
      return this;
    }

    /** Tests: how many documents a search scans before its time allowed is first checked. */
    Builder freeDocs(int docs) {
      this.freeDocs = docs;
      return this;
    }

    /**
     * Opens the index: recovers the checkpoint of the last commit, or wipes an index written
     * with another schema or analyzer (checkpoint 0: the engine then replays the whole log).
     *
     * @return the opened index
     * @throws java.io.UncheckedIOException if the directory cannot be opened
     */
    public LuceneSearchIndex build() {
      return new LuceneSearchIndex(this);
    }
  }
}
