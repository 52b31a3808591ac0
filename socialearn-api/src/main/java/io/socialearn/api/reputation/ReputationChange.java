package io.socialearn.api.reputation;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ContentRef;
import java.time.Instant;

/**
 * One change to a person's reputation, with its reason.
 *
 * @param person whose reputation changed
 * @param delta the points gained (positive) or lost (negative) after caps
 * @param reason why
 * @param source the post it concerns, or null
 * @param sequence the log sequence of the event that caused it
 * @param at when, to the second (the engine keeps a change's time no finer: the event's own
 *     timestamp, in the log, keeps its full precision)
 */
public record ReputationChange(
    PersonId person,
    int delta,
    ReputationReason reason,
    ContentRef source,
    long sequence,
    Instant at) {
  /** Checks that nothing required is missing, and copies collections. */
  public ReputationChange {
    Validate.required("person", person);
    Validate.required("reason", reason);
    Validate.required("at", at);
  }
}
