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
import java.util.Map;
import java.util.Objects;

/**
 * One person's reputation: the facts that earn or cost points, in log order, and the running
 * total after the daily cap, the cap on approved edits, the floor and a ceiling of the most an int
 * holds (a gain past it is cut, never wrapped). New facts are folded at the
 * end; removing some (a reversal) refolds the person's whole history, so the result is always as
 * if the removed facts had never counted. The changes a history shows are folded again on demand.
 *
 * <p>Every use of the facts walks them in order (a fold, a removal, a history, a snapshot), so
 * they are held as one byte stream a person, each fact four or five variable-length numbers
 * (seven bits a byte): its sequence and its time less the previous fact's, its points with their
 * flags unless they are the previous fact's, and the codes of the people and posts it names (of
 * the ledger's {@link IdCodes}). A vote received takes about eight bytes so, against 18 as
 * columns of ints and several hundred as objects; a person's facts are one per vote they
 * received. A fact's time is held to the second, which is what a
 * history shows and all the daily cap needs. Not thread-safe: guarded by the engine's lock.
 */
final class PersonLedger {
  private static final ReputationReason[] REASONS = ReputationReason.values();
  private static final long SECONDS_PER_DAY = 86_400L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  /** The second the time deltas start from: 2020-01-01T00:00:00Z. */
  private static final long EPOCH_SECOND = 1_577_836_800L;
  /** The times a fact may have, in seconds from {@link #EPOCH_SECOND}: those of a nanos long. */
  private static final long FIRST = Math.floorDiv(Long.MIN_VALUE, NANOS_PER_SECOND) - EPOCH_SECOND;
  private static final long LAST = Long.MAX_VALUE / NANOS_PER_SECOND - EPOCH_SECOND;
  /** The most bytes one fact takes: five numbers of at most ten bytes. */
  private static final int MAX_FACT_BYTES = 50;

  /** Matches facts for a reversal. */
  interface Match {
    boolean test(int kind, PersonId other, ContentRef keyRef, ContentRef source);
  }

  /** Matches facts by their kind and codes, without looking their ids up. */
  private interface CodeMatch {
    boolean test(FactView f);
  }

  private final PersonId person;
  private final ReputationRules rules;
  /** The codes the facts name, shared by the ledger's people. */
  private final IdCodes codes;
  private static final int VOTE = ReputationLedger.FactKind.VOTE.ordinal();
  private static final int ACCEPT = ReputationLedger.FactKind.ACCEPT.ordinal();
  /** How many kinds of fact there are. */
  private static final int KINDS = ReputationLedger.FactKind.values().length;
  /** How many low bits of a fact's points and flags hold the flags. */
  private static final int FLAG_BITS = 9;

  private int size;
  /**
   * The facts, one after another, each: its sequence less the last fact's (zigzag); its time in
   * seconds less the last fact's (zigzag; the first from {@link #EPOCH_SECOND}) shifted left by
   * one, with 1 in the low bit when its points and flags are the last fact's (0 before the
   * first), which are then not written; else its points shifted above its flags (zigzag; the
   * flags: reason ordinal in the low 5 bits, capped in bit 5, kind in bits 6-8); then its other
   * code; then its key's code less the last fact's (zigzag; the first's less {@link
   * IdCodes#NONE}). A person's up votes received, most of their facts, share their points and
   * flags, so most facts leave them out. The other code is a vote's voter (plain: a person's code
   * is never negative) or another fact's source post (zigzag of the code plus one: a row's code
   * is below {@link IdCodes#NONE}); only votes have another person, and a vote's source is always
   * its key (the post voted on), so one number holds what two would. A person's votes come mostly
   * on their few latest posts, so a key less the last takes about two bytes where the whole code
   * of one of a million rows took three or four (10.7 million facts: 89 MB, 13 MB less).
   */
  private byte[] bytes = new byte[16];
  private int length;
  /**
   * The sequence, time (in the stream's seconds) and points with flags of the last fact, or 0 for
   * none.
   */
  private long lastSequence;
  private long lastSecond;
  private long lastPointsAndFlags;
  /** The key's code of the last fact, or {@link IdCodes#NONE} for none. */
  private int lastKey = IdCodes.NONE;

  /** The running fold of every fact so far. */
  private Fold current;

  /** A fold's running values: the total, the cap's day and use, the edits earned so far. */
  private static final class Fold {
    int total;
    long capDay = Long.MIN_VALUE;
    int capUsed;
    int editsEarned;
    /** The time of the last change, in the stream's seconds, or MIN_VALUE for none. */
    long lastSecond = Long.MIN_VALUE;

    Fold(int floor) {
      total = floor;
    }
  }

  /** One fact, decoded: a walk over the stream fills it fact by fact. */
  private static final class FactView {
    long sequence;
    long second;
    long pointsAndFlags;
    int other;
    int key;

    int flags() {
      return (int) pointsAndFlags & (1 << FLAG_BITS) - 1;
    }

    int points() {
      return (int) (pointsAndFlags >> FLAG_BITS);
    }

    int kind() {
      return flags() >> 6;
    }

    ReputationReason reason() {
      return REASONS[flags() & 0x1f];
    }

    boolean capped() {
      return (flags() & 1 << 5) != 0;
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
    return current.lastSecond == Long.MIN_VALUE ? null : instantOf(current.lastSecond);
  }

  /** Appends a fact and folds it; its time is kept to the second. */
  void add(int kind, PersonId other, ContentRef keyRef, long sequence, long atNanos,
      ReputationReason reason, ContentRef source, int value, boolean capped) {
    if (kind == VOTE ? other == null || source != keyRef && !Objects.equals(source, keyRef)
        : other != null) {
      throw new IllegalArgumentException("a vote's source must be the post voted on, and only a"
          + " vote has another person, who it must have: kind " + kind + ", other " + other
          + ", key " + keyRef + ", source " + source);
    }
    FactView f = new FactView();
    f.sequence = sequence;
    f.second = Math.floorDiv(atNanos, NANOS_PER_SECOND) - EPOCH_SECOND;
    f.pointsAndFlags = (long) value << FLAG_BITS | reason.ordinal() | (capped ? 1 << 5 : 0)
        | kind << 6;
    f.other = codes.codeOf(kind == VOTE ? other : source);
    f.key = codes.codeOf(keyRef);
    append(f);
    fold(current, f, null);
  }

  /** Encodes {@code f} at the end of the stream. */
  private void append(FactView f) {
    if (length + MAX_FACT_BYTES > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + MAX_FACT_BYTES,
          bytes.length + (bytes.length >> 1)));
    }
    length = encode(f, bytes, length, lastSequence, lastSecond, lastPointsAndFlags, lastKey);
    lastSequence = f.sequence;
    lastSecond = f.second;
    lastPointsAndFlags = f.pointsAndFlags;
    lastKey = f.key;
    size++;
  }

  /**
   * Writes {@code f} into {@code to} at {@code at}, after a fact of that sequence, time and
   * points with flags.
   */
  private static int encode(FactView f, byte[] to, int at, long afterSequence, long afterSecond,
      long afterPointsAndFlags, int afterKey) {
    at = putZigzag(to, at, f.sequence - afterSequence);
    long second = f.second - afterSecond;
    boolean same = f.pointsAndFlags == afterPointsAndFlags;
    at = putUnsigned(to, at, (second << 1 ^ second >> 63) << 1 | (same ? 1 : 0));
    if (!same) {
      at = putZigzag(to, at, f.pointsAndFlags);
    }
    at = f.kind() == VOTE ? putUnsigned(to, at, f.other) : putZigzag(to, at, f.other + 1L);
    return putZigzag(to, at, (long) f.key - afterKey);
  }

  private static int putZigzag(byte[] to, int at, long value) {
    return putUnsigned(to, at, value << 1 ^ value >> 63);
  }

  private static int putUnsigned(byte[] to, int at, long value) {
    while ((value & ~0x7fL) != 0) {
      to[at++] = (byte) (value & 0x7f | 0x80);
      value >>>= 7;
    }
    to[at++] = (byte) value;
    return at;
  }

  /** A walk over the facts: {@link #next} decodes one into {@link #fact} at a time. */
  private final class Walk {
    final FactView fact = new FactView();
    /** Whether the stream is in format 19's form, which wrote every fact's points and flags. */
    private final boolean everyPoints;
    /**
     * Whether the stream is in format 19's or 20's form, which wrote each fact's key's code whole
     * (zigzag of the code plus one) rather than less the last fact's.
     */
    private final boolean wholeKeys;
    int at;

    Walk() {
      this(ReputationLedger.FactForm.STREAM);
    }

    Walk(ReputationLedger.FactForm form) {
      this.everyPoints = form == ReputationLedger.FactForm.STREAM_EVERY_POINTS;
      this.wholeKeys = form != ReputationLedger.FactForm.STREAM;
      fact.key = IdCodes.NONE;
    }

    /**
     * Decodes the next fact, or returns false at the end of the stream.
     *
     * @throws IllegalStateException if the stream ends within a fact, or a number is too long
     */
    boolean next() {
      if (at >= length) {
        return false;
      }
      fact.sequence += zigzag();
      if (everyPoints) {
        fact.second += zigzag();
        fact.pointsAndFlags = zigzag();
      } else {
        long second = unsigned();
        fact.second += second >>> 2 ^ -(second >>> 1 & 1);
        if ((second & 1) == 0) {
          fact.pointsAndFlags = zigzag();
        }
      }
      long other = fact.kind() == VOTE ? unsigned() : zigzag() - 1;
      fact.key = toCode(wholeKeys ? zigzag() - 1 : fact.key + zigzag());
      fact.other = toCode(other);
      return true;
    }

    private int toCode(long code) {
      if (code != (int) code) {
        throw new IllegalStateException("a code beyond an int: " + code);
      }
      return (int) code;
    }

    private long zigzag() {
      long raw = unsigned();
      return raw >>> 1 ^ -(raw & 1);
    }

    private long unsigned() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (at >= length) {
          throw new IllegalStateException("the facts end within a number");
        }
        byte b = bytes[at++];
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
      throw new IllegalStateException("a number of more than ten bytes");
    }
  }

  private PersonId other(FactView f) {
    return f.kind() == VOTE ? (PersonId) codes.id(f.other) : null;
  }

  private ContentRef keyRef(FactView f) {
    return (ContentRef) codes.id(f.key);
  }

  private ContentRef source(FactView f) {
    return (ContentRef) codes.id(f.kind() == VOTE ? f.key : f.other);
  }

  /** Drops the room kept for more facts: after start-up, when most people get few more. */
  void trim() {
    if (bytes.length > length) {
      bytes = Arrays.copyOf(bytes, length);
    }
  }

  /** Removes the facts that match and refolds; returns whether any did. */
  boolean remove(Match match) {
    return remove(f -> match.test(f.kind(), other(f), keyRef(f), source(f)));
  }

  /**
   * Removes the votes whose voter and post have the codes {@code voterCode} and {@code keyCode}
   * and refolds; returns whether any did. As {@link #remove(Match)} for a vote's retraction, by
   * codes: a retraction looks up no fact's ids.
   */
  boolean removeVotes(int voterCode, int keyCode) {
    return remove(f -> f.key == keyCode && f.other == voterCode && f.kind() == VOTE);
  }

  /**
   * Removes the facts whose source post's code is one of {@code sourceCodes} (sorted) and
   * refolds; returns whether any did. As {@link #remove(Match)} for a deletion, by codes.
   */
  boolean removeSources(int[] sourceCodes) {
    return remove(f -> Arrays.binarySearch(sourceCodes, f.kind() == VOTE ? f.key : f.other) >= 0);
  }

  private boolean remove(CodeMatch match) {
    Walk walk = new Walk();
    FactView f = walk.fact;
    // Rewritten in place where it fits: a kept fact right after another kept one keeps its bytes,
    // moved down as they are; the first kept after removed ones is encoded afresh after the kept
    // one before it, which may take more bytes (its points written out, larger deltas) than the
    // removed facts freed. Should a fact not fit below what was read, the rest goes to a copy.
    byte[] out = bytes;
    byte[] scratch = new byte[MAX_FACT_BYTES];
    int written = 0;
    int kept = 0;
    long keptSequence = 0;
    long keptSecond = 0;
    long keptPoints = 0;
    int keptKey = IdCodes.NONE;
    boolean previousKept = true;
    int start = 0;
    while (walk.next()) {
      if (!match.test(f)) {
        if (previousKept) {
          out = room(out, written, walk.at - start);
          if (out != bytes || written != start) {
            System.arraycopy(bytes, start, out, written, walk.at - start);
          }
          written += walk.at - start;
        } else {
          int n = encode(f, scratch, 0, keptSequence, keptSecond, keptPoints, keptKey);
          if (out == bytes && written + n > walk.at) {
            out = Arrays.copyOf(bytes, Math.max(bytes.length, length + MAX_FACT_BYTES));
          }
          out = room(out, written, n);
          System.arraycopy(scratch, 0, out, written, n);
          written += n;
        }
        keptSequence = f.sequence;
        keptSecond = f.second;
        keptPoints = f.pointsAndFlags;
        keptKey = f.key;
        kept++;
        previousKept = true;
      } else {
        previousKept = false;
      }
      start = walk.at;
    }
    if (kept == size) {
      return false;
    }
    bytes = out;
    size = kept;
    length = written;
    lastSequence = keptSequence;
    lastSecond = keptSecond;
    lastPointsAndFlags = keptPoints;
    lastKey = keptKey;
    current = refold(null);
    return true;
  }

  /**
   * Sets the points of the accepts among the facts to those {@code points} gives by their
   * sequences (an accept's weight worked out afresh, see {@link ReputationLedger}) and refolds;
   * returns whether any changed. The facts are encoded afresh, as few times as accepts are
   * reversed.
   *
   * @param points the new points of accepts by their sequences; accepts not in it keep theirs
   */
  boolean setAcceptPoints(Map<Long, Integer> points) {
    Walk walk = new Walk();
    FactView f = walk.fact;
    byte[] out = new byte[length + MAX_FACT_BYTES];
    int written = 0;
    boolean changed = false;
    long previousSequence = 0;
    long previousSecond = 0;
    long previousPoints = 0;
    int previousKey = IdCodes.NONE;
    while (walk.next()) {
      long held = f.pointsAndFlags;
      Integer now = f.kind() == ACCEPT ? points.get(f.sequence) : null;
      if (now != null && now != f.points()) {
        f.pointsAndFlags = (long) now << FLAG_BITS | f.flags();
        changed = true;
      }
      if (written + MAX_FACT_BYTES > out.length) {
        out = Arrays.copyOf(out, out.length + (out.length >> 1) + MAX_FACT_BYTES);
      }
      written = encode(f, out, written, previousSequence, previousSecond, previousPoints,
          previousKey);
      previousSequence = f.sequence;
      previousSecond = f.second;
      previousPoints = f.pointsAndFlags;
      previousKey = f.key;
      // The walk reads a fact that leaves its points out as having the last one's, as held.
      f.pointsAndFlags = held;
    }
    if (!changed) {
      return false;
    }
    bytes = out;
    length = written;
    lastPointsAndFlags = previousPoints;
    current = refold(null);
    return true;
  }

  /**
   * Calls {@code sink} with every accept among the facts (the asker's and the answerer's), in
   * log order, its time left out (as 0).
   */
  void forEachAccept(FactSink sink) {
    Walk walk = new Walk();
    FactView f = walk.fact;
    while (walk.next()) {
      if (f.kind() == ACCEPT) {
        sink.accept(ACCEPT, null, keyRef(f), f.sequence, 0, f.reason(), source(f), f.points(),
            f.capped());
      }
    }
  }

  /**
   * {@code out}, or a larger copy of it if it is a copy (not the stream itself) and has no room
   * for {@code n} more bytes after {@code written}; the stream itself always has room, since
   * nothing is written into it past what was read.
   */
  private byte[] room(byte[] out, int written, int n) {
    if (out == bytes || written + n <= out.length) {
      return out;
    }
    return Arrays.copyOf(out, Math.max(written + n, out.length + (out.length >> 1)));
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
    Walk walk = new Walk();
    FactView f = walk.fact;
    while (walk.next()) {
      sink.accept(f.kind(), other(f), keyRef(f), f.sequence,
          (f.second + EPOCH_SECOND) * NANOS_PER_SECOND, f.reason(), source(f), f.points(),
          f.capped());
    }
  }

  /** Receives facts, as {@link #forEachFact} gives them. */
  interface FactSink {
    void accept(int kind, PersonId other, ContentRef keyRef, long sequence, long atNanos,
        ReputationReason reason, ContentRef source, int points, boolean capped);
  }

  /** Sets {@code used[code]} for every dense code (0 or more) the facts hold. */
  void markCodes(boolean[] used) {
    Walk walk = new Walk();
    FactView f = walk.fact;
    while (walk.next()) {
      if (f.other >= 0) {
        used[f.other] = true;
      }
      if (f.key >= 0) {
        used[f.key] = true;
      }
    }
  }

  /**
   * Writes the facts, what {@link #read} reads: their count, the length of their stream, then the
   * stream as this ledger holds it, each dense code {@code c} written as {@code written[c]}, a
   * row's code and {@link IdCodes#NONE} as they are.
   */
  void writeTo(DataOutput out, int[] written) throws IOException {
    byte[] stream = new byte[length + MAX_FACT_BYTES];
    int at = 0;
    Walk walk = new Walk();
    FactView f = walk.fact;
    long previousSequence = 0;
    long previousSecond = 0;
    long previousPoints = 0;
    int previousKey = IdCodes.NONE;
    while (walk.next()) {
      // Coded as written, and restored after: the walk reads the next key from this one's.
      int key = f.key;
      f.other = f.other < 0 ? f.other : written[f.other];
      f.key = f.key < 0 ? f.key : written[f.key];
      if (at + MAX_FACT_BYTES > stream.length) {
        stream = Arrays.copyOf(stream, stream.length + (stream.length >> 1) + MAX_FACT_BYTES);
      }
      at = encode(f, stream, at, previousSequence, previousSecond, previousPoints, previousKey);
      previousSequence = f.sequence;
      previousSecond = f.second;
      previousPoints = f.pointsAndFlags;
      previousKey = f.key;
      f.key = key;
    }
    out.writeInt(size);
    out.writeInt(at);
    out.write(stream, 0, at);
  }

  /**
   * Reads back what {@link #writeTo} wrote, with {@code codes} already restored to the written
   * codes, and folds it; a fact whose kind, reason, time or codes cannot be is refused.
   *
   * @param persons for each dense code, whether it is a person's (else a post's): what a fact's
   *     codes must be is checked against it, not by looking each id up; a row's code must name a
   *     row of the ledger's rows
   * @param form how the facts were written: as columns with times in nanoseconds (snapshot
   *     formats before 19: a count, then the sequences, the times, the points with their flags
   *     and the two code columns), as a stream of format 19's form (encoded afresh as read), or
   *     as this stream
   * @throws IOException if the facts are damaged
   */
  static PersonLedger read(PersonId person, ReputationRules rules, IdCodes codes,
      boolean[] persons, ByteBuffer in, ReputationLedger.FactForm form) throws IOException {
    PersonLedger ledger = new PersonLedger(person, rules, codes);
    if (form == ReputationLedger.FactForm.COLUMNS) {
      readColumns(ledger, in);
    } else {
      int n = in.getInt();
      int bytes = in.getInt();
      // A fact takes four bytes at least.
      if (n < 0 || bytes < 0 || bytes > in.remaining() || n > bytes / 4) {
        throw new IOException(person + " has " + n + " facts in " + bytes + " bytes of "
            + in.remaining());
      }
      byte[] stream = new byte[bytes];
      in.get(stream);
      if (form == ReputationLedger.FactForm.STREAM) {
        ledger.bytes = stream;
        ledger.length = bytes;
        ledger.size = n;
      } else {
        reencode(ledger, stream, n, form);
      }
    }
    Walk walk = ledger.new Walk();
    FactView f = walk.fact;
    Fold fold = new Fold(rules.floor());
    int i = 0;
    try {
      for (; walk.next(); i++) {
        ledger.check(i, f, persons);
        ledger.fold(fold, f, null);
      }
    } catch (IllegalStateException e) {
      throw new IOException("fact " + i + " of " + person + ": " + e.getMessage(), e);
    }
    if (i != ledger.size) {
      throw new IOException(person + " has " + i + " facts where " + ledger.size + " were written");
    }
    ledger.lastSequence = f.sequence;
    ledger.lastSecond = f.second;
    ledger.lastPointsAndFlags = f.pointsAndFlags;
    ledger.lastKey = f.key;
    ledger.current = fold;
    return ledger;
  }

  /**
   * Encodes the {@code n} facts of a stream of an older {@code form} (format 19's or 20's) into
   * {@code ledger}'s stream.
   */
  private static void reencode(PersonLedger ledger, byte[] stream, int n,
      ReputationLedger.FactForm form) throws IOException {
    PersonLedger old = new PersonLedger(ledger.person, ledger.rules, ledger.codes);
    old.bytes = stream;
    old.length = stream.length;
    Walk walk = old.new Walk(form);
    int i = 0;
    try {
      for (; walk.next(); i++) {
        ledger.append(walk.fact);
      }
    } catch (IllegalStateException e) {
      throw new IOException("fact " + i + " of " + ledger.person + ": " + e.getMessage(), e);
    }
    if (i != n) {
      throw new IOException(ledger.person + " has " + i + " facts where " + n + " were written");
    }
  }

  /** Reads the columns of formats before 19 into {@code ledger}'s stream. */
  private static void readColumns(PersonLedger ledger, ByteBuffer in) throws IOException {
    int n = in.getInt();
    // A fact took 24 bytes at least (two of points, four of sequence, eight of time).
    if (n < 0 || n > in.remaining() / 24) {
      throw new IOException(ledger.person + " has " + n + " facts in " + in.remaining()
          + " bytes");
    }
    IntOrLongColumn sequences = IntOrLongColumn.readFrom(in, n);
    long[] nanos = new long[n];
    in.asLongBuffer().get(nanos);
    in.position(in.position() + 8 * n);
    IntOrLongColumn pointsAndFlags = IntOrLongColumn.readFrom(in, n);
    int[] others = new int[n];
    in.asIntBuffer().get(others);
    in.position(in.position() + 4 * n);
    int[] keys = new int[n];
    in.asIntBuffer().get(keys);
    in.position(in.position() + 4 * n);
    FactView f = new FactView();
    for (int i = 0; i < n; i++) {
      if (nanos[i] == Long.MIN_VALUE) {
        throw new IOException("fact " + i + " of " + ledger.person + " has no time");
      }
      f.sequence = sequences.get(i);
      f.second = Math.floorDiv(nanos[i], NANOS_PER_SECOND) - EPOCH_SECOND;
      f.pointsAndFlags = pointsAndFlags.get(i);
      f.other = others[i];
      f.key = keys[i];
      if (f.kind() == VOTE && f.other < 0) {
        throw new IOException("fact " + i + " of " + ledger.person + " is a vote by "
            + f.other);
      }
      ledger.append(f);
    }
  }

  /** Refuses a fact read back that no {@link #add} could have made. */
  private void check(int i, FactView f, boolean[] persons) throws IOException {
    int flags = f.flags();
    int kind = flags >> 6;
    if (kind >= KINDS || (flags & 0x1f) >= REASONS.length || f.second < FIRST
        || f.second > LAST) {
      throw new IOException("fact " + i + " of " + person + " has kind " + kind + ", reason "
          + (flags & 0x1f) + " and time " + f.second + " s from 2020");
    }
    int other = f.other;
    int key = f.key;
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
    Walk walk = new Walk();
    while (walk.next()) {
      fold(fold, walk.fact, changes);
    }
    return fold;
  }

  private void fold(Fold fold, FactView f, List<ReputationChange> changes) {
    int value = f.points();
    ReputationReason reason = f.reason();
    boolean edit = reason == ReputationReason.EDIT_APPROVED && value > 0;
    if (edit) {
      value = Math.min(value, rules.suggestedEditCap() - fold.editsEarned);
    }
    if (f.capped() && value > 0) {
      long day = Math.floorDiv(f.second + EPOCH_SECOND, SECONDS_PER_DAY);
      if (day != fold.capDay) {
        fold.capDay = day;
        fold.capUsed = 0;
      }
      value = Math.min(value, rules.dailyVoteCap() - fold.capUsed);
      fold.capUsed += value;
    }
    if (edit) {
      fold.editsEarned += value;
    }
    // held between the floor and the most an int holds, never wrapped past it
    int next = (int) Math.max(rules.floor(),
        Math.min(Integer.MAX_VALUE, (long) fold.total + value));
    int delta = next - fold.total;
    fold.total = next;
    if (delta != 0) {
      fold.lastSecond = f.second;
      if (changes != null) {
        changes.add(new ReputationChange(person, delta, reason, source(f), f.sequence,
            instantOf(f.second)));
      }
    }
  }

  /** The instant {@code second} of the stream's times stands for. */
  private static Instant instantOf(long second) {
    return Instant.ofEpochSecond(second + EPOCH_SECOND);
  }

  /** {@code at} in nanoseconds since the epoch, as the facts are given times. */
  static long nanos(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
  }

  /** The instant {@code nanos} since the epoch stands for. */
  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
        Math.floorMod(nanos, 1_000_000_000L));
  }
}
