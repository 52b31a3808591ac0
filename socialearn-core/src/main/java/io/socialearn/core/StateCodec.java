package io.socialearn.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialearn.api.people.ActivityKind;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.Membership;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ArticleOrigin;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.FlaggedPost;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadState;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.expertise.ExpertiseModel;
import io.socialearn.core.expertise.ExpertiseSettings;
import io.socialearn.core.internal.BinaryOutput;
import io.socialearn.core.internal.HeldText;
import io.socialearn.core.internal.reputation.ReputationLedger;
import io.socialearn.core.json.SocialearnJson;
import io.socialearn.core.log.SnapshotInput;
import io.socialearn.core.pulse.PulseLedger;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the engine's read models and reputation ledger as a snapshot and reads them back, so that
 * start-up replays only the log's tail.
 *
 * <p>Form, version {@value #FORMAT}: a magic int, the format, the last sequence; then the small
 * models as gzip'd JSON of {@link Rest} (length-prefixed); then the bulk as binary sections
 * in {@link DataOutputStream}'s form (written through a {@link BinaryOutput}): the person table
 * (the state's dense person indices first, in order), the tag table, threads, posts, edits, votes,
 * up votes (by pair of voter and author, with the recent ones' targets and times: {@link
 * UpvotePairs}), activity and comments (the sequences of the events that added them: their text
 * stays in the log), who read each thread (by thread code, then the readers' dense person indices;
 * since format 22), the reputation ledger's facts ({@link ReputationLedger#writeTo}, a stream a
 * person; its askers and answers are the rows', so none are written since format 18, and a format
 * 17 snapshot's are read and left; the rest of its image is in the JSON), the pulse ledger's
 * columns ({@link PulseLedger#writeTo}) and a magic int; then the expertise model ({@link
 * ExpertiseModel#writeTo}, so that start-up need not refold the log into it; it names the threads
 * and answers of the rows by their codes); last the length of the bulk (a long) and a magic int.
 * Threads and answers are referred to by their position in their section, people, spaces and tags
 * by table index, times as nanoseconds since the epoch. Every order the read models keep is kept.
 *
 * <p>Reading takes the bulk and the expertise model as two buffers (mapped from the snapshot's
 * file, not copied; each under 2 GiB), found by the length at the end. Once the bulk's people,
 * tags, threads and posts are in the state, the expertise model is read on a second thread while
 * the rest of the bulk is read on the caller's: the model only looks up the state's ids (to share
 * their instances), which the rest of the bulk no longer changes; the caller waits for both.
 * Stateless and thread-safe; the caller holds the engine's lock.
 */
final class StateCodec {
  /**
   * The version of the form; a snapshot of another version is refused (full replay), but for
   * those from {@link #OLDEST_READABLE} on.
   */
  static final int FORMAT = 23;
  /**
   * The oldest version still read: format 17, whose reputation ledger wrote askers and answers;
   * formats 17 and 18 wrote every standing up vote's target and time, by voter then by author,
   * and each person's reputation facts as columns, times in nanoseconds; format 19 wrote each
   * person's facts as a stream that gave every fact's points, format 20 as one that gave each
   * fact's key's code whole, both of which a read encodes afresh; formats up to 21 wrote who read
   * each thread in the JSON, as ids; formats up to 22 counted a deleted thread's answers among
   * those each person gave (trust), which a read counts afresh.
   */
  static final int OLDEST_READABLE = 17;

  private static final Logger log = LoggerFactory.getLogger(StateCodec.class);

  private static final int MAGIC = 0x534c5354;
  private static final long NO_TIME = UpvoteRun.NO_TIME;
  private static final ThreadKind[] KINDS = ThreadKind.values();
  private static final ThreadState[] STATES = ThreadState.values();
  private static final ActivityKind[] ACTIVITY = ActivityKind.values();
  private static final ObjectMapper MAPPER = SocialearnJson.newMapper();

  private StateCodec() {}

  /** A person's days active and answers given. */
  record EngagementRow(PersonId person, EngineState.DaysActive days, int answers) {}

  /** A question's open bounty. */
  record BountyRow(ThreadId thread, EngineState.OpenBounty bounty) {}

  /** Whom a question was routed to. */
  record RoutedRow(ThreadId thread, List<PersonId> people) {}

  /** How many questions were routed to a person on their last routed day. */
  record RoutedTodayRow(PersonId person, EngineState.DaysActive routed) {}

  /** Where a promoted article comes from. */
  record ArticleRow(ThreadId article, ArticleOrigin origin) {}

  /** An ask-the-expert session with its questions in order. */
  record SessionImage(EngineState.SessionRow session, List<ThreadId> questions) {}

  /** Who read a thread. */
  record ViewersRow(ThreadId thread, List<PersonId> viewers) {}

  /** Two linked accounts. */
  record LinkRow(PersonId first, PersonId second) {}

  /** The open flags on a question or answer. */
  record FlagRow(ContentRef target, List<FlaggedPost.Flag> flags) {}

  /** How many of a person's flags moderators agreed with. */
  record FlagsAgreedRow(PersonId person, int agreed) {}

  /** The small read models as lists; see {@link EngineState} for what each holds. */
  record Rest(List<PersonProfile> people, List<SpaceRow> spaces, List<Membership> members,
      List<LinkRow> links, List<EngagementRow> engagement,
      List<BountyRow> bounties, List<RoutedRow> routed, List<RoutedTodayRow> routedToday,
      List<ArticleRow> articles, List<SessionImage> sessions, List<ViewersRow> viewers,
      ReputationLedger.Image ledger, List<FlagRow> flags, List<FlagsAgreedRow> flagsAgreed) {}

  /**
   * What a snapshot holds: the read models, a reputation ledger with its contents (for {@link
   * ReputationLedger#takeOver}), the pulse and the expertise model (null when it was taken with
   * other expertise settings, or by a format before 19, whose model kept vote times to the
   * millisecond: refold it then).
   */
  record Decoded(EngineState state, ReputationLedger ledger, PulseLedger pulse,
      ExpertiseModel expertise) {}

  /** The snapshot as bytes: {@link #encode(EngineState, ReputationLedger, PulseLedger,
   * ExpertiseModel, OutputStream)} into an array, for tests and small stores. */
  static byte[] encode(EngineState state, ReputationLedger ledger, PulseLedger pulse,
      ExpertiseModel expertise) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try {
      encode(state, ledger, pulse, expertise, new BufferedOutputStream(bytes, 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a snapshot", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes the snapshot to {@code sink}, streaming: nothing the size of the snapshot (nor a row
   * per reputation fact) is held on the way. Flushes {@code sink}, does not close it.
   *
   * @throws IOException if {@code sink} fails
   */
  static void encode(EngineState state, ReputationLedger ledger, PulseLedger pulse,
      ExpertiseModel expertise, OutputStream sink) throws IOException {
    List<Membership> members = new ArrayList<>();
    state.members.forEach((space, roles) -> roles.forEach(
        (person, role) -> members.add(new Membership(space, person, role))));
    List<LinkRow> links = new ArrayList<>();
    state.links.forEach((first, others) -> others.forEach(second -> {
      if (first.value().compareTo(second.value()) < 0) {
        links.add(new LinkRow(first, second));
      }
    }));
    List<SpaceRow> spaces = List.copyOf(state.spaces.values());
    Rest rest = new Rest(List.copyOf(state.people.values()), spaces, members, links,
        engagement(state),
        state.openBounties.entrySet().stream()
            .map(b -> new BountyRow(b.getKey(), b.getValue())).toList(),
        state.routedTo.entrySet().stream()
            .map(r -> new RoutedRow(r.getKey(), r.getValue())).toList(),
        state.routedToday.entrySet().stream()
            .map(r -> new RoutedTodayRow(r.getKey(), r.getValue())).toList(),
        state.articleOrigins.entrySet().stream()
            .map(a -> new ArticleRow(a.getKey(), a.getValue())).toList(),
        state.sessions.values().stream()
            .map(x -> new SessionImage(x, state.sessionQuestions.get(x.id()))).toList(),
        List.of(),
        ledger.imageOfTheRest(),
        state.openFlags.entrySet().stream()
            .map(f -> new FlagRow(f.getKey(), List.copyOf(f.getValue()))).toList(),
        state.flagsAgreed.entrySet().stream()
            .map(f -> new FlagsAgreedRow(f.getKey(), f.getValue())).toList());
    BinaryOutput out = new BinaryOutput(sink, 1 << 16);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    out.writeLong(state.lastSequence);
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    try (OutputStream zipped = new GZIPOutputStream(json)) {
      MAPPER.writeValue(zipped, rest);
    }
    out.writeInt(json.size());
    json.writeTo(out);
    long bulkStarts = out.count();
    Writer writer = new Writer(state, spaces, out);
    writer.write(ledger);
    pulse.writeTo(out, writer.rows());
    out.writeInt(MAGIC);
    long bulk = out.count() - bulkStarts;
    expertise.writeTo(out, state::contentCode);
    out.writeLong(bulk);
    out.writeInt(MAGIC);
    out.flush();
  }

  /** Writes the binary sections. */
  private static final class Writer {
    private final EngineState state;
    private final BinaryOutput out;
    private final Map<SpaceId, Integer> spaceIndex = new HashMap<>();
    private final Map<PersonId, Integer> personIndex;
    private final List<PersonId> personTable;
    private final Map<Tag, Integer> tagIndex = new HashMap<>();
    /** The rows in the order of their codes: each row's position is its code. */
    private final List<ThreadRow> threads;
    private final List<PostRow> posts;

    Writer(EngineState state, List<SpaceRow> spaces, BinaryOutput out) {
      this.state = state;
      this.out = out;
      for (int i = 0; i < spaces.size(); i++) {
        spaceIndex.put(spaces.get(i).id(), i);
      }
      this.personIndex = new HashMap<>(state.personIndex);
      this.personTable = new ArrayList<>(state.personIds);
      this.threads = state.threads.rows();
      this.posts = state.posts.rows();
    }

    void write(ReputationLedger ledger) throws IOException {
      // Tables first: every person and tag the sections below name.
      List<Tag> tagTable = new ArrayList<>();
      for (ThreadRow t : threads) {
        person(t.author());
        for (Tag tag : t.tags()) {
          if (!tagIndex.containsKey(tag)) {
            tagIndex.put(tag, tagTable.size());
            tagTable.add(tag);
          }
        }
      }
      posts.forEach(p -> person(p.author()));
      state.activity.keySet().forEach(this::person);
      out.writeInt(state.personIds.size());
      out.writeInt(personTable.size());
      for (PersonId p : personTable) {
        writeString(p.value());
      }
      out.writeInt(tagTable.size());
      for (Tag tag : tagTable) {
        writeString(tag.value());
      }
      // Every thread's and answer's id before their rows: a read starts the expertise model's
      // thread, which names rows by these, while it reads the rows.
      out.writeInt(threads.size());
      for (ThreadRow t : threads) {
        writeString(t.id().value());
      }
      out.writeInt(posts.size());
      for (PostRow p : posts) {
        writeString(p.id().value());
      }
      for (ThreadRow t : threads) {
        out.writeInt(spaceIndex.get(t.space()));
        out.writeByte(t.kind().ordinal());
        writeString(t.title());
        out.writeShort(t.tags().size());
        for (Tag tag : t.tags()) {
          out.writeInt(tagIndex.get(tag));
        }
        out.writeInt(personIndex.get(t.author()));
        out.writeByte(t.closure().ordinal());
        out.writeInt(t.duplicateOf() == null ? -1 : threadAt(t.duplicateOf()));
        out.writeInt(t.score());
        out.writeInt(t.answerCount());
        out.writeInt(t.accepted() == null ? -1 : postAt(t.accepted()));
        out.writeLong(t.createdNanos());
        out.writeLong(t.createdSeq());
        out.writeLong(t.lastActivityNanos());
        out.writeLong(t.lastActivitySeq());
        out.writeBoolean(t.deleted());
      }
      for (PostRow p : posts) {
        out.writeInt(threadAt(p.thread()));
        out.writeInt(personIndex.get(p.author()));
        out.writeInt(p.score());
        out.writeLong(p.createdNanos());
        out.writeLong(p.createdSeq());
        out.writeBoolean(p.deleted());
      }
      out.writeInt(state.edits.size());
      for (Map.Entry<ContentRef, List<Long>> e : state.edits.entrySet()) {
        out.writeInt(content(e.getKey()));
        out.writeInt(e.getValue().size());
        for (long seq : e.getValue()) {
          out.writeLong(seq);
        }
      }
      out.writeInt(state.votes.size());
      state.votes.<IOException>forEach((code, set) -> {
        int[] entries = VoteSet.entries(set);
        out.writeInt(code);
        out.writeInt(entries.length);
        for (int entry : entries) {
          out.writeInt(entry);
        }
      });
      // Pairs by the state's person indices, which the person table keeps first.
      out.writeInt(state.upvotes.size());
      state.upvotes.<IOException>forEachInOrder((voter, author, count, run) -> {
        out.writeInt(voter);
        out.writeInt(author);
        out.writeInt(count);
        int recent = run == null ? 0 : run.size();
        // As two columns, which a read takes in bulk.
        out.writeInt(recent);
        for (int i = 0; i < recent; i++) {
          out.writeInt(run.target(i));
        }
        for (int i = 0; i < recent; i++) {
          out.writeLong(run.nanos(i));
        }
      });
      out.writeInt(state.activity.size());
      for (PersonId person : state.activity.keySet()) {
        List<ActivityEntry> entries = state.activityOf(person);
        out.writeInt(personIndex.get(person));
        out.writeInt(entries.size());
        for (ActivityEntry a : entries) {
          out.writeLong(a.sequence());
          out.writeLong(a.atNanos());
          out.writeByte(a.kind().ordinal());
          out.writeInt(threadAt(a.thread()));
          out.writeInt(content(a.target()));
        }
      }
      out.writeInt(state.comments.size());
      for (Map.Entry<ContentRef, long[]> e : state.comments.entrySet()) {
        writeRef(e.getKey());
        out.writeInt(e.getValue().length);
        for (long seq : e.getValue()) {
          out.writeLong(seq);
        }
      }
      writeViews();
      writeReputation(ledger);
    }

    /**
     * Who read each thread: how many threads were read, then for each its code, how many read it
     * and their dense person indices (the state's, which the person table gives first and in
     * order), ascending.
     */
    private void writeViews() throws IOException {
      List<int[]> read = new ArrayList<>();
      List<Integer> codes = new ArrayList<>();
      state.viewers.forEach((thread, readers) -> {
        int code = state.threads.code(thread);
        // A view of a thread with no row (only a log written by hand has one) names nothing.
        if (code >= 0) {
          codes.add(code);
          read.add(readers);
        }
      });
      out.writeInt(read.size());
      for (int i = 0; i < read.size(); i++) {
        out.writeInt(codes.get(i));
        out.writeInt(read.get(i).length);
        for (int reader : read.get(i)) {
          out.writeInt(reader);
        }
      }
    }

    /**
     * The reputation ledger's askers and answers by thread, its facts as columns and who is
     * concerned by which post ({@link ReputationLedger#writeTo}), people and posts as {@link
     * #writeId} writes them.
     */
    private void writeReputation(ReputationLedger ledger) throws IOException {
      ledger.writeTo(out, this::writeId);
    }

    /**
     * A person (0, then {@link #writePerson}) or a thread or answer (1, then {@link #writeRef}).
     */
    private void writeId(Object id) throws IOException {
      if (id instanceof PersonId person) {
        out.writeByte(0);
        writePerson(person);
      } else {
        out.writeByte(1);
        writeRef((ContentRef) id);
      }
    }

    /** The rows as the pulse ledger names them: by content code ({@link #content}). */
    PulseLedger.Rows rows() {
      return new PulseLedger.Rows() {
        @Override
        public int codeOf(ContentRef ref) {
          return state.contentCode(ref);
        }

        @Override
        public ContentRef byCode(int code) {
          throw new UnsupportedOperationException("only for reading");
        }

        @Override
        public String titleOf(ThreadId question) {
          return state.titleOf(question);
        }
      };
    }

    /** A person as its table index, or -1 for none, or -2 and its id for one not in the table. */
    private void writePerson(PersonId person) throws IOException {
      Integer at = person == null ? null : personIndex.get(person);
      if (at != null) {
        out.writeInt(at);
      } else if (person == null) {
        out.writeInt(-1);
      } else {
        out.writeInt(-2);
        writeString(person.value());
      }
    }

    /**
     * A thread or answer as its content code ({@link #content}), or -1 for none, or -2 (a thread)
     * or -3 (an answer) and its id for one without a row.
     */
    private void writeRef(ContentRef ref) throws IOException {
      int code = ref == null ? -1 : state.contentCode(ref);
      if (code >= 0) {
        out.writeInt(code);
      } else if (ref == null) {
        out.writeInt(-1);
      } else {
        out.writeInt(ref instanceof ThreadId ? -2 : -3);
        writeString(ref instanceof ThreadId t ? t.value() : ((PostId) ref).value());
      }
    }

    private void person(PersonId person) {
      if (!personIndex.containsKey(person)) {
        personIndex.put(person, personTable.size());
        personTable.add(person);
      }
    }

    /** A thread as {@code 2 * position}, an answer as {@code 2 * position + 1}. */
    private int content(ContentRef target) {
      int code = state.contentCode(target);
      if (code < 0) {
        throw new IllegalStateException("the read models name " + target + ", which has no row");
      }
      return code;
    }


    /** The position of a thread with a row. */
    private int threadAt(ThreadId thread) {
      return content(thread) >>> 1;
    }

    /** The position of an answer with a row. */
    private int postAt(PostId post) {
      return content(post) >>> 1;
    }

    private void writeString(String value) throws IOException {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      out.writeInt(utf8.length);
      out.write(utf8);
    }
  }

  private static List<EngagementRow> engagement(EngineState state) {
    Set<PersonId> people = new HashSet<>(state.daysActive.keySet());
    people.addAll(state.answersGiven.keySet());
    List<EngagementRow> rows = new ArrayList<>();
    for (PersonId person : people) {
      rows.add(new EngagementRow(person, state.daysActive.get(person),
          state.answersGiven.getOrDefault(person, -1)));
    }
    return rows;
  }

  /**
   * Reads a snapshot into an empty state, with an expertise model scored with the default
   * settings (null in the result if the snapshot's was scored otherwise).
   *
   * @throws IOException if the bytes are not a snapshot of this format
   */
  static Decoded decode(byte[] snapshot) throws IOException {
    return decode(snapshot, ExpertiseSettings.defaults());
  }

  /**
   * Reads a snapshot into an empty state, with an expertise model scored with {@code settings}
   * (null in the result if the snapshot's was scored otherwise).
   *
   * @throws IOException if the bytes are not a snapshot of this format
   */
  static Decoded decode(byte[] snapshot, ExpertiseSettings settings) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(snapshot);
    return decode(in, snapshot.length, new Regions() {
      @Override
      public long remaining() {
        return in.available();
      }

      @Override
      public ByteBuffer tail(int length) throws IOException {
        if (length > in.available()) {
          throw new IOException("snapshot cut short");
        }
        return ByteBuffer.wrap(snapshot, snapshot.length - length, length).slice();
      }

      @Override
      public ByteBuffer next(long length) throws IOException {
        if (length < 0 || length > in.available()) {
          throw new IOException("snapshot cut short");
        }
        int at = snapshot.length - in.available();
        in.skipNBytes(length);
        return ByteBuffer.wrap(snapshot, at, (int) length).slice();
      }
    }, settings);
  }

  /**
   * Reads a snapshot from {@code in}, its binary sections from the file mapped rather than
   * copied, with an expertise model scored with {@code settings} (null in the result if the
   * snapshot's was scored otherwise).
   *
   * @throws IOException if the data is not a snapshot of this format
   */
  static Decoded decode(SnapshotInput in, ExpertiseSettings settings) throws IOException {
    return decode(in, in.remaining(), new Regions() {
      @Override
      public long remaining() {
        return in.remaining();
      }

      @Override
      public ByteBuffer tail(int length) throws IOException {
        return in.tail(length);
      }

      @Override
      public ByteBuffer next(long length) throws IOException {
        return in.map(length);
      }
    }, settings);
  }

  /** What is left of a snapshot's data after its JSON, as buffers. */
  private interface Regions {
    /** How many bytes are left. */
    long remaining();

    /** The last {@code length} bytes, without moving on. */
    ByteBuffer tail(int length) throws IOException;

    /** The next {@code length} bytes, moving on past them. */
    ByteBuffer next(long length) throws IOException;
  }

  /** The length of the data's end: the bulk's length and a magic int. */
  private static final int END = 12;

  private static Decoded decode(InputStream source, long length, Regions regions,
      ExpertiseSettings settings) throws IOException {
    int limit = (int) Math.min(Integer.MAX_VALUE, length);
    try {
      DataInputStream in = new DataInputStream(source);
      if (length < 16 || in.readInt() != MAGIC) {
        throw new IOException("not a snapshot of the read models");
      }
      int format = in.readInt();
      if (format < OLDEST_READABLE || format > FORMAT) {
        throw new IOException("snapshot format " + format + ", expected " + OLDEST_READABLE
            + " to " + FORMAT);
      }
      long lastSequence = in.readLong();
      byte[] json = new byte[checkedLength(in.readInt(), limit)];
      in.readFully(json);
      Rest rest;
      try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(json))) {
        rest = MAPPER.readValue(unzipped, Rest.class);
      }
      if (rest.ledger() == null) {
        throw new IOException("snapshot without the reputation ledger");
      }
      long left = regions.remaining();
      if (left < END) {
        throw new IOException("snapshot does not end where its sections do");
      }
      ByteBuffer end = regions.tail(END);
      long bulkLength = end.getLong();
      if (end.getInt() != MAGIC || bulkLength < 0 || bulkLength > left - END) {
        throw new IOException("snapshot does not end where its sections do");
      }
      ByteBuffer bulk = regions.next(bulkLength);
      ByteBuffer model = regions.next(left - bulkLength);
      EngineState state = new EngineState(null);
      ReputationLedger ledger = new ReputationLedger(rest.ledger().rules());
      // As the engine's: its posts' authors are the rows', so they agree once it takes over.
      ledger.authorsFrom(state::authorOf);
      // Its posts' codes are the rows' (read before its facts), as the engine's are.
      ledger.rowsFrom(state.reputationRows());
      // Its askers and answers are the rows' too, so the bulk holds none since format 18.
      ledger.threadsFrom(state.reputationThreads());
      Reader reader = new Reader(state, rest, bulk, limit, format);
      reader.readIds();
      reader.lap("people, tags and ids");
      // From here the state's people, spaces and tags stay as they are, and the rows' ids are
      // the reader's: the model's thread reads those alone while this one fills the rest.
      long[] modelNanos = new long[1];
      FutureTask<ExpertiseModel> modelRead = new FutureTask<>(() -> {
        long started = System.nanoTime();
        // The state's answer codes are only asked once the whole snapshot is read. A model of a
        // format before 19 summed its votes' and accepts' times to the millisecond, which the
        // model now keeps to the second: it is refolded from the log rather than read.
        ExpertiseModel read = format < 19 ? skipModel(model, bulkLength)
            : readModel(model, bulkLength, reader::sharedId, reader::row, state::answerCode,
                threadCodes(state), settings);
        modelNanos[0] = System.nanoTime() - started;
        return read;
      });
      boolean parallel = Runtime.getRuntime().availableProcessors() > 1;
      if (parallel) {
        Thread helper = new Thread(modelRead, "socialearn-snapshot-model");
        helper.setDaemon(true);
        helper.start();
      }
      try {
        reader.readRows();
        reader.lap("rows");
        reader.readSections(ledger);
      } catch (IOException | RuntimeException | Error e) {
        if (parallel) {
          // Nothing of a failed decode outlives it.
          awaitQuietly(modelRead);
        }
        throw e;
      }
      if (!parallel) {
        modelRead.run();
      }
      state.lastSequence = lastSequence;
      Decoded decoded = new Decoded(state, ledger, reader.pulse, result(modelRead));
      reader.lap("waiting for the expertise model");
      if (log.isDebugEnabled()) {
        log.debug("snapshot at {} read: {}; the expertise model {} ms{}", lastSequence,
            reader.laps, modelNanos[0] / 1_000_000, parallel ? " on a thread of its own" : "");
      }
      return decoded;
    } catch (RuntimeException e) {
      throw new IOException("not a readable snapshot: " + e, e);
    }
  }

  /**
   * Given a thread's id, the code of its row in {@code state} (half its content code), else -1:
   * the expertise model finds its threads by it.
   */
  static ToIntFunction<Object> threadCodes(EngineState state) {
    return thread -> thread instanceof ThreadId t ? state.contentCode(t) >> 1 : -1;
  }

  /**
   * Reads the expertise model from {@code in}, then the data's end; only looks the state's ids
   * and the rows' ids by code ({@code rows}) up.
   */
  private static ExpertiseModel readModel(ByteBuffer in, long bulkLength,
      UnaryOperator<Object> shared, IntFunction<ContentRef> rows,
      ToIntFunction<Object> answerCodes, ToIntFunction<Object> threadCodes,
      ExpertiseSettings settings) throws IOException {
    ExpertiseModel expertise = ExpertiseModel.readFrom(in, settings, shared, rows, answerCodes,
        threadCodes);
    if (in.remaining() != END || in.getLong() != bulkLength || in.getInt() != MAGIC) {
      throw new IOException("snapshot does not end where its sections do");
    }
    return expertise;
  }

  /** Checks the data's end after a model left unread; no model (null). */
  private static ExpertiseModel skipModel(ByteBuffer in, long bulkLength) throws IOException {
    if (in.remaining() < END) {
      throw new IOException("snapshot does not end where its sections do");
    }
    in.position(in.limit() - END);
    if (in.getLong() != bulkLength || in.getInt() != MAGIC) {
      throw new IOException("snapshot does not end where its sections do");
    }
    return null;
  }

  /** Waits for {@code task} to finish, whatever it ends with, keeping an interrupt for later. */
  private static void awaitQuietly(FutureTask<?> task) {
    boolean interrupted = false;
    while (true) {
      try {
        task.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException | CancellationException e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** What a finished {@code task} returned, or what it threw. */
  private static ExpertiseModel result(FutureTask<ExpertiseModel> task) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading a snapshot", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      } else if (cause instanceof RuntimeException runtime) {
        throw runtime;
      } else if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException("cannot read a snapshot's expertise model: " + cause, cause);
    }
  }

  private static int checkedLength(int length, int limit) throws IOException {
    if (length < 0 || length > limit) {
      throw new IOException("snapshot names a length of " + length + " in " + limit + " bytes");
    }
    return length;
  }

  /** Reads the binary sections into a state, the small models from {@link Rest}. */
  private static final class Reader {
    private final EngineState state;
    private final Rest rest;
    private final ByteBuffer in;
    private final int limit;
    /** The snapshot's format: {@link #OLDEST_READABLE} to {@link #FORMAT}. */
    private final int format;
    private PersonId[] people;
    private Tag[] tags;
    private ThreadRow[] threads;
    private PostRow[] posts;
    /**
     * The threads' and posts' ids by position, once {@link #readIds} read them: the sections
     * name them by code millions of times, and these arrays are read without touching the rows.
     */
    private ThreadId[] threadIds;
    private PostId[] postIds;
    /** Where a string's bytes are copied from a mapped buffer. */
    private byte[] scratch = new byte[64];
    /** The pulse ledger, once {@link #readSections} read it. */
    private PulseLedger pulse;
    /** How long each part took, for the debug log. */
    private final StringBuilder laps = new StringBuilder();
    private long lapStarted = System.nanoTime();

    /** Notes the time since the last lap as {@code part}'s. */
    void lap(String part) {
      long now = System.nanoTime();
      laps.append(laps.length() == 0 ? "" : ", ").append(part).append(' ')
          .append((now - lapStarted) / 1_000_000).append(" ms");
      lapStarted = now;
    }

    Reader(EngineState state, Rest rest, ByteBuffer in, int limit, int format) {
      this.state = state;
      this.rest = rest;
      this.in = in;
      this.limit = limit;
      this.format = format;
    }

    /**
     * Reads the tables of people and tags into the state, and the threads' and answers' ids
     * (only {@link #row} gives them out until {@link #readRows}).
     */
    void readIds() throws IOException {
      List<SpaceRow> spaces = rest.spaces();
      for (SpaceRow space : spaces) {
        state.spaces.put(space.id(), space);
        state.members.put(space.id(), new LinkedHashMap<>());
        state.threadsBySpace.put(space.id(), new SpaceThreads());
      }
      int indexed = in.getInt();
      people = new PersonId[count()];
      if (indexed > people.length) {
        throw new IOException("snapshot indexes " + indexed + " of " + people.length + " people");
      }
      Map<PersonId, PersonId> byValue = new HashMap<>();
      rest.people().forEach(p -> byValue.put(p.id(), p.id()));
      for (int i = 0; i < people.length; i++) {
        PersonId read = PersonId.of(readString());
        people[i] = byValue.getOrDefault(read, read);
        if (i < indexed) {
          state.personIndex.put(people[i], i);
          state.personIds.add(people[i]);
        }
      }
      rest.people().forEach(p -> state.people.put(p.id(), p));
      tags = new Tag[count()];
      for (int i = 0; i < tags.length; i++) {
        tags[i] = state.tag(Tag.of(readString()));
      }
      threadIds = new ThreadId[count()];
      for (int i = 0; i < threadIds.length; i++) {
        threadIds[i] = ThreadId.of(readString());
      }
      postIds = new PostId[count()];
      for (int i = 0; i < postIds.length; i++) {
        postIds[i] = PostId.of(readString());
      }
    }

    /**
     * The state's instance of a person, space or tag id ({@link EngineState#shared}), read-only
     * and so safe from the model's thread once {@link #readIds} is done; a thread's or answer's
     * id as it is: the snapshot names each with a row by its code, so one read by its text has
     * no row.
     */
    Object sharedId(Object id) {
      return id instanceof ContentRef ? id : state.shared(id);
    }

    /** Reads the threads' and posts' rows: every id the state holds. */
    void readRows() throws IOException {
      // A method a loop: each is compiled on its own, not with the rest around it.
      threads = new ThreadRow[threadIds.length];
      int[] duplicateOf = new int[threads.length];
      int[] accepted = new int[threads.length];
      readThreadRows(duplicateOf, accepted);
      posts = new PostRow[postIds.length];
      int[] threadOf = new int[posts.length];
      readPostRows(threadOf);
      putThreads(duplicateOf, accepted);
      putPosts(threadOf);
      // In bulk, each map or table sized once and written front to back (the ids are the rows'
      // own).
      state.threads.addAll(threads, threads.length);
      state.posts.addAll(posts, posts.length);
    }

    /** Reads the threads' rows, noting their duplicates' and accepted answers' positions. */
    private void readThreadRows(int[] duplicateOf, int[] accepted) throws IOException {
      List<SpaceRow> spaces = rest.spaces();
      for (int i = 0; i < threads.length; i++) {
        ThreadId id = threadIds[i];
        SpaceId space = spaces.get(in.getInt()).id();
        ThreadKind kind = KINDS[in.get()];
        Object title = readTitle();
        Tag[] own = new Tag[in.getShort()];
        for (int t = 0; t < own.length; t++) {
          own[t] = tags[in.getInt()];
        }
        PersonId author = people[in.getInt()];
        ThreadState closure = STATES[in.get()];
        duplicateOf[i] = in.getInt();
        int score = in.getInt();
        int answerCount = in.getInt();
        accepted[i] = in.getInt();
        threads[i] = new ThreadRow(id, space, kind, title, state.tagList(own), author, closure,
            null, score, answerCount, null, in.getLong(), in.getLong(), in.getLong(), in.getLong(),
            (in.get() != 0), i);
      }
    }

    /** Reads the answers' rows, noting each one's thread. */
    private void readPostRows(int[] threadOf) throws IOException {
      for (int i = 0; i < posts.length; i++) {
        PostId id = postIds[i];
        threadOf[i] = in.getInt();
        ThreadId thread = threads[threadOf[i]].id();
        PersonId author = people[in.getInt()];
        // Times as written (NO_TIME for none), no Instant on the way.
        posts[i] = new PostRow(id, thread, author, in.getInt(), in.getLong(), in.getLong(),
            (in.get() != 0), i);
      }
    }

    /** Puts the threads' rows into the state, with their duplicates and accepted answers. */
    private void putThreads(int[] duplicateOf, int[] accepted) {
      state.answerChains.reserve(threads.length, posts.length);
      for (int i = 0; i < threads.length; i++) {
        ThreadRow t = threads[i];
        if (duplicateOf[i] >= 0 || accepted[i] >= 0) {
          t = new ThreadRow(t.id(), t.space(), t.kind(), t.heldTitle(), t.tags(), t.author(),
              t.closure(), duplicateOf[i] < 0 ? null : threads[duplicateOf[i]].id(), t.score(),
              t.answerCount(), accepted[i] < 0 ? null : posts[accepted[i]].id(),
              t.createdNanos(), t.createdSeq(), t.lastActivityNanos(), t.lastActivitySeq(),
              t.deleted(), i);
          threads[i] = t;
        }
        state.threadsBySpace.get(t.space()).add(i);
        state.answerChains.addThread(i);
      }
    }

    /** Puts the answers' rows into the state and last in their threads' chains. */
    private void putPosts(int[] threadOf) {
      for (int i = 0; i < posts.length; i++) {
        state.answerChains.addAnswer(threadOf[i], i);
      }
    }

    /**
     * Reads the rest of the bulk: edits, votes, up votes, activity, comments, the reputation
     * ledger into {@code ledger} and the pulse ledger, then the small models; adds no ids to the
     * state.
     */
    void readSections(ReputationLedger ledger) throws IOException {
      // A method a section: each loop is compiled on its own, not with the rest around it.
      readEdits();
      readVotes();
      lap("edits and votes");
      readUpvotes();
      lap("up votes");
      readActivity();
      // The last that reads the rows as read: the state's tables hold what they hold, and the
      // rows themselves (a million objects) need not outlive the sections still to read.
      threads = null;
      posts = null;
      readComments();
      if (format >= 22) {
        readViews();
      }
      lap("activity, comments and views");
      readReputation(ledger);
      lap("reputation");
      readPulse();
      lap("pulse");
      if (in.getInt() != MAGIC || in.hasRemaining()) {
        throw new IOException("snapshot does not end where its sections do");
      }
      readRest();
      lap("the rest");
    }

    /** The state's own object for {@code read}'s person. */
    private PersonId person(PersonId read) {
      return (PersonId) state.shared(read);
    }

    private void readEdits() throws IOException {
      for (int e = count(); e > 0; e--) {
        ContentRef target = content(in.getInt());
        int n = count();
        List<Long> seqs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          seqs.add(in.getLong());
        }
        state.edits.put(target, seqs);
      }
    }

    private void readVotes() throws IOException {
      for (int v = count(); v > 0; v--) {
        int target = in.getInt();
        if (!hasRow(target)) {
          throw new IOException("votes on content code " + target + ", no row's");
        }
        int[] entries = new int[count()];
        boolean ascending = true;
        for (int i = 0; i < entries.length; i++) {
          entries[i] = in.getInt();
          if (entries[i] < 0) {
            throw new IOException("vote entry " + entries[i] + " on content code " + target);
          }
          ascending &= i == 0 || entries[i] >>> 1 > entries[i - 1] >>> 1;
        }
        // Written in voter order, so read as they are; else put one by one, as a set sorts them.
        byte[] set = ascending ? VoteSet.ofSorted(entries, entries.length) : new byte[0];
        for (int i = 0; !ascending && i < entries.length; i++) {
          set = VoteSet.put(set, entries[i] >>> 1,
              (entries[i] & 1) == 1 ? VoteDirection.DOWN : VoteDirection.UP);
        }
        state.votes.set(target, set);
      }
    }

    private void readUpvotes() throws IOException {
      if (format < 19) {
        readUpvoteRuns();
        return;
      }
      int pairs = count();
      state.upvotes.reserve(pairs);
      for (int p = 0; p < pairs; p++) {
        int voter = indexedPerson();
        int author = indexedPerson();
        int count = in.getInt();
        UpvoteRun run = upvoteRun();
        if (count <= 0 || run.size() > count) {
          throw new IOException(count + " standing up votes from person " + voter + " on "
              + author + ", " + run.size() + " of them recent");
        }
        putPair(voter, author, count, run);
      }
    }

    /**
     * Reads formats 17 and 18's up votes: every standing one's target and time, by voter then
     * by author. The pairs keep them all as recent: the first up vote added to a pair drops those
     * out of the engine's window, and an engine that keeps no times drops them all.
     */
    private void readUpvoteRuns() throws IOException {
      for (int v = count(); v > 0; v--) {
        int voter = indexedPerson();
        for (int a = count(); a > 0; a--) {
          int author = indexedPerson();
          UpvoteRun run = upvoteRun();
          if (!run.isEmpty()) {
            putPair(voter, author, run.size(), run);
          }
        }
      }
    }

    private void putPair(int voter, int author, int count, UpvoteRun run) throws IOException {
      try {
        state.upvotes.put(voter, author, count, run.isEmpty() ? null : run);
      } catch (IllegalArgumentException e) {
        throw new IOException("up votes: " + e.getMessage(), e);
      }
    }

    /** A person named by the state's dense index (the person table's first entries). */
    private int indexedPerson() throws IOException {
      int index = in.getInt();
      if (index < 0 || index >= state.personIds.size()) {
        throw new IOException("person " + index + " of " + state.personIds.size()
            + " indexed people");
      }
      return index;
    }

    /** A count, then that many targets' content codes, then as many times. */
    private UpvoteRun upvoteRun() throws IOException {
      int votes = count();
      if (votes > in.remaining() / 12) {
        throw new IOException(votes + " up votes where " + in.remaining() + " bytes are left");
      }
      int[] targets = new int[votes];
      in.asIntBuffer().get(targets);
      in.position(in.position() + 4 * votes);
      for (int target : targets) {
        if (!hasRow(target)) {
          throw new IOException("an up vote on content code " + target + ", no row's");
        }
      }
      long[] at = new long[votes];
      in.asLongBuffer().get(at);
      in.position(in.position() + 8 * votes);
      return UpvoteRun.of(targets, at);
    }

    private void readActivity() throws IOException {
      for (int p = count(); p > 0; p--) {
        PersonId person = people[in.getInt()];
        int n = count();
        List<Object> items = new ArrayList<>(n);
        state.activity.put(person, items);
        for (int i = 0; i < n; i++) {
          long sequence = in.getLong();
          long atNanos = in.getLong();
          ActivityKind kind = ACTIVITY[in.get()];
          ThreadRow thread = threads[in.getInt()];
          int code = in.getInt();
          // As addActivity keeps it, with the rows at hand rather than looked up.
          items.add(EngineState.compact(sequence, atNanos, kind, thread.id(), content(code),
              thread, (code & 1) == 1 ? posts[code >>> 1] : null, null));
        }
      }
    }

    private void readComments() throws IOException {
      int commented = count();
      state.comments.reserve(Math.min(commented, in.remaining() / 8));
      for (int c = commented; c > 0; c--) {
        ContentRef target = ref();
        long[] seqs = new long[count()];
        for (int n = 0; n < seqs.length; n++) {
          seqs[n] = in.getLong();
        }
        state.comments.put(target, seqs);
      }
    }

    /** Who read each thread, as {@link Writer#writeViews} wrote it. */
    private void readViews() throws IOException {
      // Each thread's readers go in as the array they are held in, and what each person read is
      // counted by index and added once: a view at a time, as the log's fold adds them, took a
      // search, an insert and a boxed count each (1.3 s of 5,000,000 views).
      int[] read = new int[state.personIds.size()];
      for (int t = count(); t > 0; t--) {
        int code = in.getInt();
        if (code < 0 || code >= threadIds.length) {
          throw new IOException("views of thread code " + code + " of " + threadIds.length);
        }
        int n = count();
        if (n > in.remaining() / 4) {
          throw new IOException(n + " readers where " + in.remaining() + " bytes are left");
        }
        int[] readers = new int[n];
        for (int i = 0; i < n; i++) {
          readers[i] = indexedPerson();
          if (i > 0 && readers[i] <= readers[i - 1]) {
            throw new IOException("readers of thread code " + code + " not in ascending order");
          }
          read[readers[i]]++;
        }
        if (!state.viewers.load(threadIds[code], readers)) {
          throw new IOException("views of thread code " + code + " twice");
        }
      }
      for (int i = 0; i < read.length; i++) {
        if (read[i] > 0) {
          state.threadsRead.merge(state.personIds.get(i), read[i], Integer::sum);
        }
      }
    }

    private void readPulse() throws IOException {
      pulse = PulseLedger.readFrom(in, state.people::get, state::shared, new PulseLedger.Rows() {
        @Override
        public int codeOf(ContentRef ref) {
          return state.contentCode(ref);
        }

        @Override
        public ContentRef byCode(int code) {
          return content(code);
        }

        @Override
        public String titleOf(ThreadId question) {
          return state.titleOf(question);
        }
      });
    }

    /**
     * The small read models. Their rows were read as JSON, one fresh object per id; the state
     * keeps its own ({@link EngineState#shared}) wherever a model holds an id per membership,
     * person or view, which can add up to as many as there are posts.
     */
    /**
     * Each person's answers given as the fold now counts them, live answers in live threads: up
     * to format 22 a deleted thread's answers still counted.
     */
    private void recountAnswersGiven() {
      Map<PersonId, Integer> live = new HashMap<>();
      for (int code = 0; code < state.posts.size(); code++) {
        PostRow post = state.posts.row(code);
        ThreadRow thread = state.threads.get(post.thread());
        if (!post.deleted() && thread != null && !thread.deleted()) {
          live.merge(post.author(), 1, Integer::sum);
        }
      }
      state.answersGiven.replaceAll((person, n) -> live.getOrDefault(person, 0));
    }

    private void readRest() {
      for (Membership m : rest.members()) {
        state.members.get(m.space()).put(person(m.person()), m.role());
      }
      for (LinkRow link : rest.links()) {
        PersonId first = person(link.first());
        PersonId second = person(link.second());
        state.links.computeIfAbsent(first, k -> new HashSet<>()).add(second);
        state.links.computeIfAbsent(second, k -> new HashSet<>()).add(first);
      }
      for (EngagementRow row : rest.engagement()) {
        PersonId person = person(row.person());
        if (row.days() != null) {
          state.daysActive.put(person, row.days());
        }
        if (row.answers() >= 0) {
          state.answersGiven.put(person, row.answers());
        }
      }
      if (format <= 22) {
        recountAnswersGiven();
      }
      rest.bounties().forEach(b -> state.openBounties.put(b.thread(), b.bounty()));
      rest.routed().forEach(r -> state.routed(r.thread(), r.people()));
      rest.routedToday().forEach(r ->
          state.routedToday.put((PersonId) state.shared(r.person()), r.routed()));
      rest.articles().forEach(a -> state.articleOrigins.put(a.article(), a.origin()));
      for (ViewersRow v : rest.viewers()) {
        v.viewers().forEach(person -> state.viewed(v.thread(), person));
      }
      rest.flags().forEach(f -> state.openFlags.put(f.target(), new ArrayList<>(f.flags())));
      rest.flagsAgreed().forEach(f -> state.flagsAgreed.put(f.person(), f.agreed()));
      for (SessionImage x : rest.sessions()) {
        state.sessions.put(x.session().id(), x.session());
        state.sessionQuestions.put(x.session().id(), new ArrayList<>(x.questions()));
        x.questions().forEach(q -> state.sessionOfThread.put(q, x.session().id()));
      }
    }

    private ContentRef content(int code) {
      return (code & 1) == 0 ? threadIds[code >>> 1] : postIds[code >>> 1];
    }

    /**
     * The thread or answer of a content code of the rows ({@link EngineState#contentCode}), or
     * null if none has it; only reads what {@link #readIds} left, so safe from the model's thread.
     */
    ContentRef row(int code) {
      return !hasRow(code) ? null : (code & 1) == 0 ? threadIds[code >>> 1] : postIds[code >>> 1];
    }

    /** Whether a row has content code {@code code}, without reading its id. */
    private boolean hasRow(int code) {
      return code >= 0 && (code >>> 1) < ((code & 1) == 0 ? threadIds : postIds).length;
    }

    /** Reads what {@link Writer#writeReputation} wrote into {@code ledger}. */
    private void readReputation(ReputationLedger ledger) throws IOException {
      ledger.restore(rest.ledger());
      // Formats before 19 wrote each person's facts as columns, times in nanoseconds.
      ledger.readFrom(in, this::readId, format < 19 ? ReputationLedger.FactForm.COLUMNS
          : format == 19 ? ReputationLedger.FactForm.STREAM_EVERY_POINTS
          : format == 20 ? ReputationLedger.FactForm.STREAM_WHOLE_KEYS
          : ReputationLedger.FactForm.STREAM);
    }

    /** What {@link Writer#writeId} wrote. */
    private Object readId() throws IOException {
      byte kind = in.get();
      if (kind != 0 && kind != 1) {
        throw new IOException("not an id's kind: " + kind);
      }
      Object id = kind == 0 ? person() : ref();
      if (id == null) {
        throw new IOException("a reputation fact names no id");
      }
      return id;
    }

    /** A person {@link Writer#writePerson} wrote, the table's instance when it is there. */
    private PersonId person() throws IOException {
      int at = in.getInt();
      if (at >= 0) {
        return people[at];
      }
      return at == -1 ? null : (PersonId) state.shared(PersonId.of(readString()));
    }

    /** A thread or answer {@link Writer#writeRef} wrote, the rows' instance when there is one. */
    private ContentRef ref() throws IOException {
      return ref(in.getInt());
    }

    /** What {@link #ref()} makes of a code it read. */
    private ContentRef ref(int code) throws IOException {
      if (code >= 0) {
        return content(code);
      }
      return code == -1 ? null : code == -2 ? state.content(ThreadId.of(readString()))
          : state.content(PostId.of(readString()));
    }

    /** A count, refused if it could not fit in what is left of the snapshot. */
    private int count() throws IOException {
      return checkedLength(in.getInt(), limit);
    }

    /** A string {@link #readString} would read, as {@link HeldText} holds it. */
    private Object readTitle() throws IOException {
      int length = checkedLength(in.getInt(), limit);
      if (in.hasArray()) {
        Object held = HeldText.ofUtf8(in.array(), in.arrayOffset() + in.position(), length);
        in.position(in.position() + length);
        return held;
      }
      // A mapped snapshot: the bytes go through the scratch array, not through a string.
      return HeldText.ofUtf8(nextBytes(length), 0, length);
    }

    private String readString() throws IOException {
      int length = checkedLength(in.getInt(), limit);
      if (in.hasArray()) {
        String value = new String(in.array(), in.arrayOffset() + in.position(), length,
            StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
      }
      return new String(nextBytes(length), 0, length, StandardCharsets.UTF_8);
    }

    /** The next {@code length} bytes, in the first {@code length} of the scratch array. */
    private byte[] nextBytes(int length) {
      if (length > scratch.length) {
        scratch = new byte[Math.max(length, 2 * scratch.length)];
      }
      in.get(scratch, 0, length);
      return scratch;
    }
  }
}
