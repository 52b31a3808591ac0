package io.socialearn.core;

import io.socialearn.api.people.ActivityKind;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.ThreadId;
import java.time.Instant;

/** One entry of a person's activity list, as recorded; titles are looked up at read time. */
record ActivityEntry(long sequence, Instant at, ActivityKind kind, ThreadId thread, ContentRef target) {}
