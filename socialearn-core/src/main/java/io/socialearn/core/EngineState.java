package io.socialearn.core;

import io.socialearn.api.event.AcceptanceRevoked;
import io.socialearn.api.event.AccountsLinked;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.ArticlePromoted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.BountyAwarded;
import io.socialearn.api.event.BountyOffered;
import io.socialearn.api.event.CommentAdded;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.FlagsResolved;
import io.socialearn.api.event.MemberRemoved;
import io.socialearn.api.event.MemberRoleSet;
import io.socialearn.api.event.PersonEndorsed;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.PersonVisited;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.PostEdited;
import io.socialearn.api.event.PostFlagged;
import io.socialearn.api.event.ProfileUpdated;
import io.socialearn.api.event.QuestionRouted;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ReputationAdjusted;
import io.socialearn.api.event.SuggestedEditApproved;
import io.socialearn.api.event.MadeCommunityWiki;
import io.socialearn.api.event.QuestionAddedToSession;
import io.socialearn.api.event.SessionScheduled;
import io.socialearn.api.event.SpaceConfigured;
import io.socialearn.api.event.SpaceCreated;
import io.socialearn.api.event.ThreadClosed;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadMarkedDuplicate;
import io.socialearn.api.event.ThreadReopened;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.ThreadViewed;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.event.VotesReversed;
import io.socialearn.api.people.ActivityKind;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.space.SpaceFeatures;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.thread.ArticleOrigin;
import io.socialearn.api.thread.CommentView;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.FlaggedPost;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Revision;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadState;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.internal.CompactIntMap;
import io.socialearn.core.internal.CompactMap;
import io.socialearn.core.internal.HeldText;
import io.socialearn.core.internal.ListPool;
import io.socialearn.core.internal.reputation.ReputationLedger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Every read model of the engine: a fold over the event log.
 *
 * <p>{@link #apply} is the only mutator and is total: it never throws for an event the deciders
 * produced, so that replaying the log always rebuilds the same state. Not thread-safe: the engine
 * guards it with its read-write lock.
 */
final class EngineState {
  /** Distinct days (UTC) on which a person visited or took part: the count and the last day. */
  record DaysActive(LocalDate last, int count) {}

  /** An ask-the-expert session. */
  record SessionRow(SessionId id, SpaceId space, PersonId expert, String title, Instant startsAt,
      Instant endsAt) {}

  /** A question's open bounty. */
  record OpenBounty(PersonId offeredBy, int amount) {}

  final Map<PersonId, PersonProfile> people = new HashMap<>();
  final Map<SpaceId, SpaceRow> spaces = new HashMap<>();
  final Map<SpaceId, Map<PersonId, SpaceRole>> members = new HashMap<>();
  /** The threads' rows, with their ids by code ({@link ThreadRow#code}). */
  final ThreadTable threads = new ThreadTable();
  /** Each space's threads by row code, in the order they were started. */
  final Map<SpaceId, SpaceThreads> threadsBySpace = new HashMap<>();
  /** The answers' rows, with their ids by code ({@link PostRow#code}). */
  final PostTable posts = new PostTable();
  /** Each thread's answers in order, by the rows' codes (see {@link #answersOf}). */
  final AnswerChains answerChains = new AnswerChains();
  /**
   * The comments on each thread or answer, in order, as the sequences of the events that added
   * them: a comment's id, author, body and time stay in the log and are read from it (see {@link
   * #comments(ContentRef)}), 8 bytes a comment instead of a view holding its body and an instant.
   */
  final CompactMap<ContentRef, long[]> comments = new CompactMap<>();
  /** The standing votes on each thread or answer, by its row's content code. */
  final RowVotes votes = new RowVotes();
  /**
   * Every person the state has met, once each, by a dense index in order of first appearance:
   * votes hold the index, and rows hold this one {@link PersonId} object rather than copies.
   */
  final CompactIntMap<PersonId> personIndex = new CompactIntMap<>();
  /** Each person the state has met, by their index in {@link #personIndex}. */
  final List<PersonId> personIds = new ArrayList<>();
  /** One object per distinct tag; a cache of no meaning of its own, so not in {@link #contents}. */
  private final Map<Tag, Tag> tagPool = new HashMap<>();
  /** One list object per combination of tags the rows hold; a cache, as {@link #tagPool}. */
  private final ListPool<Tag> tagLists = new ListPool<>();
  /**
   * The sequences of the edits of each edited thread or answer, in order; the first revision is
   * the row's {@code createdSeq}. The texts stay in the log (see {@link Texts}).
   */
  final Map<ContentRef, List<Long>> edits = new HashMap<>();
  /**
   * Each person's activity in order: a thread's or answer's own id for the entry of its creation
   * (rebuilt from its row by {@link #activityOf}, 4 bytes instead of an entry's 40), else the
   * {@link ActivityEntry}.
   */
  final Map<PersonId, List<Object>> activity = new HashMap<>();
  /**
   * Standing up votes by pair of voter and author voted on: how many, and the targets and times
   * of those within the anti-gaming window when it looks for serial votes.
   */
  final UpvotePairs upvotes;
  /** Accounts marked as one person's, both ways. */
  final Map<PersonId, Set<PersonId>> links = new HashMap<>();
  final Map<PersonId, DaysActive> daysActive = new HashMap<>();
  final Map<ThreadId, OpenBounty> openBounties = new HashMap<>();
  /** How many questions were routed to each person on their last routed day. */
  final Map<PersonId, DaysActive> routedToday = new HashMap<>();
  final Map<SessionId, SessionRow> sessions = new HashMap<>();
  /** Who read each thread, each person once. */
  final ThreadViewers viewers = new ThreadViewers();
  /** Each session's questions, in the order they were put. */
  final Map<SessionId, List<ThreadId>> sessionQuestions = new HashMap<>();
  final Map<ThreadId, SessionId> sessionOfThread = new HashMap<>();
  /** Where each promoted article comes from. */
  final Map<ThreadId, ArticleOrigin> articleOrigins = new HashMap<>();
  /**
   * Who each question was routed to, by the state's own id objects; change it with {@link
   * #routed}. One entry per routed question, so a compact map (about 20 bytes an entry less).
   */
  final Map<ThreadId, List<PersonId>> routedTo = new CompactMap<>();
  /** The questions routed to each person, each once: {@link #routedTo} the other way round. */
  final Map<PersonId, List<ThreadId>> routedFor = new HashMap<>();
  /** Distinct threads each person read (one per {@link ThreadViewed}). */
  final Map<PersonId, Integer> threadsRead = new HashMap<>();
  /** Open flags on each flagged question or answer, in the order the first flag came. */
  final Map<ContentRef, List<FlaggedPost.Flag>> openFlags = new LinkedHashMap<>();
  /** How many of each person's flags moderators agreed with. */
  final Map<PersonId, Integer> flagsAgreed = new HashMap<>();
  /** Answers each person has given that are not deleted. */
  final Map<PersonId, Integer> answersGiven = new HashMap<>();
  long lastSequence;
  /** Where bodies and revisions are read from; null in a state that only holds a snapshot. */
  private final Texts texts;

  /**
   * A state whose bodies and revisions are read from {@code log} (null: none can be read) and
   * that keeps no times of up votes: a snapshot read's.
   */
  EngineState(EventLog log) {
    this(log, 0);
  }

  /**
   * A state whose bodies and revisions are read from {@code log} (null: none can be read) and
   * that keeps the times of the up votes of the last {@code upvoteWindowNanos} (0: none) for the
   * serial vote check.
   */
  EngineState(EventLog log, long upvoteWindowNanos) {
    this.texts = log == null ? null : new Texts(log);
    this.upvotes = new UpvotePairs(upvoteWindowNanos);
  }

  /**
   * Drops the room the vote columns, answer and activity lists keep for more: called once
   * start-up has folded the store, since most posts and pairs of people get no more votes (about
   * a sixth of their arrays was room), most threads few more answers.
   */
  void trimToSize() {
    threads.trimToSize();
    posts.trimToSize();
    votes.pack();
    answerChains.trimToSize();
    // The maps' own walks: their views would make an entry object for each.
    activity.values().forEach(items -> ((ArrayList<Object>) items).trimToSize());
    upvotes.trimToSize();
  }

  void apply(RecordedEvent recorded) {
    if (recorded.sequence() != lastSequence + 1) {
      throw new IllegalStateException("event " + recorded.sequence() + " applied after "
          + lastSequence + ": the log has a gap or was read out of order");
    }
    DomainEvent e = recorded.event();
    Instant at = recorded.timestamp();
    long seq = recorded.sequence();
    PersonId active = activePerson(e);
    if (active != null) {
      markActive(active, at);
    }
    if (e instanceof PersonRegistered p) {
      people.put(p.profile().id(), p.profile());
    } else if (e instanceof ProfileUpdated p) {
      people.put(p.profile().id(), p.profile());
    } else if (e instanceof SpaceCreated s) {
      spaces.put(s.space(), new SpaceRow(s.space(), s.name(), s.description(), s.kind(),
          s.visibility(), s.createdBy(), at, SpaceFeatures.all()));
      members.put(s.space(), new LinkedHashMap<>());
      threadsBySpace.put(s.space(), new SpaceThreads());
    } else if (e instanceof MemberRoleSet m) {
      members.get(m.space()).put(m.member(), m.role());
    } else if (e instanceof MemberRemoved m) {
      members.get(m.space()).remove(m.member());
    } else if (e instanceof ThreadStarted t) {
      SpaceRow space = spaces.get(t.space());
      int old = threads.code(t.thread());
      int code = old >= 0 ? old : threads.size();
      threads.put(new ThreadRow(t.thread(), space == null ? t.space() : space.id(),
          t.kind(), HeldText.of(t.title()), tags(t.tags()), person(t.author()), ThreadState.OPEN,
          null, 0, 0, null, at, seq, at, seq, false, code));
      threadsBySpace.get(t.space()).add(code);
      answerChains.addThread(code);
      addActivity(t.author(), seq, at, ActivityKind.STARTED_THREAD, t.thread(), t.thread());
    } else if (e instanceof ThreadEdited t) {
      threads.computeIfPresent(t.thread(),
          (id, row) -> row.edited(t.title(), tags(t.tags()), at, seq));
      addEdit(t.thread(), seq);
    } else if (e instanceof AnswerPosted a) {
      int old = posts.code(a.post());
      int code = old >= 0 ? old : posts.size();
      // The deciders post answers to started threads only: the thread has a row.
      ThreadRow parent = threads.get(a.thread());
      posts.put(new PostRow(a.post(), parent.id(), person(a.author()), 0, at, seq, false, code));
      answerChains.addAnswer(parent.code(), code);
      threads.computeIfPresent(a.thread(),
          (id, row) -> row.withAnswerCount(row.answerCount() + 1, at, seq));
      addActivity(a.author(), seq, at, ActivityKind.ANSWERED, a.thread(), a.post());
      answersGiven.merge(a.author(), 1, Integer::sum);
    } else if (e instanceof PostEdited p) {
      threads.computeIfPresent(p.thread(), (id, row) -> row.touched(at, seq));
      addEdit(p.post(), seq);
    } else if (e instanceof CommentAdded c) {
      addComment(content(c.target()), seq);
      threads.computeIfPresent(c.thread(), (id, row) -> row.touched(at, seq));
      addActivity(c.author(), seq, at, ActivityKind.COMMENTED, c.thread(), c.target());
    } else if (e instanceof VoteCast v) {
      int code = contentCode(v.target());
      int voter = indexOf(v.voter());
      VoteDirection previous = null;
      // Every vote the deciders let through is on a row; one without (none) is not held.
      if (code >= 0) {
        byte[] onTarget = votes.get(code);
        if (onTarget == null) {
          votes.set(code, VoteSet.of(voter, v.direction()));
        } else {
          previous = VoteSet.get(onTarget, voter);
          // A packed set comes as a copy: what changed is set back.
          votes.set(code, VoteSet.put(onTarget, voter, v.direction()));
        }
      }
      adjustScore(v.target(), v.direction().value());
      if (v.direction() == VoteDirection.UP && code >= 0) {
        upvotes.up(voter, indexOf(v.contentAuthor()), code, UpvoteRun.toNanos(at),
            previous == VoteDirection.UP);
      }
    } else if (e instanceof VoteRetracted v) {
      int code = contentCode(v.target());
      int voter = indexOf(v.voter());
      byte[] onTarget = code < 0 ? null : votes.get(code);
      if (onTarget != null) {
        if (v.direction() == VoteDirection.UP && VoteSet.get(onTarget, voter) == VoteDirection.UP) {
          upvotes.retract(voter, indexOf(v.contentAuthor()), code);
        }
        VoteSet.remove(onTarget, voter);
        votes.set(code, VoteSet.isEmpty(onTarget) ? null : onTarget);
      }
      adjustScore(v.target(), -v.direction().value());
    } else if (e instanceof AccountsLinked l) {
      links.computeIfAbsent(l.first(), k -> new HashSet<>()).add(l.second());
      links.computeIfAbsent(l.second(), k -> new HashSet<>()).add(l.first());
    } else if (e instanceof BountyOffered b) {
      openBounties.put(b.thread(), new OpenBounty(b.offeredBy(), b.amount()));
    } else if (e instanceof BountyAwarded b) {
      openBounties.remove(b.thread());
    } else if (e instanceof PersonEndorsed) {
      // Expertise evidence: the expertise projection's, nothing here reads it.
    } else if (e instanceof PersonVisited) {
      // Counted as a day active above.
    } else if (e instanceof ThreadViewed v) {
      viewed(v.thread(), v.viewer());
    } else if (e instanceof PostFlagged f) {
      openFlags.computeIfAbsent(f.target(), k -> new ArrayList<>())
          .add(new FlaggedPost.Flag(f.by(), f.reason(), f.note(), at));
    } else if (e instanceof FlagsResolved r) {
      openFlags.remove(r.target());
      if (r.agreed()) {
        // A moderator agreeing with their own flag (under any of their accounts) earns nothing.
        r.flaggers().stream().filter(p -> !samePerson(p, r.by()))
            .forEach(p -> flagsAgreed.merge(p, 1, Integer::sum));
      }
    } else if (e instanceof SessionScheduled x) {
      sessions.put(x.session(), new SessionRow(x.session(), x.space(), x.expert(), x.title(),
          x.startsAt(), x.endsAt()));
      sessionQuestions.put(x.session(), new ArrayList<>());
    } else if (e instanceof QuestionAddedToSession q) {
      sessionQuestions.get(q.session()).add(q.question());
      sessionOfThread.put(q.question(), q.session());
    } else if (e instanceof SpaceConfigured c) {
      spaces.computeIfPresent(c.space(), (id, row) -> row.withFeatures(c.features()));
    } else if (e instanceof ArticlePromoted a) {
      articleOrigins.put(a.article(), new ArticleOrigin(a.source(), a.answers()));
    } else if (e instanceof QuestionRouted r) {
      List<PersonId> asked = routed(r.thread(), r.people());
      LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
      for (PersonId person : asked) {
        // A routing stamped with an earlier day than one already counted (another node's clock
        // a little behind, across midnight) counts for that day, which is over: today's count
        // stands.
        routedToday.merge(person, new DaysActive(day, 1), (old, fresh) ->
            old.last().equals(day) ? new DaysActive(day, old.count() + 1)
                : old.last().isAfter(day) ? old : fresh);
      }
    } else if (e instanceof ReputationAdjusted || e instanceof SuggestedEditApproved
        || e instanceof MadeCommunityWiki) {
      // Reputation is the ledger's; nothing here reads it.
    } else if (e instanceof VotesReversed) {
      // A marker: the VoteRetracted events before it in its batch did the work.
    } else if (e instanceof AnswerAccepted a) {
      threads.computeIfPresent(a.thread(), (id, row) -> row.withAccepted(a.answer(), at, seq));
    } else if (e instanceof AcceptanceRevoked a) {
      threads.computeIfPresent(a.thread(), (id, row) -> row.withAccepted(null, at, seq));
    } else if (e instanceof ThreadClosed c) {
      threads.computeIfPresent(c.thread(),
          (id, row) -> row.withClosure(ThreadState.CLOSED, null, at, seq));
    } else if (e instanceof ThreadReopened r) {
      threads.computeIfPresent(r.thread(),
          (id, row) -> row.withClosure(ThreadState.OPEN, null, at, seq));
    } else if (e instanceof ThreadMarkedDuplicate d) {
      threads.computeIfPresent(d.thread(),
          (id, row) -> row.withClosure(ThreadState.DUPLICATE, d.original(), at, seq));
    } else if (e instanceof ThreadDeleted d) {
      closeFlags(d.thread(), d.by());
      // Its answers are gone with it: they no longer count as answers given (trust).
      if (threads.code(d.thread()) >= 0 && !threads.get(d.thread()).deleted()) {
        for (PostId answer : answersOf(d.thread())) {
          PostRow row = posts.get(answer);
          if (!row.deleted()) {
            answersGiven.merge(row.author(), -1, Integer::sum);
          }
        }
      }
      threads.computeIfPresent(d.thread(), (id, row) -> row.asDeleted());
    } else if (e instanceof PostDeleted d) {
      closeFlags(d.post(), d.by());
      PostRow gone = posts.computeIfPresent(d.post(), (id, row) -> row.asDeleted());
      if (gone != null) {
        answersGiven.merge(gone.author(), -1, Integer::sum);
      }
      threads.computeIfPresent(d.thread(),
          (id, row) -> row.withAnswerCount(row.answerCount() - 1, at, seq));
    } else {
      throw new IllegalStateException("no projection for " + e.getClass().getName());
    }
    lastSequence = seq;
  }

  /**
   * Closes the open flags on deleted content (a thread's, its answers' too): someone other than
   * the author deleting it agrees with them, as a moderator removing a flagged post does.
   */
  private void closeFlags(ContentRef deleted, PersonId by) {
    if (openFlags.isEmpty()) {
      return;
    }
    var entries = openFlags.entrySet().iterator();
    while (entries.hasNext()) {
      var entry = entries.next();
      ContentRef target = entry.getKey();
      boolean gone = target.equals(deleted) || (deleted instanceof ThreadId thread
          && target instanceof PostId post && posts.code(post) >= 0
          && posts.get(post).thread().equals(thread));
      if (gone) {
        if (!by.equals(authorOf(target))) {
          entry.getValue().stream().filter(f -> !samePerson(f.by(), by))
              .forEach(f -> flagsAgreed.merge(f.by(), 1, Integer::sum));
        }
        entries.remove();
      }
    }
  }

  /** Who took part through this event, for the days-active count, or null. */
  private static PersonId activePerson(DomainEvent e) {
    if (e instanceof PersonVisited v) {
      return v.person();
    } else if (e instanceof ThreadStarted t) {
      return t.author();
    } else if (e instanceof AnswerPosted a) {
      return a.author();
    } else if (e instanceof CommentAdded c) {
      return c.author();
    } else if (e instanceof VoteCast v) {
      return v.voter();
    }
    return null;
  }

  /**
   * Counts the day of {@code at} (UTC) for {@code person}. Nearly every event marks someone, and
   * most mark a day already counted: that case reads the map once and makes nothing (about a
   * twentieth of replaying votes went to this).
   */
  private void markActive(PersonId person, Instant at) {
    long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
    DaysActive old = daysActive.get(person);
    if (old != null && old.last().toEpochDay() == day) {
      return;
    }
    LocalDate date = LocalDate.ofEpochDay(day);
    daysActive.put(person, new DaysActive(date, old == null ? 1 : old.count() + 1));
  }

  /**
   * Records that {@code thread} was routed to {@code people}: it replaces the thread's earlier
   * record, in {@link #routedFor} too, so that it holds what a fold of the latest records (a
   * snapshot's) gives. Keeps the state's own objects for the ids ({@link #shared}), not the
   * copies a record read from the log or a snapshot brings: at 250,000 routed questions a
   * snapshot's copies cost about 60 MB.
   *
   * @return the people as kept
   */
  List<PersonId> routed(ThreadId given, List<PersonId> asked) {
    ThreadId thread = (ThreadId) shared(given);
    PersonId[] kept = new PersonId[asked.size()];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = (PersonId) shared(asked.get(i));
    }
    List<PersonId> people = List.of(kept);
    List<PersonId> before = routedTo.put(thread, people);
    if (before != null) {
      for (PersonId person : before) {
        List<ThreadId> theirs = routedFor.get(person);
        if (!people.contains(person) && theirs != null) {
          theirs.remove(thread);
          if (theirs.isEmpty()) {
            routedFor.remove(person);
          }
        }
      }
    }
    // routedFor mirrors routedTo, so only someone the earlier record did not name lacks it.
    for (PersonId person : new LinkedHashSet<>(people)) {
      if (before == null || !before.contains(person)) {
        routedFor.computeIfAbsent(person, k -> new ArrayList<>()).add(thread);
      }
    }
    return people;
  }

  /** How many questions were routed to the person on the day of {@code at} (UTC). */
  int routedOn(PersonId person, Instant at) {
    DaysActive routed = routedToday.get(person);
    return routed == null || !routed.last().equals(LocalDate.ofInstant(at, ZoneOffset.UTC)) ? 0
        : routed.count();
  }

  /** Whether the person was active on the day of {@code at} (UTC). */
  boolean activeOn(PersonId person, Instant at) {
    DaysActive days = daysActive.get(person);
    return days != null && days.last().equals(LocalDate.ofInstant(at, ZoneOffset.UTC));
  }

  /**
   * The content codes of the up votes {@code voter} cast on {@code author}'s content after
   * {@code since} that still stand, oldest first: none when the state keeps no times of up votes.
   */
  int[] upvotesAfter(PersonId voter, PersonId author, Instant since) {
    Integer v = personIndex.get(voter);
    Integer a = personIndex.get(author);
    if (v == null || a == null) {
      return new int[0];
    }
    // A window of centuries reaches before the nanoseconds a long holds: every vote is after.
    long after = since.isBefore(UpvoteRun.fromNanos(Long.MIN_VALUE + 1)) ? Long.MIN_VALUE
        : UpvoteRun.toNanos(since);
    return upvotes.targetsAfter(v, a, after);
  }

  /**
   * The threads and answers by {@code author} on which {@code voter}'s up vote stands, in the
   * order {@code author} posted them.
   */
  List<ContentRef> standingUpvotes(PersonId voter, PersonId author) {
    Integer v = personIndex.get(voter);
    Integer a = personIndex.get(author);
    if (v == null || a == null || upvotes.count(v, a) == 0) {
      return List.of();
    }
    List<ContentRef> found = new ArrayList<>();
    for (ActivityEntry entry : activityOf(author)) {
      boolean posted = entry.kind() == ActivityKind.STARTED_THREAD
          || entry.kind() == ActivityKind.ANSWERED;
      if (posted && voteOf(entry.target(), voter) == VoteDirection.UP
          && author.equals(authorOf(entry.target()))) {
        found.add(content(entry.target()));
      }
    }
    return found;
  }

  private void adjustScore(ContentRef target, int delta) {
    if (target instanceof ThreadId t) {
      threads.computeIfPresent(t, (id, row) -> row.withScore(row.score() + delta));
    } else if (target instanceof PostId p) {
      posts.computeIfPresent(p, (id, row) -> row.withScore(row.score() + delta));
    }
  }

  private void addEdit(ContentRef target, long seq) {
    edits.computeIfAbsent(target, k -> new ArrayList<>(1)).add(seq);
  }

  /** A thread's current body, read from the log. */
  String body(ThreadRow row) {
    return texts.body(bodySeq(row.id(), row.createdSeq()));
  }

  /** An answer's current body, read from the log. */
  String body(PostRow row) {
    return texts.body(bodySeq(row.id(), row.createdSeq()));
  }

  /** A thread's current body with when it was last edited, read from the log. */
  Texts.Text text(ThreadRow row) {
    return texts.text(bodySeq(row.id(), row.createdSeq()), edits.containsKey(row.id()));
  }

  /** An answer's current body with when it was last edited, read from the log. */
  Texts.Text text(PostRow row) {
    return texts.text(bodySeq(row.id(), row.createdSeq()), edits.containsKey(row.id()));
  }

  /**
   * The sequence of the event that wrote the current body of a thread or answer made at {@code
   * createdSeq}: its last edit's, else its creation's.
   */
  long bodySeq(ContentRef target, long createdSeq) {
    List<Long> later = edits.get(target);
    return later == null || later.isEmpty() ? createdSeq : later.get(later.size() - 1);
  }

  /**
   * Appends the comment the event at {@code seq} added to {@code target}'s (a snapshot's restore
   * puts each target's whole array at once).
   */
  void addComment(ContentRef target, long seq) {
    long[] held = comments.get(target);
    long[] grown = held == null ? new long[1] : Arrays.copyOf(held, held.length + 1);
    grown[grown.length - 1] = seq;
    comments.put(target, grown);
  }

  /** The comments on a thread or answer, oldest first, read from the log. */
  List<CommentView> comments(ContentRef target) {
    long[] seqs = comments.get(target);
    if (seqs == null) {
      return List.of();
    }
    List<CommentView> views = new ArrayList<>(seqs.length);
    for (long seq : seqs) {
      views.add(texts.comment(target, seq));
    }
    return views;
  }

  /** Every revision of a thread or answer that exists, oldest first, read from the log. */
  List<Revision> revisions(ContentRef target) {
    long created = target instanceof ThreadId t ? threads.get(t).createdSeq()
        : posts.get((PostId) target).createdSeq();
    List<Long> later = edits.getOrDefault(target, List.of());
    List<Revision> all = new ArrayList<>(1 + later.size());
    all.add(texts.revision(target, 1, created));
    for (Long seq : later) {
      all.add(texts.revision(target, all.size() + 1, seq));
    }
    return all;
  }

  private void addActivity(PersonId person, long seq, Instant at, ActivityKind kind,
      ThreadId thread, ContentRef target) {
    addActivity(person, new ActivityEntry(seq, at, kind, thread(thread), content(target)));
  }

  /**
   * Appends to a person's activity, as the row's id when the row can give the entry back (a
   * thread's start, an answer): replay and a snapshot's restore both come here, so they hold the
   * same items.
   */
  void addActivity(PersonId person, ActivityEntry entry) {
    activity.computeIfAbsent(person, k -> new ArrayList<>()).add(compact(entry));
  }

  private Object compact(ActivityEntry entry) {
    if (entry.kind() == ActivityKind.STARTED_THREAD && entry.target() == entry.thread()) {
      return compact(entry.sequence(), entry.atNanos(), entry.kind(), entry.thread(),
          entry.target(), threads.get(entry.thread()), null, entry);
    } else if (entry.kind() == ActivityKind.ANSWERED && entry.target() instanceof PostId post) {
      return compact(entry.sequence(), entry.atNanos(), entry.kind(), entry.thread(),
          entry.target(), null, posts.get(post), entry);
    }
    return entry;
  }

  /**
   * The activity item {@link #addActivity} keeps for the entry of these parts, given the rows
   * it would look up: {@code threadRow} the row of {@code thread} (for a thread's start), {@code
   * postRow} that of {@code target} (for an answer), either null when there is none. A snapshot's
   * reader, which holds the rows by position, calls it without looking them up; {@code entry} is
   * the entry if it is made already, else null.
   */
  static Object compact(long sequence, long atNanos, ActivityKind kind, ThreadId thread,
      ContentRef target, ThreadRow threadRow, PostRow postRow, ActivityEntry entry) {
    if (kind == ActivityKind.STARTED_THREAD && target == thread) {
      if (threadRow != null && threadRow.id() == thread && threadRow.createdSeq() == sequence
          && threadRow.createdNanos() == atNanos) {
        return threadRow.id();
      }
    } else if (kind == ActivityKind.ANSWERED && target instanceof PostId post) {
      if (postRow != null && postRow.id() == post && postRow.thread() == thread
          && postRow.createdSeq() == sequence && postRow.createdNanos() == atNanos) {
        return postRow.id();
      }
    }
    return entry != null ? entry : new ActivityEntry(sequence, atNanos, kind, thread, target);
  }

  /** A person's activity entries, oldest first (a new list). */
  List<ActivityEntry> activityOf(PersonId person) {
    List<Object> items = activity.getOrDefault(person, List.of());
    List<ActivityEntry> entries = new ArrayList<>(items.size());
    for (Object item : items) {
      if (item instanceof ActivityEntry entry) {
        entries.add(entry);
      } else if (item instanceof ThreadId thread) {
        ThreadRow row = threads.get(thread);
        entries.add(new ActivityEntry(row.createdSeq(), row.createdNanos(),
            ActivityKind.STARTED_THREAD, row.id(), row.id()));
      } else {
        PostRow row = posts.get((PostId) item);
        entries.add(new ActivityEntry(row.createdSeq(), row.createdNanos(), ActivityKind.ANSWERED,
            row.thread(), row.id()));
      }
    }
    return entries;
  }

  /**
   * Replaces everything this state holds with what {@code other} holds (a loaded snapshot); the
   * large maps are moved rather than copied, leaving {@code other} without them.
   */
  void replaceWith(EngineState other) {
    people.clear();
    people.putAll(other.people);
    spaces.clear();
    spaces.putAll(other.spaces);
    members.clear();
    members.putAll(other.members);
    threads.takeOver(other.threads);
    threadsBySpace.clear();
    threadsBySpace.putAll(other.threadsBySpace);
    posts.takeOver(other.posts);
    answerChains.takeOver(other.answerChains);
    comments.takeOver(other.comments);
    votes.takeOver(other.votes);
    personIndex.takeOver(other.personIndex);
    personIds.clear();
    personIds.addAll(other.personIds);
    edits.clear();
    edits.putAll(other.edits);
    activity.clear();
    activity.putAll(other.activity);
    upvotes.takeOver(other.upvotes);
    links.clear();
    links.putAll(other.links);
    daysActive.clear();
    daysActive.putAll(other.daysActive);
    answersGiven.clear();
    answersGiven.putAll(other.answersGiven);
    openBounties.clear();
    openBounties.putAll(other.openBounties);
    routedToday.clear();
    routedToday.putAll(other.routedToday);
    routedTo.clear();
    routedFor.clear();
    other.routedTo.forEach(this::routed);
    articleOrigins.clear();
    articleOrigins.putAll(other.articleOrigins);
    sessions.clear();
    sessions.putAll(other.sessions);
    viewers.takeOver(other.viewers);
    sessionQuestions.clear();
    sessionQuestions.putAll(other.sessionQuestions);
    sessionOfThread.clear();
    sessionOfThread.putAll(other.sessionOfThread);
    threadsRead.clear();
    threadsRead.putAll(other.threadsRead);
    openFlags.clear();
    openFlags.putAll(other.openFlags);
    flagsAgreed.clear();
    flagsAgreed.putAll(other.flagsAgreed);
    tagPool.clear();
    tagPool.putAll(other.tagPool);
    tagLists.takeOver(other.tagLists);
    lastSequence = other.lastSequence;
  }

  /** Everything this state holds, in a form whose {@code equals} compares it all. */
  List<Object> contents() {
    Map<ContentRef, VoteSet.VoteList> voteLists = new HashMap<>();
    votes.forEach((code, onTarget) -> voteLists.put(contentAt(code), VoteSet.contents(onTarget)));
    Map<ContentRef, List<Long>> commentLists = new HashMap<>();
    comments.forEach((target, seqs) ->
        commentLists.put(target, Arrays.stream(seqs).boxed().toList()));
    Map<ThreadId, List<PostId>> answerLists = new HashMap<>();
    for (int code = 0; code < answerChains.threads(); code++) {
      ThreadId thread = threads.id(code);
      answerLists.put(thread, answersOf(thread));
    }
    Map<List<PersonId>, List<Object>> upvotePairs = new HashMap<>();
    upvotes.forEachInOrder((voter, author, count, recent) -> upvotePairs.put(
        List.of(personIds.get(voter), personIds.get(author)),
        List.of(count, recent == null ? new UpvoteRun() : recent)));
    // Each person's routed questions as a set: their order is the log's, or the snapshot's.
    Map<PersonId, Set<ThreadId>> routedSets = new HashMap<>();
    routedFor.forEach((person, questions) -> routedSets.put(person, Set.copyOf(questions)));
    Map<ThreadId, Set<PersonId>> viewerSets = new HashMap<>();
    viewers.forEach((thread, readers) -> viewerSets.put(thread,
        Arrays.stream(readers).mapToObj(personIds::get).collect(Collectors.toSet())));
    Map<SpaceId, List<ThreadId>> spaceThreads = new HashMap<>();
    threadsBySpace.forEach((space, codes) -> {
      List<ThreadId> ids = new ArrayList<>();
      for (int i = 0; i < codes.size(); i++) {
        ids.add(threads.id(codes.get(i)));
      }
      spaceThreads.put(space, ids);
    });
    return List.of(people, spaces, members, List.copyOf(threads.rows()), spaceThreads,
        List.copyOf(posts.rows()), answerLists, commentLists, voteLists, personIds, edits,
        activity, upvotePairs, links, daysActive, answersGiven, openBounties, routedToday,
        routedTo, routedSets, articleOrigins, sessions, sessionQuestions, sessionOfThread,
        viewerSets, threadsRead, openFlags, flagsAgreed, lastSequence);
  }

  /** The same list with each tag the one object the state holds for it. */
  private List<Tag> tags(List<Tag> given) {
    if (given.isEmpty()) {
      return List.of();
    }
    Tag[] shared = new Tag[given.size()];
    for (int i = 0; i < shared.length; i++) {
      shared[i] = tag(given.get(i));
    }
    return tagLists.of(shared);
  }

  /** The list object the state holds for the tags {@code tags} (pooled ones), in order. */
  List<Tag> tagList(Tag[] tags) {
    return tags.length == 0 ? List.of() : tagLists.of(tags);
  }

  /** The one object the state holds for {@code tag}, pooled on first sight. */
  Tag tag(Tag tag) {
    return tagPool.computeIfAbsent(tag, k -> k);
  }

  /**
   * The instance the state already holds for an id equal to {@code id} (a person, thread, post,
   * space or tag id), or {@code id} itself; the other read models keep that one rather than the
   * copy each event read from the log brings (about 100 bytes a post id). Adds nothing.
   */
  Object shared(Object id) {
    if (id instanceof PersonId p) {
      Integer index = personIndex.get(p);
      if (index != null) {
        return personIds.get(index);
      }
      PersonProfile profile = people.get(p);
      return profile != null ? profile.id() : p;
    } else if (id instanceof ThreadId || id instanceof PostId) {
      return content((ContentRef) id);
    } else if (id instanceof SpaceId space) {
      SpaceRow row = spaces.get(space);
      return row != null ? row.id() : space;
    } else if (id instanceof Tag tag) {
      return tagPool.getOrDefault(tag, tag);
    }
    return id;
  }

  /**
   * Records that {@code viewer} read {@code thread}, counting it among the threads they read if
   * they had not read it before; keeps the state's own id objects.
   */
  void viewed(ThreadId thread, PersonId viewer) {
    int index = indexOf(viewer);
    int code = threads.code(thread);
    if (viewers.add(code < 0 ? thread : threads.id(code), index)) {
      threadsRead.merge(personIds.get(index), 1, Integer::sum);
    }
  }

  /**
   * {@code person} and every account linked to theirs ({@link
   * io.socialearn.api.command.LinkAccounts}), transitively: one person's accounts. Not to be
   * changed (for someone with no linked account it is an immutable set of them alone).
   */
  Set<PersonId> accounts(PersonId person) {
    if (!links.containsKey(person)) {
      return Set.of(person);
    }
    Set<PersonId> accounts = new HashSet<>();
    ArrayDeque<PersonId> next = new ArrayDeque<>(List.of(person));
    while (!next.isEmpty()) {
      PersonId account = next.poll();
      if (accounts.add(account)) {
        next.addAll(links.getOrDefault(account, Set.of()));
      }
    }
    return accounts;
  }

  /** Whether {@code a} and {@code b} are one person's accounts (or the same account). */
  boolean samePerson(PersonId a, PersonId b) {
    return a.equals(b) || accounts(a).contains(b);
  }

  /** Whether {@code viewer} read {@code thread}; assigns nothing. */
  boolean hasRead(ThreadId thread, PersonId viewer) {
    Integer index = personIndex.get(viewer);
    return index != null && viewers.contains(thread, index);
  }

  /** The dense index of {@code person}, assigned on first sight. */
  int indexOf(PersonId person) {
    Integer index = personIndex.get(person);
    if (index == null) {
      index = personIds.size();
      personIndex.put(person, index);
      personIds.add(person);
    }
    return index;
  }

  /** The one {@link PersonId} object the state holds for {@code person}. */
  PersonId person(PersonId person) {
    return person == null ? null : personIds.get(indexOf(person));
  }

  /** The {@link ContentRef} object the state's rows hold for {@code target}, if it has a row. */
  ContentRef content(ContentRef target) {
    if (target instanceof ThreadId t) {
      ThreadRow row = threads.get(t);
      return row == null ? t : row.id();
    }
    PostRow row = posts.get((PostId) target);
    return row == null ? target : row.id();
  }

  /** The code of the row of answer {@code post} ({@link PostRow#code}), else -1. */
  int answerCode(Object post) {
    return post instanceof PostId id ? posts.code(id) : -1;
  }

  /** The title a thread's row holds, or null if it has no row. */
  String titleOf(ThreadId thread) {
    return threads.title(thread);
  }

  /**
   * The content code of a thread or answer with a row, {@code 2 * code} for a thread and {@code 2
   * * code + 1} for an answer (see {@link ThreadRow#code}, {@link PostRow#code}), else -1.
   */
  int contentCode(ContentRef target) {
    if (target instanceof ThreadId t) {
      int code = threads.code(t);
      return code < 0 ? -1 : code * 2;
    }
    int code = posts.code((PostId) target);
    return code < 0 ? -1 : code * 2 + 1;
  }

  /**
   * The rows as the reputation ledger codes posts by them ({@link ReputationLedger#rowsFrom}):
   * by content code.
   */
  ReputationLedger.Rows reputationRows() {
    return new ReputationLedger.Rows() {
      @Override
      public int codeOf(ContentRef ref) {
        return contentCode(ref);
      }

      @Override
      public ContentRef byCode(int code) {
        return has(code) ? contentAt(code) : null;
      }

      @Override
      public boolean has(int code) {
        // Rows are never removed: every code below the count of their kind names one.
        return code >= 0 && (code >>> 1) < ((code & 1) == 0 ? threads.size()
            : posts.size());
      }
    };
  }

  /**
   * The answers of {@code thread}, deleted or not, in the order they were posted; none for a
   * thread without a row. Made afresh from {@link #answerChains}.
   */
  List<PostId> answersOf(ThreadId thread) {
    ThreadRow row = threads.get(thread);
    if (row == null) {
      return List.of();
    }
    List<PostId> answers = new ArrayList<>();
    for (int a = answerChains.first(row.code()); a >= 0; a = answerChains.next(a)) {
      answers.add(posts.id(a));
    }
    return answers;
  }

  /**
   * The threads as the reputation ledger asks for their askers and answers ({@link
   * ReputationLedger#threadsFrom}): the rows' authors and {@link #answersOf}.
   */
  ReputationLedger.Threads reputationThreads() {
    return new ReputationLedger.Threads() {
      @Override
      public PersonId askerOf(ThreadId thread) {
        return authorOf(thread);
      }

      @Override
      public List<PostId> answersOf(ThreadId thread) {
        return EngineState.this.answersOf(thread);
      }

      @Override
      public void forEachThread(Consumer<ThreadId> action) {
        threads.ids().forEach(action);
      }
    };
  }

  /** The thread or answer a content code ({@link #contentCode}) names. */
  ContentRef contentAt(int code) {
    return (code & 1) == 0 ? threads.id(code >>> 1) : posts.id(code >>> 1);
  }

  /** The {@link ThreadId} object the state's rows hold for {@code thread}, if it has a row. */
  ThreadId thread(ThreadId thread) {
    ThreadRow row = threads.get(thread);
    return row == null ? thread : row.id();
  }

  /** The vote of {@code person} on {@code target}, or null. */
  VoteDirection voteOf(ContentRef target, PersonId person) {
    if (person == null) {
      return null;
    }
    Integer index = personIndex.get(person);
    return index == null ? null : votes.direction(contentCode(target), index);
  }

  /** The role of {@code person} in {@code space}, or null if they are not a member. */
  SpaceRole roleOf(SpaceId space, PersonId person) {
    Map<PersonId, SpaceRole> m = members.get(space);
    return m == null ? null : m.get(person);
  }

  /** The author of a thread's opening post or of an answer, or null if unknown. */
  PersonId authorOf(ContentRef target) {
    if (target instanceof ThreadId t) {
      ThreadRow row = threads.get(t);
      return row == null ? null : row.author();
    }
    PostRow row = posts.get((PostId) target);
    return row == null ? null : row.author();
  }
}
