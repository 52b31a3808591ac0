package io.socialearn.api;

/**
 * The command is well formed but clashes with the current state, for example voting the same way
 * twice, registering a person who exists, or appending to a log that moved on.
 */
public final class ConflictException extends SocialearnException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what clashed. */
  public ConflictException(String message) {
    super(message);
  }
}
