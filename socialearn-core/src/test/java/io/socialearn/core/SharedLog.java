package io.socialearn.core;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.RecordedEvent;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** A view of another engine's log that a second engine may close without closing the first's. */
record SharedLog(EventLog delegate) implements EventLog {
  @Override
  public List<RecordedEvent> append(long expected, List<DomainEvent> events, Instant timestamp) {
    return delegate.append(expected, events, timestamp);
  }

  @Override
  public Stream<RecordedEvent> readFrom(long fromSequence) {
    return delegate.readFrom(fromSequence);
  }

  @Override
  public long lastSequence() {
    return delegate.lastSequence();
  }

  @Override
  public void close() {}
}
