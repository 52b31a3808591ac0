package io.socialearn.core;

import io.socialearn.api.ForbiddenException;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.reputation.Privilege;
import io.socialearn.api.reputation.TrustLevel;
import io.socialearn.api.reputation.TrustStatus;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.core.internal.reputation.ReputationLedger;
import io.socialearn.core.reputation.TrustPolicy;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Works out trust levels and enforces privileges. Reads state under the engine's lock. */
final class Trust {
  private static final Pattern LINK = Pattern.compile(
      "(?i)\\b(?:https?://|ftp://|www\\.)\\S+|\\[[^\\]]*]\\([^)]+\\)");

  private final EngineState state;
  private final ReputationLedger reputation;
  private final TrustPolicy policy;

  Trust(EngineState state, ReputationLedger reputation, TrustPolicy policy) {
    this.state = state;
    this.reputation = reputation;
    this.policy = policy;
  }

  /** Whether a question or answer is community wiki. */
  boolean isCommunityWiki(ContentRef target) {
    return reputation.isCommunityWiki(target);
  }

  int reputationOf(PersonId person) {
    return reputation.score(person);
  }

  TrustStatus status(PersonId person) {
    int points = reputation.score(person);
    EngineState.DaysActive days = state.daysActive.get(person);
    int daysActive = days == null ? 0 : days.count();
    int answers = state.answersGiven.getOrDefault(person, 0);
    int threadsRead = state.threadsRead.getOrDefault(person, 0);
    int flagsAgreed = state.flagsAgreed.getOrDefault(person, 0);
    TrustLevel level = policy.levelOf(points, daysActive, answers, threadsRead, flagsAgreed);
    Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
    for (Privilege p : Privilege.values()) {
      if (policy.grants(level, p)) {
        privileges.add(p);
      }
    }
    return new TrustStatus(person, level, privileges, points, daysActive, answers, threadsRead,
        flagsAgreed);
  }

  /** Whether the actor has the privilege (administrators and the system have every one). */
  boolean has(Actor who, Privilege privilege) {
    return who.viewer().isAdministrator() || status(who.person()).privileges().contains(privilege);
  }

  /** Throws, naming the privilege and the level it needs, unless the actor has it. */
  void require(Actor who, Privilege privilege, String action) {
    if (!has(who, privilege)) {
      TrustLevel needed = policy.privileges().get(privilege);
      TrustLevel level = status(who.person()).level();
      throw new ForbiddenException(action, "needs the privilege " + privilege
          + (needed == null ? ", which this site grants by role only"
              : ", from trust level " + needed + " (" + needed.number() + "); "
                  + who.person() + " is at " + level + " (" + level.number() + ")"));
    }
  }

  /** Requires {@link Privilege#POST_LINKS} if {@code text} holds a link. */
  void checkLinks(Actor who, String text) {
    if (LINK.matcher(text).find()) {
      require(who, Privilege.POST_LINKS, "post links");
    }
  }
}
