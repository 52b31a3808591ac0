package io.socialearn.core;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.time.Instant;

/**
 * The post projection's row. The body stays in the log: {@code bodySeq} is the sequence of the
 * event that wrote the current one. Immutable: updates make a new row.
 */
record PostRow(
    PostId id,
    ThreadId thread,
    PersonId author,
    long bodySeq,
    int score,
    Instant createdAt,
    long createdSeq,
    Instant editedAt,
    boolean deleted) {

  PostRow edited(long newBodySeq, Instant at) {
    return new PostRow(id, thread, author, newBodySeq, score, createdAt, createdSeq, at, deleted);
  }

  PostRow withScore(int newScore) {
    return new PostRow(id, thread, author, bodySeq, newScore, createdAt, createdSeq, editedAt,
        deleted);
  }

  PostRow asDeleted() {
    return new PostRow(id, thread, author, bodySeq, score, createdAt, createdSeq, editedAt, true);
  }
}
