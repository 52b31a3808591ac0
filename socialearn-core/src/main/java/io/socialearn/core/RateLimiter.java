package io.socialearn.core;

import io.socialearn.api.RateLimitedException;
import io.socialearn.api.people.PersonId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** A sliding-window counter of each person's commands. Guarded by the engine's write lock. */
final class RateLimiter {
  private final WriteRateLimit limit;
  private final Map<PersonId, Deque<Instant>> recent = new HashMap<>();

  RateLimiter(WriteRateLimit limit) {
    this.limit = limit;
  }

  /** Throws if {@code person} has used up the window at {@code now}. */
  void check(PersonId person, String action, Instant now) {
    if (limit.isUnlimited()) {
      return;
    }
    Deque<Instant> times = recent.get(person);
    if (times == null) {
      return;
    }
    Instant windowStart = now.minus(limit.window());
    while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
      times.pollFirst();
    }
    if (times.size() >= limit.maxWrites()) {
      Duration wait = Duration.between(now, times.peekFirst().plus(limit.window()));
      throw new RateLimitedException(action, wait.isNegative() ? Duration.ZERO : wait);
    }
  }

  /** Counts a command that succeeded. */
  void record(PersonId person, Instant now) {
    if (!limit.isUnlimited()) {
      recent.computeIfAbsent(person, p -> new ArrayDeque<>()).addLast(now);
    }
  }
}
