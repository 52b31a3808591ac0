package io.socialearn.core;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.time.Instant;

/**
 * The post projection's row. The body stays in the log: {@code bodySeq} is the sequence of the
 * event that wrote the current one. Times are held as nanoseconds since the epoch ({@link
 * UpvoteRun#toNanos}; {@link UpvoteRun#NO_TIME} for none) rather than as {@link Instant}s, 24
 * bytes each on the heap, and read back as instants. Immutable: updates make a new row.
 */
record PostRow(
    PostId id,
    ThreadId thread,
    PersonId author,
    long bodySeq,
    int score,
    long createdNanos,
    long createdSeq,
    long editedNanos,
    boolean deleted) {

  /** A row with its times as instants ({@code editedAt} null for never). */
  PostRow(PostId id, ThreadId thread, PersonId author, long bodySeq, int score, Instant createdAt,
      long createdSeq, Instant editedAt, boolean deleted) {
    this(id, thread, author, bodySeq, score, UpvoteRun.nanosOrNone(createdAt), createdSeq,
        UpvoteRun.nanosOrNone(editedAt), deleted);
  }

  Instant createdAt() {
    return UpvoteRun.instantOrNull(createdNanos);
  }

  /** When the body was last edited, or null. */
  Instant editedAt() {
    return UpvoteRun.instantOrNull(editedNanos);
  }

  PostRow edited(long newBodySeq, Instant at) {
    return new PostRow(id, thread, author, newBodySeq, score, createdNanos, createdSeq,
        UpvoteRun.nanosOrNone(at), deleted);
  }

  PostRow withScore(int newScore) {
    return new PostRow(id, thread, author, bodySeq, newScore, createdNanos, createdSeq,
        editedNanos, deleted);
  }

  PostRow asDeleted() {
    return new PostRow(id, thread, author, bodySeq, score, createdNanos, createdSeq, editedNanos,
        true);
  }
}
