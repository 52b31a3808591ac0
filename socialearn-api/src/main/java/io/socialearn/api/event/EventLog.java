package io.socialearn.api.event;

import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * SPI: the ordered log of every event, the single source of truth.
 *
 * <p>Sequences start at 1 and have no gaps. A batch is appended whole or not at all. An
 * implementation must be thread-safe; a durable one returns from {@link #append} only once the
 * batch is durable.
 */
public interface EventLog extends Closeable {

  /**
   * Appends a batch atomically, if the log still ends at {@code expectedLastSequence}.
   *
   * @param expectedLastSequence the sequence the caller last saw, or 0 for an empty log
   * @param events the events, at least one
   * @param timestamp the time stamped on each of them
   * @return the events as recorded, with their sequences
   * @throws io.socialearn.api.ConflictException if the log has moved past {@code
   *     expectedLastSequence}; nothing is appended
   * @throws EventLogException if the log cannot write; nothing is appended
   */
  List<RecordedEvent> append(long expectedLastSequence, List<DomainEvent> events, Instant timestamp);

  /**
   * Appends a batch as {@link #append} does, but a durable log may return before the batch is
   * durable: the caller waits with {@link PendingAppend#awaitDurable()} before telling anyone it
   * was recorded. A caller that appends under a lock of its own can so wait outside that lock,
   * and concurrent callers share one force. Reads see the batch at once (a read may wait for it
   * to be durable). This default appends with {@link #append}, so the batch is durable already.
   *
   * @param expectedLastSequence as for {@link #append}
   * @param events as for {@link #append}
   * @param timestamp as for {@link #append}
   * @return the batch, to wait for
   * @throws io.socialearn.api.ConflictException as for {@link #append}
   * @throws EventLogException if the log cannot write; nothing is appended
   */
  default PendingAppend appendPending(long expectedLastSequence, List<DomainEvent> events,
      Instant timestamp) {
    return PendingAppend.durable(append(expectedLastSequence, events, timestamp));
  }

  /**
   * Reads every event with a sequence of at least {@code fromSequence}, in order. The caller
   * closes the stream.
   *
   * @throws EventLogException if the log cannot be read
   */
  Stream<RecordedEvent> readFrom(long fromSequence);

  /**
   * Reads the one event with {@code sequence}. The engine reads bodies and revisions this way,
   * since its read models do not keep their text; this default reads from {@link #readFrom}, and
   * an implementation that can seek should override it.
   *
   * @param sequence the sequence wanted, from 1 to {@link #lastSequence()}
   * @return the event
   * @throws EventLogException if the log holds no such sequence or cannot be read
   */
  default RecordedEvent read(long sequence) {
    try (Stream<RecordedEvent> events = readFrom(sequence)) {
      return events.findFirst().filter(e -> e.sequence() == sequence).orElseThrow(
          () -> new EventLogException("the event log holds no sequence " + sequence));
    }
  }

  /** The sequence of the last event, or 0 if the log is empty. */
  long lastSequence();

  /** Releases the log's resources; appending afterwards fails. */
  @Override
  void close();
}
