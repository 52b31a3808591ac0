package io.socialearn.core;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.time.Instant;

/**
 * The post projection's row. The body stays in the log, written by the event at {@code
 * createdSeq} or by the post's last edit (the state's {@code edits}, whose event also says when it
 * was edited: see {@link EngineState#text}), so the row holds neither. Times are held as
 * nanoseconds since the epoch ({@link UpvoteRun#toNanos}; {@link UpvoteRun#NO_TIME} for none)
 * rather than as {@link Instant}s, 24 bytes each on the heap, and read back as instants. {@code
 * code} is the answer's place among the answers in the order they were posted, from 0 (see {@link
 * EngineState#contentCode}). Immutable: updates make a new row.
 */
record PostRow(
    PostId id,
    ThreadId thread,
    PersonId author,
    int score,
    long createdNanos,
    long createdSeq,
    boolean deleted,
    int code) {

  /** A row with its creation time as an instant. */
  PostRow(PostId id, ThreadId thread, PersonId author, int score, Instant createdAt,
      long createdSeq, boolean deleted, int code) {
    this(id, thread, author, score, UpvoteRun.nanosOrNone(createdAt), createdSeq, deleted,
        code);
  }

  Instant createdAt() {
    return UpvoteRun.instantOrNull(createdNanos);
  }

  PostRow withScore(int newScore) {
    return new PostRow(id, thread, author, newScore, createdNanos, createdSeq, deleted, code);
  }

  PostRow asDeleted() {
    return new PostRow(id, thread, author, score, createdNanos, createdSeq, true, code);
  }
}
