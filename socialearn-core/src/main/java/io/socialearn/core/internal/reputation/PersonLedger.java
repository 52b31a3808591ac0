package io.socialearn.core.internal.reputation;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.reputation.ReputationChange;
import io.socialearn.api.reputation.ReputationReason;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.core.internal.IntOrLongColumn;
import io.socialearn.core.reputation.ReputationRules;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
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
 * <p>Facts are held column-wise in primitive arrays (18 bytes a fact for votes under the usual
 * rules, against several hundred as objects), since a person's facts are one per vote they
 * received; the people and posts they name are codes of the ledger's {@link IdCodes}, so that a
 * snapshot writes and reads the columns whole. A fact's time is held to the second (four bytes
 * while it lies within 68 years of 2020), which is what a history shows and all the daily cap
 * needs. Not thread-safe: guarded by the engine's lock.
 */
final class PersonLedger {
  private static final ReputationReason[] REASONS = ReputationReason.values();
  private static final long SECONDS_PER_DAY = 86_400L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  /** The second the time column counts from: 2020-01-01T00:00:00Z. */
  static final long EPOCH_SECOND = 1_577_836_800L;
  /** The times a fact may have, in seconds from {@link #EPOCH_SECOND}: those of a nanos long. */
  private static final long FIRST = Math.floorDiv(Long.MIN_VALUE, NANOS_PER_SECOND) - EPOCH_SECOND;
  private static final long LAST = Long.MAX_VALUE / NANOS_PER_SECOND - EPOCH_SECOND;

  /** Matches facts for a reversal. */
  interface Match {
    boolean test(int kind, PersonId other, ContentRef keyRef, ContentRef source);
  }

  private final PersonId person;
  private final ReputationRules rules;
  /** The codes {@link #others} and {@link #keyRefs} hold, shared by the ledger's people. */
  private final IdCodes codes;
  private static final int VOTE = ReputationLedger.FactKind.VOTE.ordinal();
  /** How many kinds of fact there are. */
  private static final int KINDS = ReputationLedger.FactKind.values().length;
  /** How many low bits of {@link #pointsAndFlags} hold the flags. */
  private static final int FLAG_BITS = 9;

  private int size;
  /**
   * Each fact's log sequence: four bytes a fact while every one fits in an int (logs of up to two
   * billion events).
   */
  private final IntOrLongColumn sequences = new IntOrLongColumn(4);
  /** Each fact's time in whole seconds from {@link #EPOCH_SECOND}. */
  private final IntOrLongColumn seconds = new IntOrLongColumn(4);
  /**
   * Each fact's flags, reason ordinal (low 5 bits), capped (bit 5) and key kind (bits 6-8), with
   * its points above them: two bytes a fact while the points stay within 64 either way (every
   * vote's and accept's under the usual rules), four while they stay within four million (a
   * bounty, an adjustment: the person's column widens then).
   */
  private final IntOrLongColumn pointsAndFlags = IntOrLongColumn.startingShort(4);
  /**
   * The code of a vote's voter, or of another fact's source post: only votes have another
   * person, and a vote's source is always its key (the post voted on), so one column holds what
   * two would.
   */
  private int[] others = new int[4];
  /** The code of the post or thread each fact belongs to. */
  private int[] keyRefs = new int[4];

  /** The running fold of every fact so far. */
  private Fold current;

  /** A fold's running values: the total, the cap's day and use, the edits earned so far. */
  private static final class Fold {
    int total;
    long capDay = Long.MIN_VALUE;
    int capUsed;
    int editsEarned;
    /** The time of the last change, in the time column's seconds, or MIN_VALUE for none. */
    long lastSeconds = Long.MIN_VALUE;

    Fold(int floor) {
      total = floor;
    }
  }

  PersonLedger(PersonId person, ReputationRules rules, IdCodes codes) {
    this.person = person;
    this.rules = rules;
    this.codes = codes;
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
    return current.lastSeconds == Long.MIN_VALUE ? null : instantOf(current.lastSeconds);
  }

  /** Appends a fact and folds it; its time is kept to the second. */
  void add(int kind, PersonId other, ContentRef keyRef, long sequence, long atNanos,
      ReputationReason reason, ContentRef source, int value, boolean capped) {
    if (kind == VOTE ? source != keyRef && !Objects.equals(source, keyRef) : other != null) {
      throw new IllegalArgumentException("a vote's source must be the post voted on, and only a"
          + " vote has another person: kind " + kind + ", other " + other + ", key " + keyRef
          + ", source " + source);
    }
    if (size == others.length) {
      resize(size + (size >> 1) + 4);
    }
    sequences.set(size, sequence, size);
    seconds.set(size, Math.floorDiv(atNanos, NANOS_PER_SECOND) - EPOCH_SECOND, size);
    pointsAndFlags.set(size,
        (long) value << FLAG_BITS | reason.ordinal() | (capped ? 1 << 5 : 0) | kind << 6, size);
    others[size] = codes.codeOf(kind == VOTE ? other : source);
    keyRefs[size] = codes.codeOf(keyRef);
    size++;
    fold(current, size - 1, null);
  }

  private long sequence(int i) {
    return sequences.get(i);
  }

  private PersonId other(int i) {
    return kind(i) == VOTE ? (PersonId) codes.id(others[i]) : null;
  }

  private ContentRef keyRef(int i) {
    return (ContentRef) codes.id(keyRefs[i]);
  }

  private ContentRef source(int i) {
    return (ContentRef) codes.id(kind(i) == VOTE ? keyRefs[i] : others[i]);
  }

  private void resize(int length) {
    sequences.resize(length);
    seconds.resize(length);
    pointsAndFlags.resize(length);
    others = Arrays.copyOf(others, length);
    keyRefs = Arrays.copyOf(keyRefs, length);
  }

  /** Drops the room kept for more facts: after start-up, when most people get few more. */
  void trim() {
    if (others.length > size) {
      resize(size);
    }
  }

  /** Removes the facts that match and refolds; returns whether any did. */
  boolean remove(Match match) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (!match.test(kind(i), other(i), keyRef(i), source(i))) {
        if (kept != i) {
          sequences.move(i, kept);
          seconds.move(i, kept);
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
   * (whole seconds; {@link #instant} makes the instant).
   */
  void forEachFact(FactSink sink) {
    for (int i = 0; i < size; i++) {
      sink.accept(kind(i), other(i), keyRef(i), sequence(i),
          (seconds.get(i) + EPOCH_SECOND) * NANOS_PER_SECOND, reason(i), source(i), points(i),
          capped(i));
    }
  }

  /** Receives facts, as {@link #forEachFact} gives them. */
  interface FactSink {
    void accept(int kind, PersonId other, ContentRef keyRef, long sequence, long atNanos,
        ReputationReason reason, ContentRef source, int points, boolean capped);
  }

  /** Sets {@code used[code]} for every dense code (0 or more) the facts hold. */
  void markCodes(boolean[] used) {
    for (int i = 0; i < size; i++) {
      if (others[i] >= 0) {
        used[others[i]] = true;
      }
      if (keyRefs[i] >= 0) {
        used[keyRefs[i]] = true;
      }
    }
  }

  /**
   * Writes the facts as columns, what {@link #read} reads: their count, the sequences, the times
   * (seconds from {@link #EPOCH_SECOND}), the points with their flags, then the two code
   * columns, each dense code
   * {@code c} written as {@code written[c]}, a row's code and {@link IdCodes#NONE} as they are.
   */
  void writeTo(DataOutput out, int[] written) throws IOException {
    out.writeInt(size);
    sequences.writeTo(out, size);
    seconds.writeTo(out, size);
    pointsAndFlags.writeTo(out, size);
    for (int i = 0; i < size; i++) {
      out.writeInt(others[i] < 0 ? others[i] : written[others[i]]);
    }
    for (int i = 0; i < size; i++) {
      out.writeInt(keyRefs[i] < 0 ? keyRefs[i] : written[keyRefs[i]]);
    }
  }

  /**
   * Reads back what {@link #writeTo} wrote, with {@code codes} already restored to the written
   * codes, and folds it; a fact whose kind, reason, time or codes cannot be is refused.
   *
   * @param persons for each dense code, whether it is a person's (else a post's): what a fact's
   *     codes must be is checked against it, not by looking each id up; a row's code must name a
   *     row of the ledger's rows
   * @param timesInNanos whether the times were written as nanoseconds since the epoch, a long
   *     each (snapshot formats before 19), rather than as a column of seconds
   * @throws IOException if the columns are damaged
   */
  static PersonLedger read(PersonId person, ReputationRules rules, IdCodes codes,
      boolean[] persons, ByteBuffer in, boolean timesInNanos) throws IOException {
    int n = in.getInt();
    // A fact takes 18 bytes at least (two of points, four of sequence and of time): no more
    // room than that.
    if (n < 0 || n > in.remaining() / 18) {
      throw new IOException(person + " has " + n + " facts in " + in.remaining() + " bytes");
    }
    PersonLedger ledger = new PersonLedger(person, rules, codes);
    ledger.sequences.replace(IntOrLongColumn.readFrom(in, n));
    if (timesInNanos) {
      if (n > in.remaining() / 8) {
        throw new IOException(person + " has " + n + " times in " + in.remaining() + " bytes");
      }
      ledger.resize(n);
      for (int i = 0; i < n; i++) {
        long nanos = in.getLong();
        if (nanos == Long.MIN_VALUE) {
          throw new IOException("fact " + i + " of " + person + " has no time");
        }
        ledger.seconds.set(i, Math.floorDiv(nanos, NANOS_PER_SECOND) - EPOCH_SECOND, i);
      }
    } else {
      ledger.seconds.replace(IntOrLongColumn.readFrom(in, n));
    }
    ledger.pointsAndFlags.replace(IntOrLongColumn.readFrom(in, n));
    ledger.others = new int[n];
    in.asIntBuffer().get(ledger.others);
    in.position(in.position() + 4 * n);
    ledger.keyRefs = new int[n];
    in.asIntBuffer().get(ledger.keyRefs);
    in.position(in.position() + 4 * n);
    ledger.size = n;
    for (int i = 0; i < n; i++) {
      ledger.check(i, persons);
    }
    ledger.current = ledger.refold(null);
    return ledger;
  }

  /** Refuses a fact read back that no {@link #add} could have made. */
  private void check(int i, boolean[] persons) throws IOException {
    int flags = flags(i);
    int kind = flags >> 6;
    long second = seconds.get(i);
    if (kind >= KINDS || (flags & 0x1f) >= REASONS.length || second < FIRST || second > LAST) {
      throw new IOException("fact " + i + " of " + person + " has kind " + kind + ", reason "
          + (flags & 0x1f) + " and time " + second + " s from 2020");
    }
    int other = others[i];
    int key = keyRefs[i];
    if (other >= persons.length || key >= persons.length
        || other < IdCodes.NONE && !codes.isRow(other) || key < IdCodes.NONE && !codes.isRow(key)) {
      throw new IOException("fact " + i + " of " + person + " names codes " + other + " and "
          + key + " of " + persons.length);
    }
    // Past the range check, a code is none, a row's (below none: a post's) or a dense one.
    boolean fits = kind == VOTE ? other >= 0 && persons[other] && key != IdCodes.NONE
        && (key < 0 || !persons[key])
        : (other < 0 || !persons[other]) && (key < 0 || !persons[key]);
    if (!fits) {
      throw new IOException("fact " + i + " of " + person + " names " + codes.id(other)
          + " and " + codes.id(key));
    }
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
      long day = Math.floorDiv(seconds.get(i) + EPOCH_SECOND, SECONDS_PER_DAY);
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
      f.lastSeconds = seconds.get(i);
      if (changes != null) {
        changes.add(new ReputationChange(person, delta, reason, source(i), sequence(i),
            instantOf(f.lastSeconds)));
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

  /** The instant {@code second} of the time column stands for. */
  private static Instant instantOf(long second) {
    return Instant.ofEpochSecond(second + EPOCH_SECOND);
  }

  /** The instant {@code nanos} since the epoch stands for. */
  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
        Math.floorMod(nanos, 1_000_000_000L));
  }
}
