package io.socialearn.core.search;

import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.CommentAdded;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.PostEdited;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchIndex;
import io.socialearn.api.search.SearchRequest;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.thread.ThreadId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The engine's built-in {@link SearchIndex}: threads held in memory and ranked by BM25.
 *
 * <p>It folds {@link ThreadStarted} and {@link ThreadEdited} (title, body and tags), {@link
 * AnswerPosted} and {@link PostEdited} (an answer's text counts toward its thread), {@link
 * CommentAdded} (so does a comment's), {@link PostDeleted} (drops the answer and its comments) and
 * {@link ThreadDeleted} (drops the thread); other events only advance the {@link #checkpoint()}.
 * Events at or below the checkpoint are ignored, so replaying a batch changes nothing. Nothing is
 * persisted: after a restart the engine replays the whole log.
 *
 * <p>Text is split into terms as described by the package-private {@code Analyzer}: lower-cased,
 * split on anything but Unicode letters and digits ({@code c++} and {@code c#} stay whole), with
 * English stop words dropped. A thread matches if it holds at least one query term; it is scored
 * by BM25 ({@code k1 = 1.2}, {@code b = 0.75}) over all its text, title terms counting twice.
 * Document frequencies and the average length are taken over every thread in the index; only
 * threads in the request's readable spaces are scored, returned and counted. Hits are sorted by
 * score, highest first, then by thread id.
 *
 * <p>Thread-safe: {@link #apply} holds a write lock and {@link #search} a read lock, so searches
 * run in parallel and see each batch whole or not at all. After {@link #close()} the index drops
 * its contents, and {@link #apply} and {@link #search} throw {@link IllegalStateException}; {@link
 * #name()} and {@link #checkpoint()} keep answering.
 */
public final class MemorySearchIndex implements SearchIndex {
  /** The name this index reports: the implementation and its scoring scheme. */
  public static final String NAME = "memory-bm25-v1";

  private static final double K1 = 1.2;
  private static final double B = 0.75;

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  /** The threads by id. Guarded by lock, as are the fields below. */
  private final Map<ThreadId, IndexedThread> docs = new HashMap<>();
  /** Which threads hold each term. */
  private final Map<String, Set<ThreadId>> postings = new HashMap<>();
  /** The sum of every thread's weighted length. */
  private long totalLength;
  private long checkpoint;
  private boolean closed;

  /** Creates an empty index with checkpoint 0. */
  public MemorySearchIndex() {}

  /**
   * Creates an empty index with checkpoint 0.
   *
   * @return a new index
   */
  public static MemorySearchIndex create() {
    return new MemorySearchIndex();
  }

  /**
   * Returns {@value #NAME}. Thread-safe; works after {@link #close()}.
   *
   * @return the name of the implementation and its scoring scheme
   */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * The sequence of the last event applied, or 0. Thread-safe; works after {@link #close()}.
   *
   * @return the checkpoint
   */
  @Override
  public long checkpoint() {
    lock.readLock().lock();
    try {
      return checkpoint;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Folds a batch of events into the index, skipping those at or below the checkpoint.
   * Thread-safe; searches see the batch whole or not at all.
   *
   * @param events the events, in sequence order
   * @throws IllegalStateException if the index is closed
   */
  @Override
  public void apply(List<RecordedEvent> events) {
    Objects.requireNonNull(events, "events");
    lock.writeLock().lock();
    try {
      ensureOpen();
      for (RecordedEvent recorded : events) {
        if (recorded.sequence() > checkpoint) {
          fold(recorded.event());
          checkpoint = recorded.sequence();
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Finds the threads in the request's readable spaces that hold at least one query term, best
   * first. Thread-safe. A query made only of stop words finds nothing.
   *
   * @param request the text, readable spaces and limit
   * @return at most {@code request.limit()} hits and the count of every readable match
   * @throws IllegalStateException if the index is closed
   */
  @Override
  public SearchResults search(SearchRequest request) {
    Objects.requireNonNull(request, "request");
    Set<String> terms = new LinkedHashSet<>(Analyzer.terms(request.text()));
    lock.readLock().lock();
    try {
      ensureOpen();
      Set<ThreadId> candidates = new HashSet<>();
      Map<String, Double> idf = new HashMap<>();
      for (String term : terms) {
        Set<ThreadId> holding = postings.getOrDefault(term, Set.of());
        candidates.addAll(holding);
        double df = holding.size();
        idf.put(term, Math.log(1 + (docs.size() - df + 0.5) / (df + 0.5)));
      }
      double averageLength = (double) totalLength / Math.max(1, docs.size());
      List<SearchHit> hits = new ArrayList<>();
      for (ThreadId id : candidates) {
        IndexedThread doc = docs.get(id);
        if (!request.readableSpaces().contains(doc.space)) {
          continue;
        }
        double norm = K1 * (1 - B + B * doc.length / averageLength);
        double score = 0;
        for (String term : terms) {
          int tf = doc.termFrequencies.getOrDefault(term, 0);
          score += tf == 0 ? 0 : idf.get(term) * tf * (K1 + 1) / (tf + norm);
        }
        hits.add(new SearchHit(id, doc.space, doc.title, score));
      }
      hits.sort(Comparator.comparingDouble(SearchHit::score).reversed()
          .thenComparing(hit -> hit.thread().value()));
      return new SearchResults(hits.subList(0, Math.min(request.limit(), hits.size())),
          hits.size());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Drops the index's contents; later {@link #apply} and {@link #search} calls throw {@link
   * IllegalStateException}. Thread-safe and idempotent.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      docs.clear();
      postings.clear();
      totalLength = 0;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the search index " + NAME + " is closed");
    }
  }

  private void fold(DomainEvent event) {
    if (event instanceof ThreadStarted e) {
      unindex(e.thread());
      IndexedThread doc = new IndexedThread(e.space(), e.title(), e.body(), e.tags());
      docs.put(e.thread(), doc);
      reindex(e.thread(), doc);
    } else if (event instanceof ThreadEdited e) {
      update(e.thread(), doc -> {
        doc.title = e.title();
        doc.body = e.body();
        doc.tags = e.tags();
      });
    } else if (event instanceof AnswerPosted e) {
      update(e.thread(), doc -> doc.answers.put(e.post(), e.body()));
    } else if (event instanceof PostEdited e) {
      update(e.thread(), doc -> doc.answers.replace(e.post(), e.body()));
    } else if (event instanceof PostDeleted e) {
      update(e.thread(), doc -> {
        doc.answers.remove(e.post());
        doc.comments.values().removeIf(comment -> comment.target().equals(e.post()));
      });
    } else if (event instanceof CommentAdded e) {
      update(e.thread(),
          doc -> doc.comments.put(e.comment(), new IndexedThread.Comment(e.target(), e.body())));
    } else if (event instanceof ThreadDeleted e) {
      unindex(e.thread());
    }
  }

  private void update(ThreadId id, Consumer<IndexedThread> change) {
    IndexedThread doc = docs.get(id);
    if (doc != null) {
      change.accept(doc);
      reindex(id, doc);
    }
  }

  /** Removes a thread, if present, from the postings and the documents. */
  private void unindex(ThreadId id) {
    IndexedThread doc = docs.remove(id);
    if (doc != null) {
      unpost(id, doc);
    }
  }

  private void unpost(ThreadId id, IndexedThread doc) {
    for (String term : doc.termFrequencies.keySet()) {
      Set<ThreadId> holding = postings.get(term);
      holding.remove(id);
      if (holding.isEmpty()) {
        postings.remove(term);
      }
    }
    totalLength -= doc.length;
  }

  /** Recounts a thread's terms from its current text and re-posts them. */
  private void reindex(ThreadId id, IndexedThread doc) {
    unpost(id, doc);
    doc.recount();
    totalLength += doc.length;
    for (String term : doc.termFrequencies.keySet()) {
      postings.computeIfAbsent(term, t -> new HashSet<>()).add(id);
    }
  }
}
