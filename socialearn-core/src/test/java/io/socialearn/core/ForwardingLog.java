package io.socialearn.core;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.RecordedEvent;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** An event log that hands everything to another: tests override what they interfere with. */
abstract class ForwardingLog implements EventLog {
  final EventLog delegate;

  ForwardingLog(EventLog delegate) {
    this.delegate = delegate;
  }

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
  public void close() {
    delegate.close();
  }
}
