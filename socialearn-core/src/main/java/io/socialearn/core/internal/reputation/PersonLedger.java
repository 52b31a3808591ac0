package io.socialearn.core.internal.reputation;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.reputation.ReputationChange;
import io.socialearn.api.reputation.ReputationReason;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.core.reputation.ReputationRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One person's reputation: the facts that earn or cost points, in log order, and the running
 * total after the daily cap, the cap on approved edits and the floor. New facts are folded at the
 * end; removing some (a reversal) refolds the person's whole history, so the result is always as
 * if the removed facts had never counted. The changes a history shows are folded again on demand.
 *
 * <p>Facts are held column-wise in primitive arrays (22 bytes a fact for votes under the usual
 * rules, against several hundred as objects), since a person's facts are one per vote they
 * received. Not thread-safe: guarded by the engine's lock.
 */
final class PersonLedger {
  private static final ReputationReason[] REASONS = ReputationReason.values();
  private static final long NANOS_PER_DAY = 86_400L * 1_000_000_000L;

  /** Matches facts for a reversal. */
  interface Match {
    boolean test(int kind, PersonId other, ContentRef keyRef, ContentRef source);
  }

  private final PersonId person;
  private final ReputationRules rules;
  private static final int VOTE = ReputationLedger.FactKind.VOTE.ordinal();
  /** How many low bits of {@link #pointsAndFlags} hold the flags. */
  private static final int FLAG_BITS = 9;

  private int size;
  /**
   * Each fact's log sequence: four bytes a fact while every one fits in an int (logs of up to two
   * billion events).
   */
  private final IntOrLongColumn sequences = new IntOrLongColumn(4);
  private long[] nanos = new long[4];
  /**
   * Each fact's flags, reason ordinal (low 5 bits), capped (bit 5) and key kind (bits 6-8), with
   * its points above them: two bytes a fact while the points stay within 64 either way (every
   * vote's and accept's under the usual rules), four while they stay within four million (a
   * bounty, an adjustment: the person's column widens then).
   */
  private final IntOrLongColumn pointsAndFlags = IntOrLongColumn.startingShort(4);
  /**
   * A vote's voter, or another fact's source post: only votes have another person, and a vote's
   * source is always its key (the post voted on), so one column holds what two would.
   */
  private Object[] others = new Object[4];
  private ContentRef[] keyRefs = new ContentRef[4];

  /** The running fold of every fact so far. */
  private Fold current;

  /** A fold's running values: the total, the cap's day and use, the edits earned so far. */
  private static final class Fold {
    int total;
    long capDay = Long.MIN_VALUE;
    int capUsed;
    int editsEarned;
    long lastNanos = Long.MIN_VALUE;

    Fold(int floor) {
      total = floor;
    }
  }

  PersonLedger(PersonId person, ReputationRules rules) {
    this.person = person;
    this.rules = rules;
    this.current = new Fold(rules.floor());
  }

  int total() {
    return current.total;
  }

  int size() {
    return size;
  }

  /** When the last change to the total happened, or null if none did. */
  Instant lastChange() {
    return current.lastNanos == Long.MIN_VALUE ? null : instant(current.lastNanos);
  }

  /** Appends a fact and folds it. */
  void add(int kind, PersonId other, ContentRef keyRef, long sequence, long atNanos,
      ReputationReason reason, ContentRef source, int value, boolean capped) {
    if (kind == VOTE ? source != keyRef && !Objects.equals(source, keyRef) : other != null) {
      throw new IllegalArgumentException("a vote's source must be the post voted on, and only a"
          + " vote has another person: kind " + kind + ", other " + other + ", key " + keyRef
          + ", source " + source);
    }
    if (size == nanos.length) {
      resize(size + (size >> 1) + 4);
    }
    sequences.set(size, sequence, size);
    nanos[size] = atNanos;
    pointsAndFlags.set(size,
        (long) value << FLAG_BITS | reason.ordinal() | (capped ? 1 << 5 : 0) | kind << 6, size);
    others[size] = kind == VOTE ? other : source;
    keyRefs[size] = keyRef;
    size++;
    fold(current, size - 1, null);
  }

  private long sequence(int i) {
    return sequences.get(i);
  }

  private PersonId other(int i) {
    return kind(i) == VOTE ? (PersonId) others[i] : null;
  }

  private ContentRef source(int i) {
    return kind(i) == VOTE ? keyRefs[i] : (ContentRef) others[i];
  }

  /** Makes room for {@code more} facts at once: a snapshot says how many it restores. */
  void reserve(int more) {
    if (size + more > nanos.length) {
      resize(size + more);
    }
  }

  private void resize(int length) {
    sequences.resize(length);
    nanos = Arrays.copyOf(nanos, length);
    pointsAndFlags.resize(length);
    others = Arrays.copyOf(others, length);
    keyRefs = Arrays.copyOf(keyRefs, length);
  }

  /** Drops the room kept for more facts: after start-up, when most people get few more. */
  void trim() {
    if (nanos.length > size) {
      resize(size);
    }
  }

  /** Removes the facts that match and refolds; returns whether any did. */
  boolean remove(Match match) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (!match.test(kind(i), other(i), keyRefs[i], source(i))) {
        if (kept != i) {
          sequences.move(i, kept);
          nanos[kept] = nanos[i];
          pointsAndFlags.move(i, kept);
          others[kept] = others[i];
          keyRefs[kept] = keyRefs[i];
        }
        kept++;
      }
    }
    if (kept == size) {
      return false;
    }
    Arrays.fill(others, kept, size, null);
    Arrays.fill(keyRefs, kept, size, null);
    size = kept;
    current = refold(null);
    return true;
  }

  /** The changes the facts make, oldest first, folded afresh (reads only: safe for readers). */
  List<ReputationChange> changes() {
    List<ReputationChange> changes = new ArrayList<>();
    refold(changes);
    return changes;
  }

  /**
   * Calls {@code sink} with every fact, in log order, its time in nanoseconds since the epoch
   * ({@link #instant} makes the instant where one is wanted; a snapshot writes millions without).
   */
  <E extends Exception> void forEachFact(FactSink<E> sink) throws E {
    for (int i = 0; i < size; i++) {
      sink.accept(kind(i), other(i), keyRefs[i], sequence(i), nanos[i], reason(i), source(i),
          points(i), capped(i));
    }
  }

  /** Receives facts, as {@link #forEachFact} gives them; may throw {@code E}. */
  interface FactSink<E extends Exception> {
    void accept(int kind, PersonId other, ContentRef keyRef, long sequence, long atNanos,
        ReputationReason reason, ContentRef source, int points, boolean capped) throws E;
  }

  private Fold refold(List<ReputationChange> changes) {
    Fold fold = new Fold(rules.floor());
    for (int i = 0; i < size; i++) {
      fold(fold, i, changes);
    }
    return fold;
  }

  private void fold(Fold f, int i, List<ReputationChange> changes) {
    int value = points(i);
    ReputationReason reason = reason(i);
    boolean edit = reason == ReputationReason.EDIT_APPROVED && value > 0;
    if (edit) {
      value = Math.min(value, rules.suggestedEditCap() - f.editsEarned);
    }
    if (capped(i) && value > 0) {
      long day = Math.floorDiv(nanos[i], NANOS_PER_DAY);
      if (day != f.capDay) {
        f.capDay = day;
        f.capUsed = 0;
      }
      value = Math.min(value, rules.dailyVoteCap() - f.capUsed);
      f.capUsed += value;
    }
    if (edit) {
      f.editsEarned += value;
    }
    int next = Math.max(rules.floor(), f.total + value);
    int delta = next - f.total;
    f.total = next;
    if (delta != 0) {
      f.lastNanos = nanos[i];
      if (changes != null) {
        changes.add(new ReputationChange(person, delta, reason, source(i), sequence(i),
            instant(nanos[i])));
      }
    }
  }

  private int flags(int i) {
    return (int) pointsAndFlags.get(i) & (1 << FLAG_BITS) - 1;
  }

  private int points(int i) {
    return (int) (pointsAndFlags.get(i) >> FLAG_BITS);
  }

  private int kind(int i) {
    return flags(i) >> 6;
  }

  private ReputationReason reason(int i) {
    return REASONS[flags(i) & 0x1f];
  }

  private boolean capped(int i) {
    return (flags(i) & 1 << 5) != 0;
  }

  /** {@code at} in nanoseconds since the epoch, as the columns hold times. */
  static long nanos(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
  }

  /** The instant {@code nanos} since the epoch stands for. */
  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
        Math.floorMod(nanos, 1_000_000_000L));
  }
}
