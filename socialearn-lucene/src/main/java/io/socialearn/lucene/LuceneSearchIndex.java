package io.socialearn.lucene;

import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchIndex;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.search.TagSuggestion;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;

/**
 * The socialearn {@link SearchIndex} on Apache Lucene; make one with {@link LuceneSearch}.
 *
 * <p>One document per thread holds its title, body, tags, answers and comments as analysed text,
 * its space, kind, author, state and creation time as filters, and its whole state as one binary
 * doc value, from which later events rewrite it. Vote scores and last activity change often, so
 * they live in memory (folded from the events) and are read at sort time; they are written to doc
 * values only at commit, so they survive a restart. Every query is filtered inside Lucene by the
 * spaces the caller may read, so hits, totals, facets, similar questions and tags never reveal a
 * thread from another space.
 *
 * <p>Scores, too, are the readable threads': BM25's statistics (each word's document frequency,
 * each field's document count and average length) are taken over the live threads of the
 * viewer's readable spaces ({@code ScopedStatistics}), not over the whole index, so no score or
 * order a viewer sees (nor who knows' similar-thread signal) shifts with text in spaces they
 * cannot read, or with when Lucene merged away old versions of threads. One choice is not: for a
 * page of at most 10 similar questions, which of a draft's words choose the candidates weighs
 * their postings in the whole index (a cost budget), so the candidates can differ.
 *
 * <p>The index records the sequence of the last applied event, its schema, its analyzer and its
 * {@link TextEmbedder}'s name (if any) in the commit user data. It commits periodically and on
 * {@link #close()}; after a crash it reopens at its last commit and the engine replays the log
 * from there. An index written with another schema, analyzer or embedder is wiped on open and
 * rebuilt by that replay.
 *
 * <p>Applied events change threads in memory; the changed threads are written to Lucene, each
 * once however many events changed it, just before the next refresh, when they hold about an
 * eighth of the heap, or at a commit. While events keep arriving, a periodic commit leaves them
 * in memory for up to a minute and records the sequence before the earliest change it leaves,
 * so a bulk import or replay analyses a thread with answers far apart in the log once; a commit
 * after a quiet interval, {@link #commitNow()} and {@link #close()} write everything.
 *
 * <p>Thread-safe: {@link #apply} takes a private lock, which a commit holds only to note its
 * checkpoint and write the changed threads (Lucene's flush and fsync run beside further applies),
 * as does a refresh; searches run in parallel on reference-counted searchers. After {@link
 * #close()}, {@link #apply} and the queries throw {@link IllegalStateException}; {@link #name()}
 * and {@link #checkpoint()} keep answering.
 * Lucene's {@link IOException}s surface as {@link UncheckedIOException}.
 */
public final class LuceneSearchIndex implements SearchIndex {
  /** The schema this code writes; an index with another is rebuilt. */
  public static final String SCHEMA = "socialearn-threads-v4";

  private static final System.Logger log = System.getLogger(LuceneSearchIndex.class.getName());
  private static final FieldSimilarity SIMILARITY = new FieldSimilarity();
  /**
   * Each segment's documents in the order of their space, then their key. Every search is
   * filtered to the spaces its viewer reads, so with this order the threads it may see lie in a
   * few runs of documents instead of strewn over the whole segment: the words' postings are
   * decoded (and their block maxima read) only within those runs, and a search may score just
   * those runs ({@link BudgetedSearch}). In {@code bench search} (1,000,000 posts, 5 of 50
   * spaces, 17 segments) this alone took raw Lucene's typical search, the filter a clause, from
   * 3.5 / 33 ms to 2.6 / 14-16 ms at p50 / p99. Ranking is untouched: ties are broken by key,
   * not by document number.
   */
  static final Sort INDEX_SORT = new Sort(new SortField(Fields.SPACE, SortField.Type.STRING),
      new SortField(Fields.KEY, SortField.Type.LONG));
  private static final AtomicInteger instances = new AtomicInteger();
  /**
   * The memory changed threads may hold before the applying thread writes them and refreshes by
   * itself: an eighth of the heap, from 16 MB to 1 GB. The longer the stretch, the more events
   * of one thread (a question and its answers, however far apart) are written as one document.
   */
  static final long HOLD_BYTES = Math.max(16L << 20,
      Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 8));
  /**
   * Lucene's indexing buffer: a 24th of the heap, from 16 to 256 MB. A larger buffer flushes
   * fewer, larger segments: at 1,000,000 posts 5 segments instead of 16 with 64 MB, so a search
   * looks its words up and sets up its scorers in fewer segments (a typical search's p50 1.0 to
   * 0.7-0.8 ms in {@code bench search}).
   */
  static final double RAM_BUFFER_MB = Math.max(16, Math.min(256,
      Runtime.getRuntime().maxMemory() / 24.0 / (1 << 20)));
  /**
   * While events keep arriving, a periodic commit leaves changed threads in memory for up to
   * this many commits (a minute at the default interval), recording a checkpoint before their
   * first change; a commit after a quiet interval, or an explicit one, writes them all.
   */
  static final int HOLD_COMMITS = 12;
  /**
   * Threads written (by a commit) but not yet visible, which stay in memory for later events
   * until a refresh, before the applying thread refreshes by itself.
   */
  private static final int MAX_UNSEEN = 100_000;

  private final Directory directory;
  private final Analyzer analyzer;
  /** Gives questions and drafts their vectors; null for none (words alone). */
  private final TextEmbedder embedder;
  private final boolean ownsAnalyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final LiveValues votes = new LiveValues();
  private final VoteBounds voteBounds = new VoteBounds(votes);
  private final LiveValues voteSeqs = new LiveValues();
  private final LiveValues activity = new LiveValues();
  private final EventFolder folder;
  private final IndexQueries queries;
  private final ScheduledExecutorService scheduler;
  /**
   * Helps large searches scan their segments ({@link LuceneSearch.Builder#searchThreads}); null
   * with one thread. A search's task waits in the queue until a helper is free; a searching
   * thread that has scanned every segment by then cancels it, so a queued task costs nothing.
   */
  private final ThreadPoolExecutor helpers;
  private final boolean refreshOnRead;
  private final ReentrantLock applyLock = new ReentrantLock();
  /** Serialises commits; taken before {@link #applyLock}, never after it. */
  private final ReentrantLock commitLock = new ReentrantLock();
  /**
   * Bumped after each applied batch that changed a document (not one of votes only); searches
   * refresh up to it.
   */
  private final AtomicLong applied = new AtomicLong();
  /** Bumped after each applied batch, votes or not; the periodic commit watches it. */
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong refreshedUpTo = new AtomicLong();
  private volatile long checkpoint;
  private long committedCheckpoint = -1;
  /** {@link #batches} at the last periodic commit; used only by the commit thread. */
  private long appliedAtCommit;
  /** Periodic commits in a row that left changed threads in memory. */
  private int heldCommits;
  private volatile boolean closed;

  LuceneSearchIndex(LuceneSearch.Builder settings) {
    this.embedder = settings.embedder;
    this.ownsAnalyzer = settings.analyzer == null;
    this.analyzer = ownsAnalyzer ? new EnglishAnalyzer() : settings.analyzer;
    try {
      this.directory = settings.directory == null ? new ByteBuffersDirectory()
          : new NRTCachingDirectory(FSDirectory.open(settings.directory), 8, 64);
      Map<String, String> data = DirectoryReader.indexExists(directory)
          ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
      // A commit whose checkpoint or next key is not a number (damaged, or not written by this
      // code) is rebuilt like one of another schema, not read as one.
      long committed = count(data.get(Fields.DATA_CHECKPOINT), Long.MAX_VALUE);
      long committedKey = count(data.get(Fields.DATA_NEXT_KEY), Integer.MAX_VALUE);
      boolean compatible = SCHEMA.equals(data.get(Fields.DATA_SCHEMA))
          && analyzerName().equals(data.get(Fields.DATA_ANALYZER))
          && embedderName().equals(data.getOrDefault(Fields.DATA_EMBEDDER, ""))
          && committed >= 0 && committedKey >= 0;
      if (!data.isEmpty() && !compatible) {
        log.log(Level.WARNING, "search index {0} has schema {1}, analyzer {2} and embedder"
            + " \"{3}\"; this code writes {4} with {5} and \"{6}\": wiping it to rebuild from"
            + " the event log", settings.directory, data.get(Fields.DATA_SCHEMA),
            data.get(Fields.DATA_ANALYZER), data.getOrDefault(Fields.DATA_EMBEDDER, ""), SCHEMA,
            analyzerName(), embedderName());
      }
      IndexWriterConfig config = new IndexWriterConfig(analyzer)
          .setOpenMode(compatible ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
              : IndexWriterConfig.OpenMode.CREATE)
          .setCommitOnClose(false)
          .setSimilarity(SIMILARITY)
          .setIndexSort(INDEX_SORT)
          .setRAMBufferSizeMB(RAM_BUFFER_MB)
          // a merged segment's vote bounds are built before searches see it
          .setMergedSegmentWarmer(voteBounds::warm);
      if (settings.directory == null) {
        // In memory (tests, demos, evaluations): merges in the applying thread, so the same
        // events and searches give the same segments, statistics and scores on every run.
        config.setMergeScheduler(new SerialMergeScheduler());
      } else {
        // No merge on refresh: by default a refresh waits up to 500 ms for merges of the small
        // segments it flushed, and with a large merge busy on one of two cores it waited tens
        // of milliseconds (up to 160 ms) for a new post to show. The small segments are merged
        // in the background as any others.
        config.setMaxFullFlushMergeWaitMillis(0);
      }
      this.writer = new IndexWriter(directory, config);
      try {
        this.checkpoint = compatible ? committed : 0;
        int nextKey = compatible ? (int) committedKey : 0;
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
          @Override
          public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(SIMILARITY);
            return searcher;
          }
        });
        // A commit may hold threads started after its checkpoint (see commit()): keys go on
        // after the highest one in the index, whatever the checkpoint says.
        long[] highest = loadLiveValues();
        nextKey = Math.max(nextKey, (int) highest[0] + 1);
        this.folder = new EventFolder(writer, searchers, votes, voteSeqs, activity, nextKey,
            highest[1], embedder);
        searchers.addListener(folder.refreshListener());
        if (!compatible) {
          commit();
        } else {
          committedCheckpoint = checkpoint;
        }
      } catch (IOException | RuntimeException | Error e) {
        // the writer holds the directory's lock: a failed open must not keep it
        IOUtils.closeWhileHandlingException(writer, directory);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index at " + settings.directory, e);
    }
    if (settings.searchThreads < 2) {
      this.helpers = null;
    } else {
      this.helpers = new ThreadPoolExecutor(settings.searchThreads - 1,
          settings.searchThreads - 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "socialearn-search-" + instances.get());
            thread.setDaemon(true);
            return thread;
          });
      this.helpers.allowCoreThreadTimeOut(true);
    }
    this.queries = new IndexQueries(analyzer, votes, voteBounds, activity, settings.timeAllowed,
        settings.freeDocs, helpers, settings.parallelPostings, embedder);
    this.refreshOnRead = settings.refreshInterval.isZero();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "socialearn-lucene-" + instances.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    if (settings.directory != null) {
      // In memory there is nothing to make durable, and a commit at a wall-clock moment would
      // flush a segment there, making statistics and scores differ between identical runs.
      long commitMillis = millis(settings.commitInterval);
      scheduler.scheduleWithFixedDelay(this::periodicCommit, commitMillis, commitMillis,
          TimeUnit.MILLISECONDS);
    }
    // the votes order's tables of the segments there at open, built off the caller's thread (a
    // search that needs one first builds it itself)
    scheduler.execute(this::warmVoteBounds);
    if (!refreshOnRead) {
      long refreshMillis = Math.max(1, millis(settings.refreshInterval));
      scheduler.scheduleWithFixedDelay(this::periodicRefresh, refreshMillis, refreshMillis,
          TimeUnit.MILLISECONDS);
    }
  }

  /** {@code text} as a number from 0 to {@code max}, or -1 if it is not one. */
  private static long count(String text, long max) {
    try {
      long value = text == null ? -1 : Long.parseLong(text);
      return value <= max ? value : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** An interval in milliseconds, {@link Long#MAX_VALUE} for one too long for a long of them. */
  private static long millis(Duration interval) {
    return interval.compareTo(Duration.ofMillis(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE
        : interval.toMillis();
  }

  private String embedderName() {
    return embedder == null ? "" : embedder.name();
  }

  private String analyzerName() {
    return analyzer.getClass().getName();
  }

  /** Builds the votes order's tables of the current segments ({@link VoteBounds}). */
  private void warmVoteBounds() {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          voteBounds.warm(leaf.reader());
        }
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
      log.log(Level.DEBUG, "vote bounds not warmed; searches build them", e);
    }
  }

  /**
   * Loads the scores and activity of the last commit into memory; returns the highest key (or
   * -1) and the highest sequence that started a thread in the index (or 0).
   */
  private long[] loadLiveValues() throws IOException {
    int maxKey = -1;
    long maxCreated = 0;
    IndexSearcher searcher = searchers.acquire();
    try {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        NumericDocValues keys = DocValues.getNumeric(leaf.reader(), Fields.KEY);
        NumericDocValues scores = DocValues.getNumeric(leaf.reader(), Fields.VOTES);
        NumericDocValues active = DocValues.getNumeric(leaf.reader(), Fields.ACTIVITY);
        NumericDocValues seqs = DocValues.getNumeric(leaf.reader(), Fields.VOTE_SEQ);
        NumericDocValues created = DocValues.getNumeric(leaf.reader(), Fields.CREATED_SEQ);
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = keys.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS;
            doc = keys.nextDoc()) {
          if (live == null || live.get(doc)) {
            int key = (int) keys.longValue();
            maxKey = Math.max(maxKey, key);
            votes.set(key, scores.advanceExact(doc) ? scores.longValue() : 0);
            voteSeqs.set(key, seqs.advanceExact(doc) ? seqs.longValue() : 0);
            activity.set(key, active.advanceExact(doc) ? active.longValue() : 0);
            if (created.advanceExact(doc)) {
              maxCreated = Math.max(maxCreated, created.longValue());
            }
          }
        }
      }
    } finally {
      searchers.release(searcher);
    }
    return new long[] {maxKey, maxCreated};
  }

  /**
   * Returns the schema, analyzer and embedder (if any), for logs. Thread-safe; works after
   * {@link #close()}.
   *
   * @return for example {@code lucene:socialearn-threads-v1:EnglishAnalyzer}
   */
  @Override
  public String name() {
    return "lucene:" + SCHEMA + ":" + analyzer.getClass().getSimpleName()
        + (embedder == null ? "" : ":" + embedder.name());
  }

  /**
   * The sequence of the last event applied, or 0. Thread-safe; works after {@link #close()}.
   *
   * @return the checkpoint
   */
  @Override
  public long checkpoint() {
    return checkpoint;
  }

  /**
   * Folds a batch of events into the index, skipping those at or below the checkpoint. The
   * checkpoint advances event by event, so a batch that fails half-way is resumed, not repeated.
   *
   * @param events the events, in sequence order
   * @throws IllegalStateException if the index is closed
   * @throws UncheckedIOException if Lucene cannot write
   */
  @Override
  public void apply(List<RecordedEvent> events) {
    Objects.requireNonNull(events, "events");
    applyLock.lock();
    try {
      ensureOpen();
      long changesBefore = folder.changes();
      for (RecordedEvent recorded : events) {
        if (recorded.sequence() > checkpoint) {
          folder.fold(recorded);
          checkpoint = recorded.sequence();
        }
      }
      if (folder.changes() != changesBefore) {
        // A batch of votes only changes the live scores, which searches read directly: the
        // next search need not refresh (which opens a reader if a merge or commit finished).
        applied.incrementAndGet();
      }
      batches.incrementAndGet();
      if (folder.dirtyBytes() > HOLD_BYTES || folder.writtenUnseen() > MAX_UNSEEN) {
        refresh();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search index failed to apply events", e);
    } finally {
      applyLock.unlock();
    }
  }

  /**
   * Searches the threads in {@code readableSpaces}; see {@link UserQueryParser} for the syntax.
   * Words must all match; if they match nothing together, any one suffices. Thread-safe.
   *
   * @throws io.socialearn.api.InvalidInputException if the text cannot be parsed or the cursor is
   *     not one this index handed out for this order
   * @throws IllegalStateException if the index is closed
   */
  @Override
  public SearchResults search(SearchQuery query, Set<SpaceId> readableSpaces) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(readableSpaces, "readableSpaces");
    return withSearcher(searcher -> queries.search(searcher, query, readableSpaces));
  }

  /**
   * The questions in {@code readableSpaces} most like a draft, best first; see {@link
   * DraftQueries}. Thread-safe.
   *
   * @throws IllegalStateException if the index is closed
   */
  @Override
  public List<SearchHit> similarQuestions(SimilarQuery query, Set<SpaceId> readableSpaces) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(readableSpaces, "readableSpaces");
    return withSearcher(searcher -> queries.similar(searcher, query, readableSpaces));
  }

  /**
   * Sums the relevance of the 20 readable threads most like {@code text} over the tags they
   * carry. Thread-safe.
   *
   * @throws IllegalStateException if the index is closed
   */
  @Override
  public List<TagSuggestion> suggestTags(String text, int limit, Set<SpaceId> readableSpaces) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(readableSpaces, "readableSpaces");
    return withSearcher(searcher -> queries.suggestTags(searcher, text, limit, readableSpaces));
  }

  /**
   * The tags of readable threads that start with {@code prefix} (normalised like a tag), most
   * used first, then alphabetically. Thread-safe.
   *
   * @throws IllegalStateException if the index is closed
   */
  @Override
  public List<Tag> completeTags(String prefix, int limit, Set<SpaceId> readableSpaces) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(readableSpaces, "readableSpaces");
    return withSearcher(searcher -> queries.completeTags(searcher, prefix, limit,
        readableSpaces));
  }

  /** A read on a fresh enough searcher. */
  private interface Read<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(Read<T> read) {
    ensureOpen();
    try {
      if (refreshOnRead && refreshedUpTo.get() < applied.get()) {
        refresh();
      }
      IndexSearcher searcher = searchers.acquire();
      try {
        return read.run(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search index failed to read", e);
    }
  }

  /**
   * Hands the changed threads to the writer (under the apply lock: a search that must see every
   * applied event waits for a batch being applied) and refreshes the searchers.
   */
  private void refresh() throws IOException {
    long target;
    applyLock.lock();
    try {
      ensureOpen();
      target = applied.get();
      folder.flushDirty();
    } finally {
      applyLock.unlock();
    }
    searchers.maybeRefreshBlocking();
    refreshedUpTo.accumulateAndGet(target, Math::max);
  }

  /** The global ordinals the last facet count used, or null. For tests. */
  GlobalOrdinals facetOrdinals() {
    return queries.lastOrdinals();
  }

  /** Whether the next search (refreshing on read) would refresh first. For tests. */
  boolean refreshPending() {
    return refreshedUpTo.get() < applied.get();
  }

  /** How long a refresh or commit waits for merges of the segments it flushed. For tests. */
  long fullFlushMergeWaitMillis() {
    return writer.getConfig().getMaxFullFlushMergeWaitMillis();
  }

  private void periodicRefresh() {
    try {
      if (!closed) {
        refresh();
      }
    } catch (IOException | RuntimeException e) {
      log.log(Level.WARNING, "search index refresh failed; will retry", e);
    }
  }

  private void periodicCommit() {
    commitLock.lock();
    try {
      if (!closed) {
        long appliedNow = batches.get();
        // Events arrived since the last commit: a bulk stretch may go on, so changed threads
        // stay in memory (for a while) to take their later events in the same write.
        boolean hold = appliedNow != appliedAtCommit && heldCommits < HOLD_COMMITS;
        appliedAtCommit = appliedNow;
        heldCommits = commit(hold) ? heldCommits + 1 : 0;
      }
    } catch (IOException | RuntimeException e) {
      log.log(Level.WARNING, "search index commit failed; will retry", e);
    } finally {
      commitLock.unlock();
    }
  }

  /**
   * Commits what was applied, with the checkpoint, if anything changed. Only the bookkeeping
   * runs under the apply lock; Lucene's commit (flush and fsync, which can take 100 ms) runs
   * beside further applies, so they do not wait for the disk. The commit then may also hold
   * some events after its checkpoint; replaying them is harmless: a thread's later events
   * rebuild it in order, a vote is skipped if its thread's committed score already counts it
   * ({@link Fields#VOTE_SEQ}), and new keys start above the highest key found on open.
   *
   * <p>With {@code hold}, changed threads not yet written stay in memory and the checkpoint is
   * the sequence before the earliest of their changes, so a replay after a crash folds those
   * changes again (over threads that may already hold some later events, as above).
   *
   * @return whether changed threads were left in memory
   */
  private boolean commit(boolean hold) throws IOException {
    commitLock.lock();
    try {
      long upTo;
      boolean held;
      applyLock.lock();
      try {
        long firstUnwritten = folder.firstUnwritten();
        held = hold && firstUnwritten <= checkpoint;
        upTo = held ? firstUnwritten - 1 : checkpoint;
        if (committedCheckpoint == upTo) {
          return held;
        }
        if (!held) {
          folder.flushDirty();
        }
        folder.saveVotes();
        Map<String, String> data = new HashMap<>();
        data.put(Fields.DATA_SCHEMA, SCHEMA);
        data.put(Fields.DATA_ANALYZER, analyzerName());
        data.put(Fields.DATA_EMBEDDER, embedderName());
        data.put(Fields.DATA_CHECKPOINT, Long.toString(upTo));
        data.put(Fields.DATA_NEXT_KEY, Integer.toString(folder.nextKey()));
        writer.setLiveCommitData(data.entrySet());
      } finally {
        applyLock.unlock();
      }
      writer.commit();
      committedCheckpoint = upTo;
      return held;
    } finally {
      commitLock.unlock();
    }
  }

  private void commit() throws IOException {
    commit(false);
  }

  /**
   * Commits everything applied, with the checkpoint, now rather than at the next interval.
   * Thread-safe.
   *
   * @throws IllegalStateException if the index is closed
   */
  public void commitNow() {
    commitLock.lock();
    try {
      ensureOpen();
      commit();
    } catch (IOException e) {
      throw new UncheckedIOException("search index failed to commit", e);
    } finally {
      commitLock.unlock();
    }
  }

  /**
   * Commits as a periodic commit during a stretch of events does: changed threads not yet
   * written stay in memory. For tests.
   *
   * @return whether changed threads were left in memory
   */
  boolean commitHolding() {
    commitLock.lock();
    try {
      ensureOpen();
      return commit(true);
    } catch (IOException e) {
      throw new UncheckedIOException("search index failed to commit", e);
    } finally {
      commitLock.unlock();
    }
  }

  /**
   * Commits and releases the index. Thread-safe and idempotent.
   *
   * @throws UncheckedIOException if the last commit fails (the next open replays from the
   *     previous one)
   */
  @Override
  public void close() {
    shutDown(true);
  }

  /** How many tasks helper threads have run for searches (some find no leaf left). For tests. */
  long helperTasks() {
    return helpers == null ? 0 : helpers.getCompletedTaskCount();
  }

  /** Closes without committing, as a crash would: the next open starts at the last commit. */
  void closeWithoutCommit() {
    shutDown(false);
  }

  private void shutDown(boolean commitFirst) {
    commitLock.lock();
    applyLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      scheduler.shutdownNow();
      if (helpers != null) {
        helpers.shutdown();
      }
      try {
        if (commitFirst) {
          commit();
        }
      } finally {
        try {
          writer.rollback();
        } finally {
          try {
            searchers.close();
          } finally {
            directory.close();
            if (ownsAnalyzer) {
              analyzer.close();
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search index failed to close", e);
    } finally {
      applyLock.unlock();
      commitLock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the search index " + name() + " is closed");
    }
  }
}
