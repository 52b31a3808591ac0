package io.socialearn.core;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadState;
import io.socialearn.core.internal.HeldText;
import io.socialearn.core.internal.IntOrLongColumn;
import java.util.Arrays;
import java.util.List;

/**
 * The thread projection's rows ({@link ThreadRow}) as columns by the rows' codes ({@link
 * RowTable}): about 67 bytes a thread, against about 115 for a row object and a map's entry.
 * Log sequences are held as ints until one does not fit ({@link IntOrLongColumn}). Not
 * thread-safe.
 */
final class ThreadTable extends RowTable<ThreadId, ThreadRow, ThreadTable> {
  private static final ThreadKind[] KINDS = ThreadKind.values();
  private static final ThreadState[] STATES = ThreadState.values();

  private ThreadId[] ids;
  private SpaceId[] spaces;
  private byte[] kinds;
  /** Each title as {@link io.socialearn.core.internal.HeldText} holds it. */
  private Object[] titles;
  private Object[] tags;
  private PersonId[] authors;
  private byte[] closures;
  private ThreadId[] duplicateOf;
  private int[] scores;
  private int[] answerCounts;
  private PostId[] accepted;
  private long[] createdNanos;
  private IntOrLongColumn createdSeqs;
  private long[] lastActivityNanos;
  private IntOrLongColumn lastActivitySeqs;
  private boolean[] deleted;

  ThreadTable() {
    super("thread");
    newColumns();
  }

  @Override
  ThreadId idAt(int code) {
    return ids[code];
  }

  @SuppressWarnings("unchecked")
  @Override
  ThreadRow rowAt(int code) {
    return new ThreadRow(ids[code], spaces[code], KINDS[kinds[code]], titles[code],
        (List<Tag>) tags[code], authors[code], STATES[closures[code]], duplicateOf[code],
        scores[code], answerCounts[code], accepted[code], createdNanos[code],
        createdSeqs.get(code), lastActivityNanos[code], lastActivitySeqs.get(code), deleted[code],
        code);
  }

  /** Row {@code code}'s log sequence when it was started, without making the row. */
  long createdSeq(int code) {
    return createdSeqs.get(code);
  }

  /** Row {@code code}'s log sequence of its last activity, without making the row. */
  long lastActivitySeq(int code) {
    return lastActivitySeqs.get(code);
  }

  /** Row {@code code}'s score, without making the row. */
  int score(int code) {
    return scores[code];
  }

  /** Whether row {@code code} is deleted, without making the row. */
  boolean deleted(int code) {
    return deleted[code];
  }

  /** Whether row {@code code} is an open question with no answer, without making the row. */
  boolean openUnanswered(int code) {
    return KINDS[kinds[code]] == ThreadKind.QUESTION && answerCounts[code] == 0
        && STATES[closures[code]] == ThreadState.OPEN;
  }

  /** The title of thread {@code id}'s row, without making the row, or null if it has none. */
  String title(ThreadId id) {
    int code = code(id);
    return code < 0 ? null : HeldText.text(titles[code]);
  }

  @Override
  ThreadId idOf(ThreadRow row) {
    return row.id();
  }

  @Override
  int codeOf(ThreadRow row) {
    return row.code();
  }

  @Override
  void setColumns(ThreadRow row) {
    int c = row.code();
    ids[c] = row.id();
    spaces[c] = row.space();
    kinds[c] = (byte) row.kind().ordinal();
    titles[c] = row.heldTitle();
    tags[c] = row.tags();
    authors[c] = row.author();
    closures[c] = (byte) row.closure().ordinal();
    duplicateOf[c] = row.duplicateOf();
    scores[c] = row.score();
    answerCounts[c] = row.answerCount();
    accepted[c] = row.accepted();
    createdNanos[c] = row.createdNanos();
    createdSeqs.set(c, row.createdSeq(), size());
    lastActivityNanos[c] = row.lastActivityNanos();
    lastActivitySeqs.set(c, row.lastActivitySeq(), size());
    deleted[c] = row.deleted();
  }

  @Override
  int capacity() {
    return ids.length;
  }

  @Override
  void resizeColumns(int capacity) {
    ids = Arrays.copyOf(ids, capacity);
    spaces = Arrays.copyOf(spaces, capacity);
    kinds = Arrays.copyOf(kinds, capacity);
    titles = Arrays.copyOf(titles, capacity);
    tags = Arrays.copyOf(tags, capacity);
    authors = Arrays.copyOf(authors, capacity);
    closures = Arrays.copyOf(closures, capacity);
    duplicateOf = Arrays.copyOf(duplicateOf, capacity);
    scores = Arrays.copyOf(scores, capacity);
    answerCounts = Arrays.copyOf(answerCounts, capacity);
    accepted = Arrays.copyOf(accepted, capacity);
    createdNanos = Arrays.copyOf(createdNanos, capacity);
    createdSeqs.resize(capacity);
    lastActivityNanos = Arrays.copyOf(lastActivityNanos, capacity);
    lastActivitySeqs.resize(capacity);
    deleted = Arrays.copyOf(deleted, capacity);
  }

  @Override
  void newColumns() {
    ids = new ThreadId[MIN_CAPACITY];
    spaces = new SpaceId[MIN_CAPACITY];
    kinds = new byte[MIN_CAPACITY];
    titles = new Object[MIN_CAPACITY];
    tags = new Object[MIN_CAPACITY];
    authors = new PersonId[MIN_CAPACITY];
    closures = new byte[MIN_CAPACITY];
    duplicateOf = new ThreadId[MIN_CAPACITY];
    scores = new int[MIN_CAPACITY];
    answerCounts = new int[MIN_CAPACITY];
    accepted = new PostId[MIN_CAPACITY];
    createdNanos = new long[MIN_CAPACITY];
    createdSeqs = new IntOrLongColumn(MIN_CAPACITY);
    lastActivityNanos = new long[MIN_CAPACITY];
    lastActivitySeqs = new IntOrLongColumn(MIN_CAPACITY);
    deleted = new boolean[MIN_CAPACITY];
  }

  @Override
  void takeColumns(ThreadTable other) {
    ids = other.ids;
    spaces = other.spaces;
    kinds = other.kinds;
    titles = other.titles;
    tags = other.tags;
    authors = other.authors;
    closures = other.closures;
    duplicateOf = other.duplicateOf;
    scores = other.scores;
    answerCounts = other.answerCounts;
    accepted = other.accepted;
    createdNanos = other.createdNanos;
    createdSeqs = other.createdSeqs;
    lastActivityNanos = other.lastActivityNanos;
    lastActivitySeqs = other.lastActivitySeqs;
    deleted = other.deleted;
  }
}
