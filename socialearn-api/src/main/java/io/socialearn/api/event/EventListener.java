package io.socialearn.api.event;

import java.util.List;

/**
 * SPI: told of every batch of events after it is recorded and applied, for example to send
 * notifications or to feed the host's own analytics.
 *
 * <p>Called on the thread that ran the command, after the command's effects are visible to
 * reads. A listener that throws (anything but a virtual machine error) is logged and ignored: it
 * cannot undo or fail the command, nor keep the next listener from being told. Keep it fast; hand
 * slow work to an executor. Each batch is in sequence order, and every recorded batch is told
 * once; but commands running at once on several threads each tell theirs when they finish, so
 * a later batch may arrive before an earlier one: where order across batches matters, order by
 * {@link RecordedEvent#sequence()}.
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
