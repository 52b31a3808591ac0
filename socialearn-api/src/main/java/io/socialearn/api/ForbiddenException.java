package io.socialearn.api;

import java.util.Objects;

/** The viewer may see the thing but may not do this to it; the message says which rule refused. */
public final class ForbiddenException extends SocialearnException {
  private static final long serialVersionUID = 1L;

  private final String action;

  /**
   * Creates the exception.
   *
   * @param action the action that was refused, for example {@code "vote"}
   * @param reason why, in a sentence a developer can show or log
   */
  public ForbiddenException(String action, String reason) {
    super(Objects.requireNonNull(action, "action") + " forbidden: " + Objects.requireNonNull(reason, "reason"));
    this.action = action;
  }

  /** The action that was refused, for example {@code "vote"} or {@code "accept"}. */
  public String action() {
    return action;
  }
}
