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
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.search.Facet;
import io.socialearn.api.search.FacetValue;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchIndex;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.search.TagSuggestion;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The engine's built-in {@link SearchIndex}: threads held in memory and ranked by BM25.
 *
 * <p>It folds {@link ThreadStarted} and {@link ThreadEdited} (title, body and tags), {@link
 * AnswerPosted} and {@link PostEdited} (an answer's text counts toward its thread), {@link
 * CommentAdded} (so does a comment's), {@link PostDeleted} (drops the answer and its comments) and
 * {@link ThreadDeleted} (drops the thread), and votes on opening posts (for the "votes" order);
 * other events only advance the {@link #checkpoint()}.
 * Events at or below the checkpoint are ignored, so replaying a batch changes nothing. Nothing is
 * persisted: after a restart the engine replays the whole log.
 *
 * <p>Text is split into terms as described by the package-private {@code Analyzer}: lower-cased,
 * split on anything but Unicode letters and digits ({@code c++} and {@code c#} stay whole), with
 * English stop words dropped. A thread matches if it holds at least one query term; it is scored
 * by BM25 ({@code k1 = 1.2}, {@code b = 0.75}) over all its text, title terms counting twice.
 * Document frequencies, the number of threads and their average length are taken over the
 * threads in the readable spaces only, as are the hits, counts and facets: what a viewer is shown,
 * scores included, never depends on what the spaces they cannot read hold. By relevance, hits are
 * sorted by score, highest first, then by thread id.
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
  private static final int SUGGESTION_NEIGHBOURS = 20;

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  /** The threads by id. Guarded by lock, as are the fields below. */
  private final Map<ThreadId, IndexedThread> docs = new HashMap<>();
  /** Which threads hold each term. */
  private final Map<String, Set<ThreadId>> postings = new HashMap<>();
  /** Per space: its threads and the sum of their weighted lengths. */
  private final Map<SpaceId, long[]> spaceTotals = new HashMap<>();
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
          fold(recorded.event(), recorded.sequence());
          checkpoint = recorded.sequence();
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Finds the threads in {@code readableSpaces} that hold at least one query term, in the query's
   * order. Query operators such as {@code tag:} are not understood here and count as words. The
   * cursor is the position in the ordered list. Facets count tags and spaces. Thread-safe.
   *
   * @throws IllegalStateException if the index is closed
   * @throws InvalidInputException if the cursor is not one this index handed out
   */
  @Override
  public SearchResults search(SearchQuery query, Set<SpaceId> readableSpaces) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(readableSpaces, "readableSpaces");
    int offset = decodeCursor(query.cursor());
    lock.readLock().lock();
    try {
      ensureOpen();
      List<SearchHit> hits = rank(Analyzer.terms(query.text()), readableSpaces, doc -> true);
      Comparator<SearchHit> order = switch (query.sort()) {
        case RELEVANCE -> null;
        case NEWEST -> Comparator.comparingLong((SearchHit h) -> -docs.get(h.thread()).createdSeq);
        case VOTES -> Comparator.comparingInt((SearchHit h) -> -docs.get(h.thread()).score)
            .thenComparingLong(h -> -docs.get(h.thread()).createdSeq);
        case ACTIVITY -> Comparator.comparingLong(
            (SearchHit h) -> -docs.get(h.thread()).activitySeq);
      };
      if (order != null) {
        hits.sort(order);
      }
      int from = Math.min(offset, hits.size());
      int to = Math.min(from + query.limit(), hits.size());
      String next = to < hits.size() ? "m" + to : null;
      return new SearchResults(hits.subList(from, to), hits.size(), facets(hits), next);
    } finally {
      lock.readLock().unlock();
    }
  }

  private static int decodeCursor(String cursor) {
    if (cursor == null) {
      return 0;
    }
    try {
      if (cursor.startsWith("m")) {
        int offset = Integer.parseInt(cursor.substring(1));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (NumberFormatException e) {
      // falls through: not a cursor of ours
    }
    throw new InvalidInputException("cursor", "format", "cursor is not one this index handed out");
  }

  private List<Facet> facets(List<SearchHit> hits) {
    Map<String, Long> tags = new HashMap<>();
    Map<String, Long> spaces = new HashMap<>();
    for (SearchHit hit : hits) {
      docs.get(hit.thread()).tags.forEach(t -> tags.merge(t.value(), 1L, Long::sum));
      spaces.merge(hit.space().value(), 1L, Long::sum);
    }
    return List.of(facet("tag", tags), facet("space", spaces));
  }

  private static Facet facet(String name, Map<String, Long> counts) {
    return new Facet(name, counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new FacetValue(e.getKey(), e.getValue())).toList());
  }

  /**
   * Ranks the readable threads that pass {@code filter} by BM25 against {@code queryTerms}, best
   * first, then by thread id. A term given twice weighs twice. Called under the read lock.
   */
  private List<SearchHit> rank(List<String> queryTerms, Set<SpaceId> readableSpaces,
      Predicate<IndexedThread> filter) {
    Map<String, Integer> weights = new HashMap<>();
    queryTerms.forEach(t -> weights.merge(t, 1, Integer::sum));
    long threads = 0;
    long length = 0;
    for (Map.Entry<SpaceId, long[]> space : spaceTotals.entrySet()) {
      if (readableSpaces.contains(space.getKey())) {
        threads += space.getValue()[0];
        length += space.getValue()[1];
      }
    }
    Set<ThreadId> candidates = new HashSet<>();
    Map<String, Double> idf = new HashMap<>();
    for (String term : weights.keySet()) {
      int df = 0;
      for (ThreadId id : postings.getOrDefault(term, Set.of())) {
        if (readableSpaces.contains(docs.get(id).space)) {
          df++;
          candidates.add(id);
        }
      }
      idf.put(term, Math.log(1 + (threads - df + 0.5) / (df + 0.5)));
    }
    double averageLength = (double) length / Math.max(1, threads);
    List<SearchHit> hits = new ArrayList<>();
    for (ThreadId id : candidates) {
      IndexedThread doc = docs.get(id);
      if (!filter.test(doc)) {
        continue;
      }
      double norm = K1 * (1 - B + B * doc.length / averageLength);
      double score = 0;
      for (Map.Entry<String, Integer> term : weights.entrySet()) {
        int tf = doc.termFrequencies.getOrDefault(term.getKey(), 0);
        score += tf == 0 ? 0
            : term.getValue() * idf.get(term.getKey()) * tf * (K1 + 1) / (tf + norm);
      }
      hits.add(new SearchHit(id, doc.space, doc.title, score, ""));
    }
    hits.sort(Comparator.comparingDouble(SearchHit::score).reversed()
        .thenComparing(hit -> hit.thread().value()));
    return hits;
  }

  /**
   * The questions most like the draft by BM25, the draft's title terms counting twice and its tags
   * once each. Thread-safe.
   */
  @Override
  public List<SearchHit> similarQuestions(SimilarQuery query, Set<SpaceId> readableSpaces) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(readableSpaces, "readableSpaces");
    List<String> terms = new ArrayList<>(Analyzer.terms(query.title()));
    terms.addAll(Analyzer.terms(query.title()));
    terms.addAll(Analyzer.terms(query.body()));
    query.tags().forEach(t -> terms.addAll(Analyzer.terms(t.value())));
    lock.readLock().lock();
    try {
      ensureOpen();
      List<SearchHit> hits = rank(terms, readableSpaces, doc -> doc.kind == ThreadKind.QUESTION);
      if (!query.within().isEmpty()) {
        hits.removeIf(hit -> !query.within().contains(hit.thread()));
      }
      return List.copyOf(hits.subList(0, Math.min(query.limit(), hits.size())));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Sums the BM25 scores of the 20 threads most like {@code text} over the tags they carry. */
  @Override
  public List<TagSuggestion> suggestTags(String text, int limit, Set<SpaceId> readableSpaces) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(readableSpaces, "readableSpaces");
    lock.readLock().lock();
    try {
      ensureOpen();
      Map<Tag, Double> weights = new HashMap<>();
      List<SearchHit> similar = rank(Analyzer.terms(text), readableSpaces, doc -> true);
      for (SearchHit hit : similar.subList(0, Math.min(SUGGESTION_NEIGHBOURS, similar.size()))) {
        docs.get(hit.thread()).tags.forEach(tag -> weights.merge(tag, hit.score(), Double::sum));
      }
      return weights.entrySet().stream()
          .sorted(Map.Entry.<Tag, Double>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey()))
          .limit(Math.max(0, limit))
          .map(e -> new TagSuggestion(e.getKey(), e.getValue())).toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Counts the tags of the readable threads and keeps those that start with the prefix. */
  @Override
  public List<Tag> completeTags(String prefix, int limit, Set<SpaceId> readableSpaces) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(readableSpaces, "readableSpaces");
    String normal = prefix.strip().toLowerCase(Locale.ROOT);
    lock.readLock().lock();
    try {
      ensureOpen();
      Map<Tag, Integer> counts = new HashMap<>();
      for (IndexedThread doc : docs.values()) {
        if (readableSpaces.contains(doc.space)) {
          for (Tag tag : doc.tags) {
            if (tag.value().startsWith(normal)) {
              counts.merge(tag, 1, Integer::sum);
            }
          }
        }
      }
      return counts.entrySet().stream()
          .sorted(Map.Entry.<Tag, Integer>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey()))
          .limit(Math.max(0, limit)).map(Map.Entry::getKey).toList();
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
      spaceTotals.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the search index " + NAME + " is closed");
    }
  }

  private void fold(DomainEvent event, long sequence) {
    if (event instanceof ThreadStarted e) {
      unindex(e.thread());
      IndexedThread doc = new IndexedThread(e.space(), e.kind(), sequence, e.title(), e.body(),
          e.tags());
      docs.put(e.thread(), doc);
      post(e.thread(), doc);
    } else if (event instanceof ThreadEdited e) {
      update(e.thread(), doc -> {
        doc.activitySeq = sequence;
        doc.title = e.title();
        doc.body = e.body();
        doc.tags = e.tags();
      });
    } else if (event instanceof AnswerPosted e) {
      update(e.thread(), doc -> {
        doc.activitySeq = sequence;
        doc.answers.put(e.post(), e.body());
      });
    } else if (event instanceof PostEdited e) {
      update(e.thread(), doc -> {
        doc.activitySeq = sequence;
        doc.answers.replace(e.post(), e.body());
      });
    } else if (event instanceof PostDeleted e) {
      update(e.thread(), doc -> {
        doc.answers.remove(e.post());
        doc.comments.values().removeIf(comment -> comment.target().equals(e.post()));
      });
    } else if (event instanceof CommentAdded e) {
      update(e.thread(), doc -> {
        doc.activitySeq = sequence;
        doc.comments.put(e.comment(), new IndexedThread.Comment(e.target(), e.body()));
      });
    } else if (event instanceof ThreadDeleted e) {
      unindex(e.thread());
    } else if (event instanceof VoteCast e && e.target() instanceof ThreadId t) {
      IndexedThread doc = docs.get(t);
      if (doc != null) {
        doc.score += e.direction().value();
      }
    } else if (event instanceof VoteRetracted e && e.target() instanceof ThreadId t) {
      IndexedThread doc = docs.get(t);
      if (doc != null) {
        doc.score -= e.direction().value();
      }
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
    long[] totals = spaceTotals.get(doc.space);
    totals[1] -= doc.length;
    if (--totals[0] == 0) {
      spaceTotals.remove(doc.space);
    }
  }

  /** Recounts a posted thread's terms from its current text and re-posts them. */
  private void reindex(ThreadId id, IndexedThread doc) {
    unpost(id, doc);
    post(id, doc);
  }

  /** Counts a thread's terms from its current text and posts them; it must not be posted. */
  private void post(ThreadId id, IndexedThread doc) {
    doc.recount();
    long[] totals = spaceTotals.computeIfAbsent(doc.space, space -> new long[2]);
    totals[0]++;
    totals[1] += doc.length;
    for (String term : doc.termFrequencies.keySet()) {
      postings.computeIfAbsent(term, t -> new HashSet<>()).add(id);
    }
  }
}
