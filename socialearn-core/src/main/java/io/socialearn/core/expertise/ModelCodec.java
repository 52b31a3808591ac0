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
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The binary form of an {@link ExpertiseModel}, exact: doubles as raw bits, every list in its
 * order and every map written in its iteration order and refilled in that order (so a restored
 * map iterates as the original did, and sums over it add in the same order).
 *
 * <p>Form: a magic int, the settings' fingerprint (half-lives and weights), the frame's origin;
 * then tables of people (the model's dense indices first), spaces (dense indices) and tags (the
 * pool first); then threads, answers and the facts, which every list names by index (a fact is
 * one object in all the lists that hold it, as in the model); then the lists, the sums and the
 * profiles. Stateless; the caller guards the model.
 */
final class ModelCodec {
  private static final int MAGIC = 0x45585031;
  private static final EvidenceKind[] KINDS = EvidenceKind.values();
  private static final PersonStatus[] STATUSES = PersonStatus.values();
  private static final long NO_DAY = Long.MIN_VALUE;

  private ModelCodec() {}

  static void write(ExpertiseModel m, DataOutput sink) throws IOException {
    new Writer(m).write(sink);
  }

  static ExpertiseModel read(DataInput in, ExpertiseSettings settings, int limit)
      throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not an expertise model");
    }
    byte[] written = new byte[checked(in.readInt(), limit)];
    in.readFully(written);
    int bodyLength = checked(in.readInt(), limit);
    if (!Arrays.equals(written, fingerprint(settings))) {
      for (int left = bodyLength; left > 0; ) {
        int skipped = in.skipBytes(left);
        if (skipped <= 0) {
          throw new IOException("expertise model cut short");
        }
        left -= skipped;
      }
      return null;
    }
    // The body is read whole and parsed from a buffer: a stream's per-byte reads cost more.
    byte[] body = new byte[bodyLength];
    in.readFully(body);
    Bytes bytes = new Bytes(ByteBuffer.wrap(body));
    ExpertiseModel model = new Reader(new ExpertiseModel(settings), bytes, bodyLength).read();
    if (bytes.buffer.hasRemaining()) {
      throw new IOException("expertise model ends " + bytes.buffer.remaining()
          + " bytes before its section does");
    }
    return model;
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
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<PersonId, Integer> people = new HashMap<>();
    private final List<PersonId> personTable = new ArrayList<>();
    private final Map<Tag, Integer> tags = new HashMap<>();
    private final List<Tag> tagTable = new ArrayList<>();
    private final Map<ThreadInfo, Integer> threads = new IdentityHashMap<>();
    private final Map<AnswerInfo, Integer> answers = new IdentityHashMap<>();
    private final Map<Fact, Integer> facts = new IdentityHashMap<>();

    Writer(ExpertiseModel m) {
      this.m = m;
      m.personIds.forEach(this::person);
      m.tagPool.keySet().forEach(this::tag);
    }

    void write(DataOutput sink) throws IOException {
      // Every thread, answer and fact, in an order each list can name them by.
      List<ThreadInfo> threadList = new ArrayList<>(m.threads.values());
      threadList.forEach(t -> threads.put(t, threads.size()));
      List<AnswerInfo> answerList = new ArrayList<>(m.answers.values());
      for (AnswerInfo a : answerList) {
        answers.put(a, answers.size());
        if (!threads.containsKey(a.thread)) {
          threads.put(a.thread, threads.size());
          threadList.add(a.thread);
        }
      }
      Set<Fact> all = Collections.newSetFromMap(new IdentityHashMap<>());
      List<Fact> factList = new ArrayList<>();
      m.byPerson.values().forEach(list -> list.forEach(f -> {
        if (all.add(f)) {
          factList.add(f);
        }
      }));
      for (Fact f : gatherRest()) {
        if (all.add(f)) {
          factList.add(f);
        }
      }
      for (Fact f : factList) {
        if (f.threadInfo != null && !threads.containsKey(f.threadInfo)) {
          threads.put(f.threadInfo, threads.size());
          threadList.add(f.threadInfo);
        }
      }
      out.writeLong(m.ref);
      out.writeInt(threadList.size());
      for (ThreadInfo t : threadList) {
        writeString(out, t.id.value());
        out.writeInt(t.spaceIndex);
        out.writeInt(space(t.space));
        out.writeInt(person(t.author));
        tags(t.tags);
        out.writeBoolean(t.deleted);
        out.writeBoolean(m.threads.get(t.id) == t);
      }
      out.writeInt(answerList.size());
      for (AnswerInfo a : answerList) {
        writeString(out, a.id.value());
        out.writeInt(threads.get(a.thread));
        out.writeInt(person(a.author));
        out.writeLong(a.at);
        out.writeBoolean(a.deleted);
      }
      out.writeInt(factList.size());
      for (Fact f : factList) {
        facts.put(f, facts.size());
        writeFact(f);
      }
      for (ThreadInfo t : threadList) {
        factIndices(t.facts);
        out.writeInt(t.answers.size());
        for (AnswerInfo a : t.answers) {
          out.writeInt(answers.get(a));
        }
      }
      for (AnswerInfo a : answerList) {
        factIndices(a.facts);
      }
      byPerson(m.byPerson);
      byPersonTopic(m.byPersonTopic);
      byPersonTopic(m.answersByPersonTopic);
      factIndices(new ArrayList<>(m.recentVotes));
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
        out.writeInt(person(a.person));
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
        out.writeInt(tag(e.getKey()));
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
      out.flush();

      // Tables, then the body.
      sink.writeInt(MAGIC);
      byte[] fingerprint = fingerprint(m.settings());
      sink.writeInt(fingerprint.length);
      sink.write(fingerprint);
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(head);
      h.writeInt(m.personIds.size());
      h.writeInt(personTable.size());
      for (PersonId p : personTable) {
        writeString(h, p.value());
      }
      h.writeInt(m.spaceIds.size());
      for (SpaceId s : m.spaceIds) {
        writeString(h, s.value());
      }
      h.writeInt(m.tagPool.size());
      h.writeInt(tagTable.size());
      for (Tag t : tagTable) {
        writeString(h, t.value());
      }
      h.flush();
      sink.writeInt(head.size() + bytes.size());
      if (sink instanceof OutputStream stream) {
        // No copy of the body, which holds every fact.
        head.writeTo(stream);
        bytes.writeTo(stream);
      } else {
        sink.write(head.toByteArray());
        sink.write(bytes.toByteArray());
      }
    }

    /** The facts held outside the people's lists: dead ones still in the cut-off buffer. */
    private List<Fact> gatherRest() {
      Set<Fact> rest = new LinkedHashSet<>(m.recentVotes);
      m.endorsements.values().forEach(rest::add);
      m.skills.values().forEach(rest::addAll);
      m.threads.values().forEach(t -> rest.addAll(t.facts));
      m.answers.values().forEach(a -> rest.addAll(a.facts));
      return new ArrayList<>(rest);
    }

    private void writeFact(Fact f) throws IOException {
      out.writeByte(f.kind.ordinal());
      out.writeInt(person(f.person));
      out.writeInt(f.threadInfo == null ? -1 : threads.get(f.threadInfo));
      writeThreadId(f);
      writeSource(f);
      out.writeInt(f.from == null ? -1 : person(f.from));
      out.writeLong(f.at);
      out.writeLong(Double.doubleToRawLongBits(f.base));
      out.writeInt(space(f.space));
      out.writeInt(f.topic == null ? -1 : tag(f.topic));
      out.writeBoolean(f.decays);
      out.writeBoolean(f.live);
    }

    private void writeThreadId(Fact f) throws IOException {
      if (f.thread == null) {
        out.writeByte(0);
      } else if (f.threadInfo != null && f.thread.equals(f.threadInfo.id)) {
        out.writeByte(1);
      } else {
        out.writeByte(2);
        writeString(out, f.thread.value());
      }
    }

    private void writeSource(Fact f) throws IOException {
      ContentRef source = f.source;
      if (source == null) {
        out.writeByte(0);
      } else if (f.threadInfo != null && source.equals(f.threadInfo.id)) {
        out.writeByte(1);
      } else if (source instanceof PostId post && m.answers.get(post) != null
          && answers.containsKey(m.answers.get(post))) {
        out.writeByte(2);
        out.writeInt(answers.get(m.answers.get(post)));
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
        out.writeInt(tag(e.getKey()));
        out.writeInt(e.getValue().size());
        for (Map.Entry<SpaceId, Column> s : e.getValue().entrySet()) {
          out.writeInt(space(s.getKey()));
          Column c = s.getValue();
          out.writeInt(c.size);
          out.writeInt(c.person.length);
          for (int i = 0; i < c.size; i++) {
            out.writeInt(c.person[i]);
            out.writeLong(Double.doubleToRawLongBits(c.evidence[i]));
            out.writeLong(Double.doubleToRawLongBits(c.flat[i]));
            out.writeLong(Double.doubleToRawLongBits(c.recent[i]));
            out.writeLong(c.last[i]);
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
          out.writeInt(person(p.getKey()));
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
      out.writeInt(person(p.id()));
      writeString(out, p.displayName());
      writeString(out, p.orgUnit());
      writeString(out, p.title());
      writeString(out, p.location());
      tags(List.copyOf(p.declaredSkills()));
      out.writeBoolean(p.external());
      out.writeByte(p.status().ordinal());
      out.writeLong(p.leavingOn() == null ? NO_DAY : p.leavingOn().toEpochDay());
      out.writeInt(p.manager() == null ? -1 : person(p.manager()));
    }

    private void byPerson(Map<PersonId, List<Fact>> lists) throws IOException {
      out.writeInt(lists.size());
      for (Map.Entry<PersonId, List<Fact>> e : lists.entrySet()) {
        out.writeInt(person(e.getKey()));
        factIndices(e.getValue());
      }
    }

    private void byPersonTopic(Map<PersonId, Map<Tag, List<Fact>>> lists) throws IOException {
      out.writeInt(lists.size());
      for (Map.Entry<PersonId, Map<Tag, List<Fact>>> e : lists.entrySet()) {
        out.writeInt(person(e.getKey()));
        out.writeInt(e.getValue().size());
        for (Map.Entry<Tag, List<Fact>> t : e.getValue().entrySet()) {
          out.writeInt(tag(t.getKey()));
          factIndices(t.getValue());
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
        out.writeInt(tag(t));
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
    private PersonId[] people;
    private Tag[] tags;
    private ThreadInfo[] threads;
    private AnswerInfo[] answers;
    private Fact[] facts;

    Reader(ExpertiseModel m, Bytes in, int limit) {
      this.m = m;
      this.in = in;
      this.limit = limit;
    }

    ExpertiseModel read() throws IOException {
      int dense = count();
      people = new PersonId[count()];
      if (dense > people.length) {
        throw new IOException("expertise model indexes " + dense + " of " + people.length
            + " people");
      }
      for (int i = 0; i < people.length; i++) {
        people[i] = PersonId.of(string());
      }
      for (int i = 0; i < dense; i++) {
        m.personIds.add(people[i]);
        m.personIndex.put(people[i], i);
        m.overallByPerson.add(null);
        m.overallArrays.add(null);
      }
      for (int n = count(), i = 0; i < n; i++) {
        SpaceId s = SpaceId.of(string());
        m.spaceIds.add(s);
        m.spaceIndex.put(s, i);
      }
      int pooled = count();
      tags = new Tag[count()];
      if (pooled > tags.length) {
        throw new IOException("expertise model pools " + pooled + " of " + tags.length + " tags");
      }
      for (int i = 0; i < tags.length; i++) {
        tags[i] = Tag.of(string());
        if (i < pooled) {
          m.tagPool.put(tags[i], tags[i]);
        }
      }
      m.ref = in.readLong();
      threads = new ThreadInfo[count()];
      for (int i = 0; i < threads.length; i++) {
        ThreadId id = ThreadId.of(string());
        int spaceIndex = in.readInt();
        SpaceId space = space(in.readInt());
        PersonId author = people[in.readInt()];
        ThreadInfo t = new ThreadInfo(id, space, spaceIndex, author, tagList());
        t.deleted = in.readBoolean();
        if (in.readBoolean()) {
          m.threads.put(id, t);
        }
        threads[i] = t;
      }
      answers = new AnswerInfo[count()];
      for (int i = 0; i < answers.length; i++) {
        PostId id = PostId.of(string());
        AnswerInfo a = new AnswerInfo(id, threads[in.readInt()], people[in.readInt()],
            in.readLong());
        a.deleted = in.readBoolean();
        m.answers.put(id, a);
        answers[i] = a;
      }
      facts = new Fact[count()];
      for (int i = 0; i < facts.length; i++) {
        facts[i] = readFact();
      }
      for (ThreadInfo t : threads) {
        t.facts.addAll(factList());
        for (int n = count(); n > 0; n--) {
          t.answers.add(answers[in.readInt()]);
        }
      }
      for (AnswerInfo a : answers) {
        a.facts.addAll(factList());
      }
      byPerson(m.byPerson);
      byPersonTopic(m.byPersonTopic);
      byPersonTopic(m.answersByPersonTopic);
      m.recentVotes.addAll(factList());
      for (int n = count(); n > 0; n--) {
        m.endorsements.put(string(), facts[in.readInt()]);
      }
      byPerson(m.skills);
      readColumns();
      readOverall();
      for (int n = count(); n > 0; n--) {
        Active a = new Active(people[in.readInt()], in.readInt());
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
        m.threadsPerTopic.put(tags[in.readInt()], bySpace);
        for (int k = count(); k > 0; k--) {
          bySpace.put(space(in.readInt()), new int[] {in.readInt()});
        }
      }
      for (int n = count(); n > 0; n--) {
        PersonProfile p = readProfile();
        m.people.put(p.id(), p);
      }
      return m;
    }

    private Fact readFact() throws IOException {
      EvidenceKind kind = KINDS[in.readByte()];
      PersonId person = people[in.readInt()];
      int threadIndex = in.readInt();
      ThreadInfo info = threadIndex < 0 ? null : threads[threadIndex];
      int threadCode = in.readByte();
      ThreadId thread = threadCode == 0 ? null : threadCode == 1 ? info.id
          : ThreadId.of(string());
      int sourceCode = in.readByte();
      ContentRef source = switch (sourceCode) {
        case 0 -> null;
        case 1 -> info.id;
        case 2 -> answers[in.readInt()].id;
        case 3 -> ThreadId.of(string());
        case 4 -> PostId.of(string());
        default -> throw new IOException("not a source: " + sourceCode);
      };
      int from = in.readInt();
      long at = in.readLong();
      double base = Double.longBitsToDouble(in.readLong());
      SpaceId space = space(in.readInt());
      int topic = in.readInt();
      boolean decays = in.readBoolean();
      Fact f = new Fact(kind, person, thread, source, from < 0 ? null : people[from], at, base,
          space, topic < 0 ? null : tags[topic], decays);
      f.live = in.readBoolean();
      f.threadInfo = info;
      return f;
    }

    private void readColumns() throws IOException {
      for (int n = count(); n > 0; n--) {
        Map<SpaceId, Column> bySpace = new HashMap<>();
        m.byTopic.put(tags[in.readInt()], bySpace);
        for (int k = count(); k > 0; k--) {
          SpaceId space = space(in.readInt());
          Column c = new Column();
          int size = count();
          int capacity = count();
          if (size > capacity || capacity < 2) {
            throw new IOException("a column of " + size + " in " + capacity + " slots");
          }
          c.size = size;
          c.person = new int[capacity];
          c.evidence = new double[capacity];
          c.flat = new double[capacity];
          c.recent = new double[capacity];
          c.last = new long[capacity];
          Arrays.fill(c.last, Long.MIN_VALUE);
          for (int i = 0; i < size; i++) {
            c.person[i] = in.readInt();
            c.evidence[i] = Double.longBitsToDouble(in.readLong());
            c.flat[i] = Double.longBitsToDouble(in.readLong());
            c.recent[i] = Double.longBitsToDouble(in.readLong());
            c.last[i] = in.readLong();
            c.slots.put(m.personIds.get(c.person[i]), i);
          }
          bySpace.put(space, c);
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
          PersonId p = people[in.readInt()];
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
      PersonId id = people[in.readInt()];
      String name = string();
      String orgUnit = string();
      String title = string();
      String location = string();
      List<Tag> skills = tagList();
      boolean external = in.readBoolean();
      PersonStatus status = STATUSES[in.readByte()];
      long day = in.readLong();
      int manager = in.readInt();
      return new PersonProfile(id, name, orgUnit, title, location, Set.copyOf(skills), external,
          status, day == NO_DAY ? null : LocalDate.ofEpochDay(day),
          manager < 0 ? null : people[manager]);
    }

    private void byPerson(Map<PersonId, List<Fact>> lists) throws IOException {
      for (int n = count(); n > 0; n--) {
        PersonId p = people[in.readInt()];
        lists.put(p, factList());
      }
    }

    private void byPersonTopic(Map<PersonId, Map<Tag, List<Fact>>> lists) throws IOException {
      for (int n = count(); n > 0; n--) {
        Map<Tag, List<Fact>> mine = new HashMap<>();
        lists.put(people[in.readInt()], mine);
        for (int k = count(); k > 0; k--) {
          Tag tag = tags[in.readInt()];
          mine.put(tag, factList());
        }
      }
    }

    private List<Fact> factList() throws IOException {
      int n = count();
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
        list[i] = tags[in.readInt()];
      }
      return List.of(list);
    }

    private SpaceId space(int index) {
      return index < 0 ? null : m.spaceIds.get(index);
    }

    private int count() throws IOException {
      return checked(in.readInt(), limit);
    }

    private String string() throws IOException {
      byte[] utf8 = new byte[count()];
      in.readFully(utf8);
      return new String(utf8, StandardCharsets.UTF_8);
    }
  }
}
