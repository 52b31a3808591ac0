package io.socialearn.core.reputation;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.reputation.ReputationChange;
import io.socialearn.api.reputation.ReputationReason;
import io.socialearn.api.thread.ContentRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One person's reputation: the facts that earn or cost points, in log order, and the changes they
 * make after the daily cap, the cap on approved edits and the floor. New facts are folded at the
 * end; removing one (a reversal) refolds the person's whole history, so the result is always as
 * if the removed fact had never counted. Not thread-safe: guarded by the engine's lock.
 */
final class PersonLedger {
  /** A fact worth {@code points} (negative for losses); capped ones count towards the cap. */
  record Fact(String key, long sequence, Instant at, ReputationReason reason, ContentRef source,
      int points, boolean capped) {}

  private final PersonId person;
  private final ReputationRules rules;
  private final List<Fact> facts = new ArrayList<>();
  private final List<ReputationChange> changes = new ArrayList<>();
  private int total;
  private LocalDate capDay;
  private int capUsed;
  private int editsEarned;

  PersonLedger(PersonId person, ReputationRules rules) {
    this.person = person;
    this.rules = rules;
    this.total = rules.floor();
  }

  int total() {
    return total;
  }

  List<Fact> facts() {
    return facts;
  }

  List<ReputationChange> changes() {
    return changes;
  }

  void add(Fact fact) {
    facts.add(fact);
    fold(fact);
  }

  /** Removes the facts that match and refolds; returns whether any did. */
  boolean remove(Predicate<Fact> match) {
    if (!facts.removeIf(match)) {
      return false;
    }
    total = rules.floor();
    capDay = null;
    capUsed = 0;
    editsEarned = 0;
    changes.clear();
    facts.forEach(this::fold);
    return true;
  }

  private void fold(Fact fact) {
    int points = fact.points();
    boolean edit = fact.reason() == ReputationReason.EDIT_APPROVED && points > 0;
    if (edit) {
      points = Math.min(points, rules.suggestedEditCap() - editsEarned);
    }
    if (fact.capped() && points > 0) {
      LocalDate day = LocalDate.ofInstant(fact.at(), ZoneOffset.UTC);
      if (!day.equals(capDay)) {
        capDay = day;
        capUsed = 0;
      }
      points = Math.min(points, rules.dailyVoteCap() - capUsed);
      capUsed += points;
    }
    if (edit) {
      editsEarned += points;
    }
    int next = Math.max(rules.floor(), total + points);
    int delta = next - total;
    total = next;
    if (delta != 0) {
      changes.add(new ReputationChange(person, delta, fact.reason(), fact.source(),
          fact.sequence(), fact.at()));
    }
  }
}
