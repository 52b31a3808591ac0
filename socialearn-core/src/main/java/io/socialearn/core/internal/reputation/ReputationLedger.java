package io.socialearn.core.internal.reputation;

import io.socialearn.api.event.AcceptanceRevoked;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.BountyAwarded;
import io.socialearn.api.event.BountyOffered;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.MadeCommunityWiki;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.ProfileUpdated;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ReputationAdjusted;
import io.socialearn.api.event.SuggestedEditApproved;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.reputation.ReputationChange;
import io.socialearn.api.reputation.ReputationHistory;
import io.socialearn.api.reputation.ReputationReason;
import io.socialearn.api.reputation.ReputationScore;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.internal.CompactMap;
import io.socialearn.core.reputation.ReputationRules;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The reputation projection: folds votes, accepts, bounties, approved suggested edits and
 * deletions through {@link ReputationRules} into each person's score and history.
 *
 * <p>Votes on a community-wiki post, cast after it became one, earn and cost its author nothing,
 * and an accept of a community-wiki answer earns its author nothing (the asker still earns);
 * a voter still pays for voting an answer down.
 *
 * <p>An approved suggested edit keeps its reward when the post is later deleted (the edit was
 * reviewed work; we believe Stack Exchange does the same, though its help centre only says that
 * deleting a post takes back the reputation of its votes); so its fact names no source post.
 *
 * <p>Reversals (a vote taken back, an accept moved or revoked, a post deleted) remove the facts
 * they reverse and refold the people concerned, so every score is exactly what it would be had
 * the reversed events never counted, across the daily cap and the floor too. Rebuilding from the
 * log with other rules recomputes everyone.
 *
 * <p>So too for damping: an accept's weight within a reciprocal pair depends on the accepts
 * before it, so a reversed accept (revoked, moved, or gone with its post or thread) has each
 * later accept of its asker's, given or received, weighed afresh as if it had never been; the
 * accepts a ledger weighs are known from its facts, so snapshots hold nothing more for them.
 *
 * <p>The engine owns one and feeds it every recorded event; hosts read reputation through {@code
 * SocialLearning}. Not thread-safe: the engine guards it with its lock.
 */
public final class ReputationLedger {
  private static final FactKind[] KINDS = FactKind.values();

  private final ReputationRules rules;
  /**
   * Each person's facts, in order of their first fact: linked, so that the facts' order (in
   * {@link #image()}, and so in snapshots) does not depend on how the map was filled.
   */
  private final Map<PersonId, PersonLedger> people = new LinkedHashMap<>();
  /** Who asked each thread: the accepter's bonus goes to the asker. */
  private final CompactMap<ThreadId, PersonId> askers = new CompactMap<>();
  /**
   * Each thread's answers, so deleting a thread reverses its answers' reputation too: a PostId
   * when one (no list for a thread of one answer), else a PostId[] in the order they came.
   */
  private final CompactMap<ThreadId, Object> answersOf = new CompactMap<>();
  /** Each person's manager, from the profiles, for reporting-line damping. */
  private final Map<PersonId, PersonId> managers = new HashMap<>();
  /** How many answers each person accepted, by whose answers they were. */
  private final Map<PersonId, Map<PersonId, Integer>> accepted = new HashMap<>();
  /**
   * The accepts {@link #accepted} counts, each under its asker and its answerer in log order, so
   * that a reversed accept's asker's later accepts are weighed afresh (see {@link #reweigh}).
   */
  private final Map<PersonId, List<Accept>> acceptsWith = new HashMap<>();
  /** The community-wiki posts, in the order they became so: votes on them earn nothing. */
  private final Set<ContentRef> wikis = new LinkedHashSet<>();
  /**
   * The people with a fact about each post, so a deletion knows whom to refold, by their codes
   * in {@link #codes}. The post's author, as {@link #authorOf} gives it, is left out (a deletion
   * refolds the author anyway), so most posts, whose only facts are their author's, have no
   * entry.
   */
  private final Concerned concerned = new Concerned();
  /**
   * The codes of the people and posts the facts name, shared by every {@link PersonLedger} here
   * (so replaced, not emptied, when another ledger's people are taken over with theirs).
   */
  private IdCodes codes = new IdCodes();
  /** The id instances to keep (see {@link #shareIds}). */
  private UnaryOperator<Object> shared = UnaryOperator.identity();
  /** The rows the ledger codes posts by, if any (see {@link #rowsFrom}). */
  private Rows rows;
  /** Each post's author, or null where unknown (see {@link #authorsFrom}). */
  private Function<ContentRef, PersonId> authorOf = ref -> null;
  /**
   * The caller's threads, which then hold the askers and answers instead of {@link #askers} and
   * {@link #answersOf} (see {@link #threadsFrom}); null while the ledger keeps its own.
   */
  private Threads threads;

  /**
   * An accept that counts between an asker and another person, as its facts have it.
   *
   * @param sequence the log sequence that recorded it
   * @param asker who accepted
   * @param answerer whose answer it is, or null if unknown (a snapshot's accept of a
   *     community-wiki answer, read by a ledger not told the authors: {@link #authorsFrom})
   * @param thread the thread (null only if a snapshot's fact names none)
   * @param answer the answer (likewise)
   * @param line whether it was damped along a reporting line when accepted
   */
  private record Accept(long sequence, PersonId asker, PersonId answerer, ContentRef thread,
      ContentRef answer, boolean line) {}

  /** What a fact belongs to, so that a reversal finds it. */
  public enum FactKind {
    /** A vote: {@code other} is the voter, {@code keyRef} the post voted on. */
    VOTE,
    /** An accept: {@code keyRef} is the thread, the source the accepted answer. */
    ACCEPT,
    /** A bounty offered or earned: {@code keyRef} is the thread. */
    BOUNTY,
    /** An approved suggested edit. */
    EDIT,
    /** An adjustment by an administrator or the system. */
    ADJUSTMENT
  }

  /**
   * One fact of a person's reputation, as a snapshot holds it.
   *
   * @param person whose fact
   * @param kind what it belongs to, so that a reversal finds it
   * @param other the other person of the fact (a vote's voter), or null
   * @param keyRef the post or thread the fact belongs to (see {@link FactKind}), or null
   * @param sequence the log sequence that recorded it
   * @param at when
   * @param reason why
   * @param source the post it concerns, or null
   * @param points what it is worth before cap and floor
   * @param capped whether it counts towards the daily cap
   */
  public record FactRow(PersonId person, FactKind kind, PersonId other, ContentRef keyRef,
      long sequence, Instant at, ReputationReason reason, ContentRef source, int points,
      boolean capped) {}

  /**
   * Everything the ledger holds, for a snapshot: the rules its facts were valued with, every fact
   * in log order per person, each thread's asker and each thread's answers.
   *
   * @param rules the rules the facts' points come from
   * @param facts the facts
   * @param askers each thread's asker
   * @param answers each thread's answers
   * @param managers each person's manager
   * @param accepted how many answers each person accepted, by whose answers they were
   * @param wikis the community-wiki posts (null in snapshots from before they existed)
   */
  public record Image(ReputationRules rules, List<FactRow> facts, Map<ThreadId, PersonId> askers,
      Map<ThreadId, List<PostId>> answers, Map<PersonId, PersonId> managers,
      Map<PersonId, Map<PersonId, Integer>> accepted, List<ContentRef> wikis) {}

  /**
   * Keeps, in the facts folded from events from now on, the id instances {@code shared} gives
   * for the ids the events bring (a person, thread or post id): the engine passes the one its
   * read models hold, so that a fact does not keep its own copy of a post id read from the log.
   *
   * @param shared given an id, an equal instance to keep, or the id itself
   */
  public void shareIds(UnaryOperator<Object> shared) {
    this.shared = Objects.requireNonNull(shared, "shared");
  }

  /**
   * Lets the ledger ask for the author of a thread or answer rather than remember, for each post,
   * that its author has facts about it: the engine passes its rows' authors. Results are the same
   * with or without it; only the heap differs.
   *
   * @param authors given a thread or answer, the author the events that made it named, or null
   *     if unknown; for any post, always the same answer once not null
   */
  public void authorsFrom(Function<ContentRef, PersonId> authors) {
    this.authorOf = Objects.requireNonNull(authors, "authors");
  }

  /**
   * The caller's threads, each with its asker and its answers, as the events that made them
   * named them: the engine's rows. A ledger given them keeps no map of its own of who asked each
   * thread and which answers it has (a quarter of a million threads each at a million posts,
   * with three quarters of a million answer ids), and a snapshot it writes holds none.
   */
  public interface Threads {
    /**
     * Who started {@code thread}.
     *
     * @param thread a thread
     * @return its asker, or null if no thread started with that id
     */
    PersonId askerOf(ThreadId thread);

    /**
     * The answers posted to {@code thread}, deleted or not, in the order they were posted.
     *
     * @param thread a thread
     * @return its answers, none for a thread without any (or without a row)
     */
    List<PostId> answersOf(ThreadId thread);

    /**
     * Calls {@code action} with every thread started, in the order they were started.
     *
     * @param action what to call
     */
    void forEachThread(Consumer<ThreadId> action);
  }

  /**
   * Asks {@code threads} for each thread's asker and answers from now on instead of keeping them
   * (see {@link Threads}); results are the same either way, as long as the threads have seen the
   * events this ledger folds, before it folds them (the engine applies each event to its rows
   * first). A snapshot read by {@link #readFrom} then leaves the askers and answers it may hold
   * (an older form wrote them): the threads have them.
   *
   * @param threads the caller's threads
   * @throws IllegalStateException if the ledger already holds askers or answers of its own
   */
  public void threadsFrom(Threads threads) {
    if (!askers.isEmpty() || !answersOf.isEmpty()) {
      throw new IllegalStateException("the ledger holds askers or answers of its own already");
    }
    this.threads = Objects.requireNonNull(threads, "threads");
  }

  /** Who asked {@code thread}, or null if unknown. */
  private PersonId askerOf(ThreadId thread) {
    return threads != null ? threads.askerOf(thread) : askers.get(thread);
  }

  /** The answers of {@code thread}. */
  private List<PostId> answersOf(ThreadId thread) {
    return threads != null ? threads.answersOf(thread) : answers(answersOf.get(thread));
  }

  /**
   * The caller's rows of threads and answers, each with a content code that never changes while
   * the row lives and that a snapshot read back gives it again (the engine's: its place among the
   * rows in the order they were made). The ledger codes the posts of its facts by them, so that
   * it needs no table of its own for them.
   */
  public interface Rows {
    /**
     * The content code of {@code ref}'s row.
     *
     * @param ref a thread or answer
     * @return its code, 0 or more, or -1 if it has no row
     */
    int codeOf(ContentRef ref);

    /**
     * The thread or answer whose row has content code {@code code}.
     *
     * @param code a content code, any int
     * @return the id, or null if no row has the code
     */
    ContentRef byCode(int code);

    /**
     * Whether a row has content code {@code code}: as {@code byCode(code) != null}, which it
     * calls unless overridden (a snapshot read asks this for each of millions of facts).
     *
     * @param code a content code, any int
     * @return whether a row has it
     */
    default boolean has(int code) {
      return byCode(code) != null;
    }
  }

  /**
   * Codes the threads and answers of facts folded from now on by their rows in {@code rows},
   * and reads a snapshot's row codes by them ({@link #readFrom}): the engine passes its rows, so
   * that the ledger keeps no table of a million posts. Results are the same with or without it.
   *
   * @param rows the caller's rows
   */
  public void rowsFrom(Rows rows) {
    this.rows = Objects.requireNonNull(rows, "rows");
    codes.rowsFrom(rows);
  }

  /** Creates an empty ledger that applies {@code rules}. */
  public ReputationLedger(ReputationRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /**
   * Drops the room each person's fact columns keep for more facts, so that a store just opened
   * holds only what it has; the ledger's results are unchanged. Not thread-safe, as the rest.
   */
  public void trimToSize() {
    people.values().forEach(PersonLedger::trim);
  }

  /** The rules this ledger applies. */
  public ReputationRules rules() {
    return rules;
  }

  /** Folds one recorded event; events that do not touch reputation are ignored. */
  public void apply(RecordedEvent recorded) {
    DomainEvent e = recorded.event();
    long seq = recorded.sequence();
    Instant at = recorded.timestamp();
    if (e instanceof PersonRegistered p) {
      setManager(p.profile().id(), p.profile().manager());
    } else if (e instanceof ProfileUpdated p) {
      setManager(p.profile().id(), p.profile().manager());
    } else if (e instanceof ThreadStarted t) {
      if (threads == null) {
        askers.put((ThreadId) shared.apply(t.thread()), (PersonId) shared.apply(t.author()));
      }
    } else if (e instanceof AnswerPosted a) {
      if (threads == null) {
        addAnswer((ThreadId) shared.apply(a.thread()), (PostId) shared.apply(a.post()));
      }
    } else if (e instanceof VoteCast v) {
      castVote(v, seq, at);
    } else if (e instanceof VoteRetracted v) {
      // By codes: a vote's facts name its voter and its post; none if either has no code.
      int voter = codes.existingCode(v.voter());
      int target = codes.existingCode(v.target());
      if (voter != IdCodes.NONE && target != IdCodes.NONE) {
        for (PersonId person : new PersonId[] {v.contentAuthor(), v.voter()}) {
          PersonLedger ledger = people.get(person);
          if (ledger != null) {
            ledger.removeVotes(voter, target);
          }
        }
      }
    } else if (e instanceof AnswerAccepted a) {
      PersonId asker = askerOf(a.thread());
      boolean wiki = wikis.contains(a.answer());
      if (!a.answerAuthor().equals(asker)) {
        double weight = 1;
        if (asker != null) {
          accepted.computeIfAbsent(asker, k -> new HashMap<>())
              .merge(a.answerAuthor(), 1, Integer::sum);
          weight = weight(asker, a.answerAuthor(), true);
          note(new Accept(seq, (PersonId) shared.apply(asker),
              (PersonId) shared.apply(a.answerAuthor()), (ContentRef) shared.apply(a.thread()),
              (ContentRef) shared.apply(a.answer()), line(asker, a.answerAuthor())));
        }
        if (!wiki) {
          add(a.answerAuthor(), FactKind.ACCEPT, null, a.thread(), seq, at,
              ReputationReason.ANSWER_ACCEPTED, a.answer(), damp(rules.acceptReceived(), weight),
              false);
        }
        if (asker != null) {
          add(asker, FactKind.ACCEPT, null, a.thread(), seq, at, ReputationReason.ACCEPTED_ANSWER,
              a.answer(), damp(rules.acceptGiven(), weight), false);
        }
      }
    } else if (e instanceof AcceptanceRevoked a) {
      PersonLedger.Match accept = (kind, other, keyRef, source) ->
          kind == FactKind.ACCEPT.ordinal() && a.thread().equals(keyRef)
              && a.answer().equals(source);
      PersonId askedBy = askerOf(a.thread());
      Accept revoked = null;
      if (askedBy != null && !askedBy.equals(a.answerAuthor())) {
        uncount(askedBy, a.answerAuthor());
        revoked = forget(askedBy, held -> a.thread().equals(held.thread())
            && a.answer().equals(held.answer()));
      }
      remove(a.answerAuthor(), accept);
      PersonId asker = askerOf(a.thread());
      if (asker != null) {
        remove(asker, accept);
      }
      if (revoked != null) {
        reweigh(revoked.asker(), revoked.sequence());
      }
    } else if (e instanceof BountyOffered b) {
      add(b.offeredBy(), FactKind.BOUNTY, null, b.thread(), seq, at,
          ReputationReason.BOUNTY_OFFERED, b.thread(), -b.amount(), false);
    } else if (e instanceof BountyAwarded b) {
      add(b.answerAuthor(), FactKind.BOUNTY, null, b.thread(), seq, at,
          ReputationReason.BOUNTY_EARNED, b.answer(), b.amount(), false);
    } else if (e instanceof MadeCommunityWiki w) {
      wikis.add(w.target());
    } else if (e instanceof SuggestedEditApproved s) {
      add(s.suggestedBy(), FactKind.EDIT, null, null, seq, at, ReputationReason.EDIT_APPROVED,
          null, rules.suggestedEditApproved(), true);
    } else if (e instanceof ReputationAdjusted r) {
      add(r.person(), FactKind.ADJUSTMENT, null, null, seq, at, ReputationReason.ADJUSTMENT,
          null, r.delta(), false);
    } else if (e instanceof PostDeleted d) {
      reverseSources(Set.of(d.post()));
    } else if (e instanceof ThreadDeleted d) {
      Set<ContentRef> sources = new HashSet<>();
      sources.add(d.thread());
      sources.addAll(answersOf(d.thread()));
      reverseSources(sources);
    }
  }

  private void addAnswer(ThreadId thread, PostId post) {
    answersOf.merge(thread, post, (held, more) -> {
      PostId[] many = held instanceof PostId[] array ? array : new PostId[] {(PostId) held};
      PostId[] grown = Arrays.copyOf(many, many.length + 1);
      grown[many.length] = (PostId) more;
      return grown;
    });
  }

  /** A thread's answers as {@link #answersOf} holds them (null for none), as a list. */
  private static List<PostId> answers(Object held) {
    return held == null ? List.of()
        : held instanceof PostId[] many ? List.of(many) : List.of((PostId) held);
  }

  private void setManager(PersonId person, PersonId manager) {
    if (manager == null) {
      managers.remove(person);
    } else {
      managers.put(person, manager);
    }
  }

  /**
   * How much a vote or accept between two people counts: damped along a reporting line and, for
   * accepts, within a reciprocal accept pair.
   */
  private double weight(PersonId from, PersonId to, boolean accept) {
    double weight = 1;
    if (line(from, to)) {
      weight *= rules.damping().reportingLine();
    }
    if (accept && reciprocal(from, to)) {
      weight *= rules.damping().reciprocalAccepts();
    }
    return weight;
  }

  /** Whether one of two people is the other's manager. */
  private boolean line(PersonId from, PersonId to) {
    return to.equals(managers.get(from)) || from.equals(managers.get(to));
  }

  /** Whether each accepted the other's answers at least the minimum, making half their accepts. */
  private boolean reciprocal(PersonId a, PersonId b) {
    return mostlyAccepts(a, b) && mostlyAccepts(b, a);
  }

  private boolean mostlyAccepts(PersonId asker, PersonId answerer) {
    Map<PersonId, Integer> byAnswerer = accepted.get(asker);
    if (byAnswerer == null) {
      return false;
    }
    int toAnswerer = byAnswerer.getOrDefault(answerer, 0);
    int total = byAnswerer.values().stream().mapToInt(Integer::intValue).sum();
    return toAnswerer >= rules.damping().ringMinimum() && 2 * toAnswerer >= total;
  }

  private static int damp(int points, double weight) {
    return (int) Math.round(points * weight);
  }

  private void castVote(VoteCast v, long seq, Instant at) {
    boolean question = v.target() instanceof ThreadId;
    double weight = weight(v.voter(), v.contentAuthor(), false);
    boolean wiki = wikis.contains(v.target());
    if (wiki && v.direction() == VoteDirection.UP) {
      return;
    }
    if (v.direction() == VoteDirection.UP) {
      add(v.contentAuthor(), FactKind.VOTE, v.voter(), v.target(), seq, at,
          question ? ReputationReason.QUESTION_UPVOTED : ReputationReason.ANSWER_UPVOTED,
          v.target(), damp(question ? rules.questionUpvote() : rules.answerUpvote(), weight),
          true);
    } else {
      if (!wiki) {
        add(v.contentAuthor(), FactKind.VOTE, v.voter(), v.target(), seq, at,
            question ? ReputationReason.QUESTION_DOWNVOTED : ReputationReason.ANSWER_DOWNVOTED,
            v.target(), -damp(rules.downvoteReceived(), weight), false);
      }
      if (!question) {
        add(v.voter(), FactKind.VOTE, v.voter(), v.target(), seq, at,
            ReputationReason.DOWNVOTED_ANSWER, v.target(), -rules.answerDownvoteCast(), false);
      }
    }
  }

  private void reverseSources(Set<ContentRef> sources) {
    Set<PersonId> touched = new LinkedHashSet<>();
    for (ContentRef source : sources) {
      PersonId author = authorOf.apply(source);
      if (author != null) {
        touched.add(author);
      }
      for (int person : concerned.people(codes.existingCode(source))) {
        touched.add((PersonId) codes.id(person));
      }
    }
    // By codes: a source without one is named by no fact.
    int[] codesOfSources = sources.stream().mapToInt(codes::existingCode)
        .filter(code -> code != IdCodes.NONE).sorted().toArray();
    if (codesOfSources.length == 0) {
      return;
    }
    // The accepts of the posts go with their facts (a thread deleted with its accepted answer):
    // each is under its asker and answerer, one of whom is touched (the author, or concerned).
    List<Accept> gone = new ArrayList<>();
    for (PersonId person : touched) {
      for (Accept e : acceptsWith.getOrDefault(person, List.of())) {
        if ((e.thread() != null && sources.contains(e.thread())
            || e.answer() != null && sources.contains(e.answer())) && !gone.contains(e)) {
          gone.add(e);
        }
      }
    }
    for (Accept e : gone) {
      if (e.answerer() != null) {
        uncount(e.asker(), e.answerer());
      }
      forget(e.asker(), e::equals);
    }
    for (PersonId person : touched) {
      PersonLedger ledger = people.get(person);
      if (ledger != null) {
        ledger.removeSources(codesOfSources);
      }
    }
    for (Accept e : gone) {
      reweigh(e.asker(), e.sequence());
    }
  }

  /** Takes one off the answers {@code asker} accepted of {@code answerer}'s. */
  private void uncount(PersonId asker, PersonId answerer) {
    Map<PersonId, Integer> counts = accepted.get(asker);
    if (counts != null) {
      counts.computeIfPresent(answerer, (k, n) -> n > 1 ? n - 1 : null);
      if (counts.isEmpty()) {
        accepted.remove(asker);
      }
    }
  }

  /**
   * Notes an accept that counts, under its asker and its answerer; only under rules that damp
   * accepts within a reciprocal pair, the only ones that weigh accepts afresh (a ledger under the
   * others keeps nothing per accept: a million posts' accepts would take some 20 MB).
   */
  private void note(Accept accept) {
    if (!damped()) {
      return;
    }
    acceptsWith.computeIfAbsent(accept.asker(), k -> new ArrayList<>()).add(accept);
    if (accept.answerer() != null) {
      acceptsWith.computeIfAbsent(accept.answerer(), k -> new ArrayList<>()).add(accept);
    }
  }

  /**
   * Forgets the first of {@code asker}'s accepts (given or received) that {@code which} matches.
   *
   * @return the accept forgotten, or null if none matched
   */
  private Accept forget(PersonId asker, Predicate<Accept> which) {
    List<Accept> with = acceptsWith.get(asker);
    Accept found = with == null ? null
        : with.stream().filter(e -> e.asker().equals(asker) && which.test(e)).findFirst()
            .orElse(null);
    if (found != null) {
      for (PersonId person : Arrays.asList(found.asker(), found.answerer())) {
        List<Accept> list = person == null ? null : acceptsWith.get(person);
        if (list != null) {
          list.remove(found);
          if (list.isEmpty()) {
            acceptsWith.remove(person);
          }
        }
      }
    }
    return found;
  }

  /**
   * Weighs afresh each of {@code person}'s accepts (given or received) after {@code sequence},
   * once an accept of theirs at {@code sequence} no longer counts: whether two people are a
   * reciprocal pair at an accept depends on the asker's and the answerer's accepts up to it, and
   * only {@code person}'s changed. Their facts get the points a ledger that never had the
   * reversed accept gives them, and those whose points change are refolded.
   */
  private void reweigh(PersonId person, long sequence) {
    if (!damped()) {
      return;
    }
    Map<PersonId, Map<Long, Integer>> points = new LinkedHashMap<>();
    // Counted as the person's accepts go by, in log order: what they accepted in all and of
    // whose answers, and whose accepts of theirs; the other side's accepts in all come from a
    // binary search of that person's accepts, listed once. Not a walk of both lists per accept.
    int given = 0;
    Map<PersonId, Integer> theirs = new HashMap<>();
    Map<PersonId, Integer> ofTheirs = new HashMap<>();
    Map<PersonId, long[]> givenBy = new HashMap<>();
    for (Accept e : acceptsWith.getOrDefault(person, List.of())) {
      PersonId other;
      if (e.asker().equals(person)) {
        given++;
        other = e.answerer();
        if (other != null) {
          theirs.merge(other, 1, Integer::sum);
        }
      } else {
        other = e.asker();
        ofTheirs.merge(other, 1, Integer::sum);
      }
      if (e.sequence() <= sequence || e.answerer() == null) {
        continue;
      }
      int toOther = theirs.getOrDefault(other, 0);
      int fromOther = ofTheirs.getOrDefault(other, 0);
      long[] otherGave = givenBy.computeIfAbsent(other, this::givenSequences);
      int otherGiven = upTo(otherGave, e.sequence());
      int min = rules.damping().ringMinimum();
      boolean reciprocal = toOther >= min && 2 * toOther >= given
          && fromOther >= min && 2 * fromOther >= otherGiven;
      double weight = (e.line() ? rules.damping().reportingLine() : 1)
          * (reciprocal ? rules.damping().reciprocalAccepts() : 1);
      points.computeIfAbsent(e.asker(), k -> new HashMap<>())
          .put(e.sequence(), damp(rules.acceptGiven(), weight));
      points.computeIfAbsent(e.answerer(), k -> new HashMap<>())
          .put(e.sequence(), damp(rules.acceptReceived(), weight));
    }
    points.forEach((who, bySequence) -> {
      PersonLedger ledger = people.get(who);
      if (ledger != null) {
        ledger.setAcceptPoints(bySequence);
      }
    });
  }

  /** The sequences of the accepts {@code asker} gave, in order. */
  private long[] givenSequences(PersonId asker) {
    return acceptsWith.getOrDefault(asker, List.of()).stream()
        .filter(e -> e.asker().equals(asker)).mapToLong(Accept::sequence).toArray();
  }

  /** How many of the ascending {@code sequences} are at most {@code sequence}. */
  private static int upTo(long[] sequences, long sequence) {
    int found = Arrays.binarySearch(sequences, sequence);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** Whether the rules damp accepts within a reciprocal pair. */
  private boolean damped() {
    return rules.damping().reciprocalAccepts() != 1;
  }

  /** An accept's fact, as {@link #deriveAccepts} reads it. */
  private record AcceptFact(long sequence, PersonId person, ContentRef thread, ContentRef answer,
      int points) {}

  /**
   * Works out the accepts that count from the facts, after a snapshot's were read: each is the
   * asker's fact of it, with the answerer's fact of the same sequence (none for a community-wiki
   * answer: then the answer's author). Whether one was damped along a reporting line is told by
   * its points, against the weight within a pair the accepts before it give; should both give
   * the same points (a community-wiki answer's, for the asker alone), by the managers now. The
   * counts of {@link #accepted} are then those of the accepts, if all their answerers are known.
   */
  private void deriveAccepts() {
    acceptsWith.clear();
    if (!damped()) {
      return;
    }
    Map<Long, AcceptFact> received = new HashMap<>();
    List<AcceptFact> given = new ArrayList<>();
    people.forEach((person, ledger) -> ledger.forEachAccept((kind, other, keyRef, sequence,
        atNanos, reason, source, points, capped) -> {
      AcceptFact fact = new AcceptFact(sequence, person, keyRef, source, points);
      if (reason == ReputationReason.ACCEPTED_ANSWER) {
        given.add(fact);
      } else {
        received.put(sequence, fact);
      }
    }));
    given.sort((x, y) -> Long.compare(x.sequence(), y.sequence()));
    boolean complete = true;
    // Who accepted how many, and of whose answers, up to the accept at hand: counted as the
    // accepts go by, in log order, rather than by walking each person's accepts for each.
    Map<PersonId, Integer> total = new HashMap<>();
    Map<PersonId, Map<PersonId, Integer>> pairs = new HashMap<>();
    for (AcceptFact g : given) {
      AcceptFact r = received.get(g.sequence());
      PersonId answerer = r != null ? r.person()
          : g.answer() == null ? null : authorOf.apply(g.answer());
      total.merge(g.person(), 1, Integer::sum);
      if (answerer == null || answerer.equals(g.person())) {
        complete = false;
        note(new Accept(g.sequence(), g.person(), null, g.thread(), g.answer(), false));
        continue;
      }
      pairs.computeIfAbsent(g.person(), k -> new HashMap<>()).merge(answerer, 1, Integer::sum);
      boolean reciprocal = mostly(pairs, total, g.person(), answerer)
          && mostly(pairs, total, answerer, g.person());
      Integer pointsReceived = r == null ? null : r.points();
      int fits = fits(g.points(), pointsReceived, reciprocal);
      if (fits == 0) {
        // Weighed before reversals weighed accepts afresh: the other weight within a pair.
        fits = fits(g.points(), pointsReceived, !reciprocal);
      }
      boolean line = fits == 2 || fits != 1 && line(g.person(), answerer);
      note(new Accept(g.sequence(), g.person(), answerer, g.thread(), g.answer(), line));
    }
    if (complete) {
      accepted.clear();
      acceptsWith.forEach((person, with) -> with.stream()
          .filter(e -> e.asker().equals(person))
          .forEach(e -> accepted.computeIfAbsent(person, k -> new HashMap<>())
              .merge(e.answerer(), 1, Integer::sum)));
    }
  }

  /** As {@link #mostlyAccepts}, from running counts of accepts: in all and by answerer. */
  private boolean mostly(Map<PersonId, Map<PersonId, Integer>> pairs,
      Map<PersonId, Integer> total, PersonId asker, PersonId answerer) {
    int toAnswerer = pairs.getOrDefault(asker, Map.of()).getOrDefault(answerer, 0);
    return toAnswerer >= rules.damping().ringMinimum()
        && 2 * toAnswerer >= total.getOrDefault(asker, 0);
  }

  /**
   * Which reporting-line weights give an accept's points, within a pair or not: 1 if only none,
   * 2 if only the line's, 3 if both, 0 if neither.
   *
   * @param given the asker's points
   * @param received the answerer's points, or null if they have no fact of it
   */
  private int fits(int given, Integer received, boolean reciprocal) {
    int fits = 0;
    for (int line = 0; line < 2; line++) {
      double weight = (line == 1 ? rules.damping().reportingLine() : 1)
          * (reciprocal ? rules.damping().reciprocalAccepts() : 1);
      if (damp(rules.acceptGiven(), weight) == given
          && (received == null || damp(rules.acceptReceived(), weight) == received)) {
        fits |= 1 << line;
      }
    }
    return fits;
  }

  /** A fact from an event: its ids are swapped for the ones the other read models hold. */
  private void add(PersonId person, FactKind kind, PersonId other, ContentRef keyRef, long seq,
      Instant at, ReputationReason reason, ContentRef source, int points, boolean capped) {
    append((PersonId) shared.apply(person), kind, (PersonId) shared(other),
        (ContentRef) shared(keyRef), seq, PersonLedger.nanos(at), reason,
        (ContentRef) shared(source), points, capped);
  }

  private Object shared(Object id) {
    return id == null ? null : shared.apply(id);
  }

  private void append(PersonId person, FactKind kind, PersonId other, ContentRef keyRef,
      long seq, long atNanos, ReputationReason reason, ContentRef source, int points,
      boolean capped) {
    people.computeIfAbsent(person, p -> new PersonLedger(p, rules, codes))
        .add(kind.ordinal(), other, keyRef, seq, atNanos, reason, source, points, capped);
    concern(person, source, source == null ? null : authorOf.apply(source));
  }

  /** Notes that {@code person} has a fact about {@code source}, if they did not write it. */
  private void concern(PersonId person, ContentRef source, PersonId sourceAuthor) {
    if (source != null && !person.equals(sourceAuthor)) {
      concerned.add(codes.codeOf(source), codes.codeOf(person));
    }
  }

  private void remove(PersonId person, PersonLedger.Match match) {
    PersonLedger ledger = people.get(person);
    if (ledger != null) {
      ledger.remove(match);
    }
  }

  /** The ledger's contents as an {@link Image}, for a snapshot. */
  public Image image() {
    List<FactRow> rows = new ArrayList<>();
    forEachFact(rows::add);
    Map<ThreadId, PersonId> asked = new HashMap<>();
    Map<ThreadId, List<PostId>> answers = new HashMap<>();
    if (threads == null) {
      asked.putAll(askers);
      answersOf.forEach((thread, held) -> answers.put(thread, answers(held)));
    } else {
      threads.forEachThread(thread -> {
        asked.put(thread, threads.askerOf(thread));
        List<PostId> own = threads.answersOf(thread);
        if (!own.isEmpty()) {
          answers.put(thread, List.copyOf(own));
        }
      });
    }
    Image rest = imageOfTheRest();
    return new Image(rules, rows, Map.copyOf(asked), Map.copyOf(answers), rest.managers(),
        rest.accepted(), rest.wikis());
  }

  /**
   * The ledger's contents as an {@link Image} without the facts, the askers and the answers
   * (empty there), which {@link #writeTo} writes: for a snapshot's small part.
   *
   * @return the rules, managers, accepts and community-wiki posts
   */
  public Image imageOfTheRest() {
    return new Image(rules, List.of(), Map.of(), Map.of(), Map.copyOf(managers),
        Map.copyOf(accepted), List.copyOf(wikis));
  }

  /**
   * Each fact, as {@link #image()} lists them, handed out one at a time: a snapshot streams the
   * facts (about one per vote) rather than holding them all as rows at once.
   *
   * @param sink receives each fact, in log order per person
   */
  public void forEachFact(Consumer<FactRow> sink) {
    people.keySet().forEach(person -> forEachFactOf(person, sink));
  }

  /**
   * Each of {@code person}'s facts, in log order.
   *
   * @param person whose facts
   * @param sink receives each fact
   */
  public void forEachFactOf(PersonId person, Consumer<FactRow> sink) {
    PersonLedger ledger = people.get(person);
    if (ledger != null) {
      ledger.forEachFact((kind, other, keyRef, sequence, atNanos, reason, source, points,
          capped) -> sink.accept(new FactRow(person, KINDS[kind], other, keyRef, sequence,
          PersonLedger.instant(atNanos), reason, source, points, capped)));
    }
  }

  /** Writes an id (a person, thread or post) as a snapshot names it; see {@link #writeTo}. */
  public interface IdWriter {
    /**
     * Writes one id.
     *
     * @param id a {@link PersonId} or a {@link ContentRef}, never null
     * @throws IOException if the output fails
     */
    void write(Object id) throws IOException;
  }

  /** Reads back an id an {@link IdWriter} wrote; see {@link #readFrom}. */
  public interface IdReader {
    /**
     * Reads one id.
     *
     * @return the {@link PersonId} or {@link ContentRef} written, an instance to keep
     * @throws IOException if the input is damaged
     */
    Object read() throws IOException;
  }

  /**
   * Writes what {@link #imageOfTheRest} leaves out, for a snapshot: each thread's asker and
   * answers, then every fact as whole columns rather than fact by fact (the ids the facts name,
   * each through {@code ids} once, then for each person with facts, in the order {@link
   * #forEachFact} gives them, the person and their fact columns naming those ids by position),
   * then who is concerned by which post. {@link #readFrom} reads it back.
   *
   * @param out where to write
   * @param ids writes one id as the snapshot names it
   * @throws IOException if the output fails
   */
  public void writeTo(DataOutput out, IdWriter ids) throws IOException {
    out.writeInt(askers.size());
    for (Map.Entry<ThreadId, PersonId> e : askers.entrySet()) {
      ids.write(e.getKey());
      ids.write(e.getValue());
    }
    out.writeInt(answersOf.size());
    for (Map.Entry<ThreadId, Object> e : answersOf.entrySet()) {
      ids.write(e.getKey());
      List<PostId> answered = answers(e.getValue());
      out.writeInt(answered.size());
      for (PostId post : answered) {
        ids.write(post);
      }
    }
    boolean[] used = new boolean[codes.size()];
    for (PersonLedger ledger : people.values()) {
      ledger.markCodes(used);
    }
    int[] written = new int[used.length];
    int count = 0;
    for (int c = 0; c < used.length; c++) {
      written[c] = used[c] ? count++ : IdCodes.NONE;
    }
    out.writeInt(count);
    for (int c = 0; c < used.length; c++) {
      if (used[c]) {
        ids.write(codes.id(c));
      }
    }
    out.writeInt(people.size());
    for (Map.Entry<PersonId, PersonLedger> e : people.entrySet()) {
      ids.write(e.getKey());
      e.getValue().writeTo(out, written);
    }
    out.writeInt(concerned.size());
    concerned.<IOException>forEach((post, who) -> {
      ids.write(codes.id(post));
      out.writeInt(who.length);
      for (int person : who) {
        ids.write(codes.id(person));
      }
    });
  }

  /**
   * Reads back what {@link #writeTo} wrote into this ledger, after {@link #restore} of the rest
   * of its image ({@link #imageOfTheRest}); each person's facts are folded.
   *
   * @param in the snapshot, where {@link #writeTo} began
   * @param ids reads one id an {@link IdWriter} wrote
   * @throws IOException if what was written is damaged
   */
  public void readFrom(ByteBuffer in, IdReader ids) throws IOException {
    readFrom(in, ids, FactForm.STREAM);
  }

  /** How a snapshot wrote each person's facts. */
  public enum FactForm {
    /** As columns, with times in nanoseconds (snapshot formats before 19). */
    COLUMNS,
    /** As a stream that writes every fact's points and flags (snapshot format 19). */
    STREAM_EVERY_POINTS,
    /** As a stream that writes each fact's key's code whole (snapshot format 20). */
    STREAM_WHOLE_KEYS,
    /** As {@link #writeTo} writes them now. */
    STREAM
  }

  /**
   * Reads back what {@link #writeTo} wrote, or an older form: facts written as columns with times
   * in nanoseconds (kept to the second as they are read), or as a stream that wrote every fact's
   * points or each fact's key's code whole (encoded afresh as they are read).
   *
   * @param in the snapshot, where {@link #writeTo} began
   * @param ids reads one id an {@link IdWriter} wrote
   * @param form how each person's facts are written
   * @throws IOException if what was written is damaged
   */
  public void readFrom(ByteBuffer in, IdReader ids, FactForm form) throws IOException {
    int asked = count(in, 10, "threads with askers");
    // Given threads, what an older form wrote of askers and answers is read and left.
    CompactMap<ThreadId, PersonId> askers = threads == null ? this.askers : new CompactMap<>();
    CompactMap<ThreadId, Object> answersOf = threads == null ? this.answersOf
        : new CompactMap<>();
    askers.reserve(asked);
    for (int n = 0; n < asked; n++) {
      ThreadId thread = thread(ids.read());
      if (askers.put(thread, person(ids.read())) != null) {
        throw new IOException("the asker of " + thread + " twice");
      }
    }
    int answered = count(in, 14, "threads with answers");
    answersOf.reserve(answered);
    for (int n = 0; n < answered; n++) {
      ThreadId thread = thread(ids.read());
      PostId[] posts = new PostId[count(in, 5, "answers of a thread")];
      for (int i = 0; i < posts.length; i++) {
        if (!(ids.read() instanceof PostId post)) {
          throw new IOException("an answer of " + thread + " is not an answer");
        }
        posts[i] = post;
      }
      if (posts.length == 0
          || answersOf.put(thread, posts.length == 1 ? posts[0] : posts) != null) {
        throw new IOException("the answers of " + thread + " damaged");
      }
    }
    int count = in.getInt();
    // Each id takes at least four bytes.
    if (count < 0 || count > in.remaining() / 4) {
      throw new IOException(count + " ids of reputation facts in " + in.remaining() + " bytes");
    }
    Object[] table = new Object[count];
    for (int i = 0; i < count; i++) {
      Object id = ids.read();
      if (!(id instanceof PersonId) && !(id instanceof ContentRef)) {
        throw new IOException("not the id of a person or a post: " + id);
      }
      table[i] = id;
    }
    codes.restore(table);
    boolean[] persons = new boolean[count];
    for (int i = 0; i < count; i++) {
      persons[i] = table[i] instanceof PersonId;
    }
    for (int holders = count(in, 8, "people with facts"); holders > 0; holders--) {
      PersonId person = person(ids.read());
      if (people.put(person, PersonLedger.read(person, rules, codes, persons, in, form))
          != null) {
        throw new IOException("the facts of " + person + " twice");
      }
    }
    int posts = count(in, 12, "posts with people concerned");
    for (int n = 0; n < posts; n++) {
      Object source = ids.read();
      if (!(source instanceof ContentRef)) {
        throw new IOException("people concerned by " + source + ", not a post");
      }
      int k = count(in, 4, "people concerned by a post");
      int post = codes.codeOf(source);
      if (k == 0 || concerned.has(post)) {
        throw new IOException("the people concerned by " + source + " damaged");
      }
      for (int i = 0; i < k; i++) {
        concerned.add(post, codes.codeOf(person(ids.read())));
      }
    }
    deriveAccepts();
  }

  private static int count(ByteBuffer in, int bytesEach, String what) throws IOException {
    int n = in.getInt();
    if (n < 0 || n > in.remaining() / bytesEach) {
      throw new IOException(n + " " + what + " in " + in.remaining() + " bytes");
    }
    return n;
  }

  private static ThreadId thread(Object id) throws IOException {
    if (id instanceof ThreadId thread) {
      return thread;
    }
    throw new IOException("not a thread's id: " + id);
  }

  private static PersonId person(Object id) throws IOException {
    if (id instanceof PersonId person) {
      return person;
    }
    throw new IOException("not a person's id: " + id);
  }

  /**
   * Appends a fact read back from a snapshot and folds it, as {@link #restore} does for each of
   * an image's facts.
   *
   * @param fact the fact, in log order per person
   */
  public void addFact(FactRow fact) {
    append(fact.person(), fact.kind(), fact.other(), fact.keyRef(), fact.sequence(),
        PersonLedger.nanos(fact.at()), fact.reason(), fact.source(), fact.points(),
        fact.capped());
  }

  /**
   * Takes over the contents of {@code other}, a ledger a snapshot was read into, leaving it
   * empty.
   *
   * @param other the ledger to empty into this one
   * @return false, changing nothing, if {@code other} valued its facts with other rules (then
   *     replay the log instead)
   * @throws IllegalArgumentException if {@code other} asks threads for its askers and answers
   *     ({@link #threadsFrom}) and this ledger does not (nothing is changed then)
   */
  public boolean takeOver(ReputationLedger other) {
    if (!other.rules.equals(rules)) {
      return false;
    }
    if (threads == null && other.threads != null) {
      // Its threads hold its askers and answers, which this ledger would not have.
      throw new IllegalArgumentException("a ledger that asks its threads for askers and answers"
          + " is taken over only by one that does too");
    }
    for (Map<?, ?> map : List.of(people, managers, accepted, acceptsWith)) {
      map.clear();
    }
    people.putAll(other.people);
    acceptsWith.putAll(other.acceptsWith);
    if (threads == null) {
      askers.takeOver(other.askers);
      answersOf.takeOver(other.answersOf);
    } else {
      other.askers.clear();
      other.answersOf.clear();
    }
    managers.putAll(other.managers);
    accepted.putAll(other.accepted);
    concerned.takeOver(other.concerned);
    codes = other.codes;
    // Its row codes are the same in this ledger's rows (the engine takes the rows over too).
    if (rows != null) {
      codes.rowsFrom(rows);
    }
    other.codes = new IdCodes();
    if (other.rows != null) {
      other.codes.rowsFrom(other.rows);
    }
    wikis.clear();
    wikis.addAll(other.wikis);
    for (Map<?, ?> map : List.of(other.people, other.managers, other.accepted,
        other.acceptsWith)) {
      map.clear();
    }
    other.wikis.clear();
    return true;
  }

  /**
   * Replaces the ledger's contents with a snapshot's.
   *
   * @return false, changing nothing, if the image was valued with other rules (then replay the
   *     log instead)
   */
  public boolean restore(Image image) {
    if (!image.rules().equals(rules)) {
      return false;
    }
    people.clear();
    concerned.clear();
    codes.clear();
    askers.clear();
    answersOf.clear();
    // Given threads, they hold the askers and answers (see threadsFrom).
    if (threads == null) {
      askers.putAll(image.askers());
    }
    image.answers().forEach((thread, posts) -> {
      if (threads == null && !posts.isEmpty()) {
        answersOf.put(thread, posts.size() == 1 ? posts.get(0) : posts.toArray(PostId[]::new));
      }
    });
    managers.clear();
    managers.putAll(image.managers());
    wikis.clear();
    if (image.wikis() != null) {
      wikis.addAll(image.wikis());
    }
    accepted.clear();
    image.accepted().forEach((asker, counts) -> accepted.put(asker, new HashMap<>(counts)));
    image.facts().forEach(this::addFact);
    // Without facts (a snapshot's rest, its facts read next by readFrom), its counts stand.
    acceptsWith.clear();
    if (!image.facts().isEmpty()) {
      deriveAccepts();
    }
    return true;
  }

  /** Whether a question or answer is community wiki. */
  public boolean isCommunityWiki(ContentRef target) {
    return wikis.contains(target);
  }

  /** A person's current score ({@link ReputationRules#floor()} for someone with no history). */
  public int score(PersonId person) {
    PersonLedger ledger = people.get(person);
    return ledger == null ? rules.floor() : ledger.total();
  }

  /**
   * A person's score and the changes that made it, oldest first, keeping only the changes whose
   * source passes {@code visible} (changes with no source are always kept).
   */
  public ReputationHistory history(PersonId person, Predicate<ContentRef> visible,
      Instant asOf) {
    PersonLedger ledger = people.get(person);
    List<ReputationChange> changes = ledger == null ? List.of()
        : ledger.changes().stream()
            .filter(c -> c.source() == null || visible.test(c.source())).toList();
    Instant last = ledger == null || ledger.lastChange() == null ? asOf : ledger.lastChange();
    return new ReputationHistory(new ReputationScore(person, score(person), last), changes);
  }
}
