package io.socialearn.api;

/**
 * What a command that creates nothing returns: the sequence of the last event it appended.
 *
 * <p>A host can compare {@code sequence} with {@link SocialLearning#lastSequence()} (or a search
 * index's checkpoint) to know that a read reflects the command.
 *
 * @param sequence the log sequence of the command's last event
 */
public record Done(long sequence) {
  /** Checks the sequence. */
  public Done {
    if (sequence < 1) {
      throw new InvalidInputException("sequence", "positive", "sequence must be at least 1");
    }
  }
}
