package io.socialearn.harness;

/**
 * Bad arguments or bad input files: the harness prints the message as one line and exits with
 * status 2. The message names the argument or the file and the problem.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message. */
  public UsageException(String message) {
    super(message);
  }

  /** Creates the exception with a one-line message and its cause. */
  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
