package io.socialearn.lucene;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * One collection pass over every match that stops at a deadline, as {@link
 * IndexSearcher#search(Query, CollectorManager)} with a timeout would, but checking the clock
 * every {@link #WINDOW} documents instead of at intervals that grow without bound, so the pass
 * overruns its deadline by at most one window's work. The clock is the searching thread's
 * processor time ({@link #now()}), so a search is cut short for the work it does, not because
 * the machine is busy or the collector paused it. The first documents (by default {@link
 * #FREE_DOCS}) are never cut short, so a small index always gets its exact counts.
 */
final class BudgetedSearch {
  /** Documents scored between looks at the clock. */
  static final int WINDOW = 4_096;
  /**
   * The most readable documents in one piece of a search shared with a helper: small enough
   * that a helper that starts late holds the searching thread up little, large enough that
   * setting up a leaf's scorers for each piece costs little.
   */
  static final int PIECE = 16_384;
  /** Documents scanned before the deadline is first checked, by default. */
  static final int FREE_DOCS = 65_536;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported()
      && THREADS.isThreadCpuTimeEnabled();

  private BudgetedSearch() {}

  /**
   * The clock deadlines are set on: this thread's processor time in nanoseconds where the JVM
   * measures it, else {@link System#nanoTime()}.
   */
  static long now() {
    return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /**
   * The reduced result of one pass, and whether it saw every document.
   *
   * @param <T> what the collector manager reduces to
   * @param result the reduction of what was collected
   * @param complete false if the deadline passed before the last document
   */
  record Outcome<T>(T result, boolean complete) {}

  /**
   * Collects every match of {@code query} with one collector of {@code manager} (in this thread)
   * until {@link #now()} passes {@code deadline}, looking at the clock only once
   * {@code freeDocs} documents have been scanned.
   */
  static <C extends Collector, T> Outcome<T> search(IndexSearcher searcher, Query query,
      CollectorManager<C, T> manager, long deadline, int freeDocs) throws IOException {
    return search(searcher, query, null, manager, deadline, freeDocs);
  }

  /**
   * As {@link #search(IndexSearcher, Query, CollectorManager, long, int)}, over the threads of
   * {@code within}'s spaces only (all threads if null). In a segment sorted by space only the
   * spaces' runs of documents are scored, and {@code query} runs without a filter clause, so
   * Lucene scores it with its bulk scorers for pure conjunctions and disjunctions, which prune
   * more than a conjunction with a filter; the windows between looks at the clock are counted
   * within the runs. A segment not sorted so is scanned whole, accepting only the spaces'
   * threads. The hits and scores are those of {@code query} filtered by {@code within}.
   */
  static <C extends Collector, T> Outcome<T> search(IndexSearcher searcher, Query query,
      SpaceRangesQuery within, CollectorManager<C, T> manager, long deadline, int freeDocs)
      throws IOException {
    return search(searcher, query, within, manager, deadline, freeDocs,
        searcher.getIndexReader().leaves());
  }

  /** As above, visiting {@code leaves} (the searcher's, in any order) in their order. */
  static <C extends Collector, T> Outcome<T> search(IndexSearcher searcher, Query query,
      SpaceRangesQuery within, CollectorManager<C, T> manager, long deadline, int freeDocs,
      List<LeafReaderContext> leaves)
      throws IOException {
    return search(searcher, query, within, manager, deadline, freeDocs, leaves, null, PIECE);
  }

  /**
   * As above; with {@code helper} not null, a helper thread takes part: the leaves' readable
   * documents are cut into pieces of at most {@code piece} documents (whole runs where they
   * fit), handed out one at a time to whichever of the two threads is free, each collecting into
   * a collector of its own (the collectors of one {@code TopFieldCollectorManager} share the score
   * a hit must beat, so each thread skips by the other's hits too), and the two are reduced
   * together: the hits, scores and exact counts are those of one pass. The searching thread never
   * waits for a helper that has not started (it takes every piece left and cancels it), only for
   * the piece a started helper is scanning; so with the other processor busy a search costs about
   * what it costs alone, plus a piece. If {@code helper} refuses the task (shut down), this
   * thread scans every piece. Each thread has the time still allowed when it starts, on its own
   * clock.
   */
  static <C extends Collector, T> Outcome<T> search(IndexSearcher searcher, Query query,
      SpaceRangesQuery within, CollectorManager<C, T> manager, long deadline, int freeDocs,
      List<LeafReaderContext> leaves, Executor helper, int piece)
      throws IOException {
    C collector = manager.newCollector();
    Weight weight = searcher.createWeight(searcher.rewrite(query), collector.scoreMode(), 1f);
    collector.setWeight(weight);
    List<Piece> pieces = new ArrayList<>();
    for (LeafReaderContext leaf : leaves) {
      Piece whole = readable(leaf, within);
      if (whole != null) {
        if (helper == null) {
          pieces.add(whole);
        } else {
          whole.cut(piece, pieces);
        }
      }
    }
    Shared shared = new Shared(pieces);
    if (helper == null || pieces.size() < 2) {
      boolean complete = scan(weight, collector, shared, deadline, freeDocs);
      return new Outcome<>(manager.reduce(List.of(collector)), complete);
    }
    C second = manager.newCollector();
    second.setWeight(weight);
    long left = deadline - now();
    CompletableFuture<Boolean> other = new CompletableFuture<>();
    Runnable task = () -> {
      if (!shared.helper.compareAndSet(Shared.WAITING, Shared.STARTED)) {
        return;
      }
      try {
        other.complete(scan(weight, second, shared, now() + left, freeDocs));
      } catch (IOException | RuntimeException | Error e) {
        other.completeExceptionally(e);
      }
    };
    try {
      helper.execute(task);
    } catch (@SuppressWarnings("unused") RejectedExecutionException busy) {
      shared.helper.set(Shared.CANCELLED);
    }
    boolean complete;
    try {
      complete = scan(weight, collector, shared, deadline, freeDocs);
    } catch (IOException | RuntimeException | Error e) {
      // The searcher is released when this throws: a helper must not go on reading it.
      shared.next.set(shared.pieces.size());
      if (!shared.helper.compareAndSet(Shared.WAITING, Shared.CANCELLED)
          && shared.helper.get() == Shared.STARTED) {
        try {
          other.join();
        } catch (@SuppressWarnings("unused") CompletionException alsoFailed) {
          // the first failure is the one reported
        }
      }
      throw e;
    }
    if (shared.helper.compareAndSet(Shared.WAITING, Shared.CANCELLED)
        || shared.helper.get() == Shared.CANCELLED) {
      return new Outcome<>(manager.reduce(List.of(collector)), complete);
    }
    boolean otherComplete;
    try {
      otherComplete = other.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) cause;
    }
    return new Outcome<>(manager.reduce(List.of(collector, second)), complete && otherComplete);
  }

  /**
   * Readable documents of one leaf to scan: runs {@code [from[i], to[i])} of its doc ids, in
   * order, and the documents accepted among them.
   */
  private record Piece(LeafReaderContext leaf, int[] from, int[] to, Bits accept) {
    /** Appends this leaf's runs cut into pieces of at most {@code size} documents. */
    void cut(int size, List<Piece> into) {
      List<int[]> runs = new ArrayList<>();
      int held = 0;
      for (int r = 0; r < from.length; r++) {
        for (int start = from[r]; start < to[r]; ) {
          int end = (int) Math.min(to[r], (long) start + size - held);
          runs.add(new int[] {start, end});
          held += end - start;
          start = end;
          if (held == size) {
            into.add(of(runs));
            runs.clear();
            held = 0;
          }
        }
      }
      if (!runs.isEmpty()) {
        into.add(of(runs));
      }
    }

    private Piece of(List<int[]> runs) {
      int[] starts = new int[runs.size()];
      int[] ends = new int[runs.size()];
      for (int i = 0; i < runs.size(); i++) {
        starts[i] = runs.get(i)[0];
        ends[i] = runs.get(i)[1];
      }
      return new Piece(leaf, starts, ends, accept);
    }
  }

  /** The leaf's readable documents as one piece, or null if it has none. */
  private static Piece readable(LeafReaderContext leaf, SpaceRangesQuery within)
      throws IOException {
    LeafReader reader = leaf.reader();
    int[][] runs = within == null ? null : SpaceRangesQuery.runs(reader, within.field(),
        within.spaces());
    Bits accept = reader.getLiveDocs();
    if (runs == null) {
      runs = new int[][] {{0}, {reader.maxDoc()}};
      if (within != null) {
        accept = readable(reader, within, accept);
      }
    }
    return runs[0].length == 0 ? null : new Piece(leaf, runs[0], runs[1], accept);
  }

  /** The pieces two threads take one at a time, and the helper's state. */
  private static final class Shared {
    static final int WAITING = 0;
    static final int STARTED = 1;
    static final int CANCELLED = 2;
    final List<Piece> pieces;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger helper = new AtomicInteger(WAITING);

    Shared(List<Piece> pieces) {
      this.pieces = pieces;
    }
  }

  /**
   * Collects the matches of {@code weight} in the pieces taken from {@code shared} into {@code
   * collector} until {@link #now()} passes {@code deadline} (looked at only after {@code
   * freeDocs} documents); false if it stopped before the end of its piece. A thread that stops
   * lets no one take the pieces left, so the result is partial either way.
   */
  private static boolean scan(Weight weight, Collector collector, Shared shared, long deadline,
      int freeDocs) throws IOException {
    long scanned = 0;
    for (int i = shared.next.getAndIncrement(); i < shared.pieces.size();
        i = shared.next.getAndIncrement()) {
      Piece piece = shared.pieces.get(i);
      LeafCollector leafCollector;
      try {
        leafCollector = collector.getLeafCollector(piece.leaf());
      } catch (@SuppressWarnings("unused") CollectionTerminatedException nothingHere) {
        continue;
      }
      boolean complete = true;
      BulkScorer scorer = weight.bulkScorer(piece.leaf());
      if (scorer != null) {
        int at = 0;
        try {
          for (int r = 0; r < piece.from().length && complete; r++) {
            int end = piece.to()[r];
            int from = Math.max(at, piece.from()[r]);
            while (from < end && complete) {
              if (scanned >= freeDocs && now() - deadline > 0) {
                complete = false;
              } else {
                at = scorer.score(leafCollector, piece.accept(), from,
                    (int) Math.min((long) from + WINDOW, end));
                scanned += Math.min(at, end) - from;
                from = at;
              }
            }
          }
        } catch (@SuppressWarnings("unused") CollectionTerminatedException leafDone) {
          // the collector needs nothing more from this leaf
        }
      }
      leafCollector.finish();
      if (!complete) {
        shared.next.set(shared.pieces.size());
        return false;
      }
    }
    return true;
  }

  /** The live documents of {@code reader} in {@code within}'s spaces. */
  private static Bits readable(LeafReader reader, SpaceRangesQuery within, Bits live)
      throws IOException {
    FixedBitSet readable = new FixedBitSet(reader.maxDoc());
    Terms terms = reader.terms(within.field());
    if (terms != null) {
      TermsEnum termsEnum = terms.iterator();
      PostingsEnum postings = null;
      for (BytesRef space : within.spaces()) {
        if (termsEnum.seekExact(space)) {
          postings = termsEnum.postings(postings, PostingsEnum.NONE);
          readable.or(postings);
        }
      }
    }
    if (live != null) {
      for (int doc = 0; doc < readable.length(); doc++) {
        if (readable.get(doc) && !live.get(doc)) {
          readable.clear(doc);
        }
      }
    }
    return readable;
  }
}
