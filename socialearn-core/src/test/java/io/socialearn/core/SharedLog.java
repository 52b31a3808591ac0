package io.socialearn.core;

import io.socialearn.api.event.EventLog;

/** A view of another engine's log that a second engine may close without closing the first's. */
final class SharedLog extends ForwardingLog {
  SharedLog(EventLog delegate) {
    super(delegate);
  }

  @Override
  public void close() {}
}
