package io.socialearn.api.expertise;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ContentRef;
import java.time.Instant;

/**
 * One piece of evidence behind an expertise score, for example an accepted answer.
 *
 * @param kind what sort of evidence
 * @param source the post it comes from, or null (an endorsement, a declared skill)
 * @param from the colleague it comes from (an endorser, a voter), or null
 * @param weight how much it adds to the score, after recency decay
 * @param at when it happened
 */
public record Evidence(
    EvidenceKind kind,
    ContentRef source,
    PersonId from,
    double weight,
    Instant at) {
  /** Checks that nothing required is missing, and copies collections. */
  public Evidence {
    Validate.required("kind", kind);
    Validate.required("at", at);
  }
}
