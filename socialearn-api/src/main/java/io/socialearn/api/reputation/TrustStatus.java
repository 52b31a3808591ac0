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
 * @param threadsRead distinct threads they read (as the host reports with {@code RecordView})
 * @param flagsAgreed their flags that moderators agreed with
 */
public record TrustStatus(
    PersonId person,
    TrustLevel level,
    Set<Privilege> privileges,
    int reputation,
    int daysActive,
    int answers,
    int threadsRead,
    int flagsAgreed) {
  /** Checks that nothing required is missing, and copies collections. */
  public TrustStatus {
    Validate.required("person", person);
    Validate.required("level", level);
    privileges = Validate.set("privileges", privileges);
  }

  /** A status without reading or flagging figures (both 0), as before they were counted. */
  public TrustStatus(PersonId person, TrustLevel level, Set<Privilege> privileges,
      int reputation, int daysActive, int answers) {
    this(person, level, privileges, reputation, daysActive, answers, 0, 0);
  }
}
