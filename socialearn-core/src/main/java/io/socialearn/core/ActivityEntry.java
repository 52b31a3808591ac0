package io.socialearn.core;

import io.socialearn.api.people.ActivityKind;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.ThreadId;
import java.time.Instant;

/**
 * One entry of a person's activity list, as recorded; titles are looked up at read time. The time
 * is held as nanoseconds since the epoch (see {@link PostRow}).
 */
record ActivityEntry(long sequence, long atNanos, ActivityKind kind, ThreadId thread,
    ContentRef target) {

  /** An entry recorded at {@code at}. */
  ActivityEntry(long sequence, Instant at, ActivityKind kind, ThreadId thread,
      ContentRef target) {
    this(sequence, UpvoteRun.toNanos(at), kind, thread, target);
  }

  Instant at() {
    return UpvoteRun.fromNanos(atNanos);
  }
}
