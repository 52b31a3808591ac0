package io.socialearn.core;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.internal.IntOrLongColumn;
import java.util.Arrays;

/**
 * The post projection's rows ({@link PostRow}) as columns by the rows' codes ({@link RowTable}):
 * about 35 bytes an answer, against about 80 for a row object and a map's entry (a million
 * answers hold 45 MB less). Log sequences are held as ints until one does not fit ({@link
 * IntOrLongColumn}). Not thread-safe.
 */
final class PostTable extends RowTable<PostId, PostRow, PostTable> {
  private PostId[] ids;
  private ThreadId[] threads;
  private PersonId[] authors;
  private int[] scores;
  private long[] createdNanos;
  private IntOrLongColumn createdSeqs;
  private boolean[] deleted;

  PostTable() {
    super("answer");
    newColumns();
  }

  @Override
  PostId idAt(int code) {
    return ids[code];
  }

  @Override
  PostRow rowAt(int code) {
    return new PostRow(ids[code], threads[code], authors[code], scores[code], createdNanos[code],
        createdSeqs.get(code), deleted[code], code);
  }

  @Override
  PostId idOf(PostRow row) {
    return row.id();
  }

  @Override
  int codeOf(PostRow row) {
    return row.code();
  }

  @Override
  void setColumns(PostRow row) {
    int c = row.code();
    ids[c] = row.id();
    threads[c] = row.thread();
    authors[c] = row.author();
    scores[c] = row.score();
    createdNanos[c] = row.createdNanos();
    createdSeqs.set(c, row.createdSeq(), size());
    deleted[c] = row.deleted();
  }

  @Override
  int capacity() {
    return ids.length;
  }

  @Override
  void resizeColumns(int capacity) {
    ids = Arrays.copyOf(ids, capacity);
    threads = Arrays.copyOf(threads, capacity);
    authors = Arrays.copyOf(authors, capacity);
    scores = Arrays.copyOf(scores, capacity);
    createdNanos = Arrays.copyOf(createdNanos, capacity);
    createdSeqs.resize(capacity);
    deleted = Arrays.copyOf(deleted, capacity);
  }

  @Override
  void newColumns() {
    ids = new PostId[MIN_CAPACITY];
    threads = new ThreadId[MIN_CAPACITY];
    authors = new PersonId[MIN_CAPACITY];
    scores = new int[MIN_CAPACITY];
    createdNanos = new long[MIN_CAPACITY];
    createdSeqs = new IntOrLongColumn(MIN_CAPACITY);
    deleted = new boolean[MIN_CAPACITY];
  }

  @Override
  void takeColumns(PostTable other) {
    ids = other.ids;
    threads = other.threads;
    authors = other.authors;
    scores = other.scores;
    createdNanos = other.createdNanos;
    createdSeqs = other.createdSeqs;
    deleted = other.deleted;
  }
}
