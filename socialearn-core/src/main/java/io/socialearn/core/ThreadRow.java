package io.socialearn.core;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadState;
import io.socialearn.api.thread.ThreadSummary;
import io.socialearn.core.internal.HeldText;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The thread projection's row. {@code closure} is OPEN, CLOSED or DUPLICATE; ANSWERED is derived
 * from an accepted answer on an open thread. The body stays in the log, written by the event at
 * {@code createdSeq} or by the thread's last edit (as for a {@link PostRow}, the state's {@code
 * edits} say which, and that event when). Times are held as nanoseconds since the epoch (see
 * {@link PostRow}). {@code code} is the thread's place among the threads in the order they were
 * started, from 0 (see {@link EngineState#contentCode}). The title is held as {@link HeldText}
 * holds it (as the event's string, or, read from a snapshot, its chars as bytes), so that rows
 * compare by the title's text. Immutable: updates make a new row.
 */
record ThreadRow(
    ThreadId id,
    SpaceId space,
    ThreadKind kind,
    Object heldTitle,
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
    boolean deleted,
    int code) {

  /** A row with its times as instants. */
  ThreadRow(ThreadId id, SpaceId space, ThreadKind kind, Object heldTitle, List<Tag> tags,
      PersonId author, ThreadState closure, ThreadId duplicateOf, int score, int answerCount,
      PostId accepted, Instant createdAt, long createdSeq, Instant lastActivityAt,
      long lastActivitySeq, boolean deleted, int code) {
    this(id, space, kind, heldTitle, tags, author, closure, duplicateOf, score, answerCount,
        accepted, UpvoteRun.nanosOrNone(createdAt), createdSeq,
        UpvoteRun.nanosOrNone(lastActivityAt), lastActivitySeq, deleted, code);
  }

  /** The title, made afresh from the chars held. */
  String title() {
    return HeldText.text(heldTitle);
  }

  /** The components, the title as its text: what rows compare by. */
  private List<Object> values() {
    return Arrays.asList(id, space, kind, title(), tags, author, closure, duplicateOf, score,
        answerCount, accepted, createdNanos, createdSeq, lastActivityNanos, lastActivitySeq,
        deleted, code);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ThreadRow other && values().equals(other.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  @Override
  public String toString() {
    return "ThreadRow" + values();
  }

  Instant createdAt() {
    return UpvoteRun.instantOrNull(createdNanos);
  }

  Instant lastActivityAt() {
    return UpvoteRun.instantOrNull(lastActivityNanos);
  }

  ThreadState state() {
    return closure == ThreadState.OPEN && accepted != null ? ThreadState.ANSWERED : closure;
  }

  ThreadSummary summary() {
    return new ThreadSummary(id, space, kind, title(), tags, author, state(), duplicateOf, score,
        answerCount, accepted, createdAt(), lastActivityAt());
  }

  ThreadRow touched(Instant at, long seq) {
    return new ThreadRow(id, space, kind, heldTitle, tags, author, closure, duplicateOf, score,
        answerCount, accepted, createdNanos, createdSeq, UpvoteRun.toNanos(at), seq, deleted,
        code);
  }

  /** The row after an edit at {@code seq}: the state records the edit (its body and time). */
  ThreadRow edited(String newTitle, List<Tag> newTags, Instant at, long seq) {
    return new ThreadRow(id, space, kind, HeldText.of(newTitle), newTags, author, closure,
        duplicateOf, score, answerCount, accepted, createdNanos, createdSeq,
        UpvoteRun.toNanos(at), seq, deleted, code);
  }

  ThreadRow withScore(int newScore) {
    return new ThreadRow(id, space, kind, heldTitle, tags, author, closure, duplicateOf,
        newScore, answerCount, accepted, createdNanos, createdSeq, lastActivityNanos,
        lastActivitySeq, deleted, code);
  }

  ThreadRow withAnswerCount(int count, Instant at, long seq) {
    return new ThreadRow(id, space, kind, heldTitle, tags, author, closure, duplicateOf, score,
        count, accepted, createdNanos, createdSeq, UpvoteRun.toNanos(at), seq, deleted,
        code);
  }

  ThreadRow withAccepted(PostId post, Instant at, long seq) {
    return new ThreadRow(id, space, kind, heldTitle, tags, author, closure, duplicateOf, score,
        answerCount, post, createdNanos, createdSeq, UpvoteRun.toNanos(at), seq, deleted,
        code);
  }

  ThreadRow withClosure(ThreadState newClosure, ThreadId original, Instant at, long seq) {
    return new ThreadRow(id, space, kind, heldTitle, tags, author, newClosure, original, score,
        answerCount, accepted, createdNanos, createdSeq, UpvoteRun.toNanos(at), seq, deleted,
        code);
  }

  ThreadRow asDeleted() {
    return new ThreadRow(id, space, kind, heldTitle, tags, author, closure, duplicateOf, score,
        answerCount, accepted, createdNanos, createdSeq, lastActivityNanos, lastActivitySeq,
        true, code);
  }
}
