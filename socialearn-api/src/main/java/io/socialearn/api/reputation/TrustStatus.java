package io.socialearn.api.reputation;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import java.util.Set;

/**
 * A person's trust level, the privileges it unlocks, and the figures it rests on.
 *
 * @param person who
 * @param level their level
 * @param privileges what they may do beyond the basics
 * @param reputation their reputation
 * @param daysActive distinct days (UTC) on which they visited or took part
 * @param answers answers they have given
 */
public record TrustStatus(
    PersonId person,
    TrustLevel level,
    Set<Privilege> privileges,
    int reputation,
    int daysActive,
    int answers) {
  /** Checks that nothing required is missing, and copies collections. */
  public TrustStatus {
    Validate.required("person", person);
    Validate.required("level", level);
    privileges = Set.copyOf(Validate.required("privileges", privileges));
  }
}
