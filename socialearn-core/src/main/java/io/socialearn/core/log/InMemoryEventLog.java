package io.socialearn.core.log;

import io.socialearn.api.ConflictException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.RecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * An {@link EventLog} kept in memory; its events are gone when the JVM exits.
 *
 * <p>Meant for tests, demos and hosts that rebuild their state some other way. Sequences start at
 * 1 and have no gaps; a batch is appended whole or not at all.
 *
 * <p>Thread-safe: appends are serialised by a write lock, and {@link #readFrom} copies the events
 * it returns under a read lock, so its stream is a snapshot that later appends do not change.
 * After {@link #close()} the log refuses {@link #append} and {@link #readFrom} with an {@link
 * EventLogException}; {@link #lastSequence()} keeps answering.
 */
public final class InMemoryEventLog implements EventLog {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  /** The events; the one at index {@code i} has sequence {@code i + 1}. Guarded by lock. */
  private final List<RecordedEvent> events = new ArrayList<>();
  /** The last sequence at the time of closing; only meaningful once closed. Guarded by lock. */
  private long lastSequenceAtClose;
  /** Whether {@link #close()} was called. Guarded by lock. */
  private boolean closed;

  private InMemoryEventLog() {}

  /**
   * Creates an empty, open log.
   *
   * @return a new log whose {@link #lastSequence()} is 0
   */
  public static InMemoryEventLog create() {
    return new InMemoryEventLog();
  }

  /**
   * Appends a batch atomically, if the log still ends at {@code expectedLastSequence}.
   * Thread-safe; concurrent appends are serialised, and of two appends that expect the same
   * sequence, one wins and the other gets a {@link ConflictException}.
   *
   * @param expectedLastSequence the sequence the caller last saw, or 0 for an empty log
   * @param events the events, at least one and none null
   * @param timestamp the time stamped on each of them
   * @return the events as recorded, with their sequences, in order
   * @throws ConflictException if the log does not end at {@code expectedLastSequence}; the
   *     message names both sequences, and nothing is appended
   * @throws InvalidInputException if {@code expectedLastSequence} is negative, {@code events} is
   *     null, empty or holds a null, or {@code timestamp} is null
   * @throws EventLogException if the log is closed
   */
  @Override
  public List<RecordedEvent> append(
      long expectedLastSequence, List<DomainEvent> events, Instant timestamp) {
    List<DomainEvent> batch = AppendBatches.validated(expectedLastSequence, events, timestamp);
    lock.writeLock().lock();
    try {
      ensureOpen();
      long last = this.events.size();
      if (expectedLastSequence != last) {
        throw new ConflictException("the event log ends at sequence " + last
            + ", not at the expected sequence " + expectedLastSequence
            + "; read the newer events and retry");
      }
      List<RecordedEvent> recorded = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        recorded.add(new RecordedEvent(last + 1 + i, timestamp, batch.get(i)));
      }
      this.events.addAll(recorded);
      return List.copyOf(recorded);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Reads the one event with {@code sequence}, without copying the log. Thread-safe.
   *
   * @param sequence the sequence wanted, from 1 to {@link #lastSequence()}
   * @return the event
   * @throws EventLogException if the log is closed or holds no such sequence
   */
  @Override
  public RecordedEvent read(long sequence) {
    lock.readLock().lock();
    try {
      ensureOpen();
      if (sequence < 1 || sequence > events.size()) {
        throw new EventLogException("the event log holds sequences 1 to " + events.size()
            + ", not " + sequence);
      }
      return events.get((int) (sequence - 1));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Reads every event with a sequence of at least {@code fromSequence}, in order. Thread-safe;
   * the stream is a snapshot taken now, unaffected by later appends. A {@code fromSequence} below
   * 1 is read as 1; one past the end gives an empty stream.
   *
   * @param fromSequence the first sequence wanted
   * @return the events, in sequence order; closing the stream is harmless but not required
   * @throws EventLogException if the log is closed
   */
  @Override
  public Stream<RecordedEvent> readFrom(long fromSequence) {
    long from = Math.max(1, fromSequence);
    lock.readLock().lock();
    try {
      ensureOpen();
      if (from > events.size()) {
        return Stream.empty();
      }
      return List.copyOf(events.subList((int) (from - 1), events.size())).stream();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The sequence of the last event, or 0 if the log is empty. Thread-safe; still answers after
   * {@link #close()}.
   *
   * @return the last sequence
   */
  @Override
  public long lastSequence() {
    lock.readLock().lock();
    try {
      return closed ? lastSequenceAtClose : events.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Closes the log and drops its events; later appends and reads fail with an {@link
   * EventLogException}. Thread-safe and idempotent.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        lastSequenceAtClose = events.size();
        events.clear();
        closed = true;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Describes the log for debugging. Thread-safe.
   *
   * @return the class name, the last sequence and whether the log is closed
   */
  @Override
  public String toString() {
    lock.readLock().lock();
    try {
      return "InMemoryEventLog[lastSequence=" + (closed ? lastSequenceAtClose : events.size())
          + (closed ? ", closed]" : "]");
    } finally {
      lock.readLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new EventLogException("the in-memory event log is closed");
    }
  }
}
