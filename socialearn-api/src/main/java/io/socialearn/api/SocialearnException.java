package io.socialearn.api;

/**
 * The root of every error socialearn throws on purpose.
 *
 * <p>It is unchecked: a host catches the subtype it can act on ({@link NotFoundException},
 * {@link ForbiddenException}, {@link InvalidInputException}, {@link ConflictException},
 * {@link RateLimitedException}) and lets the rest propagate. A command that throws one of these
 * has changed nothing.
 */
public abstract class SocialearnException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message meant for a developer's log. */
  protected SocialearnException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  protected SocialearnException(String message, Throwable cause) {
    super(message, cause);
  }
}
