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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;
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
  /** What each raw figure is multiplied by inside log(1 + x). */
  private static final double[] SCALE = {1, 10, 10, 10, 5, 1};
  /** How many of the most active people join the candidates. */
  private static final int ACTIVE_POOL = 100;
  /** How much a preferred department multiplies a score. */
  private static final double DEPARTMENT_BOOST = 1.25;
  private static final double LN2 = Math.log(2);

  private final ExpertiseModel model;
  private final Predicate<SpaceId> visible;
  private final long now;
  private final Map<PersonId, double[]> raw = new HashMap<>();
  /** Answers to similar threads per candidate, for reasons. */
  private final Map<PersonId, Integer> similarAnswered = new HashMap<>();

  WhoKnows(ExpertiseModel model, Predicate<SpaceId> visible, long now) {
    this.model = model;
    this.visible = s -> s == null || visible.test(s);
    this.now = now;
  }

  List<ExpertCandidate> rank(PersonId viewer, PersonProfile viewerProfile, List<Tag> topics,
      List<SearchHit> hits, Function<PersonId, PersonProfile> profiles, WhoKnowsOptions options,
      ExpertiseMix mix) {
    long cutoff = options.votesBefore() == null ? Long.MAX_VALUE
        : options.votesBefore().toEpochMilli();
    double f0 = model.toNow(now, 0);
    double f1 = model.toNow(now, 1);
    double f2 = model.toNow(now, 2);
    // Profile model: evidence in the topics.
    for (Tag tag : topics) {
      Map<SpaceId, Map<PersonId, Acc>> bySpace = model.byTopic.get(tag);
      if (bySpace == null) {
        continue;
      }
      bySpace.forEach((space, people) -> {
        if (visible.test(space)) {
          people.forEach((person, acc) -> {
            double[] r = raw.computeIfAbsent(person, p -> new double[6]);
            r[TOPIC] += acc.evidence * f0 + acc.flat;
            r[TOPIC_RECENT] += acc.recent * f1;
          });
        }
      });
    }
    if (topics.size() > 1) {
      recentOncePerQuestion(topics);
    }
    // Document model: answers to similar threads, by relevance and quality.
    double top = hits.stream().mapToDouble(SearchHit::score).max().orElse(0);
    if (top > 0) {
      for (SearchHit hit : hits) {
        ThreadInfo thread = model.threads.get(hit.thread());
        if (thread == null || !visible.test(thread.space)) {
          continue;
        }
        double relevance = hit.score() / top;
        for (AnswerInfo answer : thread.answers) {
          if (answer.deleted || answer.at > now) {
            continue;
          }
          int ups = 0;
          boolean accepted = false;
          for (Fact f : answer.facts) {
            if (f.at < cutoff) {
              ups += f.kind == EvidenceKind.ANSWER_UPVOTE ? 1 : 0;
              accepted |= f.kind == EvidenceKind.ACCEPTED_ANSWER;
            }
          }
          double quality = 1 + (accepted ? 1 : 0) + 0.5 * Math.log1p(ups);
          double age = Math.exp(-(now - answer.at) / (double) model.settings().halfLife()
              .toMillis() * Math.log(2));
          raw.computeIfAbsent(answer.author, p -> new double[6])[DOCUMENTS] +=
              relevance * quality * age;
          similarAnswered.merge(answer.author, 1, Integer::sum);
        }
      }
    }
    // The most active people, who may know without having answered in these topics yet.
    PriorityQueue<Map.Entry<PersonId, Double>> active = new PriorityQueue<>(
        Map.Entry.comparingByValue());
    Map<PersonId, Double> recentSum = new HashMap<>();
    model.overall.forEach((space, people) -> {
      if (visible.test(space) && space != null) {
        people.forEach((person, acc) -> {
          if (acc.recent > 0) {
            recentSum.merge(person, acc.recent, Double::sum);
          }
        });
      }
    });
    for (Map.Entry<PersonId, Double> e : recentSum.entrySet()) {
      active.add(e);
      if (active.size() > ACTIVE_POOL) {
        active.poll();
      }
    }
    for (Map.Entry<PersonId, Double> e : active) {
      raw.computeIfAbsent(e.getKey(), p -> new double[6]);
    }
    // Overall signals of every candidate.
    for (Map.Entry<PersonId, double[]> e : raw.entrySet()) {
      double[] r = e.getValue();
      for (Map.Entry<SpaceId, Map<PersonId, Acc>> space : model.overall.entrySet()) {
        if (!visible.test(space.getKey())) {
          continue;
        }
        Acc acc = space.getValue().get(e.getKey());
        if (acc != null) {
          r[ACTIVITY] += acc.recent * f1;
          r[FRESH] += acc.fresh * f2;
          r[STANDING] += acc.evidence * f0 + acc.flat;
        }
      }
    }
    // Votes and accepts at or after the cut-off do not count.
    if (cutoff != Long.MAX_VALUE) {
      for (Fact f : model.recentVotes) {
        double[] r = raw.get(f.person);
        if (f.at >= cutoff && f.live && r != null && visible.test(f.space)) {
          double w = model.weightAt(f, now);
          r[STANDING] -= w;
          for (Tag tag : model.topicsOf(f)) {
            if (topics.contains(tag)) {
              r[TOPIC] -= w;
            }
          }
        }
      }
    }
    double[] weights = mix.weights();
    List<Scored> scored = new ArrayList<>();
    for (Map.Entry<PersonId, double[]> e : raw.entrySet()) {
      PersonId person = e.getKey();
      if (person.equals(PersonId.SYSTEM) || options.exclude().contains(person)
          || (options.excludeViewer() && person.equals(viewer))) {
        continue;
      }
      PersonProfile profile = profiles.apply(person);
      if (profile != null && (profile.status() == PersonStatus.LEFT
          || (options.availableOnly() && profile.status() == PersonStatus.LEAVING)
          || (profile.external() && !options.includeExternal()))) {
        continue;
      }
      double[] signals = new double[6];
      double score = 0;
      for (int i = 0; i < 6; i++) {
        signals[i] = Math.log1p(SCALE[i] * Math.max(0, e.getValue()[i]));
        score += weights[i] * signals[i];
      }
      score *= departmentFactor(options.department(), viewerProfile, profile);
      if (score > 0) {
        scored.add(new Scored(person, score, signals));
      }
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparing(s -> s.person().value()));
    List<ExpertCandidate> out = new ArrayList<>();
    for (Scored s : scored.subList(0, Math.min(options.limit(), scored.size()))) {
      Map<String, Double> signals = new LinkedHashMap<>();
      for (int i = 0; i < 6; i++) {
        signals.put(ExpertiseMix.SIGNALS[i], s.signals()[i]);
      }
      out.add(new ExpertCandidate(s.person(), s.score(), reasons(s.person(), topics, cutoff,
          raw.get(s.person())), signals));
    }
    return out;
  }

  /**
   * Recomputes the recent answers in the topics so that an answer counts once however many of
   * the query's topics its thread has: the per-topic sums count it once per matching topic.
   */
  private void recentOncePerQuestion(List<Tag> topics) {
    double halfLife = model.settings().activityHalfLife().toMillis();
    for (Map.Entry<PersonId, double[]> e : raw.entrySet()) {
      double[] r = e.getValue();
      if (r[TOPIC_RECENT] <= 0) {
        continue;
      }
      double sum = 0;
      for (Fact f : model.byPerson.getOrDefault(e.getKey(), List.of())) {
        if (f.isAnswer() && f.live && f.at <= now && visible.test(f.space)
            && sharesTopic(model.topicsOf(f), topics)) {
          sum += Math.exp(-(now - f.at) / halfLife * LN2);
        }
      }
      r[TOPIC_RECENT] = sum;
    }
  }

  private static boolean sharesTopic(List<Tag> a, List<Tag> b) {
    for (Tag tag : a) {
      if (b.contains(tag)) {
        return true;
      }
    }
    return false;
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

  private record Scored(PersonId person, double score, double[] signals) {}

  /** Sentences for a person: their visible evidence in the topics, similar answers, activity. */
  private List<String> reasons(PersonId person, List<Tag> topics, long cutoff, double[] r) {
    Map<EvidenceKind, int[]> counts = new LinkedHashMap<>();
    Map<EvidenceKind, Long> last = new HashMap<>();
    for (Fact f : model.byPerson.getOrDefault(person, List.of())) {
      if (!f.live || !visible.test(f.space) || (f.isVoteLike() && f.at >= cutoff)
          || f.at > now) {
        continue;
      }
      boolean inTopics = false;
      for (Tag tag : model.topicsOf(f)) {
        inTopics |= topics.contains(tag);
      }
      if (inTopics) {
        counts.computeIfAbsent(f.kind, k -> new int[1])[0]++;
        last.merge(f.kind, f.at, Math::max);
      }
    }
    String where = topics.isEmpty() ? "" : " in " + String.join(", ",
        topics.stream().map(Tag::value).toList());
    List<String> reasons = new ArrayList<>();
    for (EvidenceKind kind : List.of(EvidenceKind.ACCEPTED_ANSWER, EvidenceKind.ANSWER,
        EvidenceKind.ANSWER_UPVOTE, EvidenceKind.ENDORSEMENT,
        EvidenceKind.CROSS_DEPARTMENT_ANSWER, EvidenceKind.DECLARED_SKILL)) {
      int[] n = counts.get(kind);
      if (n != null) {
        reasons.add(sentence(kind, n[0], where) + (kind == EvidenceKind.DECLARED_SKILL ? ""
            : ", last " + ago(now - last.get(kind))));
      }
    }
    Integer similar = similarAnswered.get(person);
    if (similar != null) {
      reasons.add("answered " + similar + " similar question" + (similar == 1 ? "" : "s"));
    }
    if (r != null && r[ACTIVITY] >= 0.5) {
      reasons.add(String.format(Locale.ROOT, "active: about %.0f answers in the last %d days",
          r[ACTIVITY], model.settings().activityHalfLife().toDays()));
    }
    return reasons;
  }

  private static String sentence(EvidenceKind kind, int n, String where) {
    String s = n == 1 ? "" : "s";
    return switch (kind) {
      case ACCEPTED_ANSWER -> n + " accepted answer" + s + where;
      case ANSWER -> n + " answer" + s + where;
      case ANSWER_UPVOTE -> n + " up vote" + s + " on answers" + where;
      case ENDORSEMENT -> "endorsed by " + n + where;
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
