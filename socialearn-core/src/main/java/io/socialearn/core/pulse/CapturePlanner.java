package io.socialearn.core.pulse;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.pulse.CaptureQuestion;
import io.socialearn.api.pulse.KnowledgeCapture;
import io.socialearn.api.pulse.RiskLevel;
import io.socialearn.api.pulse.Successor;
import io.socialearn.api.pulse.TopicRisk;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Builds a {@link KnowledgeCapture} from a {@link PulseLedger}. Not thread-safe. */
final class CapturePlanner {
  static final int QUESTION_LIMIT = 20;
  static final int SUCCESSORS_PER_TOPIC = 3;

  private final PulseLedger l;
  private final boolean[] visible;

  CapturePlanner(PulseLedger ledger, Set<SpaceId> readable) {
    this.l = ledger;
    this.visible = ledger.visibleSpaces(readable, null);
  }

  private boolean live(int q) {
    return !l.questionDeleted.get(q) && visible[l.questionSpace.get(q)];
  }

  KnowledgeCapture plan(PersonId person, Function<PersonId, Set<PersonId>> accounts) {
    // Their answers under any of their linked accounts are theirs.
    Set<Integer> mine = new HashSet<>();
    Set<PersonId> own = new HashSet<>(accounts.apply(person));
    own.add(person);
    for (PersonId account : own) {
      Integer index = l.personIndex.get(account);
      if (index != null) {
        mine.add(index);
      }
    }
    // Marked as leaving under any of their accounts, they are leaving under every one.
    PersonProfile leaver = l.leaver(own);
    boolean leaving = leaver != null;
    LocalDate leavingOn = leaving ? leaver.leavingOn() : null;
    // Per tag and person: [accepted answers, answers].
    Map<Integer, Map<Integer, int[]>> byTag = new HashMap<>();
    Map<Integer, Set<Integer>> answerersOf = new HashMap<>();
    for (int a = 0; a < l.answerQuestion.size(); a++) {
      int q = l.answerQuestion.get(a);
      if (l.answerDeleted.get(a) || !live(q)) {
        continue;
      }
      int author = l.answerAuthor.get(a);
      answerersOf.computeIfAbsent(q, k -> new HashSet<>()).add(author);
      boolean accepted = l.acceptedAnswer.get(q) == a;
      for (int tag : l.questionTags.get(q)) {
        int[] counts = byTag.computeIfAbsent(tag, k -> new HashMap<>())
            .computeIfAbsent(author, k -> new int[2]);
        counts[0] += accepted ? 1 : 0;
        counts[1]++;
      }
    }
    List<TopicRisk> topics = new ArrayList<>();
    Set<Integer> myTags = new HashSet<>();
    for (Map.Entry<Integer, Map<Integer, int[]>> e : byTag.entrySet()) {
      int total = 0;
      for (int[] counts : e.getValue().values()) {
        total += counts[0];
      }
      int theirs = 0;
      for (int account : mine) {
        int[] counts = e.getValue().get(account);
        theirs += counts == null ? 0 : counts[0];
      }
      if (total > 0 && 2 * theirs > total) {
        myTags.add(e.getKey());
        topics.add(new TopicRisk(l.tags.get(e.getKey()), total, 1, person,
            (double) theirs / total, leaving, leavingOn,
            leaving ? RiskLevel.HIGH : RiskLevel.WATCH));
      }
    }
    topics.sort(Comparator.comparingInt(TopicRisk::acceptedAnswers).reversed()
        .thenComparing(TopicRisk::tag));
    return new KnowledgeCapture(person, leaving, leavingOn, topics,
        questions(mine, myTags, answerersOf), successors(own, accounts, topics, byTag));
  }

  private List<CaptureQuestion> questions(Set<Integer> mine, Set<Integer> myTags,
      Map<Integer, Set<Integer>> answerersOf) {
    List<CaptureQuestion> unanswered = new ArrayList<>();
    List<CaptureQuestion> onlyThem = new ArrayList<>();
    for (int q = 0; q < l.questionIds.size(); q++) {
      if (!live(q) || !touches(q, myTags)) {
        continue;
      }
      Set<Integer> answerers = answerersOf.get(q);
      CaptureQuestion.Reason reason = null;
      if (answerers == null && l.closure.get(q) == PulseLedger.OPEN) {
        reason = CaptureQuestion.Reason.UNANSWERED_IN_THEIR_TOPIC;
      } else if (answerers != null && mine.containsAll(answerers)) {
        reason = CaptureQuestion.Reason.ONLY_THEY_ANSWERED;
      }
      if (reason != null) {
        List<Tag> tags = new ArrayList<>();
        for (int tag : l.questionTags.get(q)) {
          tags.add(l.tags.get(tag));
        }
        (reason == CaptureQuestion.Reason.ONLY_THEY_ANSWERED ? onlyThem : unanswered).add(
            new CaptureQuestion(l.questionIds.get(q), l.title(q), tags, reason,
                l.questionScore.get(q), l.questionViews.get(q)));
      }
    }
    Comparator<CaptureQuestion> byScore = Comparator.comparingInt(CaptureQuestion::views)
        .reversed().thenComparing(Comparator.comparingInt(CaptureQuestion::score).reversed())
        .thenComparingInt(c -> l.questionIndex.get(c.thread()));
    unanswered.sort(byScore);
    onlyThem.sort(byScore);
    List<CaptureQuestion> all = new ArrayList<>(unanswered);
    all.addAll(onlyThem);
    return all.subList(0, Math.min(QUESTION_LIMIT, all.size()));
  }

  private boolean touches(int q, Set<Integer> tags) {
    for (int tag : l.questionTags.get(q)) {
      if (tags.contains(tag)) {
        return true;
      }
    }
    return false;
  }

  private static final Comparator<Successor> BEST_FIRST =
      Comparator.comparingInt(Successor::acceptedAnswers).reversed()
          .thenComparing(Comparator.comparingInt(Successor::answers).reversed())
          .thenComparing(s -> s.person().value());

  private List<Successor> successors(Set<PersonId> own,
      Function<PersonId, Set<PersonId>> accounts, List<TopicRisk> topics,
      Map<Integer, Map<Integer, int[]>> byTag) {
    List<Successor> successors = new ArrayList<>();
    for (TopicRisk topic : topics) {
      // One successor per person: their linked accounts' answers count together, shown under
      // the account with the most of them.
      Map<Set<PersonId>, Successor> best = new HashMap<>();
      Map<Set<PersonId>, int[]> sums = new HashMap<>();
      for (Map.Entry<Integer, int[]> e : byTag.get(l.tagIndex.get(topic.tag())).entrySet()) {
        PersonId account = l.personIds.get(e.getKey());
        Set<PersonId> person = accounts.apply(account);
        // Someone away for now can still take over; someone leaving or gone, under any of their
        // accounts, cannot.
        if (!own.contains(account) && l.leaver(person) == null) {
          int[] counts = e.getValue();
          best.merge(person, new Successor(topic.tag(), account, counts[0], counts[1]),
              (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
          int[] sum = sums.computeIfAbsent(person, k -> new int[2]);
          sum[0] += counts[0];
          sum[1] += counts[1];
        }
      }
      List<Successor> candidates = new ArrayList<>();
      best.forEach((person, s) -> candidates.add(new Successor(topic.tag(), s.person(),
          sums.get(person)[0], sums.get(person)[1])));
      candidates.sort(BEST_FIRST);
      successors.addAll(candidates.subList(0, Math.min(SUCCESSORS_PER_TOPIC, candidates.size())));
    }
    return successors;
  }
}
