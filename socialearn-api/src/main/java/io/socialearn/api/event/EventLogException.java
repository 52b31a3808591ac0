package io.socialearn.api.event;

import io.socialearn.api.SocialearnException;

/** The event log could not read or write, for example because the disk is full or damaged. */
public final class EventLogException extends SocialearnException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public EventLogException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception without a cause. */
  public EventLogException(String message) {
    super(message);
  }
}
