package io.socialearn.core;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadState;
import io.socialearn.api.thread.ThreadSummary;
import java.time.Instant;
import java.util.List;

/**
 * The thread projection's row. {@code closure} is OPEN, CLOSED or DUPLICATE; ANSWERED is derived
 * from an accepted answer on an open thread. The body stays in the log: {@code bodySeq} is the
 * sequence of the event that wrote the current one. Immutable: updates make a new row.
 */
record ThreadRow(
    ThreadId id,
    SpaceId space,
    ThreadKind kind,
    String title,
    long bodySeq,
    List<Tag> tags,
    PersonId author,
    ThreadState closure,
    ThreadId duplicateOf,
    int score,
    int answerCount,
    PostId accepted,
    Instant createdAt,
    long createdSeq,
    Instant lastActivityAt,
    long lastActivitySeq,
    Instant editedAt,
    boolean deleted) {

  ThreadState state() {
    return closure == ThreadState.OPEN && accepted != null ? ThreadState.ANSWERED : closure;
  }

  ThreadSummary summary() {
    return new ThreadSummary(id, space, kind, title, tags, author, state(), duplicateOf, score,
        answerCount, accepted, createdAt, lastActivityAt);
  }

  ThreadRow touched(Instant at, long seq) {
    return new ThreadRow(id, space, kind, title, bodySeq, tags, author, closure, duplicateOf, score,
        answerCount, accepted, createdAt, createdSeq, at, seq, editedAt, deleted);
  }

  ThreadRow edited(String newTitle, List<Tag> newTags, Instant at, long seq) {
    return new ThreadRow(id, space, kind, newTitle, seq, newTags, author, closure, duplicateOf,
        score, answerCount, accepted, createdAt, createdSeq, at, seq, at, deleted);
  }

  ThreadRow withScore(int newScore) {
    return new ThreadRow(id, space, kind, title, bodySeq, tags, author, closure, duplicateOf,
        newScore, answerCount, accepted, createdAt, createdSeq, lastActivityAt, lastActivitySeq,
        editedAt, deleted);
  }

  ThreadRow withAnswerCount(int count, Instant at, long seq) {
    return new ThreadRow(id, space, kind, title, bodySeq, tags, author, closure, duplicateOf, score,
        count, accepted, createdAt, createdSeq, at, seq, editedAt, deleted);
  }

  ThreadRow withAccepted(PostId post, Instant at, long seq) {
    return new ThreadRow(id, space, kind, title, bodySeq, tags, author, closure, duplicateOf, score,
        answerCount, post, createdAt, createdSeq, at, seq, editedAt, deleted);
  }

  ThreadRow withClosure(ThreadState newClosure, ThreadId original, Instant at, long seq) {
    return new ThreadRow(id, space, kind, title, bodySeq, tags, author, newClosure, original, score,
        answerCount, accepted, createdAt, createdSeq, at, seq, editedAt, deleted);
  }

  ThreadRow asDeleted() {
    return new ThreadRow(id, space, kind, title, bodySeq, tags, author, closure, duplicateOf, score,
        answerCount, accepted, createdAt, createdSeq, lastActivityAt, lastActivitySeq, editedAt,
        true);
  }
}
