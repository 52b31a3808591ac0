package io.socialearn.lucene;

import io.socialearn.api.event.AcceptanceRevoked;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.CommentAdded;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.PostEdited;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadClosed;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadMarkedDuplicate;
import io.socialearn.api.event.ThreadReopened;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.util.BytesRef;

/**
 * Folds events into the {@link IndexWriter}: each event that changes a thread's text or state
 * rewrites the thread's document from its stored state; votes change only the in-memory live
 * scores (and are written to doc values at commit). Not thread-safe: used by the applying thread
 * under the index's apply lock, except {@link #refreshListener()}, which refreshing threads call.
 *
 * <p>A changed thread is not handed to the writer at once: it waits in {@code dirty} until
 * {@link #flushDirty()} (before each refresh, and at commits that do not hold it), so a thread
 * that several events of one stretch change (a question and its answers, replayed or imported
 * in bulk) is analysed and written once, not once per event. A thread written since the last refresh is not yet
 * visible to a reader, so changed threads are kept in {@code pending} until a refresh that
 * includes their write has been published.
 */
final class EventFolder {
  private final IndexWriter writer;
  /** Finds threads already visible in the index. */
  private final ThreadLookup inIndex;
  private final LiveValues votes;
  /** By key: the sequence of the last vote counted in {@link #votes}. */
  private final LiveValues voteSeqs;
  private final LiveValues activity;
  /** Threads written (or deleted: null doc) since a refresh that includes them began. */
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong writes = new AtomicLong();
  /**
   * Threads changed but not yet handed to the writer, in order of first change (so the first
   * holds the earliest change not yet written).
   */
  private final Map<String, Held> dirty = new LinkedHashMap<>();
  /** The memory {@link #dirty} threads hold, estimated: the sum of their {@link Held#bytes}. */
  private long dirtyBytes;
  /** The sequence of the event being folded. */
  private long folding;
  /** Keys whose live score differs from the one in their document, with their thread ids. */
  private final Map<Integer, String> unsavedVotes = new HashMap<>();
  private volatile long refreshStartedAt;
  /**
   * Bumped by every change a reader must be refreshed to see (a thread written or deleted); a
   * vote changes only the live scores, which searches read directly.
   */
  private long changes;
  private int nextKey;
  /**
   * The highest sequence that started a thread found in the index on open. A thread started
   * after it cannot be in the index yet, so it is added without the delete-by-id an update
   * costs (Lucene resolves every buffered delete term against every segment at flush).
   */
  private final long startedUpTo;
  /** Embeds questions as they are written; null for none. */
  private final TextEmbedder embedder;

  /** A thread changed but not yet written. */
  private static final class Held {
    /** It cannot be in the index yet, so it is added without a delete-by-id. */
    final boolean isNew;
    /** The sequence of its first change not yet written. */
    final long firstSeq;
    /** Its estimated memory when last changed. */
    long bytes;

    Held(boolean isNew, long firstSeq) {
      this.isNew = isNew;
      this.firstSeq = firstSeq;
    }
  }

  /** A changed document not yet visible to readers; identity matters, not value. */
  private static final class Pending {
    final ThreadDoc doc;
    /** The write that made it searchable at the next refresh; {@link #UNWRITTEN} if dirty. */
    final long write;

    Pending(ThreadDoc doc, long write) {
      this.doc = doc;
      this.write = write;
    }
  }

  EventFolder(IndexWriter writer, SearcherManager searchers, LiveValues votes,
      LiveValues voteSeqs, LiveValues activity, int nextKey, long startedUpTo,
      TextEmbedder embedder) {
    this.embedder = embedder;
    this.startedUpTo = startedUpTo;
    this.voteSeqs = voteSeqs;
    this.writer = writer;
    this.inIndex = new ThreadLookup(searchers);
    this.votes = votes;
    this.activity = activity;
    this.nextKey = nextKey;
  }

  int nextKey() {
    return nextKey;
  }

  /**
   * How many changes so far need a refresh to be seen by searches; unchanged by votes, which
   * searches see at once through the live scores.
   */
  long changes() {
    return changes;
  }

  /** The {@link Pending#write} of a thread changed but not yet handed to the writer. */
  private static final long UNWRITTEN = Long.MAX_VALUE;

  /** Forgets threads a refresh has made visible. */
  ReferenceManager.RefreshListener refreshListener() {
    return new ReferenceManager.RefreshListener() {
      @Override
      public void beforeRefresh() {
        refreshStartedAt = writes.get();
      }

      @Override
      public void afterRefresh(boolean didRefresh) {
        long visibleUpTo = refreshStartedAt;
        pending.forEach((id, entry) -> {
          if (entry.write <= visibleUpTo) {
            pending.remove(id, entry);
          }
        });
      }
    };
  }

  void fold(RecordedEvent recorded) throws IOException {
    DomainEvent event = recorded.event();
    long seq = recorded.sequence();
    folding = seq;
    if (event instanceof ThreadStarted e) {
      // A log starts each thread once, so no lookup: a new key per start.
      int key = nextKey++;
      ThreadDoc doc = new ThreadDoc(e.thread().value(), key, e.space().value(), e.kind(),
          e.author().value(), seq, recorded.timestamp().toEpochMilli());
      doc.title = e.title();
      doc.body = e.body();
      doc.tags = e.tags().stream().map(Tag::value).toList();
      votes.set(key, 0);
      voteSeqs.set(key, 0);
      write(doc, seq > startedUpTo);
    } else if (event instanceof ThreadEdited e) {
      change(e.thread(), seq, doc -> {
        if (!doc.title.equals(e.title()) || !doc.body.equals(e.body())) {
          doc.meaning = null;
        }
        doc.title = e.title();
        doc.body = e.body();
        doc.tags = e.tags().stream().map(Tag::value).toList();
      });
    } else if (event instanceof AnswerPosted e) {
      change(e.thread(), seq, doc -> doc.answers.put(e.post().value(),
          new ThreadDoc.Answer(e.author().value(), e.body())));
    } else if (event instanceof PostEdited e) {
      change(e.thread(), seq, doc -> doc.answers.computeIfPresent(e.post().value(),
          (id, old) -> new ThreadDoc.Answer(old.author(), e.body())));
    } else if (event instanceof CommentAdded e) {
      change(e.thread(), seq, doc -> doc.comments.put(e.comment().value(),
          new ThreadDoc.Comment(e.target().value(), e.body())));
    } else if (event instanceof PostDeleted e) {
      change(e.thread(), -1, doc -> {
        doc.answers.remove(e.post().value());
        doc.comments.values().removeIf(c -> c.target().equals(e.post().value()));
        if (e.post().value().equals(doc.acceptedAnswer)) {
          doc.acceptedAnswer = null;
        }
      });
    } else if (event instanceof ThreadDeleted e) {
      ThreadDoc doc = lookup(e.thread().value());
      if (doc != null) {
        Held held = dirty.remove(doc.id);
        if (held != null) {
          dirtyBytes -= held.bytes;
        }
        writer.deleteDocuments(new Term(Fields.ID, doc.id));
        changes++;
        unsavedVotes.remove(doc.key);
        votes.set(doc.key, 0);
        pending.put(doc.id, new Pending(null, writes.incrementAndGet()));
      }
    } else if (event instanceof AnswerAccepted e) {
      change(e.thread(), -1, doc -> doc.acceptedAnswer = e.answer().value());
    } else if (event instanceof AcceptanceRevoked e) {
      change(e.thread(), -1, doc -> {
        if (e.answer().value().equals(doc.acceptedAnswer)) {
          doc.acceptedAnswer = null;
        }
      });
    } else if (event instanceof ThreadClosed e) {
      change(e.thread(), -1, doc -> doc.closed = true);
    } else if (event instanceof ThreadReopened e) {
      change(e.thread(), -1, doc -> {
        doc.closed = false;
        doc.duplicate = false;
      });
    } else if (event instanceof ThreadMarkedDuplicate e) {
      change(e.thread(), -1, doc -> doc.duplicate = true);
    } else if (event instanceof VoteCast e && e.target() instanceof ThreadId thread) {
      vote(thread, e.direction().value(), seq);
    } else if (event instanceof VoteRetracted e && e.target() instanceof ThreadId thread) {
      vote(thread, -e.direction().value(), seq);
    }
  }

  private void vote(ThreadId thread, int delta, long seq) throws IOException {
    Pending written = pending.get(thread.value());
    int key;
    if (written != null) {
      if (written.doc == null) {
        return;
      }
      key = written.doc.key;
    } else {
      key = inIndex.key(thread.value());
      if (key < 0) {
        return;
      }
    }
    if (seq <= voteSeqs.get(key)) {
      return; // already counted in the committed score this replay started from
    }
    votes.add(key, delta);
    voteSeqs.set(key, seq);
    unsavedVotes.put(key, thread.value());
  }

  /** Changes a thread (if it exists) and rewrites it; {@code seq > 0} also marks activity. */
  private void change(ThreadId thread, long seq, Consumer<ThreadDoc> change) throws IOException {
    ThreadDoc doc = lookup(thread.value());
    if (doc == null) {
      return;
    }
    change.accept(doc);
    if (seq > 0) {
      doc.activitySeq = seq;
    }
    write(doc, false);
  }

  /**
   * Marks a thread changed, to be written at the next {@link #flushDirty()}; {@code isNew} if it
   * cannot be in the index yet (no delete needed). A thread first marked new stays new.
   */
  private void write(ThreadDoc doc, boolean isNew) {
    Held held = dirty.computeIfAbsent(doc.id, id -> new Held(isNew, folding));
    changes++;
    long bytes = doc.memoryEstimate();
    dirtyBytes += bytes - held.bytes;
    held.bytes = bytes;
    activity.set(doc.key, doc.activitySeq);
    pending.put(doc.id, new Pending(doc, UNWRITTEN));
  }

  /**
   * Hands every changed thread to the writer, once each, with its live score, in the index
   * sort's order ({@link #inIndexOrder}).
   */
  void flushDirty() throws IOException {
    if (dirty.isEmpty()) {
      return;
    }
    List<ThreadDoc> docs = new ArrayList<>(dirty.size());
    for (String id : dirty.keySet()) {
      docs.add(pending.get(id).doc);
    }
    for (ThreadDoc doc : inIndexOrder(docs)) {
      if (embedder != null && doc.meaning == null && doc.kind == ThreadKind.QUESTION) {
        doc.meaning = Meaning.embed(embedder, "question " + doc.id, doc.title, doc.body);
      }
      var document = doc.toDocument(votes.get(doc.key), voteSeqs.get(doc.key));
      if (dirty.get(doc.id).isNew) {
        writer.addDocument(document);
      } else {
        writer.updateDocument(new Term(Fields.ID, doc.id), document);
      }
      unsavedVotes.remove(doc.key);
      pending.put(doc.id, new Pending(doc, writes.incrementAndGet()));
    }
    dirty.clear();
    dirtyBytes = 0;
  }

  /**
   * {@code docs} in the order of {@link LuceneSearchIndex#INDEX_SORT}: by space (as the sort
   * compares it, UTF-8 bytes), then key. A segment flushed from documents added in that order is
   * already sorted, so Lucene need not re-sort its postings at flush, which was a quarter of a
   * 200,000-post import's CPU in a profile; documents out of order only cost that again.
   */
  static List<ThreadDoc> inIndexOrder(List<ThreadDoc> docs) {
    record Keyed(BytesRef space, ThreadDoc doc) {}
    List<Keyed> keyed = new ArrayList<>(docs.size());
    for (ThreadDoc doc : docs) {
      keyed.add(new Keyed(new BytesRef(doc.space), doc));
    }
    keyed.sort(Comparator.comparing(Keyed::space).thenComparingInt(k -> k.doc().key));
    List<ThreadDoc> ordered = new ArrayList<>(keyed.size());
    keyed.forEach(k -> ordered.add(k.doc()));
    return ordered;
  }

  /**
   * Threads written but not yet visible to readers: held in memory (for later events) until a
   * refresh.
   */
  int writtenUnseen() {
    return Math.max(0, pending.size() - dirty.size());
  }

  /** About how much memory the changed threads not yet written hold, in bytes. */
  long dirtyBytes() {
    return dirtyBytes;
  }

  /**
   * The sequence of the earliest change not yet handed to the writer, or {@code
   * Long.MAX_VALUE} if every change was.
   */
  long firstUnwritten() {
    return dirty.isEmpty() ? Long.MAX_VALUE : dirty.values().iterator().next().firstSeq;
  }

  /**
   * Writes the live scores that differ from their documents' into doc values, before commit;
   * call {@link #flushDirty()} first.
   */
  void saveVotes() throws IOException {
    for (Map.Entry<Integer, String> unsaved : unsavedVotes.entrySet()) {
      int key = unsaved.getKey();
      writer.updateDocValues(new Term(Fields.ID, unsaved.getValue()),
          new NumericDocValuesField(Fields.VOTES, votes.get(key)),
          new NumericDocValuesField(Fields.VOTE_SEQ, voteSeqs.get(key)));
    }
    unsavedVotes.clear();
  }

  /** The current state of a thread, or null if there is none. */
  ThreadDoc lookup(String id) throws IOException {
    Pending written = pending.get(id);
    if (written != null) {
      return written.doc;
    }
    return inIndex.state(id);
  }
}
