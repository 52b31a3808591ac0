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
import java.util.Arrays;
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
  static final int TOPIC_SPECIFIC = 6;
  private static final int SIGNALS = 7;
  /** What each raw figure is multiplied by inside log(1 + x). */
  private static final double[] SCALE = {1, 10, 10, 10, 5, 1, 10};
  /** How many of the profile model's candidates are kept at most (the best in the topics). */
  static final int TOPIC_POOL = 5_000;
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
    // Profile model: evidence in the topics. Recent answers in the topics are summed per topic
    // here (an answer in two of the topics counts twice: an upper bound); the exact
    // once-per-question figure is computed below for the candidates whose rank it can decide.
    double[] share = idfShares(topics);
    for (int ti = 0; ti < topics.size(); ti++) {
      Map<SpaceId, Map<PersonId, Acc>> bySpace = model.byTopic.get(topics.get(ti));
      if (bySpace == null) {
        continue;
      }
      double specific = share[ti];
      bySpace.forEach((space, people) -> {
        if (visible.test(space)) {
          people.forEach((person, acc) -> {
            double[] r = raw.computeIfAbsent(person, p -> new double[SIGNALS]);
            r[TOPIC] += acc.evidence * f0 + acc.flat;
            r[TOPIC_RECENT] += acc.recent * f1;
            r[TOPIC_SPECIFIC] += specific * acc.recent * f1;
          });
        }
      });
    }
    boundTopicPool(mix.weights());
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
          raw.computeIfAbsent(answer.author, p -> new double[SIGNALS])[DOCUMENTS] +=
              relevance * quality * age;
          similarAnswered.merge(answer.author, 1, Integer::sum);
        }
      }
    }
    // The most active people, who may know without having answered in these topics yet: walked
    // from the most active in every space down, until no one left can beat the pool's weakest.
    PriorityQueue<Pooled> pool = new PriorityQueue<>(Comparator.comparingDouble(Pooled::recent)
        .thenComparing(p -> p.person().value(), Comparator.reverseOrder()));
    for (ExpertiseModel.Active a : model.byActivity) {
      if (pool.size() >= ACTIVE_POOL && a.recent < pool.peek().recent() * (1 - 1e-9)) {
        break;
      }
      double sum = 0;
      for (Map.Entry<SpaceId, Acc> e : model.overallByPerson.get(a.person).entrySet()) {
        if (e.getKey() != null && visible.test(e.getKey()) && e.getValue().recent > 0) {
          sum += e.getValue().recent;
        }
      }
      if (sum > 0) {
        pool.add(new Pooled(a.person, sum));
        if (pool.size() > ACTIVE_POOL) {
          pool.poll();
        }
      }
    }
    for (Pooled p : pool) {
      raw.computeIfAbsent(p.person(), k -> new double[SIGNALS]);
    }
    // Overall signals of every candidate.
    for (Map.Entry<PersonId, double[]> e : raw.entrySet()) {
      double[] r = e.getValue();
      Map<SpaceId, Acc> spaces = model.overallByPerson.get(e.getKey());
      if (spaces == null) {
        continue;
      }
      for (Map.Entry<SpaceId, Acc> space : spaces.entrySet()) {
        if (visible.test(space.getKey())) {
          Acc acc = space.getValue();
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
      Scored s = score(person, e.getValue(), weights,
          departmentFactor(options.department(), viewerProfile, profile));
      if (s.score() > 0) {
        scored.add(s);
      }
    }
    Comparator<Scored> order = Comparator.comparingDouble(Scored::score).reversed()
        .thenComparing(s -> s.person().value());
    scored.sort(order);
    if (topics.size() > 1) {
      // The per-topic sums count an answer once per matching topic, so these scores are upper
      // bounds. Walk them best first, computing the exact once-per-question figure, until the
      // next upper bound cannot beat the limit-th exact score (threshold algorithm).
      PriorityQueue<Scored> best = new PriorityQueue<>(order.reversed());
      for (Scored s : scored) {
        if (best.size() >= options.limit() && s.score() < best.peek().score() * (1 - 1e-9)) {
          break;
        }
        double[] r = raw.get(s.person());
        if (r[TOPIC_RECENT] > 0) {
          r[TOPIC_RECENT] = recentOncePerQuestion(s.person(), topics);
        }
        Scored exact = score(s.person(), r, weights, s.department());
        if (exact.score() > 0) {
          best.add(exact);
          if (best.size() > options.limit()) {
            best.poll();
          }
        }
      }
      scored = new ArrayList<>(best);
      scored.sort(order);
    }
    List<ExpertCandidate> out = new ArrayList<>();
    for (Scored s : scored.subList(0, Math.min(options.limit(), scored.size()))) {
      Map<String, Double> signals = new LinkedHashMap<>();
      for (int i = 0; i < SIGNALS; i++) {
        signals.put(ExpertiseMix.SIGNALS[i], s.signals()[i]);
      }
      out.add(new ExpertCandidate(s.person(), s.score(), reasons(s.person(), topics, cutoff,
          raw.get(s.person())), signals));
    }
    return out;
  }

  /**
   * Keeps the {@value #TOPIC_POOL} candidates of the profile model whose topic signals score best
   * (ties kept), so that a popular topic does not make every query score tens of thousands of
   * people. Those left out have less evidence in the topics than all of the kept ones; they can
   * still join through the document model and the active pool, which are added afterwards.
   */
  private void boundTopicPool(double[] weights) {
    if (raw.size() <= TOPIC_POOL) {
      return;
    }
    double[] partial = new double[raw.size()];
    int i = 0;
    for (double[] r : raw.values()) {
      partial[i++] = topicPart(r, weights);
    }
    Arrays.sort(partial);
    double bar = partial[partial.length - TOPIC_POOL];
    raw.values().removeIf(r -> topicPart(r, weights) < bar);
  }

  /**
   * Each topic's share of the query's inverse document frequency, {@code ln((N + 1) / (n + 1))}
   * with N the threads the viewer can read and n those with the topic; equal shares if no topic
   * is rarer than any other.
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
    }
    for (int i = 0; i < idf.length; i++) {
      idf[i] = sum > 0 ? idf[i] / sum : 1.0 / idf.length;
    }
    return idf;
  }

  private static double topicPart(double[] r, double[] weights) {
    double part = 0;
    for (int i : new int[] {TOPIC, TOPIC_RECENT, TOPIC_SPECIFIC}) {
      part += weights[i] * Math.log1p(SCALE[i] * Math.max(0, r[i]));
    }
    return part;
  }

  /**
   * A person's recent answers in the topics, each counted once however many of the query's topics
   * its thread has (the per-topic sums count it once per matching topic).
   */
  private double recentOncePerQuestion(PersonId person, List<Tag> topics) {
    double halfLife = model.settings().activityHalfLife().toMillis();
    double[] sum = new double[1];
    model.forEachInTopics(person, topics, f -> {
      if (f.isAnswer() && f.live && f.at <= now && visible.test(f.space)) {
        sum[0] += Math.exp(-(now - f.at) / halfLife * LN2);
      }
    });
    return sum[0];
  }

  private static Scored score(PersonId person, double[] raw, double[] weights,
      double department) {
    double[] signals = new double[SIGNALS];
    double score = 0;
    for (int i = 0; i < SIGNALS; i++) {
      signals[i] = Math.log1p(SCALE[i] * Math.max(0, raw[i]));
      score += weights[i] * signals[i];
    }
    return new Scored(person, score * department, signals, department);
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

  private record Pooled(PersonId person, double recent) {}

  /** Sentences for a person: their visible evidence in the topics, similar answers, activity. */
  private List<String> reasons(PersonId person, List<Tag> topics, long cutoff, double[] r) {
    int[] counts = new int[EvidenceKind.values().length];
    long[] last = new long[counts.length];
    model.forEachInTopics(person, topics, f -> {
      if (f.live && visible.test(f.space) && !(f.isVoteLike() && f.at >= cutoff)
          && f.at <= now) {
        int k = f.kind.ordinal();
        last[k] = counts[k]++ == 0 ? f.at : Math.max(last[k], f.at);
      }
    });
    String where = topics.isEmpty() ? "" : " in " + String.join(", ",
        topics.stream().map(Tag::value).toList());
    List<String> reasons = new ArrayList<>();
    for (EvidenceKind kind : List.of(EvidenceKind.ACCEPTED_ANSWER, EvidenceKind.ANSWER,
        EvidenceKind.ANSWER_UPVOTE, EvidenceKind.ENDORSEMENT,
        EvidenceKind.CROSS_DEPARTMENT_ANSWER, EvidenceKind.DECLARED_SKILL)) {
      int n = counts[kind.ordinal()];
      if (n > 0) {
        reasons.add(sentence(kind, n, where) + (kind == EvidenceKind.DECLARED_SKILL ? ""
            : ", last " + ago(now - last[kind.ordinal()])));
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
