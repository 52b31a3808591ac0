package io.socialearn.core.pulse;

import io.socialearn.api.ForbiddenException;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.pulse.BacklogQuestion;
import io.socialearn.api.pulse.Contributors;
import io.socialearn.api.pulse.HelpCell;
import io.socialearn.api.pulse.HelpMatrix;
import io.socialearn.api.pulse.PersonCount;
import io.socialearn.api.pulse.PulseFigures;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.pulse.RiskLevel;
import io.socialearn.api.pulse.RoutingOutcomes;
import io.socialearn.api.pulse.TopicRisk;
import io.socialearn.api.pulse.TopicTrend;
import io.socialearn.api.pulse.UnansweredTopic;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** One pulse report over a {@link PulseLedger}: a few linear scans of its columns. Not thread-safe. */
final class PulseComputation {
  static final int BACKLOG_LIMIT = 50;
  static final int TOPIC_LIMIT = 20;
  static final int RISK_LIMIT = 50;
  static final int MIN_TOPIC_QUESTIONS = 3;
  static final int MIN_RISK_ANSWERS = 3;
  static final int BASELINE_PERIODS = 4;
  static final int TOP_ANSWERERS = 10;
  private static final double MINUTE = 60_000.0;
  private static final long NEVER = Long.MAX_VALUE;

  private final PulseLedger l;
  private final PulseScope scope;
  private final PulsePeriod period;
  private final PersonId viewer;
  private final Function<PersonId, Set<PersonId>> accounts;
  private final boolean showPeople;
  private final int minimumGroupSize;
  private final boolean[] visible;
  private final int scopeUnit;
  private final long from;
  private final long to;
  private final long prevFrom;
  private final long length;
  private final int[] unitSize;
  /**
   * Per ledger account, the person it is an account of (the lowest ledger index among their
   * linked accounts), -1 until looked up; see {@link #person}.
   */
  private final int[] personOf;
  /** The accounts looked up that are linked to another. */
  private final BitSet linked = new BitSet();

  PulseComputation(PulseLedger ledger, PulseScope scope, PulsePeriod period, Set<SpaceId> readable,
      PersonId viewer, Function<PersonId, Set<PersonId>> accounts, boolean showPeople,
      int minimumGroupSize) {
    this.l = ledger;
    this.scope = scope;
    this.period = period;
    this.viewer = viewer;
    this.accounts = accounts;
    this.showPeople = showPeople;
    this.minimumGroupSize = minimumGroupSize;
    this.visible = ledger.visibleSpaces(readable,
        scope.kind() == PulseScope.Kind.SPACE ? scope.space() : null);
    this.from = period.from().toEpochMilli();
    this.to = period.to().toEpochMilli();
    this.prevFrom = period.previous().from().toEpochMilli();
    this.length = to - from;
    this.personOf = new int[ledger.personIds.size()];
    Arrays.fill(personOf, -1);
    // People per unit: one person's linked accounts in a unit count once.
    this.unitSize = new int[ledger.units.size()];
    Set<Long> counted = new HashSet<>();
    for (int p = 0; p < ledger.personIds.size(); p++) {
      if (ledger.profiles.get(p) != null) {
        int unit = ledger.personUnit.get(p);
        int person = person(p);
        if (!linked.get(p) || counted.add((long) person << 32 | unit)) {
          unitSize[unit]++;
        }
      }
    }
    if (scope.kind() == PulseScope.Kind.ORG_UNIT) {
      Integer unit = ledger.unitIndex.get(scope.orgUnit());
      int size = unit == null ? 0 : unitSize[unit];
      if (size < minimumGroupSize) {
        throw new ForbiddenException("pulse",
            "org unit '" + scope.orgUnit() + "' has " + size + " people; a pulse covers groups of"
                + " at least " + minimumGroupSize);
      }
      this.scopeUnit = unit;
    } else {
      this.scopeUnit = -1;
    }
  }

  private boolean inScope(int q) {
    return !l.questionDeleted.get(q) && visible[l.questionSpace.get(q)]
        && (scopeUnit < 0 || l.personUnit.get(l.asker.get(q)) == scopeUnit);
  }

  /** Per-period tallies built during the scans. */
  private static final class Tally {
    int questions;
    int answered;
    int accepted;
    int answers;
    int backlog;
    double[] firstAnswer = new double[16];
    int firstAnswerCount;
    double[] acceptedAnswer = new double[16];
    int acceptedAnswerCount;
    final int[] answersBy;
    final BitSet active = new BitSet();
    int routed;
    int routedAnswered;
    int answeredByAsked;
    int acceptedFromAsked;
    int asks;
    int asksAnswered;
    /** The people asked: ledger indices, and {@link Asked}'s codes of people it has not seen. */
    final BitSet askedPeople = new BitSet();
    final BitSet askedStrangers = new BitSet();
    double[] askedAnswer = new double[16];
    int askedAnswerCount;

    Tally(int people) {
      answersBy = new int[people];
    }

    void addFirst(double minutes) {
      if (firstAnswerCount == firstAnswer.length) {
        firstAnswer = Arrays.copyOf(firstAnswer, firstAnswerCount * 2);
      }
      firstAnswer[firstAnswerCount++] = minutes;
    }

    void addAccepted(double minutes) {
      if (acceptedAnswerCount == acceptedAnswer.length) {
        acceptedAnswer = Arrays.copyOf(acceptedAnswer, acceptedAnswerCount * 2);
      }
      acceptedAnswer[acceptedAnswerCount++] = minutes;
    }

    /**
     * Counts the routed question at {@code start} of {@code asked}, created at {@code created},
     * as known at {@code end}: whether it was answered at all, by whom of those asked and when,
     * and whether the accepted answer (by {@code acceptedAuthor}, or -1 for none) is theirs.
     */
    void addRouted(Asked asked, int start, long created, long end, boolean answered,
        int acceptedAuthor) {
      routed++;
      routedAnswered += answered ? 1 : 0;
      int n = asked.people[start];
      asks += n;
      long first = NEVER;
      boolean acceptedFromThem = false;
      for (int i = start + 1; i <= start + n; i++) {
        int person = asked.people[i];
        if (person >= 0) {
          askedPeople.set(person);
        } else {
          askedStrangers.set(-person - 2);
        }
        if (asked.firstAnswer[i] < end) {
          asksAnswered++;
          first = Math.min(first, asked.firstAnswer[i]);
        }
        acceptedFromThem |= person >= 0 && person == acceptedAuthor;
      }
      acceptedFromAsked += acceptedFromThem ? 1 : 0;
      if (first < end) {
        answeredByAsked++;
        if (askedAnswerCount == askedAnswer.length) {
          askedAnswer = Arrays.copyOf(askedAnswer, askedAnswerCount * 2);
        }
        askedAnswer[askedAnswerCount++] = (first - created) / MINUTE;
      }
    }
  }

  /**
   * Who the questions of the two periods were routed to, flat: a question's entry at {@code
   * start} holds how many people were asked, then each one's person (see {@link #person}; or
   * {@code -2 - code} for someone the ledger has never seen under any account, who has answered
   * nothing), each once however many of their accounts were asked; {@code firstAnswer} holds, at
   * the same place, the time of that person's earliest answer to it under any account.
   */
  private static final class Asked {
    int[] people = new int[64];
    long[] firstAnswer = new long[64];
    int size;
    /** Codes of the people asked whom the ledger has not seen. */
    final Map<PersonId, Integer> strangers = new HashMap<>();

    /**
     * Adds a question's people, each once; {@code personOf} gives an account's person, or -1 if
     * the ledger has not seen them. Returns the entry's start.
     */
    int add(List<PersonId> asked, ToIntFunction<PersonId> personOf) {
      int start = size;
      grow(size + 1 + asked.size());
      int n = 0;
      for (PersonId id : asked) {
        int known = personOf.applyAsInt(id);
        int person = known >= 0 ? known
            : -2 - strangers.computeIfAbsent(id, k -> strangers.size());
        boolean seen = false;
        for (int i = start + 1; i <= start + n && !seen; i++) {
          seen = people[i] == person;
        }
        if (!seen) {
          n++;
          people[start + n] = person;
          firstAnswer[start + n] = NEVER;
        }
      }
      people[start] = n;
      size = start + 1 + n;
      return start;
    }

    /** Notes an answer by person {@code author} at {@code created} to the entry. */
    void answer(int start, int author, long created) {
      for (int i = start + 1; i <= start + people[start]; i++) {
        if (people[i] == author) {
          firstAnswer[i] = Math.min(firstAnswer[i], created);
        }
      }
    }

    private void grow(int length) {
      if (length > people.length) {
        int bigger = Math.max(length, people.length * 2);
        people = Arrays.copyOf(people, bigger);
        firstAnswer = Arrays.copyOf(firstAnswer, bigger);
      }
    }
  }

  /** Answers per (asking group, answering group) after folding, and who gave them. */
  private static final class Cells {
    final int units;
    final int[] answers;
    final int[] answerers;
    final BitSet seen = new BitSet();
    /** (person, cell) pairs seen, for people with linked accounts (maybe in several groups). */
    final Set<Long> seenLinked = new HashSet<>();

    Cells(int units) {
      this.units = units;
      this.answers = new int[units * units];
      this.answerers = new int[units * units];
    }

    /** An answer by {@code person}, who has linked accounts if {@code linked}. */
    void add(int askingUnit, int answeringUnit, int person, boolean linked) {
      int cell = askingUnit * units + answeringUnit;
      answers[cell]++;
      boolean first;
      if (linked) {
        first = seenLinked.add((long) person << 32 | cell);
      } else {
        // One account is in one group, so (person, asking group) names their cell.
        long bit = (long) person * units + askingUnit;
        first = bit <= Integer.MAX_VALUE && !seen.get((int) bit);
        if (first) {
          seen.set((int) bit);
        }
      }
      if (first) {
        answerers[cell]++;
      }
    }
  }

  PulseReport report(long lastSequence) {
    int questions = l.questionIds.size();
    long[] firstAnswer = new long[questions];
    long[] firstCrossAnswer = new long[questions];
    Arrays.fill(firstAnswer, NEVER);
    Arrays.fill(firstCrossAnswer, NEVER);
    long[] firstContribution = new long[l.personIds.size()];
    Arrays.fill(firstContribution, NEVER);
    boolean[] inScope = new boolean[questions];
    // Where each routed question of the two periods starts in asked, else -1; null if none is.
    int[] routed = null;
    Asked asked = new Asked();
    for (int q = 0; q < questions; q++) {
      inScope[q] = inScope(q);
      long created = l.questionCreated.get(q);
      if (inScope[q] && created >= prevFrom && created < to) {
        List<PersonId> people = l.routedTo.apply(l.questionIds.get(q));
        if (people != null && !people.isEmpty()) {
          if (routed == null) {
            routed = new int[questions];
            Arrays.fill(routed, -1);
          }
          routed[q] = asked.add(people, this::personAsked);
        }
      }
    }
    Tally current = new Tally(l.personIds.size());
    Tally previous = new Tally(l.personIds.size());
    List<String> labels = new ArrayList<>();
    int[] labelOf = labels(labels);
    Cells cells = new Cells(labels.size());
    int unassigned = 0;

    for (int a = 0; a < l.answerQuestion.size(); a++) {
      int q = l.answerQuestion.get(a);
      if (l.answerDeleted.get(a) || !inScope[q]) {
        continue;
      }
      long created = l.answerCreated.get(a);
      int author = l.answerAuthor.get(a);
      firstAnswer[q] = Math.min(firstAnswer[q], created);
      if (routed != null && routed[q] >= 0) {
        asked.answer(routed[q], person(author), created);
      }
      int askerUnit = l.personUnit.get(l.asker.get(q));
      int authorUnit = l.personUnit.get(author);
      if (askerUnit != unassigned && authorUnit != unassigned && askerUnit != authorUnit) {
        firstCrossAnswer[q] = Math.min(firstCrossAnswer[q], created);
      }
      firstContribution[author] = Math.min(firstContribution[author], created);
      Tally tally = created >= from && created < to ? current
          : created >= prevFrom && created < from ? previous : null;
      if (tally != null) {
        tally.answers++;
        tally.answersBy[author]++;
        tally.active.set(author);
      }
      if (tally == current) {
        cells.add(labelOf[askerUnit], labelOf[authorUnit], person(author), linked.get(author));
      }
    }

    List<Integer> backlogCandidates = new ArrayList<>();
    int[] tagQuestions = new int[l.tags.size()];
    int[] tagUnanswered = new int[l.tags.size()];
    int[] tagBaseline = new int[l.tags.size()];
    Columns.Longs acceptedByTag = new Columns.Longs();
    long historyStart = NEVER;
    int answeredByUnit = 0;
    int answeredAcross = 0;
    for (int q = 0; q < questions; q++) {
      if (!inScope[q]) {
        continue;
      }
      long created = l.questionCreated.get(q);
      int who = l.asker.get(q);
      historyStart = Math.min(historyStart, created);
      firstContribution[who] = Math.min(firstContribution[who], created);
      boolean open = l.closure.get(q) == PulseLedger.OPEN;
      if (open && created < to && firstAnswer[q] >= to) {
        current.backlog++;
        backlogCandidates.add(q);
      }
      if (open && created < from && firstAnswer[q] >= from) {
        previous.backlog++;
      }
      int accepted = l.acceptedAnswer.get(q);
      boolean acceptedLive = accepted >= 0 && !l.answerDeleted.get(accepted);
      if (acceptedLive && l.acceptedAt.get(q) < to) {
        long holder = l.answerAuthor.get(accepted);
        for (int tag : l.questionTags.get(q)) {
          acceptedByTag.add(((long) tag << 32) | holder);
        }
      }
      if (created < from && created >= from - BASELINE_PERIODS * length) {
        for (int tag : l.questionTags.get(q)) {
          tagBaseline[tag]++;
        }
      }
      boolean inCurrent = created >= from && created < to;
      Tally tally = inCurrent ? current
          : created >= prevFrom && created < from ? previous : null;
      if (tally == null) {
        continue;
      }
      long end = inCurrent ? to : from;
      tally.questions++;
      tally.active.set(who);
      boolean answered = firstAnswer[q] < end;
      if (answered) {
        tally.answered++;
        tally.addFirst((firstAnswer[q] - created) / MINUTE);
      }
      boolean acceptedByEnd = acceptedLive && l.acceptedAt.get(q) < end;
      if (acceptedByEnd) {
        tally.accepted++;
        tally.addAccepted((l.answerCreated.get(accepted) - created) / MINUTE);
      }
      if (routed != null && routed[q] >= 0) {
        tally.addRouted(asked, routed[q], created, end, answered,
            acceptedByEnd ? person(l.answerAuthor.get(accepted)) : -1);
      }
      if (inCurrent) {
        for (int tag : l.questionTags.get(q)) {
          tagQuestions[tag]++;
          tagUnanswered[tag] += answered ? 0 : 1;
        }
        if (answered && l.personUnit.get(who) != unassigned) {
          answeredByUnit++;
          answeredAcross += firstCrossAnswer[q] < end ? 1 : 0;
        }
      }
    }

    return new PulseReport(scope, period, period.previous(), lastSequence, minimumGroupSize,
        figures(current), figures(previous), backlog(backlogCandidates),
        trends(tagQuestions, tagBaseline, historyStart),
        unansweredTopics(tagQuestions, tagUnanswered),
        help(cells, labels, answeredByUnit, answeredAcross),
        contributors(current, firstContribution, from, to),
        contributors(previous, firstContribution, prevFrom, from),
        risks(acceptedByTag));
  }

  private PulseFigures figures(Tally t) {
    double[] first = Arrays.copyOf(t.firstAnswer, t.firstAnswerCount);
    double[] accepted = Arrays.copyOf(t.acceptedAnswer, t.acceptedAnswerCount);
    Arrays.sort(first);
    Arrays.sort(accepted);
    return new PulseFigures(t.questions, t.answered, share(t.answered, t.questions), t.accepted,
        share(t.accepted, t.questions), median(first), p90(first), median(accepted),
        p90(accepted), t.answers, t.backlog, routing(t));
  }

  /**
   * The routing outcomes of a period's tally; what the people asked did is null when fewer of
   * them than the minimum group size were asked, as it would be one person's rate.
   */
  private RoutingOutcomes routing(Tally t) {
    double[] asked = Arrays.copyOf(t.askedAnswer, t.askedAnswerCount);
    Arrays.sort(asked);
    int people = t.askedPeople.cardinality() + t.askedStrangers.cardinality();
    if (people > 0 && people < minimumGroupSize) {
      return new RoutingOutcomes(t.routed, t.routedAnswered, share(t.routedAnswered, t.routed),
          null, null, null, null, null, null, t.asks, people, null, null);
    }
    return new RoutingOutcomes(t.routed, t.routedAnswered, share(t.routedAnswered, t.routed),
        t.answeredByAsked, share(t.answeredByAsked, t.routed), t.acceptedFromAsked,
        share(t.acceptedFromAsked, t.routed), median(asked), p90(asked), t.asks, people,
        t.asksAnswered, share(t.asksAnswered, t.asks));
  }

  static Double share(int part, int whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  /** The median of sorted values: the middle one, or the mean of the middle two; null if none. */
  static Double median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return null;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The nearest-rank 90th percentile of sorted values: the ceil(0.9 n)-th; null if none. */
  static Double p90(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return null;
    }
    int rank = (int) Math.ceil(0.9 * n);
    return sorted[Math.max(1, rank) - 1];
  }

  private List<BacklogQuestion> backlog(List<Integer> candidates) {
    candidates.sort(Comparator.comparingLong((Integer q) -> l.questionCreated.get(q))
        .thenComparingInt(q -> q));
    List<BacklogQuestion> oldest = new ArrayList<>();
    for (int q : candidates.subList(0, Math.min(BACKLOG_LIMIT, candidates.size()))) {
      long created = l.questionCreated.get(q);
      List<Tag> tags = new ArrayList<>();
      for (int tag : l.questionTags.get(q)) {
        tags.add(l.tags.get(tag));
      }
      long end = Math.min(to, Math.max(created, lastEventTime()));
      oldest.add(new BacklogQuestion(l.questionIds.get(q), l.spaces.get(l.questionSpace.get(q)),
          l.title(q), tags, Instant.ofEpochMilli(created), (end - created) / 60_000));
    }
    return oldest;
  }

  /** The newest time the ledger has seen, so that an open period's waits end at "now". */
  private long lastEventTime() {
    long newest = Long.MIN_VALUE;
    int q = l.questionCreated.size();
    if (q > 0) {
      newest = l.questionCreated.get(q - 1);
    }
    int a = l.answerCreated.size();
    if (a > 0) {
      newest = Math.max(newest, l.answerCreated.get(a - 1));
    }
    return newest;
  }

  private List<TopicTrend> trends(int[] counts, int[] baselineCounts, long historyStart) {
    // Only the earlier periods that overlap the scope's history count towards the baseline.
    int periods = 0;
    for (int k = 1; k <= BASELINE_PERIODS; k++) {
      if (historyStart < from - (k - 1) * length) {
        periods = k;
      }
    }
    List<TopicTrend> trends = new ArrayList<>();
    if (periods == 0) {
      return trends;
    }
    for (int tag = 0; tag < counts.length; tag++) {
      int count = counts[tag];
      // Earlier periods left out end before the scope's first question, so hold no questions.
      double baseline = (double) baselineCounts[tag] / periods;
      double rise = count - baseline;
      double floor = Math.max(baseline, 1);
      double z = rise / Math.sqrt(floor);
      if (z >= 2 && rise >= MIN_TOPIC_QUESTIONS) {
        trends.add(new TopicTrend(l.tags.get(tag), count, baseline, rise, count / floor, z));
      }
    }
    trends.sort(Comparator.comparingDouble(TopicTrend::zScore).reversed()
        .thenComparing(TopicTrend::tag));
    return trends.subList(0, Math.min(TOPIC_LIMIT, trends.size()));
  }

  private List<UnansweredTopic> unansweredTopics(int[] counts, int[] unanswered) {
    List<UnansweredTopic> topics = new ArrayList<>();
    for (int tag = 0; tag < counts.length; tag++) {
      if (counts[tag] >= MIN_TOPIC_QUESTIONS && unanswered[tag] > 0) {
        topics.add(new UnansweredTopic(l.tags.get(tag), counts[tag], unanswered[tag],
            (double) unanswered[tag] / counts[tag]));
      }
    }
    topics.sort(Comparator.comparingDouble(UnansweredTopic::unansweredShare).reversed()
        .thenComparing(Comparator.comparingInt(UnansweredTopic::unanswered).reversed())
        .thenComparing(UnansweredTopic::tag));
    return topics.subList(0, Math.min(TOPIC_LIMIT, topics.size()));
  }

  /**
   * The group each unit is shown under: its own name if it has at least the minimum number of
   * people, else "other" (or a dropped group if "other" itself is too small). Fills {@code names}
   * with the groups' names and returns each unit's group index.
   */
  private int[] labels(List<String> names) {
    int otherSize = 0;
    for (int u = 0; u < unitSize.length; u++) {
      otherSize += unitSize[u] > 0 && unitSize[u] < minimumGroupSize ? unitSize[u] : 0;
    }
    String folded = otherSize >= minimumGroupSize ? HelpMatrix.OTHER : DROPPED;
    Map<String, Integer> index = new HashMap<>();
    int[] labelOf = new int[unitSize.length];
    for (int u = 0; u < unitSize.length; u++) {
      String name = unitSize[u] < minimumGroupSize ? folded
          : u == 0 ? HelpMatrix.UNASSIGNED : l.units.get(u);
      labelOf[u] = index.computeIfAbsent(name, n -> {
        names.add(n);
        return names.size() - 1;
      });
    }
    return labelOf;
  }

  /** The label of units folded into an "other" that is itself too small to show. */
  private static final String DROPPED = "\u0000dropped";

  private HelpMatrix help(Cells cells, List<String> labels, int answeredByUnit,
      int answeredAcross) {
    record Shown(String asking, String answering, int answers, int answerers) {}
    List<Shown> candidates = new ArrayList<>();
    int suppressed = 0;
    for (int asking = 0; asking < cells.units; asking++) {
      for (int answering = 0; answering < cells.units; answering++) {
        int i = asking * cells.units + answering;
        if (cells.answers[i] == 0) {
          continue;
        }
        boolean dropped = labels.get(asking).equals(DROPPED)
            || labels.get(answering).equals(DROPPED);
        if (dropped || cells.answerers[i] < minimumGroupSize) {
          suppressed++;
        } else {
          candidates.add(new Shown(labels.get(asking), labels.get(answering), cells.answers[i],
              cells.answerers[i]));
        }
      }
    }
    if (suppressed == 1 && !candidates.isEmpty()) {
      // One cell left out alone is the period's answers less the cells shown: the smallest shown
      // cell goes with it, so that only the two cells' sum can be worked out.
      candidates.remove(candidates.stream().min(Comparator.comparingInt(Shown::answers)
          .thenComparing(Shown::asking).thenComparing(Shown::answering)).orElseThrow());
      suppressed++;
    }
    candidates.sort(Comparator.comparing(Shown::asking).thenComparing(Shown::answering));
    List<HelpCell> shown = new ArrayList<>();
    Set<String> units = new TreeSet<>();
    for (Shown c : candidates) {
      shown.add(new HelpCell(c.asking(), c.answering(), c.answers(), c.answerers()));
      units.add(c.asking());
      units.add(c.answering());
    }
    return new HelpMatrix(List.copyOf(units), shown, suppressed, answeredByUnit, answeredAcross,
        share(answeredAcross, answeredByUnit));
  }

  /**
   * The period's contributors, one person's linked accounts counted as one: their first
   * contribution is their accounts' first, their answers are summed, and they are named under
   * the account that gave most of them (the first by id of several giving as many).
   */
  private Contributors contributors(Tally t, long[] firstContribution, long start, long end) {
    BitSet people = new BitSet();
    for (int p = t.active.nextSetBit(0); p >= 0; p = t.active.nextSetBit(p + 1)) {
      people.set(person(p));
    }
    int active = people.cardinality();
    // each person's first contribution under any of their accounts (all looked up by now)
    long[] first = new long[personOf.length];
    Arrays.fill(first, NEVER);
    for (int account = 0; account < personOf.length; account++) {
      if (personOf[account] >= 0) {
        first[personOf[account]] = Math.min(first[personOf[account]], firstContribution[account]);
      }
    }
    int newcomers = 0;
    for (int person = people.nextSetBit(0); person >= 0;
        person = people.nextSetBit(person + 1)) {
      newcomers += first[person] >= start && first[person] < end ? 1 : 0;
    }
    int returning = active - newcomers;
    boolean cohortsShown = (newcomers == 0 || newcomers >= minimumGroupSize)
        && (returning == 0 || returning >= minimumGroupSize);
    // Per person: {the account they are named under, their answers, that account's answers}.
    Map<Integer, int[]> byPerson = new HashMap<>();
    for (int p = 0; p < t.answersBy.length; p++) {
      if (t.answersBy[p] > 0) {
        int account = p;
        int[] entry = byPerson.computeIfAbsent(person(p),
            k -> new int[] {account, 0, 0});
        if (t.answersBy[p] > entry[2] || (t.answersBy[p] == entry[2]
            && l.personIds.get(p).value().compareTo(l.personIds.get(entry[0]).value()) < 0)) {
          entry[0] = p;
          entry[2] = t.answersBy[p];
        }
        entry[1] += t.answersBy[p];
      }
    }
    List<int[]> ranked = new ArrayList<>(byPerson.values());
    ranked.sort(Comparator.comparingInt((int[] e) -> -e[1])
        .thenComparing(e -> l.personIds.get(e[0]).value()));
    int topFive = 0;
    int forHalf = 0;
    int sum = 0;
    for (int i = 0; i < ranked.size(); i++) {
      int count = ranked.get(i)[1];
      topFive += i < 5 ? count : 0;
      if (2 * sum < t.answers) {
        sum += count;
        forHalf++;
      }
    }
    List<PersonCount> top = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      int count = ranked.get(i)[1];
      if (i >= TOP_ANSWERERS && count < ranked.get(TOP_ANSWERERS - 1)[1]) {
        break;
      }
      PersonId person = l.personIds.get(ranked.get(i)[0]);
      if (showPeople || person.equals(viewer)) {
        top.add(new PersonCount(person, count));
      }
    }
    return new Contributors(active, cohortsShown ? newcomers : null,
        cohortsShown ? returning : null, ranked.size(), t.answers,
        share(topFive, t.answers), forHalf, top, showPeople);
  }

  /**
   * Topics at risk, from (tag, holder) pairs: one per accepted answer and tag. One person's
   * linked accounts hold a topic together, and the holder is named under the account holding
   * most of its accepted answers (the first by id of several holding as many).
   */
  private List<TopicRisk> risks(Columns.Longs pairs) {
    long[] sorted = new long[pairs.size()];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = pairs.get(i);
    }
    Arrays.sort(sorted);
    int people = l.personIds.size();
    // Per person, in the topic at hand: accepted answers, and the account named.
    int[] held = new int[people];
    int[] shownAs = new int[people];
    int[] shownHeld = new int[people];
    List<Integer> holders = new ArrayList<>();
    List<TopicRisk> risks = new ArrayList<>();
    for (int start = 0; start < sorted.length; ) {
      int tag = (int) (sorted[start] >>> 32);
      int end = start;
      int best = -1;
      while (end < sorted.length && (int) (sorted[end] >>> 32) == tag) {
        int run = end;
        while (run < sorted.length && sorted[run] == sorted[end]) {
          run++;
        }
        int account = (int) sorted[end];
        int person = person(account);
        int n = run - end;
        if (held[person] == 0) {
          holders.add(person);
        }
        if (held[person] == 0 || n > shownHeld[person] || (n == shownHeld[person]
            && l.personIds.get(account).value()
                .compareTo(l.personIds.get(shownAs[person]).value()) < 0)) {
          shownAs[person] = account;
          shownHeld[person] = n;
        }
        held[person] += n;
        if (best < 0 || held[person] > held[best]) {
          best = person;
        }
        end = run;
      }
      int total = end - start;
      int bestCount = held[best];
      start = end;
      for (int person : holders) {
        held[person] = 0;
      }
      holders.clear();
      if (total < MIN_RISK_ANSWERS || 2 * bestCount <= total) {
        continue;
      }
      PersonId holder = l.personIds.get(shownAs[best]);
      // Marked as leaving under any of their accounts, they are leaving.
      PersonProfile leaver = l.leaver(accounts.apply(holder));
      boolean leaving = leaver != null;
      boolean shown = showPeople || holder.equals(viewer);
      risks.add(new TopicRisk(l.tags.get(tag), total, 1, shown ? holder : null,
          (double) bestCount / total, leaving, shown && leaving ? leaver.leavingOn() : null,
          leaving ? RiskLevel.HIGH : RiskLevel.WATCH));
    }
    risks.sort(Comparator.comparing(TopicRisk::level).reversed()
        .thenComparing(Comparator.comparingInt(TopicRisk::acceptedAnswers).reversed())
        .thenComparing(TopicRisk::tag));
    return risks.subList(0, Math.min(RISK_LIMIT, risks.size()));
  }

  /**
   * The person of an account asked to answer: {@link #person} of it, or of any linked account the
   * ledger has seen; -1 if it has seen none.
   */
  private int personAsked(PersonId id) {
    Integer index = l.personIndex.get(id);
    if (index != null) {
      return person(index);
    }
    for (PersonId other : accounts.apply(id)) {
      index = l.personIndex.get(other);
      if (index != null) {
        return person(index);
      }
    }
    return -1;
  }

  /**
   * The person of a ledger account, as the lowest ledger index among their accounts; remembered
   * in {@link #personOf} for each of them, and those linked to another marked in {@link #linked}.
   */
  private int person(int account) {
    if (personOf[account] < 0) {
      Set<PersonId> all = accounts.apply(l.personIds.get(account));
      if (all.size() <= 1) {
        personOf[account] = account;
        return account;
      }
      List<Integer> known = new ArrayList<>(List.of(account));
      for (PersonId other : all) {
        Integer index = l.personIndex.get(other);
        if (index != null) {
          known.add(index);
        }
      }
      int person = known.stream().mapToInt(Integer::intValue).min().getAsInt();
      for (int index : known) {
        personOf[index] = person;
        linked.set(index);
      }
    }
    return personOf[account];
  }
}
