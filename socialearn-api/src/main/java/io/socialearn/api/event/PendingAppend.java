package io.socialearn.api.event;

import java.util.List;

/**
 * A batch appended to an {@link EventLog} that may not be durable yet, from {@link
 * EventLog#appendPending}. Its events have their sequences and are read back by the log, but
 * nobody may be told they were recorded before {@link #awaitDurable()} returns.
 */
public interface PendingAppend {
  /** The events as recorded, with their sequences. */
  List<RecordedEvent> events();

  /**
   * Returns once the batch is durable (at once if it already is). Thread-safe; may be called
   * more than once.
   *
   * @throws EventLogException if the log lost the batch before it was durable (an I/O failure);
   *     it is then not in the log
   */
  void awaitDurable();

  /** A batch that is durable already. */
  static PendingAppend durable(List<RecordedEvent> events) {
    List<RecordedEvent> copy = List.copyOf(events);
    return new PendingAppend() {
      @Override
      public List<RecordedEvent> events() {
        return copy;
      }

      @Override
      public void awaitDurable() {}
    };
  }
}
