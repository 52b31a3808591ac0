package io.socialearn.core.pulse;

import io.socialearn.api.event.AcceptanceRevoked;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.ProfileUpdated;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadClosed;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadMarkedDuplicate;
import io.socialearn.api.event.ThreadReopened;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.event.ThreadViewed;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.pulse.KnowledgeCapture;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.core.internal.CompactIntMap;
import io.socialearn.core.internal.IntArrayPool;
import io.socialearn.core.internal.RowIndex;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * The pulse projection: questions, answers, accepts and people's org units folded from the log
 * into flat columns, so that a pulse over a million posts is a few linear scans.
 *
 * <p>Only question threads and their answers count. The engine owns one, feeds it every recorded
 * event (as it feeds the reputation ledger) and asks it for reports under its read lock; hosts
 * read the pulse through {@code SocialLearning.pulse}. Not thread-safe: the engine guards it with
 * its lock.
 */
public final class PulseLedger {
  static final byte OPEN = 0;
  static final byte CLOSED = 1;
  static final byte DUPLICATE = 2;
  /** The version of what {@link #writeTo} writes. */
  private static final int SNAPSHOT_FORMAT = 2;
  /** The fewest bytes a question takes in a snapshot: a code, columns and flags, no tags. */
  private static final int QUESTION_BYTES = 47;
  /** The fewest bytes an answer takes in a snapshot. */
  private static final int ANSWER_BYTES = 25;

  /**
   * How a snapshot names the questions and answers its caller holds rows of: by a code of the
   * caller's rather than their ids, and a question's title, when it is the row's, by reference.
   */
  public interface Rows {
    /**
     * The code of a question or answer the caller holds a row of, or -1.
     *
     * @param ref a question or answer
     * @return its code, at least 0, or -1
     */
    int codeOf(ContentRef ref);

    /**
     * The question or answer of a code {@link #codeOf} gave: the caller's instance.
     *
     * @param code the code
     * @return the thread or post id
     */
    ContentRef byCode(int code);

    /**
     * A question's title as the caller's row holds it, or null without a row.
     *
     * @param question the question
     * @return the title, or null
     */
    String titleOf(ThreadId question);
  }

  // People, by dense index.
  final Map<PersonId, Integer> personIndex = new CompactIntMap<>();
  final List<PersonId> personIds = new ArrayList<>();
  final List<PersonProfile> profiles = new ArrayList<>();
  final Columns.Ints personUnit = new Columns.Ints();
  final Map<String, Integer> unitIndex = new HashMap<>();
  final List<String> units = new ArrayList<>();

  final Map<SpaceId, Integer> spaceIndex = new HashMap<>();
  final List<SpaceId> spaces = new ArrayList<>();
  final Map<Tag, Integer> tagIndex = new HashMap<>();
  final List<Tag> tags = new ArrayList<>();

  // Questions, by dense index in log order.
  final RowIndex<ThreadId> questionIndex = new RowIndex<>();
  final ArrayList<ThreadId> questionIds = new ArrayList<>();
  /**
   * Each question's title, or null while it is the one its row holds ({@link #titlesFrom}), so
   * that a million titles are not held twice.
   */
  private final ArrayList<String> titles = new ArrayList<>();
  /** The title of a question as the caller's row holds it, or null; see {@link #titlesFrom}. */
  private Function<ThreadId, String> rowTitles = question -> null;
  /** Who a question was routed to, or null; see {@link #routingFrom}. */
  Function<ThreadId, List<PersonId>> routedTo = question -> null;
  /** Each question's tags' indices: an array per combination ({@link #tagSets}), never changed. */
  final ArrayList<int[]> questionTags = new ArrayList<>();
  /**
   * The arrays of {@link #questionTags}, one per combination of tags (a million questions have a
   * few thousand): a cache, not written.
   */
  private final IntArrayPool tagSets = new IntArrayPool();
  final Columns.Longs questionCreated = new Columns.Longs();
  final Columns.Ints questionSpace = new Columns.Ints();
  final Columns.Ints asker = new Columns.Ints();
  final Columns.Ints acceptedAnswer = new Columns.Ints();
  final Columns.Longs acceptedAt = new Columns.Longs();
  final Columns.Ints questionScore = new Columns.Ints();
  final Columns.Ints questionViews = new Columns.Ints();
  final ArrayList<Byte> closure = new ArrayList<>();
  final BitSet questionDeleted = new BitSet();

  // Answers, by dense index in log order.
  final RowIndex<PostId> answerIndex = new RowIndex<>();
  final ArrayList<PostId> answerIds = new ArrayList<>();
  final Columns.Ints answerQuestion = new Columns.Ints();
  final Columns.Ints answerAuthor = new Columns.Ints();
  final Columns.Longs answerCreated = new Columns.Longs();
  final Columns.Ints answerScore = new Columns.Ints();
  final BitSet answerDeleted = new BitSet();

  /** Creates an empty ledger. */
  public PulseLedger() {
    unit("");
  }

  /** Folds one recorded event in; events about other kinds of threads are ignored. */
  public void apply(RecordedEvent recorded) {
    DomainEvent e = recorded.event();
    long at = recorded.timestamp().toEpochMilli();
    if (e instanceof PersonRegistered p) {
      profile(p.profile());
    } else if (e instanceof ProfileUpdated p) {
      profile(p.profile());
    } else if (e instanceof ThreadStarted t) {
      if (t.kind() == ThreadKind.QUESTION) {
        questionIndex.put(t.thread(), questionIds.size());
        questionIds.add(t.thread());
        titles.add(held(t.thread(), t.title()));
        questionTags.add(tagIndices(t.tags()));
        questionCreated.add(at);
        questionSpace.add(space(t.space()));
        asker.add(person(t.author()));
        acceptedAnswer.add(-1);
        acceptedAt.add(0);
        questionScore.add(0);
        questionViews.add(0);
        closure.add(OPEN);
      }
    } else if (e instanceof ThreadEdited t) {
      int q = questionIndex.get(t.thread());
      if (q >= 0) {
        titles.set(q, held(t.thread(), t.title()));
        questionTags.set(q, tagIndices(t.tags()));
      }
    } else if (e instanceof AnswerPosted a) {
      int q = questionIndex.get(a.thread());
      if (q >= 0) {
        answerIndex.put(a.post(), answerQuestion.size());
        answerIds.add(a.post());
        answerQuestion.add(q);
        answerAuthor.add(person(a.author()));
        answerCreated.add(at);
        answerScore.add(0);
      }
    } else if (e instanceof PostDeleted d) {
      int a = answerIndex.get(d.post());
      if (a >= 0) {
        answerDeleted.set(a);
      }
    } else if (e instanceof ThreadDeleted d) {
      int q = questionIndex.get(d.thread());
      if (q >= 0) {
        questionDeleted.set(q);
      }
    } else if (e instanceof AnswerAccepted a) {
      int q = questionIndex.get(a.thread());
      int answer = answerIndex.get(a.answer());
      if (q >= 0 && answer >= 0) {
        acceptedAnswer.set(q, answer);
        acceptedAt.set(q, at);
      }
    } else if (e instanceof AcceptanceRevoked a) {
      int q = questionIndex.get(a.thread());
      if (q >= 0) {
        acceptedAnswer.set(q, -1);
      }
    } else if (e instanceof ThreadClosed c) {
      setClosure(c.thread(), CLOSED);
    } else if (e instanceof ThreadReopened r) {
      setClosure(r.thread(), OPEN);
    } else if (e instanceof ThreadMarkedDuplicate d) {
      setClosure(d.thread(), DUPLICATE);
    } else if (e instanceof VoteCast v) {
      vote(v.target(), v.direction().value());
    } else if (e instanceof VoteRetracted v) {
      vote(v.target(), -v.direction().value());
    } else if (e instanceof ThreadViewed v) {
      int q = questionIndex.get(v.thread());
      if (q >= 0) {
        questionViews.set(q, questionViews.get(q) + 1);
      }
    }
  }

  /**
   * Writes everything the ledger holds but the profiles, for a snapshot; {@link #readFrom} reads
   * it back. Questions and answers are written as their codes in {@code rows} (as their ids when
   * they have none), a title the row holds as a mark, other ids as strings, columns as they are.
   *
   * @param out where to write
   * @param rows the codes and titles of the caller's rows, as {@link #readFrom} will be given
   * @throws IOException if {@code out} fails
   */
  public void writeTo(DataOutput out, Rows rows) throws IOException {
    out.writeInt(SNAPSHOT_FORMAT);
    out.writeInt(personIds.size());
    for (int p = 0; p < personIds.size(); p++) {
      writeLongString(out, personIds.get(p).value());
      out.writeInt(personUnit.get(p));
    }
    writeStrings(out, units);
    writeStrings(out, spaces.stream().map(SpaceId::value).toList());
    writeStrings(out, tags.stream().map(Tag::value).toList());
    int questions = questionIds.size();
    out.writeInt(questions);
    for (int q = 0; q < questions; q++) {
      ThreadId id = questionIds.get(q);
      writeRef(out, id, rows);
      String title = title(q);
      if (title.equals(rows.titleOf(id))) {
        out.writeBoolean(false);
      } else {
        out.writeBoolean(true);
        writeLongString(out, title);
      }
      int[] own = questionTags.get(q);
      out.writeInt(own.length);
      for (int tag : own) {
        out.writeInt(tag);
      }
      out.writeLong(questionCreated.get(q));
      out.writeInt(questionSpace.get(q));
      out.writeInt(asker.get(q));
      out.writeInt(acceptedAnswer.get(q));
      out.writeLong(acceptedAt.get(q));
      out.writeInt(questionScore.get(q));
      out.writeInt(questionViews.get(q));
      out.writeByte(closure.get(q));
      out.writeBoolean(questionDeleted.get(q));
    }
    out.writeInt(answerIds.size());
    for (int a = 0; a < answerIds.size(); a++) {
      writeRef(out, answerIds.get(a), rows);
      out.writeInt(answerQuestion.get(a));
      out.writeInt(answerAuthor.get(a));
      out.writeLong(answerCreated.get(a));
      out.writeInt(answerScore.get(a));
      out.writeBoolean(answerDeleted.get(a));
    }
  }

  /**
   * Reads a ledger {@link #writeTo} wrote.
   *
   * @param in where to read, from its position (big-endian, as {@link #writeTo} wrote); left
   *     right after the ledger
   * @param profiles each person's current profile, or null for none (profiles are not written)
   * @param shared the one object to hold for an id the caller holds already, else the value
   *     given; lets the ledger share them with the other read models
   * @param rows the codes and titles of the caller's rows, as {@link #writeTo} was given them
   * @return the ledger
   * @throws IOException if {@code in} does not hold a ledger of this form (a cut-short one may
   *     throw {@link java.nio.BufferUnderflowException} instead)
   */
  public static PulseLedger readFrom(ByteBuffer in, Function<PersonId, PersonProfile> profiles,
      UnaryOperator<Object> shared, Rows rows) throws IOException {
    if (in.getInt() != SNAPSHOT_FORMAT) {
      throw new IOException("not a pulse ledger of snapshot form " + SNAPSHOT_FORMAT);
    }
    PulseLedger ledger = new PulseLedger();
    int people = in.getInt();
    List<Integer> personUnits = new ArrayList<>(people);
    for (int p = 0; p < people; p++) {
      ledger.person((PersonId) shared.apply(PersonId.of(readLongString(in))));
      personUnits.add(in.getInt());
    }
    for (String unit : readStrings(in)) {
      ledger.unit(unit);
    }
    for (String space : readStrings(in)) {
      ledger.space((SpaceId) shared.apply(SpaceId.of(space)));
    }
    for (String tag : readStrings(in)) {
      Tag t = (Tag) shared.apply(Tag.of(tag));
      ledger.tagIndex.put(t, ledger.tags.size());
      ledger.tags.add(t);
    }
    for (int p = 0; p < people; p++) {
      ledger.personUnit.set(p, personUnits.get(p));
      ledger.profiles.set(p, profiles.apply(ledger.personIds.get(p)));
    }
    int questions = in.getInt();
    // Room for as many as the bytes left could hold, not for what a damaged count says.
    ledger.reserveQuestions(Math.min(questions, in.remaining() / QUESTION_BYTES));
    // A method a loop: each is compiled on its own, not with the rest around it.
    ledger.readQuestions(in, questions, shared, rows);
    int answers = in.getInt();
    ledger.reserveAnswers(Math.min(answers, in.remaining() / ANSWER_BYTES));
    ledger.readAnswers(in, answers, shared, rows);
    // Its rows' codes and titles as given, until the caller gives its own (see rowsFrom).
    ledger.rowsFrom(ref -> ref instanceof ContentRef content ? rows.codeOf(content) : -1);
    ledger.rowTitles = rows::titleOf;
    return ledger;
  }

  /** Reads {@code questions} questions into this ledger, as {@link #writeTo} wrote them. */
  private void readQuestions(ByteBuffer in, int questions, UnaryOperator<Object> shared,
      Rows rows) throws IOException {
    for (int q = 0; q < questions; q++) {
      int code = in.getInt();
      ThreadId id;
      if (code >= 0) {
        if ((code & 1) != 0) {
          throw new IOException("a pulse question named by an answer's code, " + code);
        }
        id = (ThreadId) rows.byCode(code);
        questionIndex.putAt(code >> 1, q);
      } else {
        id = (ThreadId) shared.apply(ThreadId.of(readLongString(in)));
        questionIndex.put(id, q);
      }
      questionIds.add(id);
      if (in.get() == 0) {
        if (rows.titleOf(id) == null) {
          throw new IOException("a pulse question's title is its row's, but it has no row");
        }
        titles.add(null);
      } else {
        titles.add(readLongString(in));
      }
      int tagCount = in.getInt();
      if (tagCount < 0 || tagCount > in.remaining() / 4) {
        throw new IOException("a question with " + tagCount + " tags where " + in.remaining()
            + " bytes are left");
      }
      int[] own = new int[tagCount];
      for (int t = 0; t < own.length; t++) {
        own[t] = in.getInt();
      }
      questionTags.add(tagSets.pooled(own));
      questionCreated.add(in.getLong());
      questionSpace.add(in.getInt());
      asker.add(in.getInt());
      acceptedAnswer.add(in.getInt());
      acceptedAt.add(in.getLong());
      questionScore.add(in.getInt());
      questionViews.add(in.getInt());
      closure.add(in.get());
      if (in.get() != 0) {
        questionDeleted.set(q);
      }
    }
  }

  /** Reads {@code answers} answers into this ledger, as {@link #writeTo} wrote them. */
  private void readAnswers(ByteBuffer in, int answers, UnaryOperator<Object> shared, Rows rows)
      throws IOException {
    for (int a = 0; a < answers; a++) {
      int code = in.getInt();
      PostId id;
      if (code >= 0) {
        if ((code & 1) == 0) {
          throw new IOException("a pulse answer named by a thread's code, " + code);
        }
        id = (PostId) rows.byCode(code);
        answerIndex.putAt(code >> 1, a);
      } else {
        id = (PostId) shared.apply(PostId.of(readLongString(in)));
        answerIndex.put(id, a);
      }
      answerIds.add(id);
      answerQuestion.add(in.getInt());
      answerAuthor.add(in.getInt());
      answerCreated.add(in.getLong());
      answerScore.add(in.getInt());
      if (in.get() != 0) {
        answerDeleted.set(a);
      }
    }
  }

  /**
   * Finds questions and answers by the code of the caller's row of each from now on ({@link
   * RowIndex}), so that the ledger keeps no map of a million ids: the engine passes its rows'
   * content codes, the same a snapshot written with its {@link Rows} names them by. Results are
   * the same with or without it.
   *
   * @param rowCodes given a thread or answer id, its row's content code (never changing): twice
   *     the row's code for a thread, twice and one more for an answer; or -1 if it has no row
   */
  public void rowsFrom(ToIntFunction<Object> rowCodes) {
    // Content codes alternate threads and answers: each index takes its half, by the row's own
    // code, so that neither holds a slot for every code of the other kind.
    questionIndex.rowsFrom(key -> half(rowCodes.applyAsInt(key), 0));
    answerIndex.rowsFrom(key -> half(rowCodes.applyAsInt(key), 1));
  }

  /** The row's own code of a content code of parity {@code parity}, else -1. */
  private static int half(int contentCode, int parity) {
    return contentCode >= 0 && (contentCode & 1) == parity ? contentCode >> 1 : -1;
  }

  /**
   * Takes questions' titles from the caller's rows from now on: a question whose title is its
   * row's holds none of its own. Both change only with {@link ThreadStarted} and {@link
   * ThreadEdited}, which the caller applies to its rows before the ledger sees them; a title
   * that differs (a ledger behind its rows, as while it catches up to a snapshot) is held.
   * Results are the same with or without it. A ledger read from a snapshot takes the titles its
   * {@link Rows} gave as the rows' until then; {@code rowTitles} must hold the same ones (the
   * engine's rows after a start from that snapshot).
   *
   * @param rowTitles given a question, the title its row holds now, or null without a row
   */
  public void titlesFrom(Function<ThreadId, String> rowTitles) {
    for (int q = 0; q < titles.size(); q++) {
      String own = titles.get(q);
      if (own != null && own.equals(rowTitles.apply(questionIds.get(q)))) {
        titles.set(q, null);
      }
    }
    this.rowTitles = rowTitles;
  }

  /**
   * Takes who each question was routed to from the caller from now on, for the pulse's {@link
   * io.socialearn.api.pulse.RoutingOutcomes}: the engine keeps that record of the log's {@link
   * io.socialearn.api.event.QuestionRouted} events (and snapshots it), so the ledger holds no
   * copy. Without it no question counts as routed.
   *
   * @param routedTo given a question, the people it was routed to, best first, or null (or an
   *     empty list) if it was not routed; read only while a report is made
   */
  public void routingFrom(Function<ThreadId, List<PersonId>> routedTo) {
    this.routedTo = routedTo;
  }

  /** A question's title as the ledger holds it: null when it is its row's. */
  private String held(ThreadId question, String title) {
    return title.equals(rowTitles.apply(question)) ? null : title;
  }

  /** The title of question {@code q}. */
  String title(int q) {
    String own = titles.get(q);
    return own != null ? own : rowTitles.apply(questionIds.get(q));
  }

  /** Every question's title: for {@link #contents}. */
  private List<String> titlesList() {
    List<String> all = new ArrayList<>(titles.size());
    for (int q = 0; q < titles.size(); q++) {
      all.add(title(q));
    }
    return all;
  }

  /** Each question's and answer's number as its index finds it: for {@link #contents}. */
  private List<Integer> indexes() {
    List<Integer> found = new ArrayList<>();
    questionIds.forEach(id -> found.add(questionIndex.get(id)));
    answerIds.forEach(id -> found.add(answerIndex.get(id)));
    return found;
  }

  /** Makes room for {@code more} questions (their index, ids and columns) without growing. */
  private void reserveQuestions(int more) {
    questionIds.ensureCapacity(questionIds.size() + more);
    titles.ensureCapacity(titles.size() + more);
    questionTags.ensureCapacity(questionTags.size() + more);
    closure.ensureCapacity(closure.size() + more);
    for (Columns.Ints column : List.of(questionSpace, asker, acceptedAnswer, questionScore,
        questionViews)) {
      column.reserve(more);
    }
    questionCreated.reserve(more);
    acceptedAt.reserve(more);
  }

  /** Makes room for {@code more} answers (their index and columns) without growing. */
  private void reserveAnswers(int more) {
    answerIds.ensureCapacity(answerIds.size() + more);
    for (Columns.Ints column : List.of(answerQuestion, answerAuthor, answerScore)) {
      column.reserve(more);
    }
    answerCreated.reserve(more);
  }

  /** The int columns, in the order {@link #contents} lists them. */
  private List<Columns.Ints> intColumns() {
    return List.of(personUnit, questionSpace, asker, acceptedAnswer, questionScore,
        questionViews, answerQuestion, answerAuthor, answerScore);
  }

  /** The long columns, in the order {@link #contents} lists them. */
  private List<Columns.Longs> longColumns() {
    return List.of(questionCreated, acceptedAt, answerCreated);
  }

  /**
   * Drops the room the per-question and per-answer columns keep for more (up to half of each,
   * since they double as they grow): after start-up. Not thread-safe, as the rest.
   */
  public void trimToSize() {
    for (Columns.Ints column : intColumns()) {
      column.trim();
    }
    for (Columns.Longs column : longColumns()) {
      column.trim();
    }
    answerIds.trimToSize();
    questionIndex.trimToSize();
    answerIndex.trimToSize();
  }

  /** Everything the ledger holds, comparable with {@code equals}; for snapshot tests. */
  public List<Object> contents() {
    List<Object> all = new ArrayList<>(List.of(personIndex, personIds, units, spaces, tags,
        questionIds, titlesList(), closure, questionDeleted, answerIds, answerDeleted,
        indexes()));
    all.add(new ArrayList<>(profiles));
    List<List<Integer>> ints = new ArrayList<>();
    for (Columns.Ints column : intColumns()) {
      List<Integer> values = new ArrayList<>();
      for (int i = 0; i < column.size(); i++) {
        values.add(column.get(i));
      }
      ints.add(values);
    }
    all.add(ints);
    List<List<Long>> longs = new ArrayList<>();
    for (Columns.Longs column : longColumns()) {
      List<Long> values = new ArrayList<>();
      for (int i = 0; i < column.size(); i++) {
        values.add(column.get(i));
      }
      longs.add(values);
    }
    all.add(longs);
    all.add(questionTags.stream().map(Arrays::toString).toList());
    return all;
  }

  /** A question or answer as its row's code, else -1 and its id. */
  private static void writeRef(DataOutput out, ContentRef ref, Rows rows)
      throws IOException {
    int code = rows.codeOf(ref);
    out.writeInt(code < 0 ? -1 : code);
    if (code < 0) {
      writeLongString(out, ref instanceof ThreadId t ? t.value() : ((PostId) ref).value());
    }
  }

  private static void writeStrings(DataOutput out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      writeLongString(out, value);
    }
  }

  private static List<String> readStrings(ByteBuffer in) throws IOException {
    int n = in.getInt();
    if (n < 0) {
      throw new IOException("a negative count in a pulse ledger");
    }
    List<String> values = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) {
      values.add(readLongString(in));
    }
    return values;
  }

  private static void writeLongString(DataOutput out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readLongString(ByteBuffer in) throws IOException {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IOException("a string of " + n + " bytes where " + in.remaining() + " are left");
    }
    if (in.hasArray()) {
      String value = new String(in.array(), in.arrayOffset() + in.position(), n,
          StandardCharsets.UTF_8);
      in.position(in.position() + n);
      return value;
    }
    byte[] utf8 = new byte[n];
    in.get(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /**
   * The pulse of a scope over a period and the one before it, counting only questions in {@code
   * readable} spaces.
   *
   * @param scope what to cover (a space scope must be readable; the caller checks)
   * @param period the period
   * @param readable the spaces the viewer may read
   * @param viewer who asks, for per-person figures about themselves
   * @param accounts a person's accounts (linked accounts, the person included): one person's
   *     hold a topic at risk together, any of them marked as leaving marks the holder, and they
   *     count as one person among contributors, in an org unit's size and among a help cell's
   *     answerers
   * @param showPeople whether the viewer may see every per-person figure
   * @param minimumGroupSize the smallest group shown on its own
   * @param lastSequence the last event folded in, stamped on the report
   * @throws io.socialearn.api.ForbiddenException if an org-unit scope has fewer people than
   *     {@code minimumGroupSize}
   */
  public PulseReport report(PulseScope scope, PulsePeriod period, Set<SpaceId> readable,
      PersonId viewer, Function<PersonId, Set<PersonId>> accounts, boolean showPeople,
      int minimumGroupSize, long lastSequence) {
    return new PulseComputation(this, scope, period, readable, viewer, accounts, showPeople,
        minimumGroupSize).report(lastSequence);
  }

  /**
   * What to ask a person before they leave, and who could take over their topics, from the
   * questions in {@code readable} spaces. Linked accounts are one person's: answers under any
   * of the person's own accounts are theirs, none of them is named as a successor, and a
   * successor's accounts count together, named once. Someone marked as leaving or gone under
   * any of their accounts is leaving under every one (the earliest last day given), and is
   * nobody's successor.
   *
   * @param person who is leaving (or might)
   * @param readable the spaces the viewer may read
   * @param accounts a person's accounts (linked accounts, the person included)
   */
  public KnowledgeCapture capture(PersonId person, Set<SpaceId> readable,
      Function<PersonId, Set<PersonId>> accounts) {
    return new CapturePlanner(this, readable).plan(person, accounts);
  }

  /**
   * Each person's evidence per topic in {@code readable} spaces: {@code [answers, accepted,
   * up-voted]} answers, for mentoring.
   */
  public Map<PersonId, Map<Tag, int[]>> evidence(Set<SpaceId> readable) {
    boolean[] visible = visibleSpaces(readable, null);
    Map<PersonId, Map<Tag, int[]>> byPerson = new HashMap<>();
    for (int a = 0; a < answerQuestion.size(); a++) {
      int q = answerQuestion.get(a);
      if (answerDeleted.get(a) || questionDeleted.get(q) || !visible[questionSpace.get(q)]) {
        continue;
      }
      Map<Tag, int[]> topics = byPerson.computeIfAbsent(personIds.get(answerAuthor.get(a)),
          k -> new HashMap<>());
      for (int tag : questionTags.get(q)) {
        int[] counts = topics.computeIfAbsent(tags.get(tag), k -> new int[3]);
        counts[0]++;
        counts[1] += acceptedAnswer.get(q) == a ? 1 : 0;
        counts[2] += answerScore.get(a) > 0 ? 1 : 0;
      }
    }
    return byPerson;
  }

  /** The topics of the questions each person asked in {@code readable} spaces, with counts. */
  public Map<PersonId, Map<Tag, Integer>> asked(Set<SpaceId> readable) {
    boolean[] visible = visibleSpaces(readable, null);
    Map<PersonId, Map<Tag, Integer>> byPerson = new HashMap<>();
    for (int q = 0; q < questionIds.size(); q++) {
      if (questionDeleted.get(q) || !visible[questionSpace.get(q)]) {
        continue;
      }
      Map<Tag, Integer> topics = byPerson.computeIfAbsent(personIds.get(asker.get(q)),
          k -> new HashMap<>());
      for (int tag : questionTags.get(q)) {
        topics.merge(tags.get(tag), 1, Integer::sum);
      }
    }
    return byPerson;
  }

  /** Whether a person (of this profile, or null for none) is leaving or has left. */
  static boolean leaving(PersonProfile profile) {
    return profile != null && (profile.status() == PersonStatus.LEAVING
        || profile.status() == PersonStatus.LEFT);
  }

  /**
   * The profile that marks one person, under any of {@code accounts} (their linked accounts), as
   * leaving or gone: of those, the one with the earliest last day, else one with none; null if
   * no account is marked.
   */
  PersonProfile leaver(Set<PersonId> accounts) {
    PersonProfile found = null;
    for (PersonId account : accounts) {
      PersonProfile profile = profile(account);
      if (leaving(profile) && (found == null || profile.leavingOn() != null
          && (found.leavingOn() == null || profile.leavingOn().isBefore(found.leavingOn())))) {
        found = profile;
      }
    }
    return found;
  }

  /** The profile last recorded for a person, or null. */
  public PersonProfile profile(PersonId person) {
    Integer p = personIndex.get(person);
    return p == null ? null : profiles.get(p);
  }

  /** Which space indices are readable and, if {@code only} is given, that space alone. */
  boolean[] visibleSpaces(Set<SpaceId> readable, SpaceId only) {
    boolean[] visible = new boolean[spaces.size()];
    for (int s = 0; s < spaces.size(); s++) {
      visible[s] = readable.contains(spaces.get(s)) && (only == null || only.equals(spaces.get(s)));
    }
    return visible;
  }

  private void profile(PersonProfile profile) {
    int p = person(profile.id());
    profiles.set(p, profile);
    personUnit.set(p, unit(profile.orgUnit()));
  }

  private int person(PersonId id) {
    Integer known = personIndex.get(id);
    if (known != null) {
      return known;
    }
    int p = personIds.size();
    personIndex.put(id, p);
    personIds.add(id);
    profiles.add(null);
    personUnit.add(0);
    return p;
  }

  private int unit(String name) {
    return unitIndex.computeIfAbsent(name, n -> {
      units.add(n);
      return units.size() - 1;
    });
  }

  private int space(SpaceId id) {
    return spaceIndex.computeIfAbsent(id, s -> {
      spaces.add(s);
      return spaces.size() - 1;
    });
  }

  private int[] tagIndices(List<Tag> list) {
    int[] indices = new int[list.size()];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = tagIndex.computeIfAbsent(list.get(i), t -> {
        tags.add(t);
        return tags.size() - 1;
      });
    }
    return tagSets.pooled(indices);
  }

  private void setClosure(ThreadId thread, byte state) {
    int q = questionIndex.get(thread);
    if (q >= 0) {
      closure.set(q, state);
    }
  }

  private void vote(Object target, int delta) {
    if (target instanceof ThreadId t) {
      int q = questionIndex.get(t);
      if (q >= 0) {
        questionScore.set(q, questionScore.get(q) + delta);
      }
    } else if (target instanceof PostId p) {
      int a = answerIndex.get(p);
      if (a >= 0) {
        answerScore.set(a, answerScore.get(a) + delta);
      }
    }
  }
}
