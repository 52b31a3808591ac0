package io.socialearn.core;

import io.socialearn.api.InvalidInputException;

/**
 * Whether and how the engine routes new questions: after a question is asked, it picks the
 * {@code people} most likely to answer it (who knows, available, not the asker) and records a
 * {@link io.socialearn.api.event.QuestionRouted} event that listeners can turn into
 * notifications. Nobody is asked more than {@code dailyCap} times a day (UTC). Immutable.
 *
 * @param people how many people to ask per question; 0 turns routing off
 * @param dailyCap the most questions routed to one person per day, at least 1
 */
public record RoutingPolicy(int people, int dailyCap) {
  private static final RoutingPolicy OFF = new RoutingPolicy(0, 1);

  /** Checks the bounds. */
  public RoutingPolicy {
    if (people < 0 || people > 20) {
      throw new InvalidInputException("people", "range", "people must be between 0 and 20");
    }
    if (dailyCap < 1) {
      throw new InvalidInputException("dailyCap", "positive", "dailyCap must be at least 1");
    }
  }

  /** No routing: the default. */
  public static RoutingPolicy off() {
    return OFF;
  }

  /** Routes each question to {@code people} people, each asked at most {@code dailyCap} a day. */
  public static RoutingPolicy suggest(int people, int dailyCap) {
    return new RoutingPolicy(people, dailyCap);
  }

  boolean enabled() {
    return people > 0;
  }
}
