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
 * sequence of the event that wrote the current one. Times are held as nanoseconds since the epoch
 * (see {@link PostRow}). Immutable: updates make a new row.
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
    long createdNanos,
    long createdSeq,
    long lastActivityNanos,
    long lastActivitySeq,
    long editedNanos,
    boolean deleted) {

  /** A row with its times as instants ({@code editedAt} null for never). */
  ThreadRow(ThreadId id, SpaceId space, ThreadKind kind, String title, long bodySeq,
      List<Tag> tags, PersonId author, ThreadState closure, ThreadId duplicateOf, int score,
      int answerCount, PostId accepted, Instant createdAt, long createdSeq,
      Instant lastActivityAt, long lastActivitySeq, Instant editedAt, boolean deleted) {
    this(id, space, kind, title, bodySeq, tags, author, closure, duplicateOf, score, answerCount,
        accepted, UpvoteRun.nanosOrNone(createdAt), createdSeq,
        UpvoteRun.nanosOrNone(lastActivityAt), lastActivitySeq, UpvoteRun.nanosOrNone(editedAt),
        deleted);
  }

  Instant createdAt() {
    return UpvoteRun.instantOrNull(createdNanos);
  }

  Instant lastActivityAt() {
    return UpvoteRun.instantOrNull(lastActivityNanos);
  }

  /** When the thread was last edited, or null. */
  Instant editedAt() {
    return UpvoteRun.instantOrNull(editedNanos);
  }

  ThreadState state() {
    return closure == ThreadState.OPEN && accepted != null ? ThreadState.ANSWERED : closure;
  }

  ThreadSummary summary() {
    return new ThreadSummary(id, space, kind, title, tags, author, state(), duplicateOf, score,
        answerCount, accepted, createdAt(), lastActivityAt());
  }

  ThreadRow touched(Instant at, long seq) {
    return new ThreadRow(id, space, kind, title, bodySeq, tags, author, closure, duplicateOf, score,
        answerCount, accepted, createdNanos, createdSeq, UpvoteRun.toNanos(at), seq, editedNanos,
        deleted);
  }

  ThreadRow edited(String newTitle, List<Tag> newTags, Instant at, long seq) {
    long nanos = UpvoteRun.toNanos(at);
    return new ThreadRow(id, space, kind, newTitle, seq, newTags, author, closure, duplicateOf,
        score, answerCount, accepted, createdNanos, createdSeq, nanos, seq, nanos, deleted);
  }

  ThreadRow withScore(int newScore) {
    return new ThreadRow(id, space, kind, title, bodySeq, tags, author, closure, duplicateOf,
        newScore, answerCount, accepted, createdNanos, createdSeq, lastActivityNanos,
        lastActivitySeq, editedNanos, deleted);
  }

  ThreadRow withAnswerCount(int count, Instant at, long seq) {
    return new ThreadRow(id, space, kind, title, bodySeq, tags, author, closure, duplicateOf, score,
        count, accepted, createdNanos, createdSeq, UpvoteRun.toNanos(at), seq, editedNanos,
        deleted);
  }

  ThreadRow withAccepted(PostId post, Instant at, long seq) {
    return new ThreadRow(id, space, kind, title, bodySeq, tags, author, closure, duplicateOf, score,
        answerCount, post, createdNanos, createdSeq, UpvoteRun.toNanos(at), seq, editedNanos,
        deleted);
  }

  ThreadRow withClosure(ThreadState newClosure, ThreadId original, Instant at, long seq) {
    return new ThreadRow(id, space, kind, title, bodySeq, tags, author, newClosure, original, score,
        answerCount, accepted, createdNanos, createdSeq, UpvoteRun.toNanos(at), seq, editedNanos,
        deleted);
  }

  ThreadRow asDeleted() {
    return new ThreadRow(id, space, kind, title, bodySeq, tags, author, closure, duplicateOf, score,
        answerCount, accepted, createdNanos, createdSeq, lastActivityNanos, lastActivitySeq,
        editedNanos, true);
  }
}
