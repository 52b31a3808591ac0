package io.socialearn.core;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.time.Instant;

/** The post projection's row. Immutable: updates make a new row. */
record PostRow(
    PostId id,
    ThreadId thread,
    PersonId author,
    String body,
    int score,
    Instant createdAt,
    long createdSeq,
    Instant editedAt,
    boolean deleted) {

  PostRow edited(String newBody, Instant at) {
    return new PostRow(id, thread, author, newBody, score, createdAt, createdSeq, at, deleted);
  }

  PostRow withScore(int newScore) {
    return new PostRow(id, thread, author, body, newScore, createdAt, createdSeq, editedAt, deleted);
  }

  PostRow asDeleted() {
    return new PostRow(id, thread, author, body, score, createdAt, createdSeq, editedAt, true);
  }
}
