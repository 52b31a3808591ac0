package io.socialearn.api.event;

import java.util.List;

/**
 * SPI: told of every batch of events after it is recorded and applied, for example to send
 * notifications or to feed the host's own analytics.
 *
 * <p>Called on the thread that ran the command, after the command's effects are visible to
 * reads. A listener that throws is logged and ignored: it cannot undo or fail the command. Keep it
 * fast; hand slow work to an executor.
 */
@FunctionalInterface
public interface EventListener {

  /** Receives a batch of events, in sequence order. */
  void onEvents(List<RecordedEvent> events);

  /** A listener that does nothing. */
  static EventListener noop() {
    return events -> {};
  }
}
