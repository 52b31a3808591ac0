package io.socialearn.core;

import io.socialearn.api.ConflictException;
import io.socialearn.api.Done;
import io.socialearn.api.ForbiddenException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Page;
import io.socialearn.api.PageRequest;
import io.socialearn.api.SocialLearning;
import io.socialearn.api.Validate;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.Command;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.EventListener;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.PendingAppend;
import io.socialearn.api.event.QuestionRouted;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseEntry;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.api.mentoring.Learner;
import io.socialearn.api.mentoring.Mentor;
import io.socialearn.api.mentoring.MentorMatching;
import io.socialearn.api.mentoring.MentoringConstraints;
import io.socialearn.api.people.ActivityItem;
import io.socialearn.api.people.PersonDirectory;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.pulse.KnowledgeCapture;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.reputation.Privilege;
import io.socialearn.api.reputation.ReputationHistory;
import io.socialearn.api.reputation.TrustStatus;
import io.socialearn.api.reputation.VotingRing;
import io.socialearn.api.search.RebuildProgress;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchIndex;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.search.TagSuggestion;
import io.socialearn.api.space.ExpertSession;
import io.socialearn.api.space.Membership;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.space.Space;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.spi.IdGenerator;
import io.socialearn.api.thread.ArticleOrigin;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.FlaggedPost;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Revision;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.ThreadSummary;
import io.socialearn.core.expertise.ExpertiseModel;
import io.socialearn.core.expertise.ExpertiseSettings;
import io.socialearn.core.internal.reputation.ReputationLedger;
import io.socialearn.core.log.FileEventLog;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.log.SnapshotStore;
import io.socialearn.core.mentoring.MentoringPlanner;
import io.socialearn.core.pulse.PulseLedger;
import io.socialearn.core.pulse.PulsePrivacy;
import io.socialearn.core.reputation.ReputationRules;
import io.socialearn.core.reputation.TrustPolicy;
import io.socialearn.core.search.MemorySearchIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socialearn engine: the {@link SocialLearning} a host embeds.
 *
 * <p>Every command is validated, authorised and decided into events under one write lock; the
 * events are appended to the {@link EventLog} and folded into the read models under that lock,
 * and the command returns once the log has them durable ({@link EventLog#appendPending}): the
 * wait is outside the lock, so concurrent commands share one force of a file log in GROUP mode.
 * The {@link SearchIndex} gets events only once they are durable, in log order. Reads share a
 * read lock, so a read never sees half a command; it may see a command a moment before its
 * caller is told. Should the log lose events the read models hold (an I/O failure during the
 * force), the engine stops: every later call fails until it is reopened from the log. On {@link
 * Builder#build()} the engine replays the whole log: the read models are always a fold of it.
 *
 * <pre>{@code
 * try (SocialLearningEngine engine = SocialLearningEngine.builder().build()) {
 *   SpaceId space = engine.execute(Viewer.system(), CreateSpace.community("Payroll"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Listeners run after the command's lock is released, on the calling thread.
 */
public final class SocialLearningEngine implements SocialLearning {
  private static final Logger log = LoggerFactory.getLogger(SocialLearningEngine.class);
  private static final int MAX_APPEND_ATTEMPTS = 5;
  /**
   * Routing tries longer than a command: its question is recorded already, and a question left
   * unasked is a promise broken with no one to tell (with two nodes asking questions as fast as
   * they can, 5 tries left about one question in 40 unrouted).
   */
  private static final int MAX_ROUTE_ATTEMPTS = 50;
  private static final int REPLAY_CHUNK = 1_000;
  /** How many similar threads the document model of who-knows reads. */
  private static final int WHO_KNOWS_HITS = 30;

  private final EventLog eventLog;
  /** The index reads use; replaced by a rebuild under the write lock. Guarded by lock. */
  private SearchIndex searchIndex;
  private final Clock clock;
  private final List<EventListener> listeners;
  private final EngineState state;
  private final Access access;
  private final CommandDecider decider;
  private final Reads reads;
  private final RateLimiter rateLimiter;
  private final ReputationLedger reputation;
  /** Replaced once at start-up by the one a snapshot holds; guarded by lock. */
  private ExpertiseModel expertise;
  /** Replaced once at start-up by the one a snapshot holds; guarded by lock. */
  private PulseLedger pulse = new PulseLedger();
  private final PulsePrivacy pulsePrivacy;
  private final Trust trust;
  private final AntiGamingPolicy antiGaming;
  private final RoutingPolicy routing;
  private final SnapshotKeeper snapshots;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;
  /** The last batch appended; written under the write lock. */
  private volatile PendingAppend latest;
  /** Set when the log lost events the read models hold: the engine then refuses every call. */
  private volatile EventLogException failure;
  /** The who-knows mix where a query names none: the settings', until {@link #useExpertiseMix}. */
  private volatile ExpertiseMix mix;
  /** Durable batches the search index cannot take yet (an earlier one is still being forced). */
  private final TreeMap<Long, List<RecordedEvent>> unindexed = new TreeMap<>();
  /** Whether the index failed to apply a batch and must catch up from the log. */
  private boolean indexBehind;

  /**
   * How long the state keeps the times of up votes: the policy's window, or none when it is off
   * (an import keeps no times, so the first day after it does not see its votes as serial).
   */
  private static long upvoteWindowNanos(AntiGamingPolicy policy) {
    if (policy.isOff()) {
      return 0;
    }
    try {
      return policy.window().toNanos();
    } catch (ArithmeticException beyondALong) {
      return Long.MAX_VALUE;
    }
  }

  private SocialLearningEngine(Builder b) {
    this.eventLog = b.eventLog != null ? b.eventLog
        : b.dataDirectory != null ? FileEventLog.open(b.dataDirectory.resolve("log"))
        : InMemoryEventLog.create();
    this.state = new EngineState(eventLog, upvoteWindowNanos(b.antiGaming));
    this.snapshots = new SnapshotKeeper(b.dataDirectory == null ? null
        : SnapshotStore.open(b.dataDirectory.resolve("snapshots"), 3), b.snapshotEvery);
    this.searchIndex = b.searchIndex != null ? b.searchIndex : new MemorySearchIndex();
    this.clock = b.clock;
    this.listeners = List.copyOf(b.listeners);
    this.access = new Access(state, b.directory);
    this.reputation = new ReputationLedger(b.reputationRules);
    reputation.shareIds(state::shared);
    reputation.authorsFrom(state::authorOf);
    reputation.rowsFrom(state.reputationRows());
    reputation.threadsFrom(state.reputationThreads());
    this.expertise = new ExpertiseModel(b.expertiseSettings);
    this.mix = b.expertiseSettings.mix();
    this.trust = new Trust(state, reputation, b.trustPolicy);
    this.antiGaming = b.antiGaming;
    this.routing = b.routing;
    // The expertise model is read when an endorsement is decided: the restored one, if any.
    this.decider = new CommandDecider(state, access, trust, b.idGenerator, b.limits,
        b.antiGaming, (endorser, person, topic) -> expertise.endorsed(endorser, person, topic));
    this.reads = new Reads(state, access);
    this.rateLimiter = new RateLimiter(b.rateLimit);
    this.pulsePrivacy = b.pulsePrivacy;
    long started = System.nanoTime();
    StateCodec.Decoded restored = snapshots.load(eventLog, state, reputation,
        b.expertiseSettings);
    if (restored != null) {
      pulse = restored.pulse();
      if (restored.expertise() != null) {
        expertise = restored.expertise();
      }
    }
    // The pulse finds questions and answers by the rows' codes, restored or not.
    pulse.rowsFrom(ref -> ref instanceof ContentRef content ? state.contentCode(content) : -1);
    // And titles: a question's title is held once, by its row.
    pulse.titlesFrom(state::titleOf);
    // And who each question was routed to: the state keeps (and snapshots) that record.
    pulse.routingFrom(state.routedTo::get);
    // So does the expertise model its answers and threads, by their rows' codes.
    expertise.rowsFrom(state::answerCode, StateCodec.threadCodes(state));
    snapshots.track(expertise);
    long loaded = System.nanoTime();
    feedUnsnapshottedUpTo(state.lastSequence, restored == null,
        restored == null || restored.expertise() == null);
    long refolded = System.nanoTime();
    applyLogTail();
    state.trimToSize();
    reputation.trimToSize();
    pulse.trimToSize();
    expertise.trimToSize();
    long caughtUp = System.nanoTime();
    if (searchIndex.checkpoint() > state.lastSequence) {
      if (b.eventLog == null) {
        eventLog.close();
      }
      throw new IllegalStateException("the search index " + searchIndex.name()
          + " has applied the event log up to sequence " + searchIndex.checkpoint()
          + ", but the log ends at " + state.lastSequence + ": the index is ahead of its log (a"
          + " log that lost its unforced tail, as FAST mode may in a power loss, or a log from"
          + " elsewhere); remove the index's files so that it is rebuilt from the log");
    }
    syncIndex(List.of());
    log.info("socialearn engine ready at sequence {} (index {} at {}) in {} ms: snapshot {} ms,"
        + " refolding what it lacks {} ms, the log's tail {} ms, the index {} ms",
        state.lastSequence, searchIndex.name(), searchIndex.checkpoint(),
        (System.nanoTime() - started) / 1_000_000, (loaded - started) / 1_000_000,
        (refolded - loaded) / 1_000_000, (caughtUp - refolded) / 1_000_000,
        (System.nanoTime() - caughtUp) / 1_000_000);
  }

  /** The earliest and latest instants the read models can hold (nanoseconds in a long). */
  private static final Instant EARLIEST = Instant.parse("1700-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2250-01-01T00:00:00Z");

  /**
   * The clock's time, checked before anything is decided or recorded: the read models keep times
   * as nanoseconds in a long, so an event at a time they cannot hold would be recorded but not
   * applied.
   */
  private static Instant recordable(Instant now) {
    if (now == null || now.isBefore(EARLIEST) || now.isAfter(LATEST)) {
      throw new IllegalStateException("the engine's clock says " + now + "; events can only be"
          + " recorded between " + EARLIEST + " and " + LATEST + ": check the clock given to the"
          + " builder");
    }
    return now;
  }

  /** Starts a builder with embedded defaults: an in-memory log and index, the UTC clock. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <R> R execute(Viewer actor, Command<R> command) {
    Validate.required("actor", actor);
    Validate.required("command", command);
    List<RecordedEvent> recorded;
    List<PendingAppend> appended = new ArrayList<>(2);
    PendingAppend before;
    Object result;
    SnapshotStore.Prepared snapshot;
    lock.writeLock().lock();
    try {
      ensureOpen();
      before = latest;
      recorded = null;
      Decision decision = null;
      boolean nothingToRecord = false;
      Instant now = recordable(clock.instant());
      for (int attempt = 1; recorded == null; attempt++) {
        applyLogTail();
        if (!actor.isAdministrator()) {
          rateLimiter.check(actor.person(), command.getClass().getSimpleName(), now);
        }
        decision = decider.decide(actor, command, now);
        if (decision.events().isEmpty()) {
          nothingToRecord = true;
          recorded = List.of();
          break;
        }
        try {
          PendingAppend pending = eventLog.appendPending(state.lastSequence, decision.events(),
              now);
          appended.add(pending);
          latest = pending;
          recorded = pending.events();
        } catch (ConflictException e) {
          // Another writer appended to a shared log: catch up and decide again on fresh state.
          if (attempt == MAX_APPEND_ATTEMPTS) {
            throw e;
          }
        }
      }
      applyToReadModels(recorded);
      if (routing.enabled() && command instanceof StartThread started
          && started.kind() == ThreadKind.QUESTION
          && state.spaces.get(started.space()).features().routing()
          && decision.createdId() instanceof ThreadId question) {
        PendingAppend routed = route(actor, question, now);
        if (routed != null) {
          appended.add(routed);
          latest = routed;
          recorded = concat(recorded, routed.events());
        }
      }
      if (!actor.isAdministrator()) {
        rateLimiter.record(actor.person(), now);
      }
      result = decision.createdId() != null ? decision.createdId()
          : new Done(nothingToRecord ? state.lastSequence
              : recorded.get(recorded.size() - 1).sequence());
      snapshot = snapshots.due(state, reputation, pulse);
    } finally {
      lock.writeLock().unlock();
    }
    // Durability is waited for outside the lock, so that concurrent commands share one force.
    // Everything before a batch is durable once it is (a log is durable in order), which is
    // what a command that recorded nothing waits for: the state it was decided on.
    boolean durable = false;
    try {
      awaitDurable(appended.isEmpty() ? before : appended.get(appended.size() - 1));
      durable = true;
    } finally {
      if (snapshot != null) {
        snapshots.save(snapshot, durable);
      }
    }
    for (PendingAppend batch : appended) {
      indexDurable(batch.events());
    }
    if (!recorded.isEmpty()) {
      notifyListeners(recorded);
    }
    @SuppressWarnings("unchecked") // the deciders return the id type each command declares
    R typed = (R) result;
    return typed;
  }

  /**
   * Waits until {@code pending} (and so everything before it) is durable. If the log lost it,
   * the read models hold events the log does not: the engine stops, and every later call fails
   * until it is reopened from the log.
   */
  private void awaitDurable(PendingAppend pending) {
    if (pending == null) {
      return;
    }
    try {
      pending.awaitDurable();
    } catch (EventLogException e) {
      if (failure == null) {
        failure = e;
        log.error("the event log lost events the engine had applied; the engine refuses every"
            + " call until it is reopened", e);
      }
      throw e;
    }
  }

  /**
   * Gives a durable batch to the search index in log order: a batch waits in {@link #unindexed}
   * until the index has every event before it, so that the index never holds an event the log
   * could still lose (its checkpoint is never ahead of the durable log).
   */
  private void indexDurable(List<RecordedEvent> batch) {
    lock.writeLock().lock();
    try {
      if (closed || failure != null) {
        return;
      }
      unindexed.put(batch.get(0).sequence(), batch);
      try {
        long checkpoint = searchIndex.checkpoint();
        if (indexBehind) {
          // An earlier batch failed to apply: catch up from the log to this batch, which is
          // durable, and so is everything before it.
          long upTo = batch.get(batch.size() - 1).sequence();
          while (checkpoint < upTo) {
            List<RecordedEvent> chunk = readChunk(checkpoint + 1);
            searchIndex.apply(chunk);
            checkpoint = chunk.get(chunk.size() - 1).sequence();
          }
          indexBehind = false;
        }
        while (!unindexed.isEmpty()) {
          Map.Entry<Long, List<RecordedEvent>> first = unindexed.firstEntry();
          List<RecordedEvent> next = first.getValue();
          if (next.get(next.size() - 1).sequence() <= checkpoint) {
            unindexed.pollFirstEntry();
          } else if (first.getKey() == checkpoint + 1) {
            unindexed.pollFirstEntry();
            searchIndex.apply(next);
            checkpoint = next.get(next.size() - 1).sequence();
          } else {
            return;
          }
        }
      } catch (RuntimeException e) {
        unindexed.clear();
        indexBehind = true;
        log.error("search index {} failed to apply events; it will catch up on the next command",
            searchIndex.name(), e);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static List<RecordedEvent> concat(List<RecordedEvent> first,
      List<RecordedEvent> second) {
    if (second.isEmpty()) {
      return first;
    }
    List<RecordedEvent> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /**
   * Routes a new question to the people most likely to answer it, as a batch of its own after
   * the question's. When another node appended in between (a shared log), it catches up and
   * decides again on fresh state, as a command does. The question is recorded whatever happens
   * here: a failure is logged.
   */
  private PendingAppend route(Viewer asker, ThreadId question, Instant now) {
    for (int attempt = 1; ; attempt++) {
      try {
        List<PersonId> people = answerers(asker, question, routing.people(), now).stream()
            .map(ExpertCandidate::person).toList();
        if (people.isEmpty()) {
          return null;
        }
        PendingAppend routed = eventLog.appendPending(state.lastSequence,
            List.of(new QuestionRouted(question, people)), now);
        applyToReadModels(routed.events());
        return routed;
      } catch (ConflictException e) {
        if (attempt == MAX_ROUTE_ATTEMPTS) {
          log.warn("could not route question {} after {} tries, others kept appending first; it"
              + " is recorded, nobody was asked", question, attempt, e);
          return null;
        }
        try {
          applyLogTail();
        } catch (RuntimeException caughtUp) {
          log.warn("could not route question {}: catching up with the log failed; it is"
              + " recorded, nobody was asked", question, caughtUp);
          return null;
        }
      } catch (RuntimeException e) {
        log.warn("could not route question {}; it is recorded, nobody was asked", question, e);
        return null;
      }
    }
  }

  /**
   * Who could answer a question: who knows its text and tags, from evidence in the spaces both
   * {@code viewer} and everyone who can read the question can read (the organisation's spaces
   * and the question's own), so that who is asked, which anyone who reads the question may
   * see, tells nobody of evidence hidden from them; among people who can read the question,
   * available, not its asker (under any linked account), not someone who answered it, nobody
   * asked {@code dailyCap} times today already. Called under a lock.
   */
  private List<ExpertCandidate> answerers(Viewer viewer, ThreadId question, int limit,
      Instant now) {
    ThreadRow row = access.thread(viewer, question);
    // The asker under every account linked to theirs: asking them is asking the asker.
    Set<PersonId> exclude = new HashSet<>(state.accounts(row.author()));
    // Who answered it, under every account: asking them again under another is asking them.
    for (PostId post : state.answersOf(question)) {
      exclude.addAll(state.accounts(state.posts.get(post).author()));
    }
    // The cap is a person's: asked under any of their linked accounts counts against it.
    Set<PersonId> capped = new HashSet<>();
    for (PersonId person : state.routedToday.keySet()) {
      if (!capped.add(person)) {
        continue;
      }
      Set<PersonId> accounts = state.accounts(person);
      capped.addAll(accounts);
      int asked = 0;
      for (PersonId account : accounts) {
        asked += state.routedOn(account, now);
      }
      if (asked >= routing.dailyCap()) {
        exclude.addAll(accounts);
      }
    }
    String text = row.title() + "\n" + state.body(row);
    WhoKnowsQuery query = new WhoKnowsQuery(
        text.length() > WhoKnowsQuery.MAX_TEXT_LENGTH ? text.substring(0,
            WhoKnowsQuery.MAX_TEXT_LENGTH) : text,
        row.tags().size() > 20 ? row.tags().subList(0, 20) : row.tags(),
        WhoKnowsOptions.defaults().limit(limit).availableOnly(true).exclude(exclude));
    // Only people who can read the question: a members-only space's question is not put to
    // (nor its existence told to) people outside it, whatever they know.
    SpaceRow space = state.spaces.get(row.space());
    Set<SpaceId> shared = access.readableSpaces(viewer);
    shared.removeIf(id -> !id.equals(space.id())
        && state.spaces.get(id).visibility() == SpaceVisibility.MEMBERS_ONLY);
    // A members-only space's members are few, and whether someone is one is a role looked up
    // (never the directory): asked of everyone who knows, before the topic pool is cut.
    return rankPeople(viewer, query, shared,
        person -> access.canRead(Viewer.of(person), space),
        space.visibility() == SpaceVisibility.MEMBERS_ONLY);
  }

  @Override
  public List<ExpertCandidate> suggestAnswerers(Viewer viewer, ThreadId question, int limit) {
    Validate.required("question", question);
    Validate.range("limit", limit, 1, WhoKnowsOptions.MAX_LIMIT);
    return read(viewer, () -> answerers(viewer, question, limit, clock.instant()));
  }

  @Override
  public Optional<ArticleOrigin> articleOrigin(Viewer viewer, ThreadId article) {
    Validate.required("article", article);
    return read(viewer, () -> {
      access.thread(viewer, article);
      ArticleOrigin origin = state.articleOrigins.get(article);
      // Links back to what was deleted since lead nowhere: a deleted source thread is no
      // origin, and deleted answers are left out (the article keeps its own text).
      ThreadRow source = origin == null ? null : state.threads.get(origin.source());
      if (source == null || source.deleted()) {
        return Optional.empty();
      }
      return Optional.of(new ArticleOrigin(origin.source(), origin.answers().stream()
          .filter(answer -> !state.posts.get(answer).deleted()).toList()));
    });
  }

  @Override
  public ExpertSession expertSession(Viewer viewer, SessionId session) {
    Validate.required("session", session);
    return read(viewer, () -> reads.session(viewer, session, clock.instant()));
  }

  @Override
  public Optional<SessionId> sessionOf(Viewer viewer, ThreadId thread) {
    Validate.required("thread", thread);
    return read(viewer, () -> {
      access.thread(viewer, thread);
      return Optional.ofNullable(state.sessionOfThread.get(thread));
    });
  }

  @Override
  public List<PersonId> routedTo(Viewer viewer, ThreadId question) {
    Validate.required("question", question);
    return read(viewer, () -> {
      access.thread(viewer, question);
      return state.routedTo.getOrDefault(question, List.of());
    });
  }

  @Override
  public Page<ThreadSummary> questionsRoutedTo(Viewer viewer, PageRequest page) {
    Validate.required("page", page);
    return read(viewer, () -> reads.questionsRoutedTo(viewer, page));
  }

  /**
   * Rebuilds the search index from the log into {@code fresh} on a background thread while the
   * current index keeps serving every search; once {@code fresh} has caught up, it replaces the
   * current index, which is then closed. Progress goes to {@code progress} and to the log.
   *
   * @param fresh an index to fill, usually empty (its checkpoint says where to start)
   * @param progress told as the rebuild advances
   * @return completes with the new index once it serves, or exceptionally if the rebuild failed
   *     (then the current index keeps serving and {@code fresh} is closed)
   */
  public CompletableFuture<SearchIndex> rebuildSearchIndex(SearchIndex fresh,
      RebuildProgress progress) {
    Objects.requireNonNull(fresh, "fresh");
    Objects.requireNonNull(progress, "progress");
    CompletableFuture<SearchIndex> done = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        done.complete(rebuild(fresh, progress));
      } catch (RuntimeException e) {
        log.error("rebuilding the search index into {} failed; the current index keeps serving",
            fresh.name(), e);
        fresh.close();
        done.completeExceptionally(e);
      }
    }, "socialearn-index-rebuild");
    worker.setDaemon(true);
    worker.start();
    return done;
  }

  private SearchIndex rebuild(SearchIndex fresh, RebuildProgress progress) {
    long applied = fresh.checkpoint();
    long reported = -1;
    while (true) {
      long target = lastSequence();
      while (applied < target) {
        List<RecordedEvent> chunk = readChunk(applied + 1);
        if (chunk.isEmpty()) {
          break;
        }
        fresh.apply(chunk);
        applied = chunk.get(chunk.size() - 1).sequence();
        progress.onProgress(applied, target);
        if (applied / 100_000 != reported) {
          reported = applied / 100_000;
          log.info("rebuilding search index {}: {} of {} events", fresh.name(), applied, target);
        }
      }
      SearchIndex old;
      lock.writeLock().lock();
      try {
        ensureOpen();
        if (state.lastSequence - applied > REPLAY_CHUNK) {
          continue;
        }
        // The little that came meanwhile is applied under the lock, so the swap cannot miss it.
        while (applied < state.lastSequence) {
          List<RecordedEvent> chunk = readChunk(applied + 1);
          fresh.apply(chunk);
          applied = chunk.get(chunk.size() - 1).sequence();
        }
        progress.onProgress(applied, applied);
        old = searchIndex;
        searchIndex = fresh;
      } finally {
        lock.writeLock().unlock();
      }
      log.info("search index {} rebuilt at {} events; it replaces {}", fresh.name(), applied,
          old.name());
      old.close();
      return fresh;
    }
  }

  /**
   * Applies what other engines appended to a shared log since this one last looked (several
   * application nodes on one {@link io.socialearn.core.log.JdbcEventLog}), so that this engine's
   * reads show it; a command does the same before it decides. Listeners are not told of those
   * events: the engine that recorded them told its own. Thread-safe.
   *
   * @return the last sequence this engine has now applied
   * @throws io.socialearn.api.event.EventLogException if the log cannot be read
   */
  public long catchUp() {
    lock.writeLock().lock();
    try {
      ensureOpen();
      applyLogTail();
      return state.lastSequence;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Applies whatever the log holds beyond the read models. Called under the write lock. */
  private void applyLogTail() {
    while (eventLog.lastSequence() > state.lastSequence) {
      List<RecordedEvent> chunk = readChunk(state.lastSequence + 1);
      applyToReadModels(chunk);
      syncIndex(chunk);
    }
  }

  /** Folds events into every in-memory read model. Called under the write lock. */
  private void applyToReadModels(List<RecordedEvent> events) {
    for (RecordedEvent event : events) {
      state.apply(event);
      reputation.apply(event);
      expertise.apply(event);
      pulse.apply(event);
    }
  }

  /**
   * Folds the log up to the snapshot's sequence into the models the snapshot start-up loaded did
   * not hold (the tail follows with everything else): the pulse and the expertise model when no
   * snapshot was loaded, the expertise model alone when the snapshot's was scored with other
   * settings, nothing otherwise.
   */
  private void feedUnsnapshottedUpTo(long sequence, boolean pulseToo, boolean expertiseToo) {
    if (!pulseToo && !expertiseToo) {
      return;
    }
    long next = 1;
    while (next <= sequence) {
      List<RecordedEvent> chunk = readChunk(next);
      if (chunk.isEmpty()) {
        return;
      }
      for (RecordedEvent event : chunk) {
        if (event.sequence() <= sequence) {
          if (expertiseToo) {
            expertise.apply(event);
          }
          if (pulseToo) {
            pulse.apply(event);
          }
        }
        next = event.sequence() + 1;
      }
    }
  }

  private List<RecordedEvent> readChunk(long from) {
    try (Stream<RecordedEvent> events = eventLog.readFrom(from)) {
      return events.limit(REPLAY_CHUNK).toList();
    }
  }

  /**
   * Brings the index up to the read models: applies {@code batch} when the index is right before
   * it, else replays the log from the index's checkpoint. An index failure is logged, not thrown:
   * the events are recorded, and the next sync retries from the index's checkpoint.
   */
  private void syncIndex(List<RecordedEvent> batch) {
    try {
      long checkpoint = searchIndex.checkpoint();
      if (!batch.isEmpty() && checkpoint == batch.get(0).sequence() - 1) {
        searchIndex.apply(batch);
        return;
      }
      while (checkpoint < state.lastSequence) {
        List<RecordedEvent> chunk = readChunk(checkpoint + 1);
        searchIndex.apply(chunk);
        checkpoint = chunk.get(chunk.size() - 1).sequence();
      }
    } catch (RuntimeException e) {
      log.error("search index {} failed to apply events; it will catch up on the next command",
          searchIndex.name(), e);
    }
  }

  private void notifyListeners(List<RecordedEvent> recorded) {
    for (EventListener listener : listeners) {
      try {
        listener.onEvents(recorded);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        // An error or a checked exception thrown sneakily is ignored as a runtime one is: the
        // command is recorded, and the listeners after this one are still told.
        log.warn("event listener {} failed on events {}..{}; ignored", listener,
            recorded.get(0).sequence(), recorded.get(recorded.size() - 1).sequence(), e);
      }
    }
  }

  private <T> T read(Viewer viewer, Supplier<T> body) {
    Validate.required("viewer", viewer);
    lock.readLock().lock();
    try {
      ensureOpen();
      return body.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public ThreadDetail thread(Viewer viewer, ThreadId thread) {
    Validate.required("thread", thread);
    return read(viewer, () -> reads.thread(viewer, thread));
  }

  @Override
  public Page<ThreadSummary> threads(Viewer viewer, SpaceId space, ThreadSort sort,
      PageRequest page) {
    Validate.required("space", space);
    Validate.required("sort", sort);
    Validate.required("page", page);
    return read(viewer, () -> reads.threads(viewer, space, sort, page));
  }

  @Override
  public Page<ActivityItem> activity(Viewer viewer, PersonId person, PageRequest page) {
    Validate.required("person", person);
    Validate.required("page", page);
    return read(viewer, () -> reads.activity(viewer, person, page));
  }

  @Override
  public PersonProfile person(Viewer viewer, PersonId person) {
    Validate.required("person", person);
    return read(viewer, () -> reads.person(person));
  }

  @Override
  public ReputationHistory reputation(Viewer viewer, PersonId person) {
    Validate.required("person", person);
    return read(viewer, () -> {
      reads.person(person);
      return reputation.history(person, source -> reads.canRead(viewer, source),
          clock.instant());
    });
  }

  @Override
  public TrustStatus trust(Viewer viewer, PersonId person) {
    Validate.required("person", person);
    return read(viewer, () -> {
      reads.person(person);
      return trust.status(person);
    });
  }

  @Override
  public List<FlaggedPost> flagQueue(Viewer viewer) {
    return read(viewer, () -> reads.flagQueue(viewer, !viewer.isSystem()
        && viewer.person() != null && state.people.containsKey(viewer.person())
        && trust.status(viewer.person()).privileges().contains(Privilege.MODERATE)));
  }

  @Override
  public List<VotingRing> votingRings(Viewer viewer) {
    return read(viewer, () -> {
      if (!viewer.isAdministrator()) {
        throw new ForbiddenException("list voting rings", "only administrators see voting rings");
      }
      return reads.votingRings(antiGaming);
    });
  }

  @Override
  public List<Space> spaces(Viewer viewer) {
    return read(viewer, () -> reads.spaces(viewer));
  }

  @Override
  public Space space(Viewer viewer, SpaceId space) {
    Validate.required("space", space);
    return read(viewer, () -> reads.space(viewer, space));
  }

  @Override
  public List<Membership> members(Viewer viewer, SpaceId space) {
    Validate.required("space", space);
    return read(viewer, () -> reads.members(viewer, space));
  }

  @Override
  public List<Revision> revisions(Viewer viewer, ContentRef content) {
    Validate.required("content", content);
    return read(viewer, () -> reads.revisions(viewer, content));
  }

  @Override
  public SearchResults search(Viewer viewer, SearchQuery query) {
    Validate.required("query", query);
    return read(viewer, () -> searchIndex.search(query, access.readableSpaces(viewer)));
  }

  @Override
  public List<SearchHit> similarQuestions(Viewer viewer, SimilarQuery draft) {
    Validate.required("draft", draft);
    return read(viewer, () -> searchIndex.similarQuestions(draft, access.readableSpaces(viewer)));
  }

  @Override
  public List<TagSuggestion> suggestTags(Viewer viewer, String text, int limit) {
    String checked = Validate.text("text", text, SearchQuery.MAX_TEXT_LENGTH * 100);
    Validate.range("limit", limit, 1, PageRequest.MAX_LIMIT);
    return read(viewer, () -> searchIndex.suggestTags(checked, limit,
        access.readableSpaces(viewer)));
  }

  @Override
  public List<Tag> completeTags(Viewer viewer, String prefix, int limit) {
    Validate.required("prefix", prefix);
    Validate.range("limit", limit, 1, PageRequest.MAX_LIMIT);
    return read(viewer, () -> searchIndex.completeTags(prefix, limit,
        access.readableSpaces(viewer)));
  }

  @Override
  public List<ExpertCandidate> whoKnows(Viewer viewer, WhoKnowsQuery query) {
    Validate.required("query", query);
    return read(viewer, () -> rankPeople(viewer, query, access.readableSpaces(viewer), null,
        false));
  }

  /**
   * Who knows, from evidence in {@code readable} spaces only, suggesting only people {@code
   * eligible} accepts (null for everyone; {@code fewEligible}: it admits few and is cheap, see
   * {@link ExpertiseModel#whoKnows}); the viewer's linked accounts are left out with the viewer.
   * Called under a lock.
   */
  private List<ExpertCandidate> rankPeople(Viewer viewer, WhoKnowsQuery query,
      Set<SpaceId> readable, Predicate<PersonId> eligible, boolean fewEligible) {
    List<Tag> topics = query.topics();
    List<SearchHit> hits = List.of();
    if (!query.text().isEmpty()) {
      if (topics.isEmpty()) {
        topics = searchIndex.suggestTags(query.text(), 3, readable).stream()
            .map(TagSuggestion::tag).toList();
      }
      int newline = query.text().indexOf('\n');
      String title = newline < 0 ? query.text() : query.text().substring(0, newline);
      String body = newline < 0 ? "" : query.text().substring(newline + 1);
      if (title.length() > 1_000) {
        body = title.substring(1_000) + "\n" + body;
        title = title.substring(0, 1_000);
      }
      hits = searchIndex.similarQuestions(new SimilarQuery(title, body, query.topics(),
          WHO_KNOWS_HITS, Set.of()), readable);
    }
    WhoKnowsOptions options = query.options().mix() != null ? query.options()
        : query.options().mix(mix);
    if (!state.links.isEmpty()) {
      // Whoever is left out is left out as a person: under every account linked to theirs.
      Set<PersonId> exclude = new HashSet<>();
      for (PersonId person : options.exclude()) {
        exclude.addAll(state.accounts(person));
      }
      if (options.excludeViewer()) {
        exclude.addAll(state.accounts(viewer.person()));
      }
      options = options.exclude(exclude);
    }
    // A person with linked accounts is one candidate, scored on the evidence of all of them
    // together: each person's accounts, found once (a walk of the links, linear in the linked
    // accounts).
    List<List<PersonId>> persons = new ArrayList<>();
    Set<PersonId> seen = new HashSet<>();
    for (PersonId account : state.links.keySet()) {
      if (!seen.contains(account)) {
        Set<PersonId> all = state.accounts(account);
        seen.addAll(all);
        persons.add(List.copyOf(all));
      }
    }
    return expertise.whoKnows(viewer.person(),
        access.profileOf(viewer.person()), topics, hits, readable::contains,
        this::personProfile, options, expertise.scoringTime(clock.instant()), eligible,
        fewEligible, persons);
  }

  /**
   * An account's profile as who knows and routing weigh it: its own, but away or leaving when
   * any account linked to it is, since being away or leaving is the person's, not one account's
   * (leaving wins over away; of several leaving, the earliest last day, else one with none, as
   * the pulse picks a leaver). An account that was closed ({@link PersonStatus#LEFT}) is that
   * account's alone: the person's other accounts stay as they are. Called under a lock.
   */
  private PersonProfile personProfile(PersonId account) {
    PersonProfile own = access.profileOf(account);
    if (own == null || own.status() == PersonStatus.LEFT || !state.links.containsKey(account)) {
      return own;
    }
    PersonProfile marked = own;
    for (PersonId other : state.accounts(account)) {
      PersonProfile profile = other.equals(account) ? own : access.profileOf(other);
      if (profile != null && lessAround(profile, marked)) {
        marked = profile;
      }
    }
    return marked == own ? own
        : own.toBuilder().status(marked.status(), marked.leavingOn()).build();
  }

  /**
   * Whether {@code a}'s status says less of being around to ask than {@code b}'s: leaving before
   * away before active (closed accounts count as active here), and of two leaving, the earlier
   * last day (a day before none).
   */
  private static boolean lessAround(PersonProfile a, PersonProfile b) {
    int ra = absence(a.status());
    int rb = absence(b.status());
    if (ra != rb) {
      return ra > rb;
    }
    return ra == 2 && a.leavingOn() != null
        && (b.leavingOn() == null || a.leavingOn().isBefore(b.leavingOn()));
  }

  /** How much a status says someone is not around to ask: 2 leaving, 1 away, else 0. */
  private static int absence(PersonStatus status) {
    return status == PersonStatus.LEAVING ? 2 : status == PersonStatus.AWAY ? 1 : 0;
  }

  /**
   * Sets how "who knows", {@link #suggestAnswerers suggested answerers} and routing weigh their
   * signals from now on, wherever a query does not name a mix of its own: typically the mix
   * {@link ExpertiseMixLearner} learned from the host's {@link
   * io.socialearn.api.expertise.KnownAnswer known answers}, set again each time it is re-learned.
   * Calls that start after this returns use it; nothing already recorded changes (who was
   * routed a question stays as recorded). The mix is configuration, not history: it is not
   * written to the event log or to snapshots, so a new engine starts from its {@link
   * io.socialearn.core.expertise.ExpertiseSettings#mix() settings' mix}; a host that keeps its
   * learned mix (it writes to JSON with {@code SocialearnJson.newMapper()}) passes it there or
   * calls this again. Thread-safe.
   *
   * @throws InvalidInputException if {@code mix} is null
   */
  public void useExpertiseMix(ExpertiseMix mix) {
    this.mix = Validate.required("mix", mix);
  }

  /**
   * The mix "who knows" and routing use where a query names none: the last one {@link
   * #useExpertiseMix} set, else the expertise settings' mix. Thread-safe.
   */
  public ExpertiseMix expertiseMix() {
    return mix;
  }

  @Override
  public PulseReport pulse(Viewer viewer, PulseScope scope, PulsePeriod period) {
    Validate.required("scope", scope);
    Validate.required("period", period);
    return read(viewer, () -> {
      if (scope.kind() == PulseScope.Kind.SPACE) {
        access.space(viewer, scope.space());
      }
      return pulse.report(scope, period, access.readableSpaces(viewer), viewer.person(),
          state::accounts, pulsePrivacy.showsPeopleTo(viewer), pulsePrivacy.minimumGroupSize(),
          state.lastSequence);
    });
  }

  @Override
  public List<ExpertiseEntry> expertise(Viewer viewer, PersonId person) {
    Validate.required("person", person);
    return read(viewer, () -> {
      reads.person(person);
      Set<SpaceId> readable = access.readableSpaces(viewer);
      return expertise.expertise(accountsOf(person), person, readable::contains,
          expertise.scoringTime(clock.instant()));
    });
  }

  @Override
  public List<PulseReport> comparePilots(Viewer viewer, List<SpaceId> spaces,
      PulsePeriod period) {
    List<SpaceId> pilots = Validate.list("spaces", spaces);
    Validate.range("spaces", pilots.size(), 1, 20);
    Validate.required("period", period);
    return read(viewer, () -> {
      Set<SpaceId> readable = access.readableSpaces(viewer);
      List<PulseReport> reports = new ArrayList<>();
      for (SpaceId space : pilots) {
        access.space(viewer, space);
        reports.add(pulse.report(PulseScope.space(space), period, readable, viewer.person(),
            state::accounts, pulsePrivacy.showsPeopleTo(viewer), pulsePrivacy.minimumGroupSize(),
            state.lastSequence));
      }
      return reports;
    });
  }

  @Override
  public KnowledgeCapture knowledgeCapture(Viewer viewer, PersonId person) {
    Validate.required("person", person);
    return read(viewer, () -> {
      reads.person(person);
      if (!pulsePrivacy.showsPerson(viewer, person)) {
        throw new ForbiddenException("knowledgeCapture",
            "a knowledge-capture plan is per-person: only " + person.value()
                + " and the roles the host allows may see it");
      }
      // One person under every linked account: their answers under any of them are theirs,
      // nobody takes over from themselves, and a successor is named once.
      return pulse.capture(person, access.readableSpaces(viewer), state::accounts);
    });
  }

  @Override
  public ExpertiseEntry explain(Viewer viewer, PersonId person, Tag topic) {
    Validate.required("person", person);
    Validate.required("topic", topic);
    return read(viewer, () -> {
      reads.person(person);
      Set<SpaceId> readable = access.readableSpaces(viewer);
      return expertise.explain(accountsOf(person), person, topic, readable::contains,
          expertise.scoringTime(clock.instant()));
    });
  }

  /**
   * All of a person's accounts, {@code person} first and the others by id, so that evidence of
   * equal weight and time lists in the same order every time. Called under a lock.
   */
  private List<PersonId> accountsOf(PersonId person) {
    if (!state.links.containsKey(person)) {
      return List.of(person);
    }
    List<PersonId> others = new ArrayList<>(state.accounts(person));
    others.remove(person);
    others.sort(Comparator.comparing(PersonId::value));
    others.add(0, person);
    return others;
  }

  /** The expertise model's exact contents ({@link ExpertiseModel#contents}); for tests. */
  byte[] expertiseContents() {
    lock.readLock().lock();
    try {
      return expertise.contents();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The expertise projection's contents at {@code now}, comparable with equals; for tests. */
  Object expertiseImage(Instant now) {
    lock.readLock().lock();
    try {
      return expertise.image(now);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public MentorMatching matchMentors(Viewer viewer, List<Learner> learners, List<Mentor> mentors,
      MentoringConstraints constraints) {
    List<Learner> ls = Validate.list("learners", learners);
    List<Mentor> ms = Validate.list("mentors", mentors);
    Validate.required("constraints", constraints);
    // One person under every linked account: their questions and answers under any of them are
    // theirs, and nobody mentors themselves.
    return read(viewer, () -> MentoringPlanner.match(pulse, access.readableSpaces(viewer), ls, ms,
        constraints, state::accounts));
  }

  @Override
  public long lastSequence() {
    lock.readLock().lock();
    try {
      return state.lastSequence;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Everything the read models hold, comparable with {@code equals}; for replay tests. */
  List<Object> stateContents() {
    lock.readLock().lock();
    try {
      return state.contents();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The sequence of the snapshot start-up loaded, or -1; for tests and logs. */
  long startedFromSnapshot() {
    return snapshots.startedFrom();
  }

  /** The reputation ledger's contents; for tests. */
  ReputationLedger.Image reputationImage() {
    lock.readLock().lock();
    try {
      return reputation.image();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Everything the pulse ledger holds, comparable with {@code equals}; for snapshot tests. */
  List<Object> pulseContents() {
    lock.readLock().lock();
    try {
      return pulse.contents();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The read models as snapshot bytes, taken under the read lock. */
  byte[] snapshotBytes() {
    lock.readLock().lock();
    try {
      return StateCodec.encode(state, reputation, pulse, expertise);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the socialearn engine is closed");
    }
    if (failure != null) {
      throw new IllegalStateException("the socialearn engine stopped: its event log lost events"
          + " it had applied (" + failure.getMessage() + "); reopen it from the log", failure);
    }
  }

  @Override
  public void close() {
    SnapshotStore.Prepared snapshot;
    PendingAppend last;
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      snapshot = failure != null ? null : snapshots.pending(state, reputation, pulse);
      last = latest;
    } finally {
      lock.writeLock().unlock();
    }
    boolean durable = true;
    try {
      if (last != null) {
        last.awaitDurable();
      }
    } catch (EventLogException e) {
      durable = false;
      log.error("closing: the event log lost events the engine had applied; no snapshot taken",
          e);
    }
    if (snapshot != null) {
      snapshots.save(snapshot, durable);
    }
    try {
      searchIndex.close();
    } finally {
      eventLog.close();
    }
  }

  /**
   * Builds a {@link SocialLearningEngine}. Every setting has an embedded default; a setting that
   * owns a resource (the log, the index) may be set once. Not thread-safe.
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private IdGenerator idGenerator = IdGenerator.randomUuids();
    private PersonDirectory directory = PersonDirectory.none();
    private ContentLimits limits = ContentLimits.defaults();
    private WriteRateLimit rateLimit = WriteRateLimit.defaults();
    private ReputationRules reputationRules = ReputationRules.stackExchange();
    private AntiGamingPolicy antiGaming = AntiGamingPolicy.defaults();
    private RoutingPolicy routing = RoutingPolicy.off();
    private TrustPolicy trustPolicy = TrustPolicy.defaults();
    private PulsePrivacy pulsePrivacy = PulsePrivacy.defaults();
    private EventLog eventLog;
    private Path dataDirectory;
    private long snapshotEvery = 100_000;
    private SearchIndex searchIndex;
    private ExpertiseSettings expertiseSettings = ExpertiseSettings.defaults();
    private final List<EventListener> listeners = new ArrayList<>();

    private Builder() {}

    /** The clock that stamps events; default UTC system time. Inject one for tests and imports. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where new ids come from; default random UUIDs. */
    public Builder idGenerator(IdGenerator idGenerator) {
      this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
      return this;
    }

    /** The host's user store; default none (people are registered by command). */
    public Builder personDirectory(PersonDirectory directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Size limits on content; default {@link ContentLimits#defaults()}. */
    public Builder contentLimits(ContentLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** How often one person may write; default {@link WriteRateLimit#defaults()}. */
    public Builder writeRateLimit(WriteRateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    /**
     * The reputation rules; default {@link ReputationRules#stackExchange()}. Reputation is a
     * projection: an engine built with other rules over the same log recomputes everyone.
     */
    public Builder reputationRules(ReputationRules rules) {
      this.reputationRules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /** How trust levels are earned and what they unlock; default {@link TrustPolicy#defaults()}. */
    public Builder trustPolicy(TrustPolicy trustPolicy) {
      this.trustPolicy = Objects.requireNonNull(trustPolicy, "trustPolicy");
      return this;
    }

    /**
     * How the pulse protects people (the minimum group size, whether administrators see
     * per-person figures); default {@link PulsePrivacy#defaults()}.
     */
    public Builder pulsePrivacy(PulsePrivacy pulsePrivacy) {
      this.pulsePrivacy = Objects.requireNonNull(pulsePrivacy, "pulsePrivacy");
      return this;
    }

    /**
     * Whether new questions are routed to the people likely to answer them; default {@link
     * RoutingPolicy#off()}.
     */
    public Builder routing(RoutingPolicy routing) {
      this.routing = Objects.requireNonNull(routing, "routing");
      return this;
    }

    /** When up votes count as serial voting; default {@link AntiGamingPolicy#defaults()}. */
    public Builder antiGaming(AntiGamingPolicy antiGaming) {
      this.antiGaming = Objects.requireNonNull(antiGaming, "antiGaming");
      return this;
    }

    /**
     * The event log; default a new in-memory log. The engine replays it on build and closes it
     * on close.
     *
     * @throws IllegalStateException if a log or a data directory was set already
     */
    public Builder eventLog(EventLog eventLog) {
      Objects.requireNonNull(eventLog, "eventLog");
      if (this.eventLog != null || dataDirectory != null) {
        throw new IllegalStateException("the event log was set already, to "
            + (this.eventLog != null ? this.eventLog : "the data directory " + dataDirectory));
      }
      this.eventLog = eventLog;
      return this;
    }

    /**
     * Keeps everything durably in {@code directory}: a {@link FileEventLog} (GROUP durability) in
     * {@code log/} and snapshots of the read models in {@code snapshots/}, so that start-up loads
     * the newest snapshot and replays only the log's tail. The embedded default for hosts without
     * a database.
     *
     * @throws IllegalStateException if an event log or a data directory was set already
     */
    public Builder dataDirectory(Path directory) {
      Objects.requireNonNull(directory, "directory");
      if (this.eventLog != null || dataDirectory != null) {
        throw new IllegalStateException("the event log was set already, to "
            + (this.eventLog != null ? this.eventLog : "the data directory " + dataDirectory));
      }
      this.dataDirectory = directory;
      return this;
    }

    /**
     * How many events may come between two snapshots when a data directory is used; default
     * 100,000. A snapshot is also written on close.
     *
     * <p>A snapshot is written while the engine holds its lock, so commands wait for it: with
     * 1,000,000 posts and 10,000,000 votes, encoding one took 6 to 8 seconds on a two-core
     * machine (the README's figures). Fewer snapshots mean fewer such waits but a longer log
     * tail to replay at start-up.
     */
    public Builder snapshotEvery(long events) {
      if (events < 1) {
        throw new InvalidInputException("snapshotEvery", "positive",
            "snapshotEvery must be at least 1, was " + events);
      }
      this.snapshotEvery = events;
      return this;
    }

    /**
     * The search index; default the built-in in-memory index. The engine feeds it from its
     * checkpoint on build and closes it on close.
     *
     * @throws IllegalStateException if an index was set already
     */
    public Builder searchIndex(SearchIndex searchIndex) {
      Objects.requireNonNull(searchIndex, "searchIndex");
      if (this.searchIndex != null) {
        throw new IllegalStateException("searchIndex was set already, to "
            + this.searchIndex.name());
      }
      this.searchIndex = searchIndex;
      return this;
    }

    /**
     * How expertise is scored (half-lives, evidence weights, the who-knows mix); default {@link
     * ExpertiseSettings#defaults()}. Expertise is a projection: other settings over the same log
     * rescore everyone.
     */
    public Builder expertise(ExpertiseSettings settings) {
      this.expertiseSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Adds a listener told of every recorded batch. */
    public Builder listener(EventListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Builds the engine and replays the log into it. */
    public SocialLearningEngine build() {
      return new SocialLearningEngine(this);
    }
  }
}
