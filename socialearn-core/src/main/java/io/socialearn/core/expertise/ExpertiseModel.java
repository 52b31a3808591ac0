package io.socialearn.core.expertise;

import io.socialearn.api.event.AcceptanceRevoked;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.PersonEndorsed;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.ProfileUpdated;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.expertise.Evidence;
import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseEntry;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.internal.CompactMap;
import io.socialearn.core.internal.IntOrLongColumn;
import io.socialearn.core.internal.ListPool;
import io.socialearn.core.internal.RowIndex;
import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * The expertise projection: per person and topic, the evidence that they know it (answers, up
 * votes on them, accepts, answers across departments, endorsements, declared skills, questions
 * asked), each weighted by {@link ExpertiseSettings} and decayed by its age.
 *
 * <p>Scores are kept per topic, space and person as sums in a shared exponential frame, so a
 * score at any time is one multiplication, and evidence is always summed over the spaces a viewer
 * may read only. Reversals (a vote taken back, an accept revoked, a post or thread deleted, a
 * thread re-tagged, a profile's skills changed) subtract exactly what they added. Rebuilding from
 * the log replays the same additions in the same order and gives the same sums.
 *
 * <p>The engine owns one and feeds it every recorded event, like the reputation ledger. Not
 * thread-safe: the engine guards it with its lock; the read methods never mutate.
 */
public final class ExpertiseModel {
  private static final double LN2 = Math.log(2);
  /** Rebase the exponential frame before the newest evidence is this many half-lives past it. */
  private static final double REBASE_AFTER = 400;
  /** How long vote-like facts stay in the cut-off buffer. */
  private static final long RECENT_VOTES_MILLIS = 3 * 86_400_000L;

  private final ExpertiseSettings settings;
  /** Half-lives in milliseconds: evidence, activity, fresh. */
  private final double[] halfLives;
  private final double shortestHalfLife;
  /** Each kind's weight ({@link ExpertiseSettings#weight}), by ordinal: a fact's base. */
  private final double[] weights = new double[EvidenceKind.values().length];
  /** The frame's origin: contributions are stored as base × 2^((at − ref) / halfLife). */
  long ref = Long.MIN_VALUE;
  /**
   * No fact ever added was made later than this (MIN_VALUE before the first): while a query's
   * time is not earlier, every live fact counts at it, and the tallies of the columns hold
   * exactly what a walk of the evidence would count.
   */
  long latest = Long.MIN_VALUE;

  /** Per topic and space, each person's sums, as columns the hot loop reads in sequence. */
  final Map<Tag, Map<SpaceId, Column>> byTopic = new HashMap<>();
  final Map<SpaceId, Map<PersonId, Acc>> overall = new HashMap<>();
  /**
   * The same sums as {@link #overall}, by person index ({@link #personIndex}): one person's
   * spaces without a scan or a hash lookup; null for a person with no evidence.
   */
  final List<Map<SpaceId, Acc>> overallByPerson = new ArrayList<>();
  /**
   * The values of each person's map in {@link #overallByPerson}, in that map's iteration order
   * (so sums over them add in the same order), refreshed when the person gains a space: read in
   * the hot loops without walking a hash map; null for a person with no evidence.
   */
  final List<Acc[]> overallArrays = new ArrayList<>();
  /**
   * Per person index, bounds of the overall sums over any set of the person's spaces, at {@code
   * index * BOUNDS}: the sums over all of them of {@link Acc#recent}, {@link Acc#fresh}, {@link
   * Acc#evidence} and {@link Acc#flat}, each term taken at 0 if below (a reversal may leave a
   * rounding residue under 0), in the order of {@link #overallArrays}, so a sum over some of the
   * spaces in that order is never above them; then the latest answer in any space (a time in
   * milliseconds, exact as a double; {@code (double) Long.MIN_VALUE} for none), beside the sums
   * so that a candidate's bounds are read from one place. Derived from {@link #overallArrays}
   * whenever a person's sums change (and after a rebase or a read), never written to a snapshot.
   */
  double[] bounds = new double[0];
  /** How many of {@link #bounds} each person has. */
  static final int BOUNDS = 5;
  /** Where a person's latest answer is among their {@link #bounds}. */
  static final int LAST_BOUND = 4;
  /** Every person the model has seen, by the dense index the hot loops use. */
  final List<PersonId> personIds = new ArrayList<>();
  final Map<PersonId, Integer> personIndex = new HashMap<>();
  /** Every space the model has seen, by dense index (evidence outside spaces has index -1). */
  final List<SpaceId> spaceIds = new ArrayList<>();
  final Map<SpaceId, Integer> spaceIndex = new HashMap<>();
  /** The same spaces as {@link #Place}s, which the threads in each share, by dense index. */
  final List<Place> places = new ArrayList<>();
  /** Each reading thread's working arrays for "who knows", so a query allocates little. */
  private final ThreadLocal<WhoKnows.Scratch> scratch =
      ThreadLocal.withInitial(WhoKnows.Scratch::new);
  /** Each person's answers in every space, in the activity frame: an upper bound of any view. */
  final Map<PersonId, Active> active = new HashMap<>();
  /** {@link #active} with answers, most first, then by id: the most active people first. */
  final TreeSet<Active> byActivity = new TreeSet<>(Comparator.comparingDouble((Active a) ->
      -a.recent).thenComparing(a -> a.person.value()));
  /**
   * Each person's live facts but their up votes, which {@link #votes} holds as columns (an up
   * vote is found through its answer: each live answer is among its author's facts).
   */
  final Map<PersonId, List<Fact>> byPerson = new HashMap<>();
  /**
   * The same live facts by person and topic, so a person's evidence in a topic needs no scan:
   * each person's in a compact map whose value for a topic is the one fact, or a short list
   * ({@link SmallLists}) of two or more in order ({@link #asFacts} reads either as a list).
   */
  final Map<PersonId, Map<Tag, Object>> byPersonTopic = new HashMap<>();
  /**
   * Per person index, how many times their live answers are filed in {@link #byPersonTopic}
   * (once per topic): whether they have any. The answers themselves are read from those lists
   * (a list of the answers alone, kept before, cost some 40 bytes a post).
   */
  int[] filedAnswers = new int[0];
  /**
   * The same answers by person and pair of their thread's tags ({@link TagPair}), as their
   * records: the answers in one tag's list of {@link #byPersonTopic} whose thread also has
   * the other tag, in that list's order; a pair with one answer holds the {@link AnswerInfo}
   * itself, one with more an {@code ArrayList<AnswerInfo>} (most pairs of most people have one:
   * no list, and an entry of a compact map, keeps this a small part of the model). "Who knows"
   * finds the answers its per-topic sums count more than once (those with two or more of the
   * query's topics) here, without walking whole topic lists. Derived: filed with the topic
   * lists, and rebuilt from them when a model is read back, never written.
   */
  final Map<PersonId, CompactMap<TagPair, Object>> answersByPersonPair = new HashMap<>();
  /** A dense number per pooled tag that names it in {@link #tagPairs}. */
  final Map<Tag, Integer> tagIds = new HashMap<>();
  /** The one {@link TagPair} of each pair of tags that has answers, by {@link #pairKey}. */
  final TagPairs tagPairs = new TagPairs();

  /**
   * A pair of tags, one instance per pair ({@link #tagPairs}), so that the maps of {@link
   * #answersByPersonPair} share their keys; equal only to itself.
   */
  static final class TagPair {
    /** Its {@link #pairKey}. */
    final long key;
    private final int hash;

    TagPair(long key) {
      this.key = key;
      this.hash = Long.hashCode(key);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * The {@link TagPair}s by key: an open-addressing table of the pairs themselves (a power of
   * two, at most two thirds full, probed linearly), which hold their keys; four bytes a bucket,
   * where a hash map took an entry and a boxed key a pair.
   */
  static final class TagPairs {
    private TagPair[] table = new TagPair[16];
    private int size;

    /** The pair with key {@code key}, or null. */
    TagPair get(long key) {
      int mask = table.length - 1;
      for (int i = bucket(key) & mask; ; i = (i + 1) & mask) {
        TagPair held = table[i];
        if (held == null || held.key == key) {
          return held;
        }
      }
    }

    /** The pair with key {@code key}, made on first sight. */
    TagPair of(long key) {
      TagPair held = get(key);
      if (held != null) {
        return held;
      }
      if ((size + 1) * 3L > table.length * 2L) {
        TagPair[] old = table;
        table = new TagPair[old.length * 2];
        for (TagPair p : old) {
          if (p != null) {
            put(p);
          }
        }
      }
      TagPair made = new TagPair(key);
      put(made);
      size++;
      return made;
    }

    /** How many pairs there are. */
    int size() {
      return size;
    }

    private void put(TagPair pair) {
      int mask = table.length - 1;
      int i = bucket(pair.key) & mask;
      while (table[i] != null) {
        i = (i + 1) & mask;
      }
      table[i] = pair;
    }

    private static int bucket(long key) {
      int h = Long.hashCode(key) * 0x9E3779B9;
      return h ^ (h >>> 16);
    }
  }
  /**
   * By id: by the code of the caller's row of each thread ({@link #rowsFrom}), the others in a
   * hash map; a snapshot lists them in the table's order.
   */
  final ThreadsByRow threads = new ThreadsByRow();
  /**
   * Each answer's {@link AnswerInfo#index}, found by the code of the caller's row of the answer
   * ({@link #rowsFrom}): an int a row, not a map entry of a million ids. See {@link #answer}.
   */
  final RowIndex<PostId> answerIndex = new RowIndex<>();
  /** Every answer, by its {@link AnswerInfo#index}, which votes name. */
  final ArrayList<AnswerInfo> answerTable = new ArrayList<>();
  /** The up votes on answers and the accepts, in log order, with the cut-off window. */
  final Votes votes = new Votes();
  /** Every voter (and accepter) of {@link #votes}, by the index the votes name them by. */
  final List<PersonId> voterIds = new ArrayList<>();
  final Map<PersonId, Integer> voterIndex = new HashMap<>();
  final Map<PersonId, PersonProfile> people = new HashMap<>();
  /** Live threads per space, and per topic and space: document frequencies of topics. */
  final Map<SpaceId, int[]> threadsPerSpace = new HashMap<>();
  final Map<Tag, Map<SpaceId, int[]>> threadsPerTopic = new HashMap<>();
  /** One instance per tag name, so that threads' tags compare by reference in the hot walks. */
  final Map<Tag, Tag> tagPool = new HashMap<>();
  /** One list object per combination of tags the threads hold: a cache, never written. */
  final ListPool<Tag> tagLists = new ListPool<>();
  final Map<String, Fact> endorsements = new HashMap<>();
  final Map<PersonId, List<Fact>> skills = new HashMap<>();

  /** Sums of one person's evidence in one topic and space (or overall). */
  static final class Acc {
    /** The person's index in {@link #personIds}. */
    final int person;
    /** The space's index in {@link #spaceIds}, or -1 for evidence outside spaces. */
    final int space;
    /** Decayed evidence, in the frame. */
    double evidence;
    /** Evidence that never decays (declared skills). */
    double flat;
    /** Answers, in the frame of the activity half-life. */
    double recent;
    /** Answers, in the frame of the fresh half-life. */
    double fresh;
    /** Live answers, undecayed. */
    int answers;
    /** When the latest live answer was posted, or {@link Long#MIN_VALUE} for none. */
    long lastAnswer = Long.MIN_VALUE;

    Acc(int person, int space) {
      this.person = person;
      this.space = space;
    }
  }

  /**
   * The kinds of evidence "who knows" names in its reasons, in the order it names them; {@link
   * #REASON_OF} gives each kind's place here, or -1 (questions asked are never named).
   */
  static final EvidenceKind[] REASON_KINDS = {EvidenceKind.ACCEPTED_ANSWER, EvidenceKind.ANSWER,
      EvidenceKind.ANSWER_UPVOTE, EvidenceKind.ENDORSEMENT, EvidenceKind.CROSS_DEPARTMENT_ANSWER,
      EvidenceKind.DECLARED_SKILL};
  static final int[] REASON_OF = new int[EvidenceKind.values().length];

  static {
    Arrays.fill(REASON_OF, -1);
    for (int r = 0; r < REASON_KINDS.length; r++) {
      REASON_OF[REASON_KINDS[r].ordinal()] = r;
    }
  }

  /**
   * One topic's sums in one space, person by person, in columns (a slot per person, in order of
   * first evidence): decayed evidence and answers in the activity frame, as in {@link Acc}, and
   * evidence that never decays (no array until some is added: declared skills only); and per
   * kind of {@link #REASON_KINDS}, how many live facts the person has there and, but for declared
   * skills (whose reason names no time), when the latest was made (meaningful only while the
   * count is not 0), so that reasons need not walk the evidence. Slots are never freed (a person
   * whose evidence was taken back keeps zeros), like the accumulators of {@link #overall}; the
   * arrays grow by half.
   */
  static final class Column {
    /** How many of {@link #REASON_KINDS} have a latest time: all but the last, declared skills. */
    static final int LASTS = REASON_KINDS.length - 1;

    static {
      if (REASON_KINDS[LASTS] != EvidenceKind.DECLARED_SKILL) {
        throw new AssertionError("declared skills are not the last reason kind");
      }
    }

    /**
     * Each person's slot plus one (0 for none), by open addressing on the person's index (a
     * power-of-two table at most two thirds full, probed linearly; the slot's {@link #person}
     * says whose it is): four bytes a bucket, where a map by id held a key and a value.
     */
    private int[] table;
    int size;
    /** The person of each slot, as an index in {@link #personIds}. */
    int[] person;
    double[] evidence;
    /** Evidence that never decays, per slot; null while there has been none (all 0). */
    double[] flat;
    double[] recent;
    /**
     * Live facts per slot and kind of {@link #REASON_KINDS}, at {@code slot * REASONS + r} ({@link
     * #count}): two bytes each while every count of the column fits a short, not four.
     */
    private IntOrLongColumn counts;
    /**
     * When the latest of those was made, for the first {@link #LASTS} kinds, at {@code slot *
     * LASTS + r} ({@link #last}): the whole seconds from {@link #EPOCH_SECOND} (four bytes while
     * they fit an int, some 68 years either side) and the milliseconds past them (two bytes), not
     * a long each; exact for any time.
     */
    private IntOrLongColumn lastSeconds;
    private IntOrLongColumn lastMillis;
    /** The second {@link #lastSeconds} count from: 2020-01-01T00:00:00Z. */
    private static final long EPOCH_SECOND = 1_577_836_800L;

    Column() {
      this(2);
    }

    /** A column with room for {@code capacity} slots (at least 2). */
    Column(int capacity) {
      allocate(Math.max(2, capacity));
      table = new int[tableFor(capacity)];
    }

    /** Grows (or first sizes) the arrays to {@code capacity} slots, keeping what they hold. */
    void allocate(int capacity) {
      person = person == null ? new int[capacity] : Arrays.copyOf(person, capacity);
      evidence = evidence == null ? new double[capacity] : Arrays.copyOf(evidence, capacity);
      flat = flat == null ? null : Arrays.copyOf(flat, capacity);
      recent = recent == null ? new double[capacity] : Arrays.copyOf(recent, capacity);
      int n = capacity * REASON_KINDS.length;
      int m = capacity * LASTS;
      if (counts == null) {
        counts = IntOrLongColumn.startingShort(n);
        lastSeconds = new IntOrLongColumn(m);
        lastMillis = IntOrLongColumn.startingShort(m);
      } else {
        counts.resize(n);
        lastSeconds.resize(m);
        lastMillis.resize(m);
      }
    }

    /** The count at {@code i} ({@code slot * REASON_KINDS.length + r}). */
    int count(int i) {
      return (int) counts.get(i);
    }

    /** Sets the count at {@code i}. */
    void setCount(int i, int n) {
      counts.set(i, n, person.length * REASON_KINDS.length);
    }

    /** The latest time at {@code l} ({@code slot * LASTS + r}), in milliseconds. */
    long last(int l) {
      return (lastSeconds.get(l) + EPOCH_SECOND) * 1000 + lastMillis.get(l);
    }

    /** Sets the latest time at {@code l} to {@code at}, in milliseconds. */
    void setLast(int l, long at) {
      lastSeconds.set(l, Math.floorDiv(at, 1000) - EPOCH_SECOND, person.length * LASTS);
      lastMillis.set(l, Math.floorMod(at, 1000), person.length * LASTS);
    }

    /** Adds {@code value} to the evidence that never decays of {@code slot}. */
    void addFlat(int slot, double value) {
      if (flat == null) {
        flat = new double[person.length];
      }
      flat[slot] += value;
    }

    /** The evidence that never decays of {@code slot}. */
    double flat(int slot) {
      return flat == null ? 0 : flat[slot];
    }

    /** The slot of the person with dense index {@code index}, made on first sight. */
    int slot(int index) {
      int slot = slotOf(index);
      if (slot < 0) {
        if (size == person.length) {
          allocate(size + (size >> 1));
        }
        slot = size++;
        person[slot] = index;
        index(slot);
      }
      return slot;
    }

    /** The slot of the person with dense index {@code index}, or -1 if they have none. */
    int slotOf(int index) {
      int mask = table.length - 1;
      for (int i = bucket(index) & mask; ; i = (i + 1) & mask) {
        int held = table[i];
        if (held == 0 || person[held - 1] == index) {
          return held - 1;
        }
      }
    }

    /**
     * Files slot {@code slot} (below {@link #size}, its {@link #person} set, not filed yet) in
     * the table, growing it first if it would be over two thirds full.
     */
    void index(int slot) {
      if (size * 3L > table.length * 2L) {
        int[] old = table;
        table = new int[tableFor(size)];
        for (int held : old) {
          if (held != 0) {
            put(held - 1);
          }
        }
      }
      put(slot);
    }

    /** The length of a table for {@code slots} slots: a power of two, at most 2/3 full. */
    private static int tableFor(int slots) {
      int length = 4;
      while (slots * 3L > length * 2L) {
        length *= 2;
      }
      return length;
    }

    private void put(int slot) {
      int mask = table.length - 1;
      int i = bucket(person[slot]) & mask;
      while (table[i] != 0) {
        i = (i + 1) & mask;
      }
      table[i] = slot + 1;
    }

    /** A person index spread over the table's bits. */
    private static int bucket(int index) {
      int h = index * 0x9E3779B9;
      return h ^ (h >>> 16);
    }

    /** Counts a fact of reason kind {@code r} in or ({@code sign} -1) out of a slot. */
    void tally(int slot, int r, long at, int sign) {
      int i = slot * REASON_KINDS.length + r;
      int n = count(i) + sign;
      setCount(i, n);
      if (sign > 0 && r < LASTS) {
        int l = slot * LASTS + r;
        setLast(l, n == 1 ? at : Math.max(last(l), at));
      }
    }
  }

  /** One person's recent answers summed over all spaces, in the frame of the activity half-life. */
  static final class Active {
    final PersonId person;
    /** The person's index in {@link #personIds}. */
    final int index;
    double recent;

    Active(PersonId person, int index) {
      this.person = person;
      this.index = index;
    }
  }

  /**
   * What the model keeps of a thread, which is also the fact of its question asked (of kind
   * {@link EvidenceKind#QUESTION_ASKED}, its source the thread, its person the author, its
   * thread's record itself; live until the thread is deleted), rather than a record and a fact
   * apart.
   */
  static final class ThreadInfo extends Fact {
    /** The thread's space and its index, shared by the threads in it. */
    private final Place place;
    List<Tag> tags;
    /** Whether the thread was deleted (its facts are dead then). */
    boolean deleted;
    /**
     * The thread's last answer, or null for none: its answers, in the order posted, are linked
     * from the first (this one's {@link AnswerInfo#nextInThread}) to it.
     */
    private AnswerInfo lastAnswer;

    /**
     * The first two of {@link #tags}, or null: read in the hot walks without the list (most
     * threads have one or two tags; a third would cost 8 bytes a thread).
     */
    private Tag tag0;
    private Tag tag1;

    /** A thread started by {@code author} at {@code at}, with its question's fact. */
    ThreadInfo(ThreadId id, Place place, PersonId author, List<Tag> tags, long at) {
      super(EvidenceKind.QUESTION_ASKED, author, null, id, at, true);
      threadInfo = this;
      this.place = Objects.requireNonNull(place, "place");
      setTags(tags);
    }

    /** The thread's space, or null for none. */
    @Override
    SpaceId space() {
      return place.space;
    }

    /** The index of the thread's space in {@link #spaceIds}, or -1 for none. */
    int spaceIndex() {
      return place.index;
    }

    /** The thread's id (its fact's source). */
    ThreadId id() {
      return (ThreadId) source;
    }

    /** Who started the thread (its fact's person). */
    PersonId author() {
      return person;
    }

    /** The thread's first answer, or null for none. */
    AnswerInfo firstAnswer() {
      return lastAnswer == null ? null : lastAnswer.nextInThread;
    }

    /** The answer posted to this thread after {@code answer}, one of its answers, or null. */
    AnswerInfo nextAnswer(AnswerInfo answer) {
      return answer == lastAnswer ? null : answer.nextInThread;
    }

    /**
     * Adds {@code answer}, of no thread's answers yet, as the thread's last.
     *
     * @throws IllegalArgumentException if it is one of a thread's answers already
     */
    void addAnswer(AnswerInfo answer) {
      if (answer.nextInThread != null) {
        throw new IllegalArgumentException("answer " + answer.id().value() + " is listed");
      }
      if (lastAnswer == null) {
        answer.nextInThread = answer;
      } else {
        answer.nextInThread = lastAnswer.nextInThread;
        lastAnswer.nextInThread = answer;
      }
      lastAnswer = answer;
    }

    /** The thread's answers, in the order posted, as a list made afresh. */
    List<AnswerInfo> answers() {
      List<AnswerInfo> all = new ArrayList<>();
      for (AnswerInfo a = firstAnswer(); a != null; a = nextAnswer(a)) {
        all.add(a);
      }
      return all;
    }

    /** The question asked (this thread's own fact) while live, as a list; else none. */
    List<Fact> facts() {
      return live ? List.of(this) : List.of();
    }

    void setTags(List<Tag> newTags) {
      tags = newTags;
      tag0 = newTags.size() > 0 ? newTags.get(0) : null;
      tag1 = newTags.size() > 1 ? newTags.get(1) : null;
    }

    /**
     * Whether a live thread's (pooled) tags include one of the first {@code n} of {@code pooled},
     * by reference; false for a deleted thread, whose facts count towards no topic.
     */
    boolean hasAny(Tag[] pooled, int n) {
      if (deleted) {
        return false;
      }
      for (int j = 0; j < n; j++) {
        Tag t = pooled[j];
        if (t == tag0 || t == tag1) {
          return true;
        }
      }
      for (int k = 2; k < tags.size(); k++) {
        for (int j = 0; j < n; j++) {
          if (tags.get(k) == pooled[j]) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /**
   * What the model keeps of an answer, which is also the answer's fact (the fact of kind {@link
   * EvidenceKind#ANSWER}: first among its {@link #facts} while it is live).
   */
  static final class AnswerInfo extends Fact {
    /**
     * The answer's live facts but itself, its up votes and its answer across departments (its
     * accepts), in the order filed: null for none, the fact itself for one, else a short list
     * ({@link SmallLists}); changed only through {@link #file}, {@link #unfile} and {@link
     * #clearFacts}. Most answers have none, so no list is kept for them.
     */
    private Object others;
    /**
     * Whether the answer went to a question from another department: its fact of kind {@link
     * EvidenceKind#CROSS_DEPARTMENT_ANSWER}, live while the answer is, is made afresh from the
     * answer ({@link #acrossFact}) rather than held (48 bytes for most answers of a workplace).
     */
    boolean across;
    /** The answer's place in the model's answer table, by which {@link Votes} names it. */
    int index;
    /**
     * The next answer of its thread, in the order posted; the last's is the thread's first (see
     * {@link ThreadInfo#firstAnswer}): a link here rather than an array of them per thread.
     */
    AnswerInfo nextInThread;
    boolean deleted;

    /**
     * The answer's live facts but its up votes: the answer itself while live, its answer across
     * departments (made afresh), then the others as filed (accepts). Made afresh: a read, not to
     * change.
     */
    List<Fact> facts() {
      List<Fact> held = heldFacts();
      if (!live || !across) {
        return held;
      }
      // Held: the answer itself first (it is live), then the others.
      List<Fact> all = new ArrayList<>(held.size() + 1);
      all.add(this);
      all.add(acrossFact());
      all.addAll(held.subList(1, held.size()));
      return all;
    }

    /**
     * The facts the answer holds, what a snapshot writes: the answer itself while live, then the
     * others as filed (accepts); not its answer across departments, a flag written with it.
     */
    List<Fact> heldFacts() {
      List<Fact> rest = others();
      if (!live) {
        return rest;
      }
      if (rest.isEmpty()) {
        return List.of(this);
      }
      List<Fact> all = new ArrayList<>(rest.size() + 1);
      all.add(this);
      all.addAll(rest);
      return all;
    }

    /**
     * The answer's fact of kind {@link EvidenceKind#CROSS_DEPARTMENT_ANSWER}, made afresh (for a
     * live answer, so live): the answer's person, thread, id and time, from the question's asker.
     */
    Fact acrossFact() {
      return Fact.of(EvidenceKind.CROSS_DEPARTMENT_ANSWER, person, threadInfo, source,
          threadInfo.author(), at, null, true);
    }

    /**
     * How many facts the answer has besides itself, its up votes and its answer across
     * departments (no list made).
     */
    int otherCount() {
      return others == null ? 0 : others instanceof Fact ? 1 : ((List<?>) others).size();
    }

    /** How many accepts the answer has (among those facts). */
    int accepts() {
      int n = 0;
      for (int k = 0; k < otherCount(); k++) {
        n += other(k).kind() == EvidenceKind.ACCEPTED_ANSWER ? 1 : 0;
      }
      return n;
    }

    /** The {@code k}-th of those, in the order filed. */
    Fact other(int k) {
      return others instanceof Fact f ? f : others().get(k);
    }

    @SuppressWarnings("unchecked")
    private List<Fact> others() {
      return others == null ? List.of() : others instanceof Fact f ? List.of(f)
          : (List<Fact>) others;
    }

    /** Adds a live fact about this answer (the answer itself is one while it is live). */
    void file(Fact f) {
      if (f == this) {
        return;
      }
      others = others == null ? f : SmallLists.plus(others(), f);
    }

    /** Removes a fact no longer live (other than the answer itself). */
    void unfile(Fact f) {
      List<Fact> rest = others();
      // taken before: a long list shrinks in place, so it is the list returned
      int before = rest.size();
      List<Fact> shrunk = SmallLists.minus(rest, f);
      if (shrunk.size() < before) {
        others = shrunk.isEmpty() ? null : shrunk.size() == 1 ? shrunk.get(0) : shrunk;
      }
    }

    /**
     * Drops every fact but the answer itself, its answer across departments too (the answer is
     * deleted: none is live; a snapshot writes none for it either).
     */
    void clearFacts() {
      others = null;
      across = false;
    }

    /**
     * An answer posted by {@code author} at {@code at}: its own fact of kind {@link
     * EvidenceKind#ANSWER} (its source the answer, its thread's record {@link #threadInfo}, its
     * person the author), rather than a record and a fact apart.
     */
    AnswerInfo(PostId id, ThreadInfo thread, PersonId author, long at) {
      super(EvidenceKind.ANSWER, author, thread, id, at, true);
    }

    /** The answer's id (its fact's source). */
    PostId id() {
      return (PostId) source;
    }
  }

  /** Creates an empty model scored with {@code settings}. */
  public ExpertiseModel(ExpertiseSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.halfLives = new double[] {settings.halfLife().toMillis(),
        settings.activityHalfLife().toMillis(), settings.freshHalfLife().toMillis()};
    this.shortestHalfLife = Math.min(halfLives[0], Math.min(halfLives[1], halfLives[2]));
    for (EvidenceKind kind : EvidenceKind.values()) {
      weights[kind.ordinal()] = settings.weight(kind);
    }
  }

  /** A fact's weight before decay: its kind's weight in the settings. */
  double base(Fact f) {
    return weights[f.kind().ordinal()];
  }

  /** The settings this model scores with. */
  public ExpertiseSettings settings() {
    return settings;
  }

  /** Folds one recorded event; events that say nothing about expertise are ignored. */
  public void apply(RecordedEvent recorded) {
    DomainEvent e = recorded.event();
    long at = recorded.timestamp().toEpochMilli();
    if (e instanceof PersonRegistered p) {
      profile(p.profile(), at);
    } else if (e instanceof ProfileUpdated p) {
      profile(p.profile(), at);
    } else if (e instanceof ThreadStarted t) {
      // The thread is its question's fact.
      ThreadInfo thread = new ThreadInfo(t.thread(), place(spaceIndex(t.space())), t.author(),
          interned(t.tags()), at);
      threads.put(t.thread(), thread);
      countThread(thread, +1);
      add(thread, thread.tags, +1);
    } else if (e instanceof ThreadEdited t) {
      retag(t.thread(), t.tags());
    } else if (e instanceof AnswerPosted a) {
      answer(a, at);
    } else if (e instanceof VoteCast v) {
      if (v.direction() == VoteDirection.UP && v.target() instanceof PostId post) {
        AnswerInfo answer = answer(post);
        if (answer != null && !answer.deleted && upvoteBy(answer, v.voter()) < 0
            && !v.voter().equals(answer.person)) {
          // Held as an entry of the vote columns, to the second; the fact made here only feeds
          // the sums, with the time the entry keeps, so that taking it back takes as much.
          long second = Votes.toSecond(at);
          Fact up = fact(EvidenceKind.ANSWER_UPVOTE, answer.person, answer.threadInfo, post,
              v.voter(), second, null, true);
          votes.append(answer.index, voter(v.voter()), second, false, RECENT_VOTES_MILLIS);
          add(up, answer.threadInfo.tags, +1);
        }
      }
    } else if (e instanceof VoteRetracted v) {
      if (v.direction() == VoteDirection.UP && v.target() instanceof PostId post) {
        AnswerInfo answer = answer(post);
        int entry = answer == null ? -1 : upvoteBy(answer, v.voter());
        if (entry >= 0) {
          Fact up = voteFact(answer, entry);
          votes.kill(answer.index, entry);
          kill(up, answer.threadInfo.tags);
        }
      }
    } else if (e instanceof AnswerAccepted a) {
      AnswerInfo answer = answer(a.answer());
      if (answer != null && !answer.deleted && !answer.person.equals(answer.threadInfo.author())) {
        // To the second, as the vote columns keep it.
        long second = Votes.toSecond(at);
        Fact accept = fact(EvidenceKind.ACCEPTED_ANSWER, answer.person, answer.threadInfo, a.answer(),
            a.by(), second, null, true);
        answer.file(accept);
        votes.append(answer.index, voter(a.by()), second, true, RECENT_VOTES_MILLIS);
        add(accept, answer.threadInfo.tags, +1);
      }
    } else if (e instanceof AcceptanceRevoked a) {
      AnswerInfo answer = answer(a.answer());
      if (answer != null) {
        List<Fact> gone = answer.facts().stream()
            .filter(f -> f.kind() == EvidenceKind.ACCEPTED_ANSWER).toList();
        gone.forEach(answer::unfile);
        for (int entry = votes.first(answer.index); entry >= 0; ) {
          int n = votes.next[entry];
          if (votes.accept(entry)) {
            votes.kill(answer.index, entry);
          }
          entry = n;
        }
        gone.forEach(f -> kill(f, answer.threadInfo.tags));
      }
    } else if (e instanceof PostDeleted d) {
      AnswerInfo answer = answer(d.post());
      if (answer != null && !answer.deleted) {
        deleteAnswer(answer);
      }
    } else if (e instanceof ThreadDeleted d) {
      ThreadInfo thread = threads.remove(d.thread());
      if (thread != null) {
        thread.deleted = true;
        countThread(thread, -1);
        for (AnswerInfo a = thread.firstAnswer(); a != null; a = thread.nextAnswer(a)) {
          if (!a.deleted) {
            deleteAnswer(a);
          }
        }
        kill(thread, thread.tags);
      }
    } else if (e instanceof PersonEndorsed p) {
      String key = endorsementKey(p.endorser(), p.person(), p.topic());
      if (!endorsements.containsKey(key)) {
        Fact endorsement = fact(EvidenceKind.ENDORSEMENT, p.person(), null, null, p.endorser(),
            at, p.topic(), true);
        endorsements.put(key, endorsement);
        add(endorsement, List.of(p.topic()), +1);
      }
    }
  }

  /** The record of the answer {@code post}, or null if the model has none. */
  AnswerInfo answer(Object post) {
    int index = answerIndex.get(post);
    return index < 0 ? null : answerTable.get(index);
  }

  /**
   * The time to score at for a query at {@code now}: {@code now}, or the latest evidence's time
   * if that is later (another node's clock ahead of this one's, or this clock set back), so that
   * evidence already recorded always counts, and counts in full.
   */
  public Instant scoringTime(Instant now) {
    return latest > now.toEpochMilli() ? Instant.ofEpochMilli(latest) : now;
  }

  /** Whether {@code endorser} has endorsed {@code person} for {@code topic}. */
  public boolean endorsed(PersonId endorser, PersonId person, Tag topic) {
    return endorsements.containsKey(endorsementKey(endorser, person, topic));
  }

  /** An endorsement's key: ids and tags hold no {@code |}, so no two endorsements share one. */
  private static String endorsementKey(PersonId endorser, PersonId person, Tag topic) {
    return endorser.value() + "|" + person.value() + "|" + topic.value();
  }

  /** Gives back the room the vote columns grew (after a start-up's replay, say). */
  public void trimToSize() {
    votes.trimToSize();
  }

  /**
   * Finds answers by the code of the caller's row of each from now on ({@link RowIndex}), so that
   * the model keeps no map of a million answer ids: the engine passes its answers' row codes, the
   * same a snapshot names them by (a content code, twice the row's code and one more). Results
   * are the same with or without it.
   *
   * @param answerCodes given an answer's id, its row's code (0 or more, never changing), or -1
   *     if it has none (or is not an answer)
   */
  public void rowsFrom(ToIntFunction<Object> answerCodes) {
    answerIndex.rowsFrom(answerCodes);
  }

  /**
   * As {@link #rowsFrom(ToIntFunction)}, and finds threads by the code of the caller's row of each
   * too ({@link ThreadsByRow}): an int a thread, not a map entry; the threads with rows are listed
   * in their codes' order (in a snapshot too). Results are the same with or without it.
   *
   * @param rowCodes given an answer's or a thread's id, its row's code (0 or more, never changing,
   *     a code among the rows of its kind), or -1 if it has none
   */
  public void rowsFrom(ToIntFunction<Object> answerCodes, ToIntFunction<Object> threadCodes) {
    answerIndex.rowsFrom(answerCodes);
    threads.rowsFrom(threadCodes);
  }

  private void answer(AnswerPosted a, long at) {
    ThreadInfo thread = threads.get(a.thread());
    if (thread == null) {
      return;
    }
    AnswerInfo answer = new AnswerInfo(a.post(), thread, a.author(), at);
    answer.index = answerTable.size();
    answerTable.add(answer);
    answerIndex.put(a.post(), answer.index);
    thread.addAnswer(answer);
    // The answer is its own fact.
    answer.file(answer);
    add(answer, thread.tags, +1);
    PersonProfile asker = people.get(thread.author());
    PersonProfile answerer = people.get(a.author());
    if (asker != null && answerer != null && !asker.orgUnit().isEmpty()
        && !answerer.orgUnit().isEmpty() && !asker.orgUnit().equals(answerer.orgUnit())) {
      answer.across = true;
      add(answer.acrossFact(), thread.tags, +1);
    }
  }

  /**
   * The live up vote of {@code voter} on an answer, as an entry of {@link #votes}, or -1. A scan
   * of the answer's own chain (a few per answer) instead of a map keyed per vote.
   */
  private int upvoteBy(AnswerInfo answer, PersonId voter) {
    Integer v = voterIndex.get(voter);
    if (v == null) {
      return -1;
    }
    for (int e = votes.first(answer.index); e >= 0; e = votes.next[e]) {
      if (!votes.accept(e) && votes.voter(e) == v) {
        return e;
      }
    }
    return -1;
  }

  /** The index of a voter (or accepter) in {@link #voterIds}, given on first sight; -1 for none. */
  int voter(PersonId person) {
    if (person == null) {
      return -1;
    }
    Integer i = voterIndex.get(person);
    if (i == null) {
      i = voterIds.size();
      voterIds.add(person);
      voterIndex.put(person, i);
    }
    return i;
  }

  /**
   * The up vote of entry {@code e} of {@link #votes} (on {@code answer}) as a fact, made afresh:
   * what the model would have held for it, for sums and reads; live as the entry is.
   */
  Fact voteFact(AnswerInfo answer, int e) {
    int v = votes.voter(e);
    Fact f = fact(EvidenceKind.ANSWER_UPVOTE, answer.person, answer.threadInfo, answer.id(),
        v < 0 ? null : voterIds.get(v), votes.at(e), null, true);
    f.live = votes.live(e);
    return f;
  }

  /**
   * The live facts of an answer in the order its list of facts held them when up votes were
   * facts too: the answer (and the answer across departments), then its up votes and accepts as
   * they were cast; the up votes made afresh by {@link #voteFact}.
   */
  List<Fact> factsOf(AnswerInfo answer) {
    List<Fact> facts = answer.facts();
    List<Fact> all = new ArrayList<>(facts.size() + votes.upvotes(answer.index));
    int accepts = 0;
    for (Fact f : facts) {
      if (f.kind() != EvidenceKind.ACCEPTED_ANSWER) {
        all.add(f);
      } else {
        accepts++;
      }
    }
    int k = 0;
    for (int e = votes.first(answer.index); e >= 0; e = votes.next[e]) {
      if (votes.accept(e)) {
        // The k-th accept entry is the k-th accept fact: both are filed and taken back together.
        k = nextAccept(facts, k);
        all.add(facts.get(k++));
        accepts--;
      } else {
        all.add(voteFact(answer, e));
      }
    }
    if (accepts != 0) {
      throw new IllegalStateException("accepts of " + answer.id().value() + " out of step");
    }
    return all;
  }

  /** The index of the first accept at or after {@code from} in {@code facts}. */
  private static int nextAccept(List<Fact> facts, int from) {
    int k = from;
    while (facts.get(k).kind() != EvidenceKind.ACCEPTED_ANSWER) {
      k++;
    }
    return k;
  }

  /**
   * Calls {@code action} with each live up vote on the answer of {@code answerFact} (a live
   * answer), as made afresh by {@link #voteFact}.
   */
  void forEachUpvote(Fact answerFact, Consumer<Fact> action) {
    // An answer's fact is its record: no look-up by id.
    AnswerInfo answer = answerFact instanceof AnswerInfo record ? record : null;
    for (int e = answer == null ? -1 : votes.first(answer.index); e >= 0; e = votes.next[e]) {
      if (!votes.accept(e)) {
        action.accept(voteFact(answer, e));
      }
    }
  }

  /** Calls {@code action} with the answer across departments of {@code f}, a live answer's. */
  static void acrossOf(Fact f, Consumer<Fact> action) {
    if (f instanceof AnswerInfo answer && answer.across && answer.live) {
      action.accept(answer.acrossFact());
    }
  }

  /**
   * Every live fact of {@code person}, up votes on their answers included (made afresh, each
   * after its answer), for reads that list evidence and for tests.
   */
  List<Fact> evidenceOf(PersonId person) {
    List<Fact> all = new ArrayList<>();
    for (Fact f : byPerson.getOrDefault(person, List.of())) {
      all.add(f);
      if (f.isAnswer() && f.live) {
        forEachUpvote(f, all::add);
        acrossOf(f, all::add);
      }
    }
    return all;
  }

  private void deleteAnswer(AnswerInfo answer) {
    answer.deleted = true;
    List<Fact> all = factsOf(answer);
    votes.killAll(answer.index);
    for (Fact f : all) {
      kill(f, answer.threadInfo.tags);
    }
    answer.clearFacts();
  }

  private void profile(PersonProfile profile, long at) {
    people.put(profile.id(), profile);
    List<Fact> old = skills.remove(profile.id());
    if (old != null) {
      old.forEach(f -> kill(f, List.of(f.topic())));
    }
    List<Fact> declared = new ArrayList<>();
    for (Tag skill : profile.declaredSkills()) {
      Fact f = fact(EvidenceKind.DECLARED_SKILL, profile.id(), null, null, null, at, skill,
          false);
      declared.add(f);
      add(f, List.of(skill), +1);
    }
    if (!declared.isEmpty()) {
      skills.put(profile.id(), declared);
    }
  }

  private void retag(ThreadId id, List<Tag> newTags) {
    ThreadInfo thread = threads.get(id);
    List<Tag> distinct = interned(newTags);
    if (thread == null || thread.tags.equals(distinct)) {
      return;
    }
    countThread(thread, -1);
    List<Fact> all = new ArrayList<>(thread.facts());
    for (AnswerInfo a = thread.firstAnswer(); a != null; a = thread.nextAnswer(a)) {
      all.addAll(factsOf(a));
    }
    for (Fact f : all) {
      addToTopics(f, thread.tags, -1);
    }
    thread.setTags(distinct);
    countThread(thread, +1);
    for (Fact f : all) {
      addToTopics(f, thread.tags, +1);
    }
  }

  private void countThread(ThreadInfo thread, int sign) {
    threadsPerSpace.computeIfAbsent(thread.space(), s -> new int[1])[0] += sign;
    for (Tag tag : thread.tags) {
      threadsPerTopic.computeIfAbsent(tag, t -> new HashMap<>())
          .computeIfAbsent(thread.space(), s -> new int[1])[0] += sign;
    }
  }

  private Fact fact(EvidenceKind kind, PersonId person, ThreadInfo thread,
      ContentRef source, PersonId from, long at, Tag topic,
      boolean decays) {
    return Fact.of(kind, person, thread, source, from, at, topic, decays);
  }

  /** Takes a fact back: out of the sums and the person's list. */
  private void kill(Fact f, List<Tag> threadTags) {
    if (!f.live) {
      return;
    }
    f.live = false;
    add(f, threadTags, -1);
    List<Fact> list = f.isHeldElsewhere() ? null : byPerson.get(f.person);
    if (list != null) {
      list.remove(f);
      if (list.isEmpty()) {
        byPerson.remove(f.person);
      }
    }
  }

  /** Adds ({@code sign} +1) or subtracts (−1) a fact to every sum it belongs to. */
  private void add(Fact f, List<Tag> threadTags, int sign) {
    if (sign > 0) {
      if (!f.isHeldElsewhere()) {
        byPerson.computeIfAbsent(f.person, p -> new ArrayList<>()).add(f);
      }
      latest = Math.max(latest, f.at);
      if (ref == Long.MIN_VALUE) {
        ref = f.at;
      } else if ((f.at - ref) / shortestHalfLife > REBASE_AFTER) {
        rebase(f.at);
      }
    }
    addToTopics(f, threadTags, sign);
    Acc sums = overall.computeIfAbsent(f.space(), s -> new HashMap<>())
        .computeIfAbsent(f.person, p -> {
          int i = personIndex(p);
          Acc acc = new Acc(i, spaceIndex(f.space()));
          Map<SpaceId, Acc> mine = overallByPerson.get(i);
          if (mine == null) {
            mine = new HashMap<>();
            overallByPerson.set(i, mine);
          }
          mine.put(f.space(), acc);
          overallArrays.set(i, mine.values().toArray(new Acc[0]));
          return acc;
        });
    contribute(sums, f, sign);
    bound(sums.person);
    if (f.isAnswer() && f.space() != null) {
      Active a = active.computeIfAbsent(f.person, p -> new Active(p, personIndex(p)));
      byActivity.remove(a);
      a.recent += sign * frame(f.at, 1);
      if (a.recent > 0) {
        byActivity.add(a);
      }
    }
  }

  private void addToTopics(Fact f, List<Tag> threadTags, int sign) {
    List<Tag> topics = f.topic() != null ? List.of(f.topic()) : threadTags;
    if (f.isAnswer()) {
      filePairs(f, topics, sign);
    }
    for (Tag tag : topics) {
      if (!f.isHeldElsewhere()) {
        file(byPersonTopic, f, tag, sign);
      }
      if (f.isAnswer()) {
        int i = personIndex(f.person);
        if (i >= filedAnswers.length) {
          filedAnswers = Arrays.copyOf(filedAnswers, Math.max(i + 1, filedAnswers.length * 3 / 2));
        }
        filedAnswers[i] += sign;
      }
      Column column = byTopic.computeIfAbsent(tag, t -> new HashMap<>())
          .computeIfAbsent(f.space(), sp -> new Column());
      int slot = column.slot(personIndex(f.person));
      if (f.decays()) {
        column.evidence[slot] += sign * base(f) * frame(f.at, 0);
      } else {
        column.addFlat(slot, sign * base(f));
      }
      if (f.isAnswer()) {
        column.recent[slot] += sign * frame(f.at, 1);
      }
      int r = REASON_OF[f.kind().ordinal()];
      if (r >= 0) {
        column.tally(slot, r, f.at, sign);
        int i = slot * REASON_KINDS.length + r;
        int l = slot * Column.LASTS + r;
        if (sign < 0 && r < Column.LASTS && column.count(i) > 0 && column.last(l) == f.at) {
          // The latest may have gone: the latest of the rest (f is out of the list already, an
          // up vote out of its answer's chain or its answer out of the person's answers).
          column.setLast(l, f.isUpvote() ? latestUpvote(f.person, tag, f.space())
              : f.kind() == EvidenceKind.CROSS_DEPARTMENT_ANSWER
              ? latestAcross(topicFacts(f.person, tag), f.space())
              : latest(topicFacts(f.person, tag), f.space(), f.kind()));
        }
      }
    }
  }

  /**
   * Appends ({@code sign} +1) or removes (−1) an answer in its person's lists of {@link
   * #answersByPersonPair}, one per pair of {@code topics} (its thread's distinct tags).
   */
  private void filePairs(Fact f, List<Tag> topics, int sign) {
    AnswerInfo answer = topics.size() < 2 ? null : (AnswerInfo) f;
    for (int i = 0; answer != null && i < topics.size(); i++) {
      for (int j = i + 1; j < topics.size(); j++) {
        TagPair pair = tagPairs.of(pairKey(tagId(topics.get(i)), tagId(topics.get(j))));
        if (sign > 0) {
          appendPaired(f.person, pair, answer);
        } else {
          CompactMap<TagPair, Object> mine = answersByPersonPair.get(f.person);
          Object held = mine == null ? null : mine.get(pair);
          if (held == answer) {
            mine.remove(pair);
          } else if (held instanceof ArrayList<?> list) {
            list.remove(answer);
            if (list.size() == 1) {
              mine.put(pair, list.get(0));
            }
          }
          if (mine != null && mine.isEmpty()) {
            answersByPersonPair.remove(f.person);
          }
        }
      }
    }
  }

  /** Appends {@code answer} to the list of {@code person} for {@code pair}. */
  private void appendPaired(PersonId person, TagPair pair, AnswerInfo answer) {
    CompactMap<TagPair, Object> mine = answersByPersonPair.computeIfAbsent(person,
        p -> new CompactMap<>());
    Object held = mine.get(pair);
    if (held == null) {
      mine.put(pair, answer);
    } else if (held instanceof AnswerInfo first) {
      List<AnswerInfo> list = new ArrayList<>(2);
      list.add(first);
      list.add(answer);
      mine.put(pair, list);
    } else {
      @SuppressWarnings("unchecked")
      List<AnswerInfo> list = (List<AnswerInfo>) held;
      list.add(answer);
    }
  }

  /**
   * The answers of {@code person} whose threads have the tags numbered {@code a} and {@code b}
   * (in either order), in the order of {@link #answersByPersonPair}; for tests.
   */
  List<AnswerInfo> paired(PersonId person, int a, int b) {
    TagPair pair = tagPairs.get(pairKey(a, b));
    CompactMap<TagPair, Object> mine = answersByPersonPair.get(person);
    Object held = pair == null || mine == null ? null : mine.get(pair);
    if (held == null) {
      return List.of();
    }
    if (held instanceof AnswerInfo one) {
      return List.of(one);
    }
    @SuppressWarnings("unchecked")
    List<AnswerInfo> list = (List<AnswerInfo>) held;
    return list;
  }

  /** The number of a pooled tag in {@link #tagIds}, given on first sight. */
  private int tagId(Tag tag) {
    return tagIds.computeIfAbsent(tag, t -> tagIds.size());
  }

  /** The number of a tag in {@link #tagIds}, or -1 if no pair has it. */
  int tagIdOf(Tag tag) {
    Integer id = tagIds.get(tag);
    return id == null ? -1 : id;
  }

  /**
   * The key of the pair of tags numbered {@code a} and {@code b} in {@link #tagPairs}, in either
   * order: the two numbers side by side, mixed by a bijection of the longs (a multiplication by
   * an odd number, an xor-shift) so that the key's hash code, the two halves xor-ed, does not
   * collide for pairs with equal xor.
   */
  static long pairKey(int a, int b) {
    long x = ((long) Math.min(a, b) << 32 | Math.max(a, b)) * 0x9E3779B97F4A7C15L;
    return x ^ (x >>> 31);
  }

  /** Whether {@code person} has any live answer filed under a topic. */
  boolean hasAnswers(PersonId person) {
    int i = indexOf(person);
    return i >= 0 && i < filedAnswers.length && filedAnswers[i] > 0;
  }

  /**
   * Refills {@link #answersByPersonPair} from the answers in {@link #byPersonTopic}, for a model read
   * back: each pair's list is the answers of either tag's list that have the other, in that
   * list's order (as filing them one by one keeps it), taken from the list of the pair's tag with
   * the lower number.
   */
  void pairAll() {
    byPersonTopic.forEach((person, mine) -> mine.forEach((tag, held) -> {
      int own = tagId(tag);
      for (Fact f : asFacts(held)) {
        if (!f.isAnswer()) {
          continue;
        }
        for (Tag other : topicsOf(f)) {
          int id = other.equals(tag) ? -1 : tagId(other);
          if (id > own) {
            // an answer's fact is its record (AnswerInfo), so no look-up by id
            appendPaired(person, tagPairs.of(pairKey(own, id)), (AnswerInfo) f);
          }
        }
      }
    }));
  }

  /** The distinct tags of {@code tags}, each the pooled instance of its name. */
  private List<Tag> interned(List<Tag> tags) {
    return tagLists.pooled(
        tags.stream().distinct().map(t -> tagPool.computeIfAbsent(t, k -> k)).toList());
  }

  /** The dense index of {@code person}, assigned on first sight. */
  private int personIndex(PersonId person) {
    Integer i = personIndex.get(person);
    if (i == null) {
      i = personIds.size();
      personIds.add(person);
      overallByPerson.add(null);
      overallArrays.add(null);
      personIndex.put(person, i);
    }
    return i;
  }

  /** Refills {@link #bounds} of person {@code index} from its sums. */
  void bound(int index) {
    if (bounds.length < (index + 1) * BOUNDS) {
      int n = Math.max(index + 1, bounds.length / BOUNDS * 3 / 2);
      bounds = Arrays.copyOf(bounds, n * BOUNDS);
    }
    double recent = 0;
    double fresh = 0;
    double evidence = 0;
    double flat = 0;
    long last = Long.MIN_VALUE;
    Acc[] accs = overallArrays.get(index);
    for (int k = 0; accs != null && k < accs.length; k++) {
      Acc a = accs[k];
      recent += Math.max(0, a.recent);
      fresh += Math.max(0, a.fresh);
      evidence += Math.max(0, a.evidence);
      flat += Math.max(0, a.flat);
      last = Math.max(last, a.lastAnswer);
    }
    int o = index * BOUNDS;
    bounds[o] = recent;
    bounds[o + 1] = fresh;
    bounds[o + 2] = evidence;
    bounds[o + 3] = flat;
    bounds[o + LAST_BOUND] = last;
  }

  /** Refills the bounds of every person (after a rebase, or once read back). */
  void boundAll() {
    for (int i = 0; i < personIds.size(); i++) {
      bound(i);
    }
  }

  /** The dense index of a person already seen, or -1. */
  int indexOf(PersonId person) {
    Integer i = personIndex.get(person);
    return i == null ? -1 : i;
  }

  /** The dense index of {@code space} (-1 for null), assigned on first sight. */
  private int spaceIndex(SpaceId space) {
    if (space == null) {
      return -1;
    }
    Integer i = spaceIndex.get(space);
    if (i == null) {
      i = spaceIds.size();
      addSpace(space);
    }
    return i;
  }

  /** Adds {@code space} to the table of spaces, as the next index. */
  void addSpace(SpaceId space) {
    int i = spaceIds.size();
    spaceIds.add(space);
    spaceIndex.put(space, i);
    places.add(new Place(space, i));
  }

  /** The place of the space with index {@code index}, or {@link Place#NOWHERE} for -1. */
  Place place(int index) {
    return index < 0 ? Place.NOWHERE : places.get(index);
  }

  /**
   * A space of the model's table with its dense index, one instance per space, shared by the
   * records of the threads in it: a thread holds one reference for both (4 bytes less each).
   */
  static final class Place {
    /** Where threads outside spaces are. */
    static final Place NOWHERE = new Place(null, -1);

    /** The space, or null for none. */
    final SpaceId space;
    /** Its index in {@link #spaceIds}, or -1 for none. */
    final int index;

    Place(SpaceId space, int index) {
      this.space = space;
      this.index = index;
    }
  }

  /** This thread's working arrays, sized for every person and space seen so far. */
  WhoKnows.Scratch scratch() {
    WhoKnows.Scratch s = scratch.get();
    s.fit(personIds.size(), spaceIds.size());
    return s;
  }

  /**
   * Appends ({@code sign} +1) or removes (−1) a fact in its person's list for {@code tag}: each
   * person's lists by topic in a compact map, each list a short list ({@link SmallLists}).
   */
  private static void file(Map<PersonId, Map<Tag, Object>> lists, Fact f, Tag tag,
      int sign) {
    if (sign > 0) {
      Map<Tag, Object> mine = lists.computeIfAbsent(f.person, p -> new CompactMap<>());
      Object held = mine.get(tag);
      if (held == null) {
        mine.put(tag, f);
      } else {
        List<Fact> list = asFacts(held);
        List<Fact> grown = SmallLists.plus(list, f);
        if (grown != held) {
          mine.put(tag, grown);
        }
      }
    } else {
      Map<Tag, Object> mine = lists.get(f.person);
      Object held = mine == null ? null : mine.get(tag);
      if (held != null) {
        List<Fact> list = asFacts(held);
        List<Fact> shrunk = SmallLists.minus(list, f);
        if (shrunk.isEmpty()) {
          mine.remove(tag);
          if (mine.isEmpty()) {
            lists.remove(f.person);
          }
        } else if (shrunk.size() == 1) {
          mine.put(tag, shrunk.get(0));
        } else if (shrunk != held) {
          mine.put(tag, shrunk);
        }
      }
    }
  }

  /** A person's live facts in a topic as {@link #byPersonTopic} holds them, as a list. */
  @SuppressWarnings("unchecked")
  static List<Fact> asFacts(Object held) {
    return held == null ? List.of() : held instanceof Fact f ? List.of(f) : (List<Fact>) held;
  }

  /** The live facts of {@code person} in {@code tag}, in order. */
  List<Fact> topicFacts(PersonId person, Tag tag) {
    Map<Tag, Object> mine = byPersonTopic.get(person);
    return mine == null ? List.of() : asFacts(mine.get(tag));
  }

  private void contribute(Acc acc, Fact f, int sign) {
    if (f.decays()) {
      acc.evidence += sign * base(f) * frame(f.at, 0);
    } else {
      acc.flat += sign * base(f);
    }
    if (f.isAnswer()) {
      acc.recent += sign * frame(f.at, 1);
      acc.fresh += sign * frame(f.at, 2);
      acc.answers += sign;
      if (sign > 0) {
        acc.lastAnswer = Math.max(acc.lastAnswer, f.at);
      } else if (acc.lastAnswer == f.at) {
        // The fact is no longer live: the latest of the person's other answers in this space.
        acc.lastAnswer = latest(byPerson.getOrDefault(f.person, List.of()), f.space());
      }
    }
  }

  /**
   * When the latest live up vote on the live answers of {@code person} in {@code tag} and {@code
   * space} was cast, or MIN_VALUE.
   */
  private long latestUpvote(PersonId person, Tag tag, SpaceId space) {
    long last = Long.MIN_VALUE;
    for (Fact g : topicFacts(person, tag)) {
      if (g.isAnswer() && g.live && Objects.equals(g.space(), space)) {
        AnswerInfo answer = (AnswerInfo) g;
        for (int e = votes.first(answer.index); e >= 0; e = votes.next[e]) {
          if (!votes.accept(e)) {
            last = Math.max(last, votes.at(e));
          }
        }
      }
    }
    return last;
  }

  /** When the latest live answer among {@code facts} in {@code space} was posted, or MIN_VALUE. */
  private static long latest(List<Fact> facts, SpaceId space) {
    return latest(facts, space, EvidenceKind.ANSWER);
  }

  /**
   * When the latest live answer across departments among {@code facts} (their answers') in
   * {@code space} was made, or MIN_VALUE.
   */
  private static long latestAcross(List<Fact> facts, SpaceId space) {
    long last = Long.MIN_VALUE;
    for (Fact g : facts) {
      if (g instanceof AnswerInfo answer && answer.across && g.live
          && Objects.equals(g.space(), space)) {
        last = Math.max(last, g.at);
      }
    }
    return last;
  }

  /** When the latest live fact of {@code kind} among {@code facts} in {@code space} was made. */
  private static long latest(List<Fact> facts, SpaceId space, EvidenceKind kind) {
    long last = Long.MIN_VALUE;
    for (Fact g : facts) {
      if (g.live && g.kind() == kind && Objects.equals(g.space(), space)) {
        last = Math.max(last, g.at);
      }
    }
    return last;
  }

  /** 2^((at − ref) / halfLife k): a contribution's factor in the frame. */
  private double frame(long at, int k) {
    return Math.exp((at - ref) / halfLives[k] * LN2);
  }

  /** The factor that turns a frame sum into its value at {@code now}. */
  double toNow(long now, int k) {
    return ref == Long.MIN_VALUE ? 0 : Math.exp((ref - now) / halfLives[k] * LN2);
  }

  /** The decayed weight of a fact at {@code now}. */
  double weightAt(Fact f, long now) {
    return f.decays() ? base(f) * Math.exp(-(now - f.at) / halfLives[0] * LN2) : base(f);
  }

  /** The decayed weight at {@code now} of an up vote or an accept made {@code at}. */
  double voteWeightAt(boolean accept, long at, long now) {
    double base = settings.weight(accept ? EvidenceKind.ACCEPTED_ANSWER
        : EvidenceKind.ANSWER_UPVOTE);
    return base * Math.exp(-(now - at) / halfLives[0] * LN2);
  }

  /** Moves the frame's origin to {@code newRef}, scaling every sum. */
  private void rebase(long newRef) {
    double[] scale = new double[3];
    for (int k = 0; k < 3; k++) {
      scale[k] = Math.exp((ref - newRef) / halfLives[k] * LN2);
    }
    for (Map<SpaceId, Column> bySpace : byTopic.values()) {
      for (Column c : bySpace.values()) {
        for (int i = 0; i < c.size; i++) {
          c.evidence[i] *= scale[0];
          c.recent[i] *= scale[1];
        }
      }
    }
    overall.values().forEach(m -> m.values().forEach(a -> scale(a, scale)));
    boundAll();
    byActivity.clear();
    for (Active a : active.values()) {
      a.recent *= scale[1];
      if (a.recent > 0) {
        byActivity.add(a);
      }
    }
    ref = newRef;
  }

  private static void scale(Acc a, double[] scale) {
    a.evidence *= scale[0];
    a.recent *= scale[1];
    a.fresh *= scale[2];
  }

  /**
   * Calls {@code action} once for each live fact of {@code person} in any of {@code topics} that
   * {@code wanted} accepts (once even when it counts towards several of them), topic by topic;
   * {@code wanted} is asked first, so a cheap filter spares the check for repeats.
   */
  void forEachInTopics(PersonId person, List<Tag> topics, Predicate<Fact> wanted,
      Consumer<Fact> action) {
    forEachIn(byPersonTopic, person, topics, wanted, action);
  }

  /** As {@link #forEachInTopics}, over the person's answers only. */
  void forEachAnswerInTopics(PersonId person, List<Tag> topics, Predicate<Fact> wanted,
      Consumer<Fact> action) {
    forEachIn(byPersonTopic, person, topics, f -> f.isAnswer() && wanted.test(f), action);
  }

  private void forEachIn(Map<PersonId, Map<Tag, Object>> lists, PersonId person,
      List<Tag> topics, Predicate<Fact> wanted, Consumer<Fact> action) {
    Map<Tag, Object> mine = lists.get(person);
    if (mine == null) {
      return;
    }
    // The pooled instances of the topics (threads' tags are pooled), to compare by reference.
    Tag[] pooled = new Tag[topics.size()];
    for (int i = 0; i < pooled.length; i++) {
      pooled[i] = tagPool.getOrDefault(topics.get(i), topics.get(i));
    }
    for (int i = 0; i < topics.size(); i++) {
      Tag tag = topics.get(i);
      if (topics.subList(0, i).contains(tag)) {
        continue;
      }
      for (Fact f : asFacts(mine.get(tag))) {
        if (wanted.test(f)
            && (i == 0 || f.topic() != null || !sharesTopic(f, pooled, i))) {
          action.accept(f);
        }
      }
    }
  }

  /** The pooled instances of {@code topics}, each once, in their order. */
  Tag[] pooledDistinct(List<Tag> topics) {
    return topics.stream().distinct().map(t -> tagPool.getOrDefault(t, t)).toArray(Tag[]::new);
  }

  /**
   * Which of the first {@code n} (at most 64) of {@code pooled} (distinct, pooled) are tags of
   * {@code thread}, as bits (bit j for {@code pooled[j]}); 0 if the thread was deleted.
   */
  static long topicBits(ThreadInfo thread, Tag[] pooled, int n) {
    if (thread.deleted) {
      return 0;
    }
    long bits = 0;
    List<Tag> tags = thread.tags;
    for (int k = 0; k < tags.size(); k++) {
      Tag tag = tags.get(k);
      for (int j = 0; j < n; j++) {
        if (tag == pooled[j]) {
          bits |= 1L << j;
        }
      }
    }
    return bits;
  }

  /** Whether any of the topics of {@code f} is one of the first {@code n} of {@code pooled}. */
  boolean sharesTopic(Fact f, Tag[] pooled, int n) {
    if (f.threadInfo != null) {
      return f.threadInfo.hasAny(pooled, n);
    }
    List<Tag> a = topicsOf(f);
    for (int k = 0; k < a.size(); k++) {
      Tag tag = a.get(k);
      for (int j = 0; j < n; j++) {
        if (tag == pooled[j]) {
          return true;
        }
      }
    }
    return false;
  }

  /** The topics a fact counts towards. */
  List<Tag> topicsOf(Fact f) {
    if (f.topic() != null) {
      return List.of(f.topic());
    }
    ThreadInfo thread = f.threadInfo;
    return thread == null || thread.deleted ? List.of() : thread.tags;
  }

  /**
   * Why {@code person} knows {@code topic}: the live evidence in spaces {@code visible} accepts
   * (evidence outside spaces is always visible), strongest first, weighed at {@code now}; the
   * score is the sum of the listed weights.
   */
  public ExpertiseEntry explain(PersonId person, Tag topic, Predicate<SpaceId> visible,
      Instant now) {
    return explain(List.of(person), person, topic, visible, now);
  }

  /**
   * {@link #explain(PersonId, Tag, Predicate, Instant)} for one person under several accounts
   * ({@code accounts}), their evidence under all of them together, the entry {@code named}'s.
   */
  public ExpertiseEntry explain(List<PersonId> accounts, PersonId named, Tag topic,
      Predicate<SpaceId> visible, Instant now) {
    long t = now.toEpochMilli();
    List<Evidence> evidence = new ArrayList<>();
    for (PersonId person : accounts) {
      for (Fact f : topicFacts(person, topic)) {
        if (f.live && (f.space() == null || visible.test(f.space()))) {
          evidence.add(toEvidence(f, t));
          if (f.isAnswer()) {
            forEachUpvote(f, up -> evidence.add(toEvidence(up, t)));
            acrossOf(f, across -> evidence.add(toEvidence(across, t)));
          }
        }
      }
    }
    return entry(named, topic, evidence);
  }

  /**
   * A person's expertise in every topic with visible evidence, strongest first; each score is
   * the sum of its evidence.
   */
  public List<ExpertiseEntry> expertise(PersonId person, Predicate<SpaceId> visible,
      Instant now) {
    return expertise(List.of(person), person, visible, now);
  }

  /**
   * {@link #expertise(PersonId, Predicate, Instant)} for one person under several accounts
   * ({@code accounts}), their evidence under all of them together, the entries {@code named}'s.
   */
  public List<ExpertiseEntry> expertise(List<PersonId> accounts, PersonId named,
      Predicate<SpaceId> visible, Instant now) {
    long t = now.toEpochMilli();
    Map<Tag, List<Evidence>> byTag = new TreeMap<>();
    for (PersonId person : accounts) {
      for (Fact f : evidenceOf(person)) {
        if (f.live && (f.space() == null || visible.test(f.space()))) {
          Evidence ev = toEvidence(f, t);
          for (Tag tag : topicsOf(f)) {
            byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(ev);
          }
        }
      }
    }
    List<ExpertiseEntry> entries = new ArrayList<>();
    byTag.forEach((tag, list) -> entries.add(entry(named, tag, list)));
    entries.sort(Comparator.comparingDouble(ExpertiseEntry::score).reversed()
        .thenComparing(en -> en.topic().value()));
    return entries;
  }

  private Evidence toEvidence(Fact f, long now) {
    return new Evidence(f.kind(), f.source, f.from(), weightAt(f, now),
        Instant.ofEpochMilli(f.at));
  }

  private static ExpertiseEntry entry(PersonId person, Tag topic, List<Evidence> evidence) {
    List<Evidence> sorted = new ArrayList<>(evidence);
    sorted.sort(Comparator.comparingDouble(Evidence::weight).reversed()
        .thenComparing(Evidence::at, Comparator.reverseOrder())
        .thenComparing(ev -> ev.kind().ordinal()));
    double score = 0;
    for (Evidence ev : sorted) {
      score += ev.weight();
    }
    return new ExpertiseEntry(person, topic, score, sorted);
  }

  /**
   * Everything the model holds that a reader can see, comparable with {@code equals}: every
   * person's expertise in every space at {@code now}, for rebuild tests.
   */
  public Map<PersonId, List<ExpertiseEntry>> image(Instant now) {
    Map<PersonId, List<ExpertiseEntry>> image = new LinkedHashMap<>();
    byPerson.keySet().stream().sorted(Comparator.comparing(PersonId::value))
        .forEach(p -> image.put(p, expertise(p, s -> true, now)));
    return image;
  }

  /**
   * Writes everything this model holds, exactly (sums as raw bits, every list and map in its
   * order), for {@link #readFrom}; the snapshot of the engine carries it so that start-up need
   * not refold the log. Read-only: call it under the same guard as the other reads.
   *
   * @throws IOException if {@code out} fails
   */
  public void writeTo(DataOutput out) throws IOException {
    ModelCodec.write(this, out, ref -> -1);
  }

  /**
   * Writes as {@link #writeTo(DataOutput)} does, naming each thread and answer that {@code
   * codes} gives a code by that code rather than by its id's text: for a snapshot that holds
   * them already ({@link #readFrom(ByteBuffer, ExpertiseSettings, UnaryOperator, IntFunction)}
   * is given the way back).
   *
   * @param out where to write
   * @param codes given a thread or answer id, a code of zero or more, or -1 for none
   * @throws IOException if {@code out} fails
   */
  public void writeTo(DataOutput out, ToIntFunction<ContentRef> codes) throws IOException {
    ModelCodec.write(this, out, codes);
  }

  /**
   * A model read back from what {@link #writeTo} wrote, equal to the one written, or null if it
   * was written with other half-lives or evidence weights (its sums would then be wrong; refold
   * the log instead). Reads from the buffer's position and leaves it right after the model.
   *
   * @param in the bytes {@link #writeTo} wrote, from its position
   * @param settings the settings the model is to score with
   * @param shared given an id read (a person, space, tag, thread or post id), the equal instance
   *     the caller already holds, or the id itself: the model keeps that one, so that a restored
   *     model shares its ids with the other read models as a folded one does
   * @throws IOException if the bytes are not such a model (cut short, or damaged)
   */
  public static ExpertiseModel readFrom(ByteBuffer in, ExpertiseSettings settings,
      UnaryOperator<Object> shared) throws IOException {
    return ModelCodec.read(in, settings, shared, code -> null, null);
  }

  /**
   * A model read back from what {@link #writeTo(DataOutput, ToIntFunction)} wrote, as {@link
   * #readFrom(ByteBuffer, ExpertiseSettings, UnaryOperator)} reads one.
   *
   * @param in the bytes written, from its position
   * @param settings the settings the model is to score with
   * @param shared as for the other {@code readFrom}
   * @param byCode given a code the writer's {@code codes} gave, the thread or answer id it
   *     stands for (null if none does: the model is refused); called from the reading thread
   * @return the model, or null as for the other {@code readFrom}
   * @throws IOException if the bytes are not such a model
   */
  public static ExpertiseModel readFrom(ByteBuffer in, ExpertiseSettings settings,
      UnaryOperator<Object> shared, IntFunction<ContentRef> byCode) throws IOException {
    return ModelCodec.read(in, settings, shared, byCode, null);
  }

  /**
   * As {@link #readFrom(ByteBuffer, ExpertiseSettings, UnaryOperator, IntFunction)}, where the
   * codes are the engine's content codes (twice a thread's row code, twice an answer's and one
   * more): each answer and thread with a row is then held by its row's code, not by its id, and
   * found by {@code answerCodes} and {@code threadCodes} once read (as {@link
   * #rowsFrom(ToIntFunction, ToIntFunction)} sets them).
   *
   * @param in the bytes written, from its position
   * @param settings the settings the model is to score with
   * @param shared as for the other {@code readFrom}
   * @param byCode as for the other {@code readFrom}: content codes
   * @param answerCodes given an answer's id, its row's code, or -1; called only after the read
   * @param threadCodes given a thread's id, its row's code, or -1; called only after the read
   * @return the model, or null as for the other {@code readFrom}
   * @throws IOException if the bytes are not such a model
   */
  public static ExpertiseModel readFrom(ByteBuffer in, ExpertiseSettings settings,
      UnaryOperator<Object> shared, IntFunction<ContentRef> byCode,
      ToIntFunction<Object> answerCodes, ToIntFunction<Object> threadCodes) throws IOException {
    ExpertiseModel model = ModelCodec.read(in, settings, shared, byCode,
        Objects.requireNonNull(answerCodes, "answerCodes"));
    if (model != null) {
      model.threads.rowsFrom(Objects.requireNonNull(threadCodes, "threadCodes"));
    }
    return model;
  }

  /**
   * Everything this model holds as bytes in the form of {@link #writeTo}: two models with equal
   * contents fold any further events to the same state; for snapshot tests.
   */
  public byte[] contents() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Ranks the people who know about {@code topics} and the threads {@code hits} found, counting
   * only evidence in spaces {@code visible} accepts (and evidence outside spaces).
   *
   * @param viewer who asks
   * @param viewerProfile the asker's profile, or null
   * @param topics the query's topics (given or suggested)
   * @param hits similar threads from the search index, already limited to what the viewer reads
   * @param visible the spaces the viewer may read
   * @param profiles looks up a candidate's profile (null if unknown)
   * @param options the query's options
   * @param now the time to decay to
   */
  public List<ExpertCandidate> whoKnows(PersonId viewer,
      PersonProfile viewerProfile, List<Tag> topics, List<SearchHit> hits,
      Predicate<SpaceId> visible, Function<PersonId, PersonProfile> profiles,
      WhoKnowsOptions options, Instant now) {
    return whoKnows(viewer, viewerProfile, topics, hits, visible, profiles, options, now,
        null, false);
  }

  /**
   * Like {@link #whoKnows(PersonId, PersonProfile, List, List, Predicate, Function,
   * WhoKnowsOptions, Instant)}, suggesting only people {@code eligible} accepts (routing a
   * question: those who can read it; null for everyone), checked for those the ranking reaches.
   * With {@code fewEligible} (a members-only space's question: it admits few of those who know,
   * and answers cheaply) it is also checked for every candidate before the topic pool is cut,
   * where more people know the topics than the pool keeps, so that the pool holds those who
   * may be asked.
   */
  public List<ExpertCandidate> whoKnows(PersonId viewer,
      PersonProfile viewerProfile, List<Tag> topics, List<SearchHit> hits,
      Predicate<SpaceId> visible, Function<PersonId, PersonProfile> profiles,
      WhoKnowsOptions options, Instant now, Predicate<PersonId> eligible, boolean fewEligible) {
    return whoKnows(viewer, viewerProfile, topics, hits, visible, profiles, options, now,
        eligible, fewEligible, List.of());
  }

  /**
   * Like {@link #whoKnows(PersonId, PersonProfile, List, List, Predicate, Function,
   * WhoKnowsOptions, Instant, Predicate, boolean)}, scoring a person whose accounts are linked on
   * the evidence of all of them together, named under the one that scores best on its own of
   * those that may be suggested. {@code persons}: each person with linked accounts, as all of
   * their accounts (empty when none are linked).
   */
  public List<ExpertCandidate> whoKnows(PersonId viewer,
      PersonProfile viewerProfile, List<Tag> topics, List<SearchHit> hits,
      Predicate<SpaceId> visible, Function<PersonId, PersonProfile> profiles,
      WhoKnowsOptions options, Instant now, Predicate<PersonId> eligible, boolean fewEligible,
      List<List<PersonId>> persons) {
    return new WhoKnows(this, visible, now.toEpochMilli(), true, eligible, fewEligible, persons)
        .rank(viewer, viewerProfile, topics, hits, profiles, options,
            options.mix() != null ? options.mix() : settings.mix());
  }
}
