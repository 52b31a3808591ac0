package io.socialearn.core.expertise;

import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.expertise.ExpertiseModel.Acc;
import io.socialearn.core.expertise.ExpertiseModel.Active;
import io.socialearn.core.expertise.ExpertiseModel.AnswerInfo;
import io.socialearn.core.expertise.ExpertiseModel.Column;
import io.socialearn.core.expertise.ExpertiseModel.ThreadInfo;
import io.socialearn.core.internal.CompactMap;
import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The binary form of an {@link ExpertiseModel}, exact: doubles as raw bits, every list in its
 * order and every map written in its iteration order and refilled in that order (so a restored
 * map iterates as the original did, and sums over it add in the same order).
 *
 * <p>Form: a magic int, the settings' fingerprint (half-lives and weights); tables of the
 * model's dense people, its spaces and its pooled tags; the frame's origin; then threads, answers
 * and the facts, which every list names by index (a fact is one object in all the lists that
 * hold it, as in the model); then the up votes and accepts as their columns ({@link Votes}: the
 * live ones and the cut-off window, each naming its answer, after the voter table), the lists,
 * the sums and the profiles. People and tags outside
 * the tables (voters, say) are defined where first named: the next index, then the name. It is
 * written straight to its sink (no copy of the body, which holds every fact) and read from a
 * buffer. Stateless; the caller guards the model.
 */
final class ModelCodec {
  private static final Logger log = LoggerFactory.getLogger(ModelCodec.class);

  /**
   * "EXP8": an answer across departments is its answer's flag, written with the answer's record,
   * not a fact of its own; "EXP7" is refused, and the log refolded. "EXP7": a question's fact (its
   * thread's record) and an answer's (its answer's record) are written as their record's index in
   * the tables, not field by field again; "EXP6" is refused, and the log refolded. "EXP6": the up
   * votes and accepts are written as columns (answers, flags, voters by their place in the model's
   * voter table, which comes first, and times), read in bulk; "EXP5" (a row per vote) is refused,
   * and the log refolded. "EXP5": a thread or answer of the tables is named by the code the caller
   * gives it (the engine's snapshot: its row's), its id's text only where it has none. "EXP4" (ids
   * always as text) is refused, and the log refolded. "EXP4": the columns' tallies (counts and
   * latest times per slot), the model's latest time and each person's count of filed answers are
   * written, not recounted from every fact on reading. "EXP3" (which recounted them) is refused,
   * and the log refolded. Before it, "EXP3" put answers in the order of the answer table, each
   * person's lists by topic in the order of the topics' names, and no separate lists of answers by
   * topic (version 2 wrote those, and the others in the order of hash maps that are compact maps
   * now, whose order a restored map would not keep; version 1 held each up vote as a fact; both are
   * refused, and the log refolded).
   */
  private static final int MAGIC = 0x45585038;
  private static final EvidenceKind[] KINDS = EvidenceKind.values();
  private static final PersonStatus[] STATUSES = PersonStatus.values();
  private static final long NO_DAY = Long.MIN_VALUE;
  /** The fewest bytes a row of the vote columns takes: answer, flags, voter, time. */
  private static final int VOTE_BYTES = 4 + 1 + 4 + 8;

  private ModelCodec() {}

  static void write(ExpertiseModel m, DataOutput sink, ToIntFunction<ContentRef> codes)
      throws IOException {
    new Writer(m, sink, codes).write();
  }

  /**
   * Reads a model; with {@code answerCodes} (else null), the codes read are the engine's content
   * codes, and the model finds its answers by {@code answerCodes} once read (see {@link
   * ExpertiseModel#rowsFrom}).
   */
  static ExpertiseModel read(ByteBuffer buffer, ExpertiseSettings settings,
      UnaryOperator<Object> shared, IntFunction<ContentRef> byCode,
      ToIntFunction<Object> answerCodes) throws IOException {
    Bytes in = new Bytes(buffer);
    int limit = buffer.remaining();
    if (in.readInt() != MAGIC) {
      throw new IOException("not an expertise model");
    }
    byte[] written = new byte[checked(in.readInt(), limit)];
    in.readFully(written);
    // A model of other settings is read all the same (to find where it ends), then dropped.
    ExpertiseModel model = new Reader(new ExpertiseModel(settings), in, limit, shared, byCode,
        answerCodes != null).read();
    if (answerCodes != null) {
      model.rowsFrom(answerCodes);
      // Read in the written order, which grew the array past the last code it holds.
      model.answerIndex.trimToSize();
    }
    return Arrays.equals(written, fingerprint(settings)) ? model : null;
  }

  /** The reads the body needs, over a buffer; a read past its end is an {@link IOException}. */
  private static final class Bytes {
    final ByteBuffer buffer;

    Bytes(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    int readInt() throws IOException {
      try {
        return buffer.getInt();
      } catch (BufferUnderflowException e) {
        throw cutShort();
      }
    }

    long readLong() throws IOException {
      try {
        return buffer.getLong();
      } catch (BufferUnderflowException e) {
        throw cutShort();
      }
    }

    byte readByte() throws IOException {
      try {
        return buffer.get();
      } catch (BufferUnderflowException e) {
        throw cutShort();
      }
    }

    boolean readBoolean() throws IOException {
      return readByte() != 0;
    }

    void readInts(int[] into) throws IOException {
      try {
        buffer.asIntBuffer().get(into);
        buffer.position(buffer.position() + 4 * into.length);
      } catch (BufferUnderflowException e) {
        throw cutShort();
      }
    }

    void readLongs(long[] into) throws IOException {
      try {
        buffer.asLongBuffer().get(into);
        buffer.position(buffer.position() + 8 * into.length);
      } catch (BufferUnderflowException e) {
        throw cutShort();
      }
    }

    void readFully(byte[] into) throws IOException {
      try {
        buffer.get(into);
      } catch (BufferUnderflowException e) {
        throw cutShort();
      }
    }

    private static IOException cutShort() {
      return new EOFException("expertise model cut short");
    }
  }

  /** What the sums depend on: the half-lives and each kind's weight, as raw bits. */
  private static byte[] fingerprint(ExpertiseSettings settings) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(settings.halfLife().toMillis());
      out.writeLong(settings.activityHalfLife().toMillis());
      out.writeLong(settings.freshHalfLife().toMillis());
      out.writeInt(KINDS.length);
      for (EvidenceKind kind : KINDS) {
        writeString(out, kind.name());
        out.writeLong(Double.doubleToRawLongBits(settings.weight(kind)));
      }
    }
    return bytes.toByteArray();
  }

  private static int checked(int length, int limit) throws IOException {
    if (length < 0 || length > limit) {
      throw new IOException("expertise model names a length of " + length + " in " + limit
          + " bytes");
    }
    return length;
  }

  private static void writeString(DataOutput out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /** Writes one model; the tables are gathered while the body is written, then go first. */
  private static final class Writer {
    private final ExpertiseModel m;
    private final DataOutput out;
    private final Map<PersonId, Integer> people = new HashMap<>();
    private final List<PersonId> personTable = new ArrayList<>();
    private final Map<Tag, Integer> tags = new HashMap<>();
    private final List<Tag> tagTable = new ArrayList<>();
    private final Map<ThreadInfo, Integer> threads = new IdentityHashMap<>();
    private final Map<Fact, Integer> facts = new IdentityHashMap<>();
    private final ToIntFunction<ContentRef> codes;

    Writer(ExpertiseModel m, DataOutput out, ToIntFunction<ContentRef> codes) {
      this.m = m;
      this.out = out;
      this.codes = codes;
    }

    /** A thread or answer of the tables: its code, and its id's text if it has none. */
    private void writeRow(ContentRef id) throws IOException {
      int code = codes.applyAsInt(id);
      out.writeInt(code < 0 ? -1 : code);
      if (code < 0) {
        writeString(out, id instanceof ThreadId t ? t.value() : ((PostId) id).value());
      }
    }

    void write() throws IOException {
      // Every thread, answer and fact, in an order each list can name them by.
      List<ThreadInfo> threadList = m.threads.values();
      threadList.forEach(t -> threads.put(t, threads.size()));
      // The threads the table holds come first.
      int tabled = threadList.size();
      // In the order of the table (the index each has): a restored model numbers them alike.
      List<AnswerInfo> answerList = m.answerTable;
      for (AnswerInfo a : answerList) {
        if (!threads.containsKey(a.threadInfo)) {
          threads.put(a.threadInfo, threads.size());
          threadList.add(a.threadInfo);
        }
      }
      // Each fact once, where first held: the people's lists, then the rest (facts compare by
      // identity); numbered in that order as they are listed.
      List<Fact> factList = new ArrayList<>();
      Consumer<Fact> list = f -> {
        if (facts.putIfAbsent(f, facts.size()) == null) {
          factList.add(f);
        }
      };
      m.byPerson.values().forEach(held -> held.forEach(list));
      m.endorsements.values().forEach(list);
      m.skills.values().forEach(held -> held.forEach(list));
      threadList.subList(0, tabled).forEach(t -> t.facts().forEach(list));
      m.answerTable.forEach(a -> a.heldFacts().forEach(list));
      for (Fact f : factList) {
        if (f.threadInfo != null && !threads.containsKey(f.threadInfo)) {
          threads.put(f.threadInfo, threads.size());
          threadList.add(f.threadInfo);
        }
      }
      // The tables: the dense people, the spaces, the pooled tags; other people and tags are
      // defined where first named (an index one past the table, then the name).
      out.writeInt(MAGIC);
      byte[] fingerprint = fingerprint(m.settings());
      out.writeInt(fingerprint.length);
      out.write(fingerprint);
      out.writeInt(m.personIds.size());
      for (PersonId p : m.personIds) {
        person(p);
        writeString(out, p.value());
      }
      out.writeInt(m.spaceIds.size());
      for (SpaceId sp : m.spaceIds) {
        writeString(out, sp.value());
      }
      out.writeInt(m.tagPool.size());
      for (Tag t : m.tagPool.keySet()) {
        tag(t);
        writeString(out, t.value());
      }
      out.writeLong(m.ref);
      out.writeInt(threadList.size());
      for (int i = 0; i < threadList.size(); i++) {
        ThreadInfo t = threadList.get(i);
        writeRow(t.id());
        out.writeInt(t.spaceIndex());
        out.writeInt(space(t.space()));
        writePerson(t.author());
        tags(t.tags);
        out.writeLong(t.at);
        out.writeBoolean(t.deleted);
        out.writeBoolean(i < tabled);
      }
      out.writeInt(answerList.size());
      for (AnswerInfo a : answerList) {
        writeRow(a.id());
        out.writeInt(threads.get(a.threadInfo));
        writePerson(a.person);
        out.writeLong(a.at);
        out.writeBoolean(a.deleted);
        out.writeBoolean(a.across);
      }
      out.writeInt(factList.size());
      for (Fact f : factList) {
        writeFact(f);
      }
      for (ThreadInfo t : threadList) {
        List<AnswerInfo> own = t.answers();
        out.writeInt(own.size());
        for (AnswerInfo a : own) {
          int at = answerIndex(a);
          if (at < 0) {
            throw new IllegalStateException("a thread lists an answer the table does not hold");
          }
          out.writeInt(at);
        }
      }
      for (AnswerInfo a : answerList) {
        factIndices(a.heldFacts());
      }
      writeVotes();
      byPerson(m.byPerson);
      byPersonTopic(m.byPersonTopic);
      out.writeInt(m.endorsements.size());
      for (Map.Entry<String, Fact> e : m.endorsements.entrySet()) {
        writeString(out, e.getKey());
        out.writeInt(facts.get(e.getValue()));
      }
      byPerson(m.skills);
      writeColumns();
      writeOverall();
      out.writeInt(m.active.size());
      for (Active a : m.active.values()) {
        writePerson(a.person);
        out.writeInt(a.index);
        out.writeLong(Double.doubleToRawLongBits(a.recent));
      }
      out.writeInt(m.threadsPerSpace.size());
      for (Map.Entry<SpaceId, int[]> e : m.threadsPerSpace.entrySet()) {
        out.writeInt(space(e.getKey()));
        out.writeInt(e.getValue()[0]);
      }
      out.writeInt(m.threadsPerTopic.size());
      for (Map.Entry<Tag, Map<SpaceId, int[]>> e : m.threadsPerTopic.entrySet()) {
        writeTag(e.getKey());
        out.writeInt(e.getValue().size());
        for (Map.Entry<SpaceId, int[]> s : e.getValue().entrySet()) {
          out.writeInt(space(s.getKey()));
          out.writeInt(s.getValue()[0]);
        }
      }
      out.writeInt(m.people.size());
      for (PersonProfile p : m.people.values()) {
        writeProfile(p);
      }
    }

    /**
     * The vote columns: every live entry, in order, then where the cut-off window starts among
     * them; each entry as its answer, its flags (1 live, 2 an accept), its voter and its time.
     * The chains are the live entries of each answer in this order. The window's dead entries,
     * which its walks skip, are left out (earlier snapshots kept them: a read takes them).
     */
    private void writeVotes() throws IOException {
      Votes v = m.votes;
      int n = 0;
      int start = -1;
      for (int e = 0; e < v.size; e++) {
        if (e == v.recentStart) {
          start = n;
        }
        n += v.live(e) ? 1 : 0;
      }
      out.writeInt(n);
      out.writeInt(start < 0 ? n : start);
      out.writeInt(m.voterIds.size());
      for (PersonId voter : m.voterIds) {
        writePerson(voter);
      }
      // As columns of the entries kept, which a read takes in bulk.
      int[] answerOf = v.answers();
      for (int e = 0; e < v.size; e++) {
        if (v.live(e)) {
          out.writeInt(answerOf[e]);
        }
      }
      for (int e = 0; e < v.size; e++) {
        if (v.live(e)) {
          out.writeByte((v.live(e) ? 1 : 0) | (v.accept(e) ? 2 : 0));
        }
      }
      for (int e = 0; e < v.size; e++) {
        if (v.live(e)) {
          out.writeInt(v.voter(e));
        }
      }
      for (int e = 0; e < v.size; e++) {
        if (v.live(e)) {
          out.writeLong(v.at(e));
        }
      }
    }

    /**
     * The place of {@code a} in the answer table, which is its index there ({@link
     * AnswerInfo#index}), or -1 if the table does not hold it.
     */
    private int answerIndex(AnswerInfo a) {
      return a != null && a.index >= 0 && a.index < m.answerTable.size()
          && m.answerTable.get(a.index) == a ? a.index : -1;
    }

    private void writeFact(Fact f) throws IOException {
      out.writeByte(f.kind().ordinal());
      // A thread's and an answer's own fact is its record: named by its index in the tables.
      if (f.kind() == EvidenceKind.QUESTION_ASKED) {
        if (!(f instanceof ThreadInfo t) || t.threadInfo != t) {
          throw new IllegalStateException("a question's fact that is not its thread's record");
        }
        out.writeInt(threads.get(t));
        out.writeBoolean(f.live);
        return;
      }
      if (f.kind() == EvidenceKind.ANSWER) {
        int at = f instanceof AnswerInfo a ? answerIndex(a) : -1;
        if (at < 0) {
          throw new IllegalStateException("an answer's fact that is not a record of the table");
        }
        out.writeInt(at);
        out.writeBoolean(f.live);
        return;
      }
      writePerson(f.person);
      out.writeInt(f.threadInfo == null ? -1 : threads.get(f.threadInfo));
      writeThreadId(f);
      writeSource(f);
      writePerson(f.from());
      out.writeLong(f.at);
      // Not written, as the model makes every fact: its base is its kind's weight (the same
      // settings, which the fingerprint checks) and its space is its thread's (none without).
      writeTag(f.topic());
      out.writeBoolean(f.decays());
      out.writeBoolean(f.live);
    }

    /** Whether the fact is about a thread: its id is that of its thread's record. */
    private void writeThreadId(Fact f) throws IOException {
      out.writeByte(f.threadInfo == null ? 0 : 1);
    }

    private void writeSource(Fact f) throws IOException {
      ContentRef source = f.source;
      if (source == null) {
        out.writeByte(0);
      } else if (f.threadInfo != null && source.equals(f.threadInfo.id())) {
        out.writeByte(1);
      } else if (source instanceof PostId post && answerIndex(m.answer(post)) >= 0) {
        out.writeByte(2);
        out.writeInt(answerIndex(m.answer(post)));
      } else if (source instanceof ThreadId t) {
        out.writeByte(3);
        writeString(out, t.value());
      } else {
        out.writeByte(4);
        writeString(out, ((PostId) source).value());
      }
    }

    private void writeColumns() throws IOException {
      out.writeInt(m.byTopic.size());
      for (Map.Entry<Tag, Map<SpaceId, Column>> e : m.byTopic.entrySet()) {
        writeTag(e.getKey());
        out.writeInt(e.getValue().size());
        for (Map.Entry<SpaceId, Column> s : e.getValue().entrySet()) {
          out.writeInt(space(s.getKey()));
          Column c = s.getValue();
          // The slots in use only: a column read back has no room to spare, and grows as any.
          out.writeInt(c.size);
          for (int i = 0; i < c.size; i++) {
            out.writeInt(c.person[i]);
            out.writeLong(Double.doubleToRawLongBits(c.evidence[i]));
            out.writeLong(Double.doubleToRawLongBits(c.flat(i)));
            out.writeLong(Double.doubleToRawLongBits(c.recent[i]));
            writeTallies(c, i);
          }
        }
      }
      // What a model read back would otherwise recount from every fact: the latest time and
      // how many answers each person has filed.
      out.writeLong(m.latest);
      // up to the last person with any (the array's room past it depends on how it grew)
      int dense = Math.min(m.filedAnswers.length, m.personIds.size());
      while (dense > 0 && m.filedAnswers[dense - 1] == 0) {
        dense--;
      }
      out.writeInt(dense);
      for (int i = 0; i < dense; i++) {
        out.writeInt(m.filedAnswers[i]);
      }
    }

    /**
     * A slot's tallies: a byte whose bit r says the count of reason kind r is not 0, then each
     * such count and, for the kinds with a latest time, that time (the others' latest times
     * mean nothing and are read back as 0).
     */
    private void writeTallies(Column c, int slot) throws IOException {
      int kinds = ExpertiseModel.REASON_KINDS.length;
      if (kinds > Byte.SIZE) {
        throw new IllegalStateException(kinds + " reason kinds do not fit the tallies' byte");
      }
      int bits = 0;
      for (int r = 0; r < kinds; r++) {
        bits |= c.count(slot * kinds + r) != 0 ? 1 << r : 0;
      }
      out.writeByte(bits);
      for (int r = 0; r < kinds; r++) {
        if ((bits & 1 << r) != 0) {
          out.writeInt(c.count(slot * kinds + r));
          if (r < Column.LASTS) {
            out.writeLong(c.last(slot * Column.LASTS + r));
          }
        }
      }
    }

    private void writeOverall() throws IOException {
      // Each person's sums in the order of their array (that of their map); the map by space
      // is refilled from them in the order it iterates.
      for (int i = 0; i < m.personIds.size(); i++) {
        Acc[] accs = m.overallArrays.get(i);
        if (accs == null) {
          out.writeInt(-1);
          continue;
        }
        out.writeInt(accs.length);
        for (Acc a : accs) {
          out.writeInt(a.space);
          writeAcc(a);
        }
      }
      out.writeInt(m.overall.size());
      for (Map.Entry<SpaceId, Map<PersonId, Acc>> e : m.overall.entrySet()) {
        out.writeInt(space(e.getKey()));
        out.writeInt(e.getValue().size());
        for (Map.Entry<PersonId, Acc> p : e.getValue().entrySet()) {
          writePerson(p.getKey());
        }
      }
    }

    private void writeAcc(Acc a) throws IOException {
      out.writeInt(a.person);
      out.writeLong(Double.doubleToRawLongBits(a.evidence));
      out.writeLong(Double.doubleToRawLongBits(a.flat));
      out.writeLong(Double.doubleToRawLongBits(a.recent));
      out.writeLong(Double.doubleToRawLongBits(a.fresh));
      out.writeInt(a.answers);
      out.writeLong(a.lastAnswer);
    }

    private void writeProfile(PersonProfile p) throws IOException {
      writePerson(p.id());
      writeString(out, p.displayName());
      writeString(out, p.orgUnit());
      writeString(out, p.title());
      writeString(out, p.location());
      tags(List.copyOf(p.declaredSkills()));
      out.writeBoolean(p.external());
      out.writeByte(p.status().ordinal());
      out.writeLong(p.leavingOn() == null ? NO_DAY : p.leavingOn().toEpochDay());
      writePerson(p.manager());
    }

    private void byPerson(Map<PersonId, List<Fact>> lists) throws IOException {
      out.writeInt(lists.size());
      for (Map.Entry<PersonId, List<Fact>> e : lists.entrySet()) {
        writePerson(e.getKey());
        factIndices(e.getValue());
      }
    }

    private void byPersonTopic(Map<PersonId, Map<Tag, Object>> lists) throws IOException {
      out.writeInt(lists.size());
      for (Map.Entry<PersonId, Map<Tag, Object>> e : lists.entrySet()) {
        writePerson(e.getKey());
        out.writeInt(e.getValue().size());
        // By the topics' names: a compact map's order is not one a restored map would keep.
        List<Map.Entry<Tag, Object>> byName = new ArrayList<>(e.getValue().entrySet());
        byName.sort(Map.Entry.comparingByKey(Comparator.comparing(Tag::value)));
        for (Map.Entry<Tag, Object> t : byName) {
          writeTag(t.getKey());
          factIndices(ExpertiseModel.asFacts(t.getValue()));
        }
      }
    }

    private void factIndices(List<Fact> list) throws IOException {
      out.writeInt(list.size());
      for (Fact f : list) {
        out.writeInt(facts.get(f));
      }
    }

    private void tags(List<Tag> list) throws IOException {
      out.writeInt(list.size());
      for (Tag t : list) {
        writeTag(t);
      }
    }

    /** Writes a person's index, -1 for none, defining them (index, then name) on first sight. */
    private void writePerson(PersonId p) throws IOException {
      if (p == null) {
        out.writeInt(-1);
        return;
      }
      int known = personTable.size();
      int i = person(p);
      out.writeInt(i);
      if (i == known) {
        writeString(out, p.value());
      }
    }

    /** Writes a tag's index, -1 for none, defining it (index, then name) on first sight. */
    private void writeTag(Tag t) throws IOException {
      if (t == null) {
        out.writeInt(-1);
        return;
      }
      int known = tagTable.size();
      int i = tag(t);
      out.writeInt(i);
      if (i == known) {
        writeString(out, t.value());
      }
    }

    private int person(PersonId p) {
      Integer i = people.get(p);
      if (i == null) {
        i = personTable.size();
        people.put(p, i);
        personTable.add(p);
      }
      return i;
    }

    private int tag(Tag t) {
      Integer i = tags.get(t);
      if (i == null) {
        i = tagTable.size();
        tags.put(t, i);
        tagTable.add(t);
      }
      return i;
    }

    private int space(SpaceId s) throws IOException {
      if (s == null) {
        return -1;
      }
      Integer i = m.spaceIndex.get(s);
      if (i == null) {
        throw new IOException("space " + s.value() + " is not in the model's table");
      }
      return i;
    }
  }

  /** Reads one model into an empty one. */
  private static final class Reader {
    private final ExpertiseModel m;
    private final Bytes in;
    private final int limit;
    /** The instance to keep of an id read (one the caller already holds, or the id itself). */
    private final UnaryOperator<Object> shared;
    private final List<PersonId> people = new ArrayList<>();
    private final List<Tag> tags = new ArrayList<>();
    private ThreadInfo[] threads;
    private AnswerInfo[] answers;
    /** The threads' and answers' ids by index: a fact's source without reaching into a record. */
    private ThreadId[] threadIds;
    private PostId[] answerIds;
    /**
     * By record index, the liveness the facts give each thread's and answer's own fact (a record
     * the facts do not list keeps its own): set on the records in index order once all facts are
     * read, not on each record in the facts' order.
     */
    private byte[] threadLive;
    private byte[] answerLive;
    private static final byte UNLISTED = 2;
    private Fact[] facts;

    private final IntFunction<ContentRef> byCode;
    /** How long each part took, for the debug log. */
    /** The code the last {@link #row} read: a content code, or -1 for an id read as text. */
    private int lastCode = -1;
    /** Whether codes are content codes, so that an answer's row code is half its code. */
    private final boolean contentCodes;
    private final StringBuilder laps = new StringBuilder();
    private long lapStarted = System.nanoTime();

    Reader(ExpertiseModel m, Bytes in, int limit, UnaryOperator<Object> shared,
        IntFunction<ContentRef> byCode, boolean contentCodes) {
      this.m = m;
      this.contentCodes = contentCodes;
      this.shared = shared;
      this.byCode = byCode;
      this.in = in;
      this.limit = limit;
    }

    /** Notes the time since the last lap as {@code part}'s. */
    private void lap(String part) {
      long now = System.nanoTime();
      laps.append(laps.length() == 0 ? "" : ", ").append(part).append(' ')
          .append((now - lapStarted) / 1_000_000).append(" ms");
      lapStarted = now;
    }

    ExpertiseModel read() throws IOException {
      // A method a big loop: each is compiled on its own, not with the rest around it.
      readTables();
      readThreads();
      readAnswers();
      lap("tables and rows");
      readFacts();
      lap("facts");
      readLists();
      lap("lists");
      readVotes();
      lap("votes");
      byPerson(m.byPerson);
      byPersonTopic(m.byPersonTopic);
      for (int n = count(); n > 0; n--) {
        m.endorsements.put(string(), facts[in.readInt()]);
      }
      byPerson(m.skills);
      lap("by person and topic");
      readColumns();
      lap("columns");
      m.pairAll();
      lap("pairs");
      readOverall();
      m.boundAll();
      lap("overall and bounds");
      readTheRest();
      lap("the rest");
      if (log.isDebugEnabled()) {
        log.debug("expertise model read: {}", laps);
      }
      return m;
    }

    /** The people, spaces and tags, and the model's origin of time. */
    private void readTables() throws IOException {
      for (int n = count(), i = 0; i < n; i++) {
        PersonId p = shared(PersonId.of(string()));
        people.add(p);
        m.personIds.add(p);
        m.personIndex.put(p, i);
        m.overallByPerson.add(null);
        m.overallArrays.add(null);
      }
      for (int n = count(), i = 0; i < n; i++) {
        SpaceId s = shared(SpaceId.of(string()));
        m.addSpace(s);
      }
      for (int n = count(); n > 0; n--) {
        Tag t = shared(Tag.of(string()));
        tags.add(t);
        m.tagPool.put(t, t);
      }
      m.ref = in.readLong();
    }

    private void readThreads() throws IOException {
      threads = new ThreadInfo[count()];
      threadIds = new ThreadId[threads.length];
      // Where each thread of the table goes: its row's code (content codes only), or -1 for
      // the map of those without; -2 for a thread the table does not hold.
      int[] rows = new int[threads.length];
      int withoutRow = 0;
      int codes = 0;
      for (int i = 0; i < threads.length; i++) {
        ThreadId id = row(ThreadId.class);
        int code = contentCodes && lastCode >= 0 ? lastCode >>> 1 : -1;
        int spaceIndex = in.readInt();
        if (spaceIndex != in.readInt() || spaceIndex < -1 || spaceIndex >= m.places.size()) {
          throw new IOException("a thread's space index is not its space's: " + spaceIndex);
        }
        PersonId author = person();
        ThreadInfo t = new ThreadInfo(id, m.place(spaceIndex), author, tagList(),
            in.readLong());
        t.deleted = in.readBoolean();
        t.live = !t.deleted;
        rows[i] = in.readBoolean() ? code : -2;
        withoutRow += rows[i] == -1 ? 1 : 0;
        codes = Math.max(codes, code + 1);
        threads[i] = t;
        threadIds[i] = id;
      }
      // The map of the threads without a row at the capacity it would have grown to, so that
      // it iterates as the one written (sized for every thread when codes are not rows').
      m.threads.expectOthers(contentCodes ? withoutRow : threads.length);
      m.threads.reserve(codes);
      for (int i = 0; i < threads.length; i++) {
        if (rows[i] >= 0) {
          m.threads.putAt(rows[i], threads[i]);
        } else if (rows[i] == -1) {
          // No row codes are given while reading: by id.
          m.threads.put(threadIds[i], threads[i]);
        }
      }
    }

    private void readAnswers() throws IOException {
      answers = new AnswerInfo[count()];
      answerIds = new PostId[answers.length];
      m.answerTable.ensureCapacity(answers.length);
      for (int i = 0; i < answers.length; i++) {
        PostId id = row(PostId.class);
        AnswerInfo a = new AnswerInfo(id, threads[in.readInt()], person(),
            in.readLong());
        a.deleted = in.readBoolean();
        a.across = in.readBoolean();
        a.live = !a.deleted;
        a.index = i;
        // An answer with a row by its row's code (its content code's half), else by its id.
        if (lastCode >= 0 && contentCodes) {
          m.answerIndex.putAt(lastCode >>> 1, i);
        } else {
          m.answerIndex.put(id, i);
        }
        m.answerTable.add(a);
        answers[i] = a;
        answerIds[i] = id;
      }
    }

    private void readFacts() throws IOException {
      facts = new Fact[count()];
      threadLive = new byte[threads.length];
      answerLive = new byte[answers.length];
      Arrays.fill(threadLive, UNLISTED);
      Arrays.fill(answerLive, UNLISTED);
      for (int i = 0; i < facts.length; i++) {
        facts[i] = readFact();
      }
      for (int i = 0; i < threads.length; i++) {
        if (threadLive[i] != UNLISTED) {
          threads[i].live = threadLive[i] != 0;
        }
      }
      for (int i = 0; i < answers.length; i++) {
        if (answerLive[i] != UNLISTED) {
          answers[i].live = answerLive[i] != 0;
        }
      }
    }

    /** Each thread's answers, and each answer's facts. */
    private void readLists() throws IOException {
      for (ThreadInfo t : threads) {
        for (int k = count(); k > 0; k--) {
          int index = in.readInt();
          if (index < 0 || index >= answers.length || answers[index].nextInThread != null) {
            throw new IOException("a thread lists answer " + index + " of " + answers.length
                + ", none such or listed already");
          }
          t.addAnswer(answers[index]);
        }
      }
      for (AnswerInfo a : answers) {
        for (int k = count(); k > 0; k--) {
          Fact f = facts[in.readInt()];
          if (f.kind() == EvidenceKind.CROSS_DEPARTMENT_ANSWER) {
            throw new IOException("an answer across departments as a fact, not a flag");
          }
          a.file(f);
        }
      }
    }

    /** Who was active, the threads per space and topic, and the profiles. */
    private void readTheRest() throws IOException {
      for (int n = count(); n > 0; n--) {
        Active a = new Active(person(), in.readInt());
        a.recent = Double.longBitsToDouble(in.readLong());
        m.active.put(a.person, a);
        if (a.recent > 0) {
          m.byActivity.add(a);
        }
      }
      for (int n = count(); n > 0; n--) {
        m.threadsPerSpace.put(space(in.readInt()), new int[] {in.readInt()});
      }
      for (int n = count(); n > 0; n--) {
        Map<SpaceId, int[]> bySpace = new HashMap<>();
        m.threadsPerTopic.put(tag(), bySpace);
        for (int k = count(); k > 0; k--) {
          bySpace.put(space(in.readInt()), new int[] {in.readInt()});
        }
      }
      for (int n = count(); n > 0; n--) {
        PersonProfile p = readProfile();
        m.people.put(p.id(), p);
      }
    }

    private void readVotes() throws IOException {
      int n = count();
      int start = count();
      if (n > limit / VOTE_BYTES) {
        throw new IOException(n + " votes in " + limit + " bytes");
      }
      if (start > n) {
        throw new IOException("a cut-off window from " + start + " of " + n + " votes");
      }
      int voters = count();
      for (int i = 0; i < voters; i++) {
        PersonId voter = person();
        if (voter == null || m.voter(voter) != i) {
          throw new IOException("voter " + i + " is " + voter + ", none or named before");
        }
      }
      int[] answerOf = new int[n];
      in.readInts(answerOf);
      byte[] flags = new byte[n];
      in.readFully(flags);
      int[] voterOf = new int[n];
      in.readInts(voterOf);
      long[] at = new long[n];
      in.readLongs(at);
      // Counted by index and set on the records after, not on each record per vote.
      int[] accepts = new int[answers.length];
      int[] who = new int[n];
      for (int e = 0; e < n; e++) {
        int index = answerOf[e];
        if (index < 0 || index >= answers.length) {
          throw new IOException("a vote on answer " + index + " of " + answers.length);
        }
        if (voterOf[e] < -1 || voterOf[e] >= voters) {
          throw new IOException("a vote by voter " + voterOf[e] + " of " + voters);
        }
        if ((flags[e] & ~3) != 0) {
          throw new IOException("not a vote's flags: " + flags[e]);
        }
        who[e] = Votes.who(voterOf[e], (flags[e] & 1) != 0, (flags[e] & 2) != 0);
        if (flags[e] == 3) {
          accepts[index]++;
        }
      }
      m.votes.restore(at, who, answerOf, start, answers.length);
      for (int i = 0; i < answers.length; i++) {
        if (accepts[i] != answers[i].accepts()) {
          throw new IOException("answer " + answers[i].id().value() + " has " + accepts[i]
              + " accepts in its votes and " + answers[i].accepts() + " in its facts");
        }
      }
    }

    private Fact readFact() throws IOException {
      EvidenceKind kind = KINDS[in.readByte()];
      if (kind == EvidenceKind.QUESTION_ASKED || kind == EvidenceKind.ANSWER) {
        // A thread's or an answer's record, which is its question's or its own fact.
        int index = in.readInt();
        boolean answer = kind == EvidenceKind.ANSWER;
        if (index < 0 || index >= (answer ? answers.length : threads.length)) {
          throw new IOException("a " + kind + " fact of record " + index + " of none such");
        }
        byte live = (byte) (in.readBoolean() ? 1 : 0);
        if (answer) {
          answerLive[index] = live;
          return answers[index];
        }
        threadLive[index] = live;
        return threads[index];
      }
      PersonId person = person();
      int threadIndex = in.readInt();
      ThreadInfo info = threadIndex < 0 ? null : threads[threadIndex];
      int threadCode = in.readByte();
      if (threadCode != (info == null ? 0 : 1)) {
        throw new IOException("not a thread code: " + threadCode);
      }
      int sourceCode = in.readByte();
      ContentRef source = switch (sourceCode) {
        case 0 -> null;
        case 1 -> {
          if (info == null) {
            throw new IOException("a fact's source is its thread, but it has none");
          }
          yield threadIds[threadIndex];
        }
        case 2 -> answerIds[in.readInt()];
        case 3 -> shared(ThreadId.of(string()));
        case 4 -> shared(PostId.of(string()));
        default -> throw new IOException("not a source: " + sourceCode);
      };
      PersonId from = person();
      long at = in.readLong();
      // Not written, as the model makes every fact: its base is its kind's weight (the same
      // settings, which the fingerprint checks) and its space is its thread's (none without).
      Tag topic = tag();
      boolean decays = in.readBoolean();
      boolean live = in.readBoolean();
      Fact f = Fact.of(kind, person, info, source, from, at, topic, decays);
      f.live = live;
      return f;
    }

    private void readColumns() throws IOException {
      for (int n = count(); n > 0; n--) {
        Map<SpaceId, Column> bySpace = new HashMap<>();
        m.byTopic.put(tag(), bySpace);
        for (int k = count(); k > 0; k--) {
          SpaceId space = space(in.readInt());
          int size = count();
          Column c = new Column(size);
          c.size = size;
          for (int i = 0; i < size; i++) {
            int person = in.readInt();
            if (person < 0 || person >= m.personIds.size() || c.slotOf(person) >= 0) {
              throw new IOException("a column names person " + person + " of "
                  + m.personIds.size() + ", none such or named already");
            }
            c.person[i] = person;
            c.index(i);
            c.evidence[i] = Double.longBitsToDouble(in.readLong());
            long flat = in.readLong();
            if (flat != 0) {
              c.addFlat(i, Double.longBitsToDouble(flat));
            }
            c.recent[i] = Double.longBitsToDouble(in.readLong());
            readTallies(c, i);
          }
          bySpace.put(space, c);
        }
      }
      m.latest = in.readLong();
      int dense = count();
      if (dense > m.personIds.size()) {
        throw new IOException("answers filed by " + dense + " of " + m.personIds.size()
            + " people");
      }
      m.filedAnswers = new int[dense];
      for (int i = 0; i < dense; i++) {
        m.filedAnswers[i] = in.readInt();
      }
    }

    /** A slot's tallies, as {@link Writer} writes them. */
    private void readTallies(Column c, int slot) throws IOException {
      int kinds = ExpertiseModel.REASON_KINDS.length;
      int bits = in.readByte() & 0xff;
      if (bits >>> kinds != 0) {
        throw new IOException("not a set of reason kinds: " + bits);
      }
      for (int r = 0; r < kinds; r++) {
        if ((bits & 1 << r) != 0) {
          c.setCount(slot * kinds + r, in.readInt());
          if (r < Column.LASTS) {
            c.setLast(slot * Column.LASTS + r, in.readLong());
          }
        }
      }
    }

    private void readOverall() throws IOException {
      int dense = m.personIds.size();
      for (int i = 0; i < dense; i++) {
        int n = in.readInt();
        if (n < 0) {
          continue;
        }
        Acc[] accs = new Acc[checked(n, limit)];
        Map<SpaceId, Acc> mine = new HashMap<>();
        for (int k = 0; k < n; k++) {
          int spaceIndex = in.readInt();
          Acc a = new Acc(in.readInt(), spaceIndex);
          a.evidence = Double.longBitsToDouble(in.readLong());
          a.flat = Double.longBitsToDouble(in.readLong());
          a.recent = Double.longBitsToDouble(in.readLong());
          a.fresh = Double.longBitsToDouble(in.readLong());
          a.answers = in.readInt();
          a.lastAnswer = in.readLong();
          accs[k] = a;
          mine.put(space(spaceIndex), a);
        }
        m.overallByPerson.set(i, mine);
        m.overallArrays.set(i, accs);
      }
      for (int n = count(); n > 0; n--) {
        SpaceId space = space(in.readInt());
        Map<PersonId, Acc> byPerson = new HashMap<>();
        m.overall.put(space, byPerson);
        for (int k = count(); k > 0; k--) {
          PersonId p = person();
          Integer i = m.personIndex.get(p);
          Acc a = i == null ? null : m.overallByPerson.get(i) == null ? null
              : m.overallByPerson.get(i).get(space);
          if (a == null) {
            throw new IOException("overall sums of " + p.value() + " missing");
          }
          byPerson.put(p, a);
        }
      }
    }

    private PersonProfile readProfile() throws IOException {
      PersonId id = person();
      String name = string();
      String orgUnit = string();
      String title = string();
      String location = string();
      List<Tag> skills = tagList();
      boolean external = in.readBoolean();
      PersonStatus status = STATUSES[in.readByte()];
      long day = in.readLong();
      PersonId manager = person();
      return new PersonProfile(id, name, orgUnit, title, location, Set.copyOf(skills), external,
          status, day == NO_DAY ? null : LocalDate.ofEpochDay(day),
          manager);
    }

    private void byPerson(Map<PersonId, List<Fact>> lists) throws IOException {
      for (int n = count(); n > 0; n--) {
        PersonId p = person();
        lists.put(p, factList(false));
      }
    }

    private void byPersonTopic(Map<PersonId, Map<Tag, Object>> lists) throws IOException {
      for (int n = count(); n > 0; n--) {
        PersonId person = person();
        int topics = count();
        Map<Tag, Object> mine = new CompactMap<>(topics);
        lists.put(person, mine);
        for (int k = topics; k > 0; k--) {
          Tag tag = tag();
          List<Fact> list = factList(true);
          if (list.isEmpty()) {
            throw new IOException("an empty list of facts by topic");
          }
          mine.put(tag, list.size() == 1 ? list.get(0) : list);
        }
      }
    }

    /**
     * A list of facts named by index: short ({@link SmallLists}) if {@code small} and it has two
     * or fewer, else an array list of its own size, read straight into it.
     */
    private List<Fact> factList(boolean small) throws IOException {
      int n = count();
      if (small && n <= 2) {
        if (n == 0) {
          return List.of();
        }
        Fact first = facts[in.readInt()];
        return n == 1 ? List.of(first) : List.of(first, facts[in.readInt()]);
      }
      List<Fact> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(facts[in.readInt()]);
      }
      return list;
    }

    private List<Tag> tagList() throws IOException {
      int n = count();
      Tag[] list = new Tag[n];
      for (int i = 0; i < n; i++) {
        list[i] = tag();
      }
      return n == 0 ? List.of() : m.tagLists.of(list);
    }

    /** A person named by index (-1 for none), or defined here: the next index, then the name. */
    private PersonId person() throws IOException {
      int i = in.readInt();
      if (i == -1) {
        return null;
      }
      if (i == people.size()) {
        people.add(shared(PersonId.of(string())));
      } else if (i < 0 || i > people.size()) {
        throw new IOException("expertise model names person " + i + " of " + people.size());
      }
      return people.get(i);
    }

    /** A tag named by index (-1 for none), or defined here: the next index, then the name. */
    private Tag tag() throws IOException {
      int i = in.readInt();
      if (i == -1) {
        return null;
      }
      if (i == tags.size()) {
        tags.add(shared(Tag.of(string())));
      } else if (i < 0 || i > tags.size()) {
        throw new IOException("expertise model names tag " + i + " of " + tags.size());
      }
      return tags.get(i);
    }

    /** The caller's instance of an id equal to {@code id}, so the two models share it. */
    @SuppressWarnings("unchecked")
    private <T> T shared(T id) {
      Object kept = shared.apply(id);
      return id.equals(kept) ? (T) kept : id;
    }

    private SpaceId space(int index) {
      return index < 0 ? null : m.spaceIds.get(index);
    }

    private int count() throws IOException {
      return checked(in.readInt(), limit);
    }

    /** What {@link Writer#writeRow} wrote: the caller's instance for a code. */
    private <T extends ContentRef> T row(Class<T> type) throws IOException {
      int code = in.readInt();
      lastCode = code;
      if (code == -1) {
        String value = string();
        return type.cast(shared(type == ThreadId.class ? ThreadId.of(value) : PostId.of(value)));
      }
      ContentRef ref = code < 0 ? null : byCode.apply(code);
      if (!type.isInstance(ref)) {
        throw new IOException("no " + type.getSimpleName() + " has code " + code);
      }
      return type.cast(ref);
    }

    private String string() throws IOException {
      byte[] utf8 = new byte[count()];
      in.readFully(utf8);
      return new String(utf8, StandardCharsets.UTF_8);
    }
  }
}
