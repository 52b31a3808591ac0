package io.socialearn.core.expertise;

import io.socialearn.api.expertise.DepartmentPreference;
import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.core.expertise.ExpertiseModel.Acc;
import io.socialearn.core.expertise.ExpertiseModel.AnswerInfo;
import io.socialearn.core.expertise.ExpertiseModel.ThreadInfo;
import io.socialearn.core.internal.CompactMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * One "who knows" ranking over an {@link ExpertiseModel}: gathers candidates from the profile
 * model (evidence in the query's topics), the document model (authors of answers to similar
 * threads) and the most active people, computes each one's signals from the spaces the viewer may
 * read only, and combines them with the mix. Used once, under the engine's read lock.
 */
final class WhoKnows {
  static final int TOPIC = 0;
  static final int TOPIC_RECENT = 1;
  static final int ACTIVITY = 2;
  static final int FRESH = 3;
  static final int DOCUMENTS = 4;
  static final int STANDING = 5;
  static final int TOPIC_SPECIFIC = 6;
  /** The first last-answer signal; one follows per time constant of {@link #LAST_ANSWER_MILLIS}. */
  static final int LAST = 7;
  /** The topics' share of the person's answers, smoothed (see {@link #share}). */
  static final int TOPIC_SHARE = 11;
  private static final int SIGNALS = 12;
  /**
   * Not a signal: the slot after them holds the candidate's answers in the query's topics, summed
   * over the topics (an answer in two of them counted twice), from which {@link #TOPIC_SHARE} is
   * worked out once their answers in all topics are known.
   */
  static final int TOPIC_ANSWERS = SIGNALS;
  /** The raw figures per candidate: the signals and {@link #TOPIC_ANSWERS}. */
  static final int SLOTS = SIGNALS + 1;
  /**
   * How many answers' worth of the topics' share of all threads a person's own share starts from
   * (Dirichlet smoothing): with few answers, their share is mostly the community's.
   */
  static final double SHARE_PRIOR = 5;
  /**
   * What each raw figure is multiplied by inside log(1 + x); the last-answer signals and the share
   * (0 here) are their raw figure, already between 0 and 1.
   */
  private static final double[] SCALE = {1, 10, 10, 10, 5, 1, 10, 0, 0, 0, 0, 0};
  /**
   * The last-answer signals' time constants, e^(−age / each): an hour, 6 hours, a day, a week.
   * Fixed a priori rather than tuned; the mix weighs them, so which one matters is learned, not
   * set.
   */
  static final double[] LAST_ANSWER_MILLIS = {3_600_000.0, 6 * 3_600_000.0, 24 * 3_600_000.0,
      168 * 3_600_000.0};

  static {
    // The bounds of the last-answer signals raise the week's to the powers 7, 28 and 168.
    if (LAST_ANSWER_MILLIS[3] != 7 * LAST_ANSWER_MILLIS[2]
        || LAST_ANSWER_MILLIS[2] != 4 * LAST_ANSWER_MILLIS[1]
        || LAST_ANSWER_MILLIS[1] != 6 * LAST_ANSWER_MILLIS[0]) {
      throw new AssertionError("the last-answer scales are not a week, a day, 6 hours and an hour");
    }
  }
  /** How many of the profile model's candidates are kept at most (the best in the topics). */
  static final int TOPIC_POOL = 5_000;
  /**
   * A bound on how far {@link #roughTopicPart} may be from {@link #topicPart} (and {@link
   * #roughScoreOf} from {@link #scoreOf}) per unit of weight: {@link #fastLog} is at most {@link
   * #FAST_LOG_ERROR} below the natural logarithm, and rounding (sums of a few logarithms of at
   * most about 700) adds far less than the rest.
   */
  private static final double ROUGH = 1e-5;
  /**
   * The least sum a summed signal (evidence, answers, their decayed counts) holds as evidence.
   * Taking evidence away subtracts what adding it added, in floating point: a person whose every
   * answer was deleted keeps sums of about 1e-16 of what they once held, not 0, and must not be
   * suggested (nor routed questions) on them. One answer's share falls below this only after
   * about 40 of its signal's half-lives. The last-answer signals are not sums: never cut.
   */
  static final double RESIDUE = 1e-12;
  /** How far {@link #fastLog} may fall below {@code Math.log}: (1/256)² / 8, with room. */
  static final double FAST_LOG_ERROR = 2e-6;
  /** ln(1 + i / 256) for i from 0 to 256: the table {@link #fastLog} interpolates. */
  private static final double[] LOG_TABLE = new double[257];

  static {
    for (int i = 0; i < LOG_TABLE.length; i++) {
      LOG_TABLE[i] = Math.log(1 + i / 256.0);
    }
  }

  /**
   * The most distinct topics a query may have for the shortcuts that subtract what per-topic
   * sums count more than once ({@link #overlaps} marks a thread's topics as bits of a long).
   */
  static final int MAX_PAIRED = 64;
  /** How many of the most active people join the candidates. */
  private static final int ACTIVE_POOL = 100;
  /** How much a preferred department multiplies a score. */
  private static final double DEPARTMENT_BOOST = 1.25;
  private static final double LN2 = Math.log(2);
  private static final Acc[] NO_SUMS = {};
  private static final int REASONS = ExpertiseModel.REASON_KINDS.length;
  /** Where a column counts a person's answers among its counts per kind. */
  private static final int ANSWER_REASON =
      ExpertiseModel.REASON_OF[EvidenceKind.ANSWER.ordinal()];

  private final ExpertiseModel model;
  private final Predicate<SpaceId> visible;
  /** Who may be suggested at all, besides what the options say. */
  private final Predicate<PersonId> eligible;
  /**
   * Whether {@link #eligible} admits few of those who know (routing a members-only space's
   * question): then it is checked for every candidate before the topic pool is cut.
   */
  private final boolean fewEligible;
  /**
   * The people with linked accounts, each as all of their accounts: a person's evidence under all
   * of them is scored together. Empty when no accounts are linked.
   */
  private final List<List<PersonId>> persons;
  private final long now;
  /**
   * Whether every live fact counts at {@link #now} (none is later): then the columns' sums and
   * tallies hold what a walk of the evidence would find, and the walks can be cut short.
   */
  private final boolean current;
  /**
   * Whether sums and counts kept by the model may stand in for walks of the evidence, and rough
   * scores for exact ones in the heap.
   */
  private final boolean shortcuts;
  /**
   * The query's topics' share of the threads the viewer can read, set by {@link #idfShares}: what
   * a person's share of answers in them is smoothed towards ({@link #share}).
   */
  private double topicsShare;

  WhoKnows(ExpertiseModel model, Predicate<SpaceId> visible, long now) {
    this(model, visible, now, true);
  }

  /**
   * A ranking that reads the columns' sums and tallies where they hold what a walk would find
   * ({@code shortcuts}), or that walks the evidence as in every other case (tests compare both).
   */
  WhoKnows(ExpertiseModel model, Predicate<SpaceId> visible, long now, boolean shortcuts) {
    this(model, visible, now, shortcuts, null, false);
  }

  /**
   * A ranking that suggests only people {@code eligible} accepts (null for everyone), besides
   * what the options leave out (routing: people who can read the question); {@code
   * fewEligible} says it admits few of those who know, and is cheap enough to ask of them all.
   */
  WhoKnows(ExpertiseModel model, Predicate<SpaceId> visible, long now, boolean shortcuts,
      Predicate<PersonId> eligible, boolean fewEligible) {
    this(model, visible, now, shortcuts, eligible, fewEligible, List.of());
  }

  /**
   * As above, scoring each person whose accounts are linked ({@code persons}, each as all of
   * their accounts) on the evidence of all of them together, named under one of them.
   */
  WhoKnows(ExpertiseModel model, Predicate<SpaceId> visible, long now, boolean shortcuts,
      Predicate<PersonId> eligible, boolean fewEligible, List<List<PersonId>> persons) {
    this.model = model;
    this.persons = persons;
    this.eligible = eligible == null ? person -> true : eligible;
    this.fewEligible = eligible != null && fewEligible;
    this.visible = s -> s == null || visible.test(s);
    this.now = now;
    this.shortcuts = shortcuts;
    this.current = shortcuts && now >= model.latest;
  }

  /**
   * One reading thread's working arrays, indexed by the model's dense person index and reused
   * from query to query, so that a query touching tens of thousands of people allocates next to
   * nothing. A person's slots are valid only while {@code mark[person] == generation}. Not
   * thread-safe: the model keeps one per thread.
   */
  static final class Scratch {
    /** The topic signals kept per person left out of the topic pool. */
    static final int TOPIC_KEPT = 4;
    /**
     * The candidates' raw figures, {@link #SLOTS} per candidate in the order they were touched
     * (at {@code local[person] * SLOTS}), so the loops over candidates read and write it in
     * sequence rather than all over an array the size of everyone.
     */
    double[] raw = new double[0];
    int[] mark = new int[0];
    /** Each candidate's place in {@link #touched} (and in {@link #raw}). */
    int[] local = new int[0];
    int generation;
    /** How many candidates the current query left out, with their topic signals kept. */
    int left;
    /** The candidates of the current query, in the order they were first touched. */
    int[] touched = new int[0];
    int size;
    /** Answers to similar threads per candidate, for reasons. */
    int[] similar = new int[0];
    double[] score = new double[0];
    double[] department = new double[0];
    double[] part = new double[0];
    double[] select = new double[0];
    boolean[] visible = new boolean[0];
    /** Whether a candidate's overall signals are exact (not bounds yet), by person index. */
    boolean[] exact = new boolean[0];
    /**
     * {@code linked[person] == generation}: the account is one of several of a person's that
     * the current query scores together ({@link WhoKnows#merged}), not on its own.
     */
    int[] linked = new int[0];
    /**
     * The topic signals of those {@link WhoKnows#boundTopicPool} left out of the current query's
     * topic pool, {@link #TOPIC_KEPT} each, in the order it left them out: the {@code j}-th has
     * {@code mark[person] == -generation} and {@code local[person] == j}, so that one who joins
     * again through the document model or the active pool keeps them. Written in sequence, so
     * leaving people out costs no more random writes than before.
     */
    double[] leftTopic = new double[0];
    int[] heap = new int[0];
    int heapSize;
    /** The answers {@link WhoKnows#overlaps} found, and how many of the topics each has. */
    AnswerInfo[] overlap = new AnswerInfo[16];
    int[] overlapTopics = new int[16];

    /** Sets the {@code k}-th of the answers found by {@link WhoKnows#overlaps}. */
    void overlap(int k, AnswerInfo answer, int topics) {
      if (k == overlap.length) {
        overlap = Arrays.copyOf(overlap, 2 * k);
        overlapTopics = Arrays.copyOf(overlapTopics, 2 * k);
      }
      overlap[k] = answer;
      overlapTopics[k] = topics;
    }

    /** Grows the arrays to hold {@code people} people and {@code spaces} spaces. */
    void fit(int people, int spaces) {
      if (mark.length < people) {
        int n = Math.max(people, mark.length + mark.length / 2);
        raw = Arrays.copyOf(raw, n * SLOTS);
        mark = Arrays.copyOf(mark, n);
        local = Arrays.copyOf(local, n);
        touched = Arrays.copyOf(touched, n);
        similar = Arrays.copyOf(similar, n);
        score = Arrays.copyOf(score, n);
        department = Arrays.copyOf(department, n);
        part = Arrays.copyOf(part, n);
        select = Arrays.copyOf(select, n);
        exact = Arrays.copyOf(exact, n);
        linked = Arrays.copyOf(linked, n);
        heap = Arrays.copyOf(heap, n);
        leftTopic = Arrays.copyOf(leftTopic, n * TOPIC_KEPT);
      }
      if (visible.length < spaces) {
        visible = new boolean[spaces];
      }
    }

    /** Starts a query: no one touched yet. */
    void begin() {
      if (++generation == Integer.MAX_VALUE) {
        Arrays.fill(mark, 0);
        Arrays.fill(linked, 0);
        generation = 1;
      }
      size = 0;
      left = 0;
      heapSize = 0;
    }

    /**
     * Makes {@code person} a candidate (with zero signals if new, or the topic signals they had
     * if the topic pool left them out) and returns its offset. Only the signals summed before the
     * overall ones are set: the overall loop sets the others for every candidate, so most of
     * those the topic pool leaves out cost one cache line, not two.
     */
    int touch(int person) {
      if (mark[person] != generation) {
        boolean wasLeft = mark[person] == -generation;
        int t = wasLeft ? local[person] * TOPIC_KEPT : 0;
        mark[person] = generation;
        local[person] = size;
        int o = size * SLOTS;
        raw[o + TOPIC] = wasLeft ? leftTopic[t] : 0;
        raw[o + TOPIC_RECENT] = wasLeft ? leftTopic[t + 1] : 0;
        raw[o + DOCUMENTS] = 0;
        raw[o + TOPIC_SPECIFIC] = wasLeft ? leftTopic[t + 2] : 0;
        raw[o + TOPIC_ANSWERS] = wasLeft ? leftTopic[t + 3] : 0;
        similar[person] = 0;
        touched[size++] = person;
      }
      return local[person] * SLOTS;
    }

    /** Where a candidate's signals start in {@link #raw}. */
    int offset(int person) {
      return local[person] * SLOTS;
    }

    boolean has(int person) {
      return person >= 0 && mark[person] == generation;
    }
  }

  List<ExpertCandidate> rank(PersonId viewer, PersonProfile viewerProfile, List<Tag> topics,
      List<SearchHit> hits, Function<PersonId, PersonProfile> profiles, WhoKnowsOptions options,
      ExpertiseMix mix) {
    // In steps of a method each, so that when a branch first taken late makes the JIT compiler
    // drop its compiled code (someone excluded reached by the walk, say), it recompiles one step,
    // not a method of thousands of bytecodes with its loops compiled on stack replacement.
    long cutoff = options.votesBefore() == null ? Long.MAX_VALUE
        : options.votesBefore().toEpochMilli();
    double f0 = model.toNow(now, 0);
    double f1 = model.toNow(now, 1);
    double f2 = model.toNow(now, 2);
    Scratch s = model.scratch();
    s.begin();
    for (int i = 0; i < model.spaceIds.size(); i++) {
      s.visible[i] = visible.test(model.spaceIds.get(i));
    }
    profileModel(s, topics, f0, f1);
    if (fewEligible && s.size > TOPIC_POOL) {
      // Only those who may be asked take part in the topic pool: cut among everyone, it could
      // leave out all of them (a members-only space's few members among thousands who know).
      List<PersonId> ids = model.personIds;
      leaveOut(s, k -> eligible.test(ids.get(s.touched[k])));
    }
    boundTopicPool(s, mix.weights(), topicsShare);
    documentModel(s, hits, cutoff);
    activePool(s);
    List<int[]> people = persons.isEmpty() ? List.of() : linkedPeople(s);
    boolean lazy = shortcuts && cutoff == Long.MAX_VALUE;
    overallSignals(s, lazy, f0, f1, f2);
    if (cutoff != Long.MAX_VALUE) {
      lateVotes(s, topics, cutoff);
    }
    double[] weights = mix.weights();
    // Without a department preference every factor is 1, so who may be suggested at all (the
    // asker, people who left, ...) is checked only for those the ranking reaches, not for all.
    boolean eager = options.department() != DepartmentPreference.ANY;
    heap(s, viewer, viewerProfile, profiles, options, weights, eager, lazy, f0, f1, f2);
    List<Scored> scored = walk(s, viewer, topics, profiles, options, weights, eager, f0, f1, f2);
    Map<PersonId, Merged> merged = people.isEmpty() ? Map.of() : new HashMap<>();
    if (!people.isEmpty()) {
      // Who cannot beat the walk's last of the best is not made at all.
      double bar = scored.size() < options.limit() ? 0 : scored.get(scored.size() - 1).score();
      scored = new ArrayList<>(scored);
      Tag[] query = model.pooledDistinct(topics);
      double[] sum = new double[SLOTS];
      for (int[] accounts : people) {
        Scored one = merged(s, accounts, viewer, viewerProfile, topics, query, profiles, options,
            weights, lazy, f0, f1, f2, bar, sum, merged);
        if (one != null) {
          scored.add(one);
        }
      }
      scored.sort(ORDER);
      scored = scored.subList(0, Math.min(options.limit(), scored.size()));
    }
    return candidates(scored, topics, cutoff, profiles, options, s, merged);
  }

  /** Best first: by score, then by id. */
  private static final Comparator<Scored> ORDER = Comparator.comparingDouble(Scored::score)
      .reversed().thenComparing(sc -> sc.person().value());

  /**
   * The people with several accounts among this query's candidates, each as its accounts'
   * person indices (those the model knows, at least two): every one of their accounts is made a
   * candidate (with what it has in the topics, or nothing), so that the overall signals and late
   * votes are worked out for each as for anyone, and marked {@link Scratch#linked}, so that the
   * heap and the walk leave it to {@link #merged}. A person none of whose accounts is a
   * candidate yet is left out, as anyone would be.
   */
  private List<int[]> linkedPeople(Scratch s) {
    List<int[]> out = new ArrayList<>();
    int[] buffer = new int[4];
    for (List<PersonId> person : persons) {
      int n = 0;
      boolean candidate = false;
      for (PersonId account : person) {
        int a = model.indexOf(account);
        if (a >= 0) {
          // a candidate, or one the topic pool left out (touching takes them back)
          candidate |= s.mark[a] == s.generation || s.mark[a] == -s.generation;
          if (n == buffer.length) {
            buffer = Arrays.copyOf(buffer, 2 * n);
          }
          buffer[n++] = a;
        }
      }
      if (n < 2 || !candidate) {
        continue;
      }
      int[] accounts = Arrays.copyOf(buffer, n);
      Arrays.sort(accounts);
      for (int a : accounts) {
        s.touch(a);
        s.linked[a] = s.generation;
      }
      out.add(accounts);
    }
    return out;
  }

  /**
   * One person under several accounts ({@code accounts}, person indices), scored on the evidence
   * of all of them: the summed figures summed, the last answer the latest, the topics' share
   * worked out from all their answers. Named under the account that scores best on its own of
   * those that may be suggested (the smaller id on a tie); null if none may, or if the score is
   * below {@code bar}. Puts what the reasons need into {@code merged}; {@code sum} is room for
   * the summed figures ({@link #SLOTS}), overwritten.
   */
  private Scored merged(Scratch s, int[] accounts, PersonId viewer, PersonProfile viewerProfile,
      List<Tag> topics, Tag[] query, Function<PersonId, PersonProfile> profiles,
      WhoKnowsOptions options, double[] weights, boolean lazy, double f0, double f1, double f2,
      double bar, double[] sum, Map<PersonId, Merged> merged) {
    double[] raw = s.raw;
    Arrays.fill(sum, 0);
    long answers = 0;
    int similar = 0;
    PersonId named = null;
    double namedScore = Double.NEGATIVE_INFINITY;
    for (int a : accounts) {
      int o = s.offset(a);
      PersonId person = model.personIds.get(a);
      if (lazy) {
        overall(raw, a, o, f0, f1, f2, s);
      }
      if (topics.size() > 1 && raw[o + TOPIC_RECENT] > 0) {
        raw[o + TOPIC_RECENT] = recentOnce(person, topics, query, raw[o + TOPIC_RECENT], s);
      }
      for (int i = 0; i < SLOTS; i++) {
        if (i >= LAST && i < LAST + LAST_ANSWER_MILLIS.length) {
          sum[i] = Math.max(sum[i], raw[o + i]);
        } else if (i != TOPIC_SHARE) {
          sum[i] += raw[o + i];
        }
      }
      answers += visibleAnswers(person, s);
      similar += s.similar[a];
      double own = scoreOf(raw, o, weights);
      boolean better = named == null || own > namedScore
          || (own == namedScore && person.value().compareTo(named.value()) < 0);
      if (better && admitted(person, profiles.apply(person), viewer, options)) {
        named = person;
        namedScore = own;
      }
    }
    if (named == null) {
      return null;
    }
    sum[TOPIC_SHARE] = share(sum[TOPIC_ANSWERS], answers);
    double department = departmentFactor(options.department(), viewerProfile,
        profiles.apply(named));
    double total = scoreOf(sum, 0, weights) * department;
    if (total <= 0 || total < bar) {
      return null;
    }
    Scored scored = score(named, sum, 0, weights, department);
    PersonId[] ids = new PersonId[accounts.length];
    for (int i = 0; i < accounts.length; i++) {
      ids[i] = model.personIds.get(accounts[i]);
    }
    merged.put(named, new Merged(List.of(ids), sum[ACTIVITY], similar, answers));
    return scored;
  }

  /** What a person's reasons are made from when their accounts are scored together. */
  private record Merged(List<PersonId> accounts, double activity, int similar, long answers) {}

  /**
   * Profile model: evidence in the topics. Recent answers in the topics are summed per topic
   * here (an answer in two of the topics counts twice: an upper bound); the exact
   * once-per-question figure is computed by {@link #walk} for the candidates whose rank it can
   * decide.
   */
  private void profileModel(Scratch s, List<Tag> topics, double f0, double f1) {
    double[] raw = s.raw;
    double[] share = idfShares(topics);
    for (int ti = 0; ti < topics.size(); ti++) {
      Map<SpaceId, ExpertiseModel.Column> bySpace = model.byTopic.get(topics.get(ti));
      if (bySpace == null) {
        continue;
      }
      double specific = share[ti];
      for (Map.Entry<SpaceId, ExpertiseModel.Column> space : bySpace.entrySet()) {
        if (visible.test(space.getKey())) {
          ExpertiseModel.Column c = space.getValue();
          double[] flat = c.flat;
          if (flat == null) {
            // No evidence that never decays: each term is what it would be with a 0 (+0.0).
            for (int k = 0; k < c.size; k++) {
              int o = s.touch(c.person[k]);
              raw[o + TOPIC] += c.evidence[k] * f0 + 0.0;
              raw[o + TOPIC_RECENT] += c.recent[k] * f1;
              raw[o + TOPIC_SPECIFIC] += specific * c.recent[k] * f1;
              raw[o + TOPIC_ANSWERS] += c.count(k * REASONS + ANSWER_REASON);
            }
          } else {
            for (int k = 0; k < c.size; k++) {
              int o = s.touch(c.person[k]);
              raw[o + TOPIC] += c.evidence[k] * f0 + flat[k];
              raw[o + TOPIC_RECENT] += c.recent[k] * f1;
              raw[o + TOPIC_SPECIFIC] += specific * c.recent[k] * f1;
              raw[o + TOPIC_ANSWERS] += c.count(k * REASONS + ANSWER_REASON);
            }
          }
        }
      }
    }
  }

  /** Document model: answers to similar threads, by relevance and quality. */
  private void documentModel(Scratch s, List<SearchHit> hits, long cutoff) {
    double[] raw = s.raw;
    double top = hits.stream().mapToDouble(SearchHit::score).max().orElse(0);
    if (top > 0) {
      for (SearchHit hit : hits) {
        ThreadInfo thread = model.threads.get(hit.thread());
        if (thread == null || (thread.spaceIndex() >= 0 && !s.visible[thread.spaceIndex()])) {
          continue;
        }
        double relevance = hit.score() / top;
        for (AnswerInfo answer = thread.firstAnswer(); answer != null;
            answer = thread.nextAnswer(answer)) {
          int author = model.indexOf(answer.person);
          if (answer.deleted || answer.at > now || author < 0) {
            continue;
          }
          int ups = model.votes.upvotes(answer.index);
          boolean accepted = answer.accepts() > 0;
          if (cutoff != Long.MAX_VALUE || !shortcuts) {
            ups = 0;
            accepted = false;
            Votes votes = model.votes;
            for (int e = votes.first(answer.index); e >= 0; e = votes.next[e]) {
              if (votes.at(e) < cutoff) {
                ups += votes.accept(e) ? 0 : 1;
                accepted |= votes.accept(e);
              }
            }
          }
          double quality = 1 + (accepted ? 1 : 0) + 0.5 * Math.log1p(ups);
          double age = Math.exp(-(now - answer.at) / (double) model.settings().halfLife()
              .toMillis() * Math.log(2));
          raw[s.touch(author) + DOCUMENTS] += relevance * quality * age;
          s.similar[author]++;
        }
      }
    }
  }

  /**
   * The most active people, who may know without having answered in these topics yet: walked
   * from the most active in every space down, until no one left can beat the pool's weakest.
   */
  private void activePool(Scratch s) {
    PriorityQueue<Pooled> pool = new PriorityQueue<>(Comparator.comparingDouble(Pooled::recent)
        .thenComparing(p -> p.person().value(), Comparator.reverseOrder()));
    for (ExpertiseModel.Active a : model.byActivity) {
      if (pool.size() >= ACTIVE_POOL && a.recent < pool.peek().recent() * (1 - 1e-9)) {
        break;
      }
      double sum = 0;
      for (Acc acc : model.overallArrays.get(a.index)) {
        if (acc.space >= 0 && s.visible[acc.space] && acc.recent > 0) {
          sum += acc.recent;
        }
      }
      if (sum > 0) {
        pool.add(new Pooled(a.person, a.index, sum));
        if (pool.size() > ACTIVE_POOL) {
          pool.poll();
        }
      }
    }
    for (Pooled p : pool) {
      s.touch(p.index());
    }
  }

  /**
   * Overall signals of every candidate, set here (touching left them as they were): exact
   * sums over the spaces the viewer reads, or ({@code lazy}), where the ranking only needs an
   * upper bound of a score until it reaches the person, the bounds the model keeps per person.
   */
  private void overallSignals(Scratch s, boolean lazy, double f0, double f1, double f2) {
    double[] raw = s.raw;
    for (int k = 0; k < s.size; k++) {
      int person = s.touched[k];
      if (lazy) {
        bounds(raw, person, k * SLOTS, f0, f1, f2);
      } else {
        overall(raw, person, k * SLOTS, f0, f1, f2, s);
      }
    }
  }

  /** Takes the votes and accepts at or after the cut-off out of the candidates' sums. */
  private void lateVotes(Scratch s, List<Tag> topics, long cutoff) {
    double[] raw = s.raw;
    Votes votes = model.votes;
    // The window holds the last few days' entries; a cut-off older than its start walks them all
    // (votes.at is in the order they came, so the entry before the window says where it starts).
    int start = votes.recentStart > 0 && votes.at(votes.recentStart - 1) >= cutoff ? 0
        : votes.recentStart;
    for (int e = start; e < votes.size; e++) {
      if (votes.at(e) < cutoff || !votes.live(e)) {
        continue;
      }
      // A live entry's answer and thread are live: its topics are the thread's tags.
      // One walk to the end of the entry's chain for its answer.
      AnswerInfo answer = model.answerTable.get(votes.answer(e));
      ThreadInfo thread = answer.threadInfo;
      int person = model.indexOf(answer.person);
      if (s.has(person) && visible.test(thread.space())) {
        double w = model.voteWeightAt(votes.accept(e), votes.at(e), now);
        int o = s.offset(person);
        raw[o + STANDING] -= w;
        for (Tag tag : thread.tags) {
          if (topics.contains(tag)) {
            raw[o + TOPIC] -= w;
          }
        }
      }
    }
  }

  /**
   * Puts each candidate in the heap at an upper bound of their score, from the rough
   * logarithms; {@link #walk} computes the exact score for those it reaches.
   */
  private void heap(Scratch s, PersonId viewer, PersonProfile viewerProfile,
      Function<PersonId, PersonProfile> profiles, WhoKnowsOptions options, double[] weights,
      boolean eager, boolean lazy, double f0, double f1, double f2) {
    double[] raw = s.raw;
    double margin = ROUGH;
    for (double w : weights) {
      margin += ROUGH * w;
    }
    for (int k = 0; k < s.size; k++) {
      int index = s.touched[k];
      if (s.linked[index] == s.generation) {
        continue;
      }
      double department = 1;
      if (eager) {
        PersonId person = model.personIds.get(index);
        PersonProfile profile = profiles.apply(person);
        if (!admitted(person, profile, viewer, options)) {
          continue;
        }
        department = departmentFactor(options.department(), viewerProfile, profile);
      }
      double rough = shortcuts ? roughScoreOf(raw, k * SLOTS, weights) * department : 0;
      boolean bound = rough > margin * department;
      if (lazy && !bound) {
        overall(raw, index, k * SLOTS, f0, f1, f2, s);
      }
      double score = bound ? rough + margin * department
          : scoreOf(raw, k * SLOTS, weights) * department;
      s.exact[index] = !lazy || !bound;
      if (score > 0) {
        s.score[index] = score;
        s.department[index] = department;
        s.heap[s.heapSize++] = index;
      }
    }
  }

  /**
   * The heap holds upper bounds (rough scores, and with several topics per-topic sums that
   * count an answer once per matching topic). Walks them best first, computing the exact score
   * (with the once-per-question figure), until the next upper bound cannot beat the limit-th
   * exact score (threshold algorithm); returns the best, best first (score, then id).
   */
  private List<Scored> walk(Scratch s, PersonId viewer, List<Tag> topics,
      Function<PersonId, PersonProfile> profiles, WhoKnowsOptions options, double[] weights,
      boolean eager, double f0, double f1, double f2) {
    double[] raw = s.raw;
    // Best first (score, then id), taken from a heap: only the head is ever ordered.
    Ranking ranking = new Ranking(s, model.personIds);
    ranking.heapify();
    PriorityQueue<Scored> best = new PriorityQueue<>(ORDER.reversed());
    Tag[] query = model.pooledDistinct(topics);
    while (s.heapSize > 0) {
      int index = s.heap[0];
      if (best.size() >= options.limit() && s.score[index] < best.peek().score() * (1 - 1e-9)) {
        break;
      }
      ranking.poll();
      int o = s.offset(index);
      PersonId person = model.personIds.get(index);
      if (!eager && !admitted(person, profiles.apply(person), viewer, options)) {
        continue;
      }
      if (!s.exact[index]) {
        overall(raw, index, o, f0, f1, f2, s);
      }
      if (topics.size() > 1 && raw[o + TOPIC_RECENT] > 0) {
        raw[o + TOPIC_RECENT] = recentOnce(person, topics, query, raw[o + TOPIC_RECENT], s);
      }
      // Made (with its signals) only for one who may join the best: most of those reached do not.
      double exact = scoreOf(raw, o, weights) * s.department[index];
      if (exact > 0 && (best.size() < options.limit() || exact >= best.peek().score())) {
        best.add(score(person, raw, o, weights, s.department[index]));
        if (best.size() > options.limit()) {
          best.poll();
        }
      }
    }
    List<Scored> scored = new ArrayList<>(best);
    scored.sort(ORDER);
    return scored;
  }

  /** The candidates of {@code scored}, with their signals and reasons. */
  private List<ExpertCandidate> candidates(List<Scored> scored, List<Tag> topics, long cutoff,
      Function<PersonId, PersonProfile> profiles, WhoKnowsOptions options, Scratch s,
      Map<PersonId, Merged> merged) {
    double[] raw = s.raw;
    List<ExpertCandidate> out = new ArrayList<>();
    for (Scored sc : scored.subList(0, Math.min(options.limit(), scored.size()))) {
      Map<String, Double> signals = new LinkedHashMap<>();
      for (int i = 0; i < SIGNALS; i++) {
        signals.put(ExpertiseMix.SIGNALS.get(i), sc.signals()[i]);
      }
      Merged m = merged.get(sc.person());
      List<String> reasons;
      if (m == null) {
        int index = model.indexOf(sc.person());
        reasons = reasons(List.of(sc.person()), topics, cutoff, raw[s.offset(index) + ACTIVITY],
            s.similar[index], visibleAnswers(sc.person(), s), s);
      } else {
        reasons = reasons(m.accounts(), topics, cutoff, m.activity(), m.similar(), m.answers(),
            s);
      }
      String availability = availability(profiles.apply(sc.person()));
      if (availability != null) {
        reasons.add(availability);
      }
      out.add(new ExpertCandidate(sc.person(), sc.score(), reasons, signals));
    }
    return out;
  }

  /**
   * Sets the overall signals of the candidate whose signals start at {@code o} ({@code person}
   * by index) from their sums in the spaces the viewer reads.
   */
  private void overall(double[] raw, int person, int o, double f0, double f1, double f2,
      Scratch s) {
    Acc[] spaces = model.overallArrays.get(person);
    double activity = 0;
    double fresh = 0;
    double standing = 0;
    long last = Long.MIN_VALUE;
    long answers = 0;
    for (Acc acc : spaces == null ? NO_SUMS : spaces) {
      if (acc.space < 0 || s.visible[acc.space]) {
        answers += acc.answers;
        activity += acc.recent * f1;
        fresh += acc.fresh * f2;
        standing += acc.evidence * f0 + acc.flat;
        last = Math.max(last, acc.lastAnswer);
      }
    }
    raw[o + ACTIVITY] = activity;
    raw[o + FRESH] = fresh;
    raw[o + STANDING] = standing;
    raw[o + TOPIC_SHARE] = share(raw[o + TOPIC_ANSWERS], answers);
    lastAnswer(raw, o, last);
  }

  /**
   * The query's topics' share of a person's answers, smoothed towards their share of the threads
   * (Dirichlet smoothing, as in Balog et al.'s candidate model, SIGIR 2006, over topics instead of
   * words): (answers in the topics, at most {@code answers}, + {@link #SHARE_PRIOR} × the topics'
   * share of threads) / ({@code answers} + {@link #SHARE_PRIOR}). High for someone whose answers
   * are mostly in the topics, low for someone who answers everything; 0 for someone who has
   * answered nothing the viewer can see (nothing to take a share of).
   */
  private double share(double inTopics, long answers) {
    return answers == 0 ? 0
        : (Math.min(inTopics, answers) + SHARE_PRIOR * topicsShare) / (answers + SHARE_PRIOR);
  }

  /**
   * The most {@link #share} can be for someone with {@code inTopics} answers in the topics,
   * whatever their answers overall: for n answers, share(k, n) rises with n up to n = k and falls
   * after it (the topics' share of threads is at most 1), so it is at most its value at n = k.
   */
  static double shareBound(double inTopics, double topicsShare) {
    return (inTopics + SHARE_PRIOR * topicsShare) / (inTopics + SHARE_PRIOR);
  }

  /**
   * Sets the overall signals of a candidate to bounds of what {@link #overall} would set, from
   * the sums over all of their spaces the model keeps ({@link ExpertiseModel#bounds}): never
   * below it but for rounding, far inside the margin the ranking adds to its bounds.
   */
  private void bounds(double[] raw, int person, int o, double f0, double f1, double f2) {
    double[] b = model.bounds;
    int i = person * ExpertiseModel.BOUNDS;
    raw[o + ACTIVITY] = b[i] * f1;
    raw[o + FRESH] = b[i + 1] * f2;
    raw[o + STANDING] = b[i + 2] * f0 + b[i + 3];
    raw[o + TOPIC_SHARE] = shareBound(raw[o + TOPIC_ANSWERS], topicsShare);
    double last = b[i + ExpertiseModel.LAST_BOUND];
    if (last == Long.MIN_VALUE) {
      raw[o + LAST] = 0;
      raw[o + LAST + 1] = 0;
      raw[o + LAST + 2] = 0;
      raw[o + LAST + 3] = 0;
    } else {
      // One exponential instead of four: e^(−age / 1d) = e^(−age / 1w)^7, e^(−age / 6h) =
      // e^(−age / 1d)^4 and e^(−age / 1h) = e^(−age / 6h)^6, the week's rounding raised with
      // them: about a hundred units in the last place at most for the hour's, far inside the
      // ranking's margin.
      double week = Math.exp(-Math.max(0, now - last) / LAST_ANSWER_MILLIS[3]);
      double week2 = week * week;
      double day = week2 * week2 * week2 * week;
      double day2 = day * day;
      double six = day2 * day2;
      double six3 = six * six * six;
      raw[o + LAST] = six3 * six3;
      raw[o + LAST + 1] = six;
      raw[o + LAST + 2] = day;
      raw[o + LAST + 3] = week;
    }
  }

  /** Sets the last-answer signals from when the person last answered (MIN_VALUE for never). */
  private void lastAnswer(double[] raw, int o, long last) {
    double age = Math.max(0, now - last);
    for (int i = 0; i < LAST_ANSWER_MILLIS.length; i++) {
      raw[o + LAST + i] = last == Long.MIN_VALUE ? 0 : Math.exp(-age / LAST_ANSWER_MILLIS[i]);
    }
  }

  /** A signal from its raw figure: log(1 + scale × x), or x itself for the last-answer ones. */
  private static double signal(int i, double x) {
    return SCALE[i] == 0 ? Math.max(0, x) : x < RESIDUE ? 0 : Math.log1p(SCALE[i] * x);
  }

  /** Whether {@code person} may be suggested at all under {@code options}. */
  private boolean admitted(PersonId person, PersonProfile profile, PersonId viewer,
      WhoKnowsOptions options) {
    if (person.equals(PersonId.SYSTEM) || options.exclude().contains(person)
        || (options.excludeViewer() && person.equals(viewer))) {
      return false;
    }
    return (profile == null || !(profile.status() == PersonStatus.LEFT
        || (options.availableOnly() && (profile.status() == PersonStatus.LEAVING
            || profile.status() == PersonStatus.AWAY))
        || (profile.external() && !options.includeExternal())))
        && eligible.test(person);
  }

  /**
   * A binary max-heap of person indices over {@link Scratch#heap}, by score, ties by id
   * ascending: the order of the ranking. Not thread-safe.
   */
  private static final class Ranking {
    private final Scratch s;
    private final List<PersonId> ids;

    Ranking(Scratch s, List<PersonId> ids) {
      this.s = s;
      this.ids = ids;
    }

    /** Whether person {@code a} ranks before person {@code b}. */
    private boolean before(int a, int b) {
      int c = Double.compare(s.score[b], s.score[a]);
      return c < 0 || (c == 0 && ids.get(a).value().compareTo(ids.get(b).value()) < 0);
    }

    void heapify() {
      for (int i = s.heapSize / 2 - 1; i >= 0; i--) {
        down(i);
      }
    }

    /** Removes and returns the best. */
    int poll() {
      int top = s.heap[0];
      s.heap[0] = s.heap[--s.heapSize];
      if (s.heapSize > 0) {
        down(0);
      }
      return top;
    }

    private void down(int i) {
      int[] h = s.heap;
      int n = s.heapSize;
      int x = h[i];
      while (true) {
        int c = 2 * i + 1;
        if (c >= n) {
          break;
        }
        if (c + 1 < n && before(h[c + 1], h[c])) {
          c++;
        }
        if (!before(h[c], x)) {
          break;
        }
        h[i] = h[c];
        i = c;
      }
      h[i] = x;
    }
  }

  /**
   * Keeps the {@value #TOPIC_POOL} candidates of the profile model whose evidence in the topics
   * ({@link #topicPart}) scores best (ties kept), so that a popular topic does not make every
   * query score tens of thousands of people. Those left out have less evidence in the topics
   * than all of the kept ones; they can still join through the document model and the active
   * pool, which are added afterwards, and then join with the topic signals summed for them here.
   *
   * <p>The bar is found on {@link #roughTopicPart} values, each within {@link #ROUGH} of the
   * exact one: who is clearly above or below it is decided by those alone, and the exact values
   * (and the exact bar, the same order statistic among them) are computed only for the few
   * near it. The kept set is the one exact values alone would give.
   */
  static void boundTopicPool(Scratch s, double[] weights, double topicsShare) {
    int n = s.size;
    if (n <= TOPIC_POOL) {
      return;
    }
    for (int k = 0; k < n; k++) {
      s.part[k] = roughTopicPart(s.raw, k * SLOTS, weights, topicsShare);
      s.select[k] = s.part[k];
    }
    int rank = n - TOPIC_POOL;
    double rough = select(s.select, n, rank);
    double margin = 3 * ROUGH * (1 + weights[TOPIC] + weights[TOPIC_RECENT]
        + weights[TOPIC_SPECIFIC]);
    int below = 0;
    int near = 0;
    for (int k = 0; k < n; k++) {
      double part = s.part[k];
      if (part < rough - margin) {
        below++;
        s.part[k] = Double.NEGATIVE_INFINITY;
      } else if (part <= rough + margin) {
        s.part[k] = topicPart(s.raw, k * SLOTS, weights, topicsShare);
        s.select[near++] = s.part[k];
      } else {
        s.part[k] = Double.POSITIVE_INFINITY;
      }
    }
    double bar;
    if (rank - below >= 0 && rank - below < near) {
      bar = select(s.select, near, rank - below);
    } else {
      // Not expected (the exact bar is always among the near values); decide on exact values.
      for (int k = 0; k < n; k++) {
        s.part[k] = topicPart(s.raw, k * SLOTS, weights, topicsShare);
        s.select[k] = s.part[k];
      }
      bar = select(s.select, n, rank);
    }
    double cut = bar;
    leaveOut(s, k -> !(s.part[k] < cut));
  }

  /**
   * Leaves out of the current query's candidates those {@code keep} refuses (by their place in
   * {@link Scratch#touched}), keeping their topic signals in {@link Scratch#leftTopic} for one
   * who joins again through the document model or the active pool; the others keep their order.
   */
  static void leaveOut(Scratch s, IntPredicate keep) {
    int kept = 0;
    for (int k = 0; k < s.size; k++) {
      int person = s.touched[k];
      if (!keep.test(k)) {
        s.mark[person] = -s.generation;
        s.local[person] = s.left;
        int o = k * SLOTS;
        int t = Scratch.TOPIC_KEPT * s.left++;
        s.leftTopic[t] = s.raw[o + TOPIC];
        s.leftTopic[t + 1] = s.raw[o + TOPIC_RECENT];
        s.leftTopic[t + 2] = s.raw[o + TOPIC_SPECIFIC];
        s.leftTopic[t + 3] = s.raw[o + TOPIC_ANSWERS];
      } else {
        if (kept != k) {
          System.arraycopy(s.raw, k * SLOTS, s.raw, kept * SLOTS, SLOTS);
        }
        s.local[person] = kept;
        s.touched[kept++] = person;
      }
    }
    s.size = kept;
  }

  /** The value at index {@code k} of the first {@code n} values once sorted (quickselect). */
  static double select(double[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      double pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  /**
   * Each topic's share of the query's inverse document frequency, {@code ln((N + 1) / (n + 1))}
   * with N the threads the viewer can read and n those with the topic; equal shares if no topic
   * is rarer than any other. Sets {@link #topicsShare} to (Σ n + 1) / (N + 2), at most 1.
   */
  private double[] idfShares(List<Tag> topics) {
    long all = 0;
    for (Map.Entry<SpaceId, int[]> e : model.threadsPerSpace.entrySet()) {
      if (visible.test(e.getKey())) {
        all += e.getValue()[0];
      }
    }
    double[] idf = new double[topics.size()];
    double sum = 0;
    long withTopic = 0;
    for (int i = 0; i < idf.length; i++) {
      long n = 0;
      for (Map.Entry<SpaceId, int[]> e : model.threadsPerTopic.getOrDefault(topics.get(i),
          Map.of()).entrySet()) {
        if (visible.test(e.getKey())) {
          n += e.getValue()[0];
        }
      }
      idf[i] = Math.log((all + 1.0) / (n + 1.0));
      sum += idf[i];
      withTopic += n;
    }
    topicsShare = Math.min(1, (withTopic + 1.0) / (all + 2.0));
    for (int i = 0; i < idf.length; i++) {
      idf[i] = sum > 0 ? idf[i] / sum : 1.0 / idf.length;
    }
    return idf;
  }

  /**
   * The natural logarithm of {@code x}, for a finite {@code x >= 1}, from its binary exponent
   * and a linear interpolation in {@link #LOG_TABLE} on its mantissa: never above {@code
   * Math.log(x)} but for rounding (the logarithm is concave) and at most {@link #FAST_LOG_ERROR}
   * below it, in a few instructions where {@code Math.log} takes several times as long.
   */
  static double fastLog(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int exponent = (int) (bits >>> 52) - 1023;
    int i = (int) (bits >>> 44) & 0xFF;
    double t = (bits & 0xFFF_FFFF_FFFFL) * 0x1p-44;
    double a = LOG_TABLE[i];
    return exponent * LN2 + a + (LOG_TABLE[i + 1] - a) * t;
  }

  /**
   * {@link #topicPart} with {@link #fastLog}{@code (1 + x)} for {@code Math.log1p(x)}: within
   * {@link #ROUGH} times (1 + the sum of the three weights) of it.
   */
  private static double roughTopicPart(double[] raw, int o, double[] weights,
      double topicsShare) {
    double part = weights[TOPIC_SHARE] * shareBound(raw[o + TOPIC_ANSWERS], topicsShare);
    part += weights[TOPIC] * fastLog(1 + SCALE[TOPIC] * Math.max(0, raw[o + TOPIC]));
    part += weights[TOPIC_RECENT]
        * fastLog(1 + SCALE[TOPIC_RECENT] * Math.max(0, raw[o + TOPIC_RECENT]));
    part += weights[TOPIC_SPECIFIC]
        * fastLog(1 + SCALE[TOPIC_SPECIFIC] * Math.max(0, raw[o + TOPIC_SPECIFIC]));
    return part;
  }

  /**
   * What a candidate's evidence in the topics adds to their score: the three topic signals, and
   * the most the topics' share of their answers could add ({@link #shareBound}).
   */
  static double topicPart(double[] raw, int o, double[] weights, double topicsShare) {
    double part = weights[TOPIC_SHARE] * shareBound(raw[o + TOPIC_ANSWERS], topicsShare);
    part += weights[TOPIC] * Math.log1p(SCALE[TOPIC] * Math.max(0, raw[o + TOPIC]));
    part += weights[TOPIC_RECENT]
        * Math.log1p(SCALE[TOPIC_RECENT] * Math.max(0, raw[o + TOPIC_RECENT]));
    part += weights[TOPIC_SPECIFIC]
        * Math.log1p(SCALE[TOPIC_SPECIFIC] * Math.max(0, raw[o + TOPIC_SPECIFIC]));
    return part;
  }

  /**
   * A person's recent answers in the topics, each counted once: from {@code perTopic}, their sum
   * over the topics' columns, where that can be done, else by walking their answers.
   */
  private double recentOnce(PersonId person, List<Tag> topics, Tag[] query, double perTopic,
      Scratch s) {
    return query.length == topics.size() && current && query.length <= MAX_PAIRED
        ? recentOnceFromSums(person, query, perTopic, s)
        : recentOncePerQuestion(person, topics, s);
  }

  /**
   * A person's recent answers in the topics, each counted once however many of the query's topics
   * its thread has (the per-topic sums count it once per matching topic).
   */
  private double recentOncePerQuestion(PersonId person, List<Tag> topics, Scratch s) {
    double halfLife = model.settings().activityHalfLife().toMillis();
    double[] sum = new double[1];
    model.forEachAnswerInTopics(person, topics,
        f -> f.isAnswer() && f.live && f.at <= now && sees(f, s),
        f -> sum[0] += Math.exp(-(now - f.at) / halfLife * LN2));
    return sum[0];
  }

  /**
   * The same figure as {@link #recentOncePerQuestion} when every fact counts now and the topics
   * are distinct (at most {@link #MAX_PAIRED}), from {@code perTopic}, the sum of the person's
   * recent answers over the topics' columns (an answer counted once per matching topic): less
   * what that counted more than once, the {@link #overlaps} only.
   */
  private double recentOnceFromSums(PersonId person, Tag[] query, double perTopic, Scratch s) {
    if (!model.hasAnswers(person)) {
      return 0;
    }
    double halfLife = model.settings().activityHalfLife().toMillis();
    double over = 0;
    int n = overlaps(person, query, s);
    for (int k = 0; k < n; k++) {
      over += (s.overlapTopics[k] - 1) * Math.exp(-(now - s.overlap[k].at) / halfLife * LN2);
    }
    return perTopic - over;
  }

  /**
   * Finds the answers of {@code person} that sums over the topics of {@code query} (distinct,
   * pooled, at most {@link #MAX_PAIRED}) count more than once: the visible live answers to
   * threads with two or more of the topics, each once (an answer's thread and space are its
   * facts', and its facts are live while it is not deleted). They are read from the person's
   * lists by pair of topics ({@link ExpertiseModel#answersByPersonPair}), not from whole topic
   * lists, and an answer is taken in the list of the first two of the topics its thread has (in
   * the order of {@code query}) only. Leaves them in {@link Scratch#overlap} (with how many of the
   * topics each has in {@link Scratch#overlapTopics}) and returns how many.
   */
  private int overlaps(PersonId person, Tag[] query, Scratch s) {
    CompactMap<ExpertiseModel.TagPair, Object> mine = query.length < 2 ? null
        : model.answersByPersonPair.get(person);
    if (mine == null) {
      return 0;
    }
    int[] ids = new int[query.length];
    for (int i = 0; i < query.length; i++) {
      ids[i] = model.tagIdOf(query[i]);
    }
    int n = 0;
    for (int i = 0; i < query.length; i++) {
      for (int j = i + 1; ids[i] >= 0 && j < query.length; j++) {
        ExpertiseModel.TagPair pair = ids[j] < 0 ? null
            : model.tagPairs.get(ExpertiseModel.pairKey(ids[i], ids[j]));
        Object held = pair == null ? null : mine.get(pair);
        if (held instanceof AnswerInfo one) {
          n = overlap(one, query, i, j, n, s);
        } else if (held != null) {
          List<?> list = (List<?>) held;
          for (int k = 0; k < list.size(); k++) {
            n = overlap((AnswerInfo) list.get(k), query, i, j, n, s);
          }
        }
      }
    }
    return n;
  }

  /**
   * Adds {@code answer}, from the list of topics {@code i} and {@code j} of {@code query}, as the
   * {@code n}-th of the {@link #overlaps} if the viewer sees it and {@code i} and {@code j} are
   * the first two of the topics its thread has; returns how many there are then.
   */
  private int overlap(AnswerInfo answer, Tag[] query, int i, int j, int n, Scratch s) {
    ThreadInfo thread = answer.threadInfo;
    if (answer.deleted || (thread.spaceIndex() >= 0 && !s.visible[thread.spaceIndex()])) {
      return n;
    }
    long bits = ExpertiseModel.topicBits(thread, query, query.length);
    long lowest = Long.lowestOneBit(bits);
    if (lowest == 1L << i && Long.lowestOneBit(bits ^ lowest) == 1L << j) {
      s.overlap(n, answer, Long.bitCount(bits));
      return n + 1;
    }
    return n;
  }

  /**
   * Counts, per kind of {@link ExpertiseModel#REASON_KINDS}, a person's visible live evidence in
   * the topics (each fact once) and when the latest was made, when every fact counts now and no
   * vote is cut off: every topic is read from its columns' tallies (a fact in two of the topics
   * is counted twice there, and its time is the same in both), and what that counted more than
   * once is taken off again. Every fact counted twice is about an answer (or is the answer) to a
   * thread with two of the topics, so only the person's {@link #overlaps} are read, and the
   * facts of each counted again. The topics are distinct and at most {@link #MAX_PAIRED}.
   */
  private void tallyReasons(PersonId person, Tag[] query, int[] counts, long[] last,
      Scratch s) {
    int index = model.indexOf(person);
    for (Tag topic : query) {
      for (Map.Entry<SpaceId, ExpertiseModel.Column> e
          : model.byTopic.getOrDefault(topic, Map.of()).entrySet()) {
        ExpertiseModel.Column c = e.getValue();
        int slot = index >= 0 && visible.test(e.getKey()) ? c.slotOf(index) : -1;
        if (slot >= 0) {
          for (int r = 0, i = slot * counts.length; r < counts.length; r++, i++) {
            if (c.count(i) > 0) {
              if (r < ExpertiseModel.Column.LASTS) {
                long at = c.last(slot * ExpertiseModel.Column.LASTS + r);
                last[r] = counts[r] == 0 ? at : Math.max(last[r], at);
              }
              counts[r] += c.count(i);
            }
          }
        }
      }
    }
    int n = overlaps(person, query, s);
    for (int j = 0; j < n; j++) {
      int m = s.overlapTopics[j];
      AnswerInfo answer = s.overlap[j];
      // The answer's facts (itself while live, then the others), read without making a list.
      if (answer.live) {
        counts[ExpertiseModel.REASON_OF[EvidenceKind.ANSWER.ordinal()]] -= m - 1;
      }
      for (int k = 0; k < answer.otherCount(); k++) {
        int r = ExpertiseModel.REASON_OF[answer.other(k).kind().ordinal()];
        if (r >= 0) {
          counts[r] -= m - 1;
        }
      }
      if (answer.across && answer.live) {
        counts[ExpertiseModel.REASON_OF[EvidenceKind.CROSS_DEPARTMENT_ANSWER.ordinal()]] -= m - 1;
      }
      counts[ExpertiseModel.REASON_OF[EvidenceKind.ANSWER_UPVOTE.ordinal()]]
          -= (m - 1) * model.votes.upvotes(answer.index);
    }
  }

  /**
   * Whether the viewer may see a fact: by its thread's space index in this query's visibility
   * table (no hash lookup per fact), else by its space (evidence outside spaces is visible).
   */
  private boolean sees(Fact f, Scratch s) {
    ThreadInfo thread = f.threadInfo;
    if (thread != null) {
      int space = thread.spaceIndex();
      return space < 0 || s.visible[space];
    }
    return visible.test(f.space());
  }

  private static Scored score(PersonId person, double[] raw, int o, double[] weights,
      double department) {
    double[] signals = new double[SIGNALS];
    double score = 0;
    for (int i = 0; i < SIGNALS; i++) {
      signals[i] = signal(i, raw[o + i]);
      score += weights[i] * signals[i];
    }
    return new Scored(person, score * department, signals, department);
  }

  /**
   * {@link #scoreOf} with {@link #fastLog}{@code (1 + x)} for {@code Math.log1p(x)}: within
   * {@link #ROUGH} times (1 + the sum of the weights) of it.
   */
  private static double roughScoreOf(double[] raw, int o, double[] weights) {
    double score = 0;
    for (int i = 0; i < SIGNALS; i++) {
      double x = Math.max(0, raw[o + i]);
      score += weights[i] * (SCALE[i] == 0 ? x : fastLog(1 + SCALE[i] * x));
    }
    return score;
  }

  /** The same score as {@link #score} before the department factor, without allocating. */
  private static double scoreOf(double[] raw, int o, double[] weights) {
    double score = 0;
    for (int i = 0; i < SIGNALS; i++) {
      score += weights[i] * signal(i, raw[o + i]);
    }
    return score;
  }

  private static double departmentFactor(DepartmentPreference preference, PersonProfile viewer,
      PersonProfile candidate) {
    if (preference == DepartmentPreference.ANY || viewer == null || candidate == null
        || viewer.orgUnit().isEmpty() || candidate.orgUnit().isEmpty()) {
      return 1;
    }
    boolean same = viewer.orgUnit().equals(candidate.orgUnit());
    return same == (preference == DepartmentPreference.SAME) ? DEPARTMENT_BOOST : 1;
  }

  private record Scored(PersonId person, double score, double[] signals, double department) {}

  private record Pooled(PersonId person, int index, double recent) {}

  /** Counts {@code f} among the reasons of its kind, with its time as their latest if it is. */
  private static void tally(Fact f, int[] counts, long[] last) {
    int r = ExpertiseModel.REASON_OF[f.kind().ordinal()];
    if (r >= 0) {
      last[r] = counts[r]++ == 0 ? f.at : Math.max(last[r], f.at);
    }
  }

  /** Sentences for a person: their visible evidence in the topics, similar answers, activity. */
  private List<String> reasons(List<PersonId> accounts, List<Tag> topics, long cutoff,
      double activity, int similar, long answers, Scratch s) {
    int[] counts = new int[ExpertiseModel.REASON_KINDS.length];
    long[] last = new long[counts.length];
    for (PersonId person : accounts) {
      tally(person, topics, cutoff, counts, last, s);
    }
    return sentences(topics, counts, last, activity, similar, answers);
  }

  /**
   * Adds {@code person}'s visible evidence in the topics to {@code counts} per kind, and the
   * latest of each kind to {@code last} (read only where its count is above 0), so that several
   * accounts' evidence adds up.
   */
  private void tally(PersonId person, List<Tag> topics, long cutoff, int[] counts, long[] last,
      Scratch s) {
    Tag[] query = model.pooledDistinct(topics);
    if (current && cutoff == Long.MAX_VALUE && query.length <= MAX_PAIRED) {
      tallyReasons(person, query, counts, last, s);
    } else {
      model.forEachInTopics(person, topics,
          f -> f.live && f.at <= now && !(f.isVoteLike() && f.at >= cutoff) && sees(f, s), f -> {
            tally(f, counts, last);
            // An answer across departments is held by its answer: counted with it.
            ExpertiseModel.acrossOf(f, across -> tally(across, counts, last));
          });
      // Up votes are held by their answers: each visible live answer's, once per answer.
      int up = ExpertiseModel.REASON_OF[EvidenceKind.ANSWER_UPVOTE.ordinal()];
      Votes votes = model.votes;
      model.forEachAnswerInTopics(person, topics, f -> f.live && sees(f, s), f -> {
        // An answer's fact is its record: no look-up by id.
        AnswerInfo answer = (AnswerInfo) f;
        for (int e = votes.first(answer.index); e >= 0; e = votes.next[e]) {
          long at = votes.at(e);
          if (!votes.accept(e) && at <= now && at < cutoff) {
            last[up] = counts[up]++ == 0 ? at : Math.max(last[up], at);
          }
        }
      });
    }
  }

  /**
   * The reasons' sentences: evidence per kind in the topics ({@code counts}, the latest of each
   * in {@code last}), the topics' share of the person's {@code answers}, answers to similar
   * questions and recent activity.
   */
  private List<String> sentences(List<Tag> topics, int[] counts, long[] last, double activity,
      int similar, long answers) {
    String where = topics.isEmpty() ? "" : " in " + String.join(", ",
        topics.stream().map(Tag::value).toList());
    List<String> reasons = new ArrayList<>();
    for (int r = 0; r < counts.length; r++) {
      EvidenceKind kind = ExpertiseModel.REASON_KINDS[r];
      if (counts[r] > 0) {
        reasons.add(sentence(kind, counts[r], where) + (kind == EvidenceKind.DECLARED_SKILL ? ""
            : ", last " + ago(now - last[r])));
      }
    }
    String share = shareReason(counts[ANSWER_REASON], answers, where);
    if (share != null) {
      reasons.add(share);
    }
    if (similar > 0) {
      reasons.add("answered " + similar + " similar question" + (similar == 1 ? "" : "s"));
    }
    if (activity >= 0.5) {
      long about = Math.round(activity);
      reasons.add(String.format(Locale.ROOT, "active: about %d answer%s in the last %d days",
          about, about == 1 ? "" : "s", model.settings().activityHalfLife().toDays()));
    }
    return reasons;
  }

  /** A last reason when a person may not be around to ask: leaving or away; else null. */
  private static String availability(PersonProfile profile) {
    if (profile == null) {
      return null;
    }
    return switch (profile.status()) {
      case AWAY -> "away for now";
      case LEAVING -> profile.leavingOn() == null ? "leaving"
          : "leaving on " + profile.leavingOn();
      default -> null;
    };
  }

  /**
   * How much of what a person answers is in the topics ({@code inTopics} of their {@code answers}
   * the viewer can see), when it is at least half; null otherwise.
   */
  static String shareReason(long inTopics, long answers, String where) {
    if (inTopics <= 0 || where.isEmpty() || 2 * inTopics < answers) {
      return null;
    }
    if (inTopics >= answers) {
      return answers == 1 ? "their one answer is" + where
          : "all " + answers + " of their answers are" + where;
    }
    return inTopics + " of their " + answers + " answers are" + where;
  }

  /** The answers of {@code person} in the spaces the viewer reads. */
  private long visibleAnswers(PersonId person, Scratch s) {
    int index = model.indexOf(person);
    Acc[] spaces = index < 0 ? null : model.overallArrays.get(index);
    long answers = 0;
    for (Acc acc : spaces == null ? NO_SUMS : spaces) {
      if (acc.space < 0 || s.visible[acc.space]) {
        answers += acc.answers;
      }
    }
    return answers;
  }

  private static String sentence(EvidenceKind kind, int n, String where) {
    String s = n == 1 ? "" : "s";
    return switch (kind) {
      case ACCEPTED_ANSWER -> n + " accepted answer" + s + where;
      case ANSWER -> n + " answer" + s + where;
      case ANSWER_UPVOTE -> n + " up vote" + s + " on answers" + where;
      case ENDORSEMENT -> n + " endorsement" + s + where;
      case CROSS_DEPARTMENT_ANSWER -> n + " answer" + s + " to other departments" + where;
      case DECLARED_SKILL -> "declared skill" + where;
      case QUESTION_ASKED -> n + " question" + s + " asked" + where;
    };
  }

  static String ago(long millis) {
    Duration d = Duration.ofMillis(Math.max(0, millis));
    if (d.toDays() >= 60) {
      return (d.toDays() / 30) + " months ago";
    } else if (d.toDays() >= 14) {
      return (d.toDays() / 7) + " weeks ago";
    } else if (d.toDays() >= 1) {
      return d.toDays() + (d.toDays() == 1 ? " day ago" : " days ago");
    } else if (d.toHours() >= 1) {
      return d.toHours() + (d.toHours() == 1 ? " hour ago" : " hours ago");
    }
    return "just now";
  }
}
