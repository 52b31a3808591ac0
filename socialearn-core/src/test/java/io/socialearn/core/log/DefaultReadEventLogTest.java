package io.socialearn.core.log;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.RecordedEvent;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The contract for a host's log that implements only the required methods, so that {@link
 * EventLog#read}'s default (a read through {@link EventLog#readFrom}) is what is checked.
 */
class DefaultReadEventLogTest extends EventLogContract {
  @Override
  protected EventLog newLog() {
    InMemoryEventLog inner = InMemoryEventLog.create();
    return new EventLog() {
      @Override
      public List<RecordedEvent> append(long expectedLastSequence, List<DomainEvent> events,
          Instant timestamp) {
        return inner.append(expectedLastSequence, events, timestamp);
      }

      @Override
      public Stream<RecordedEvent> readFrom(long fromSequence) {
        return inner.readFrom(fromSequence);
      }

      @Override
      public long lastSequence() {
        return inner.lastSequence();
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }
}
