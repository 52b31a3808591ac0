package io.socialearn.harness.bench;

import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.core.pulse.PulseLedger;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Progress;
import io.socialearn.harness.Subcommand;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code bench pulse [--posts N] [--seed S] [--runs R]}: folds a seeded synthetic history of N
 * posts (a quarter questions, the rest answers, half the questions accepted) over two years into
 * the engine's pulse projection, then times pulse reports for the whole organisation: the last
 * quarter against the one before, and all time. Prints the best and median of R runs. Each
 * question is also routed to three people drawn at random, and each run times the quarter's and
 * the all-time report again with those routings (their outcomes included) right after the two
 * without.
 *
 * <p>The history: 20,000 people in 40 org units, 500 tags (Zipf-like), answers within hours to
 * days of their question. The fold goes straight into {@link PulseLedger}, the projection the
 * engine feeds from its log and asks under its read lock, so {@code pulse_ms} is what a host waits
 * for on {@code SocialLearning.pulse}. Not thread-safe.
 */
public final class PulseBench implements Subcommand {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final long SPAN_MS = Duration.ofDays(730).toMillis();

  @Override
  public void run(Args args, PrintStream out, PrintStream err) {
    long posts = args.number("posts", 1_000_000, 4, 20_000_000);
    long seed = args.number("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    int runs = (int) args.number("runs", 7, 1, 1000);
    args.done();
    Random random = new Random(seed);
    PulseLedger ledger = new PulseLedger();
    SpaceId space = SpaceId.of("everyone");
    int people = 20_000;
    long sequence = 0;
    long foldStarted = System.nanoTime();
    for (int p = 0; p < people; p++) {
      ledger.apply(new RecordedEvent(++sequence, START, new PersonRegistered(
          PersonProfile.builder(person(p)).displayName("Person " + p)
              .orgUnit("unit-" + (p % 40)).build())));
    }
    List<Tag> tags = new ArrayList<>();
    for (int t = 0; t < 500; t++) {
      tags.add(Tag.of("topic-" + t));
    }
    long questions = posts / 4;
    long answers = posts - questions;
    Progress progress = new Progress(err, "fold (posts)", posts);
    long answered = 0;
    Map<ThreadId, List<PersonId>> routedTo = new HashMap<>();
    for (long q = 0; q < questions; q++) {
      long at = START.toEpochMilli() + SPAN_MS * q / questions;
      ThreadId thread = ThreadId.of("q" + q);
      PersonId asker = person(random.nextInt(people));
      List<Tag> its = List.of(tags.get(zipf(random, 500)), tags.get(zipf(random, 500)))
          .stream().distinct().toList();
      ledger.apply(new RecordedEvent(++sequence, Instant.ofEpochMilli(at), new ThreadStarted(
          thread, space, ThreadKind.QUESTION, "Question " + q, "", its, asker)));
      long due = (q + 1) * answers / questions;
      long before = answered;
      PostId first = null;
      PersonId firstAuthor = null;
      for (; answered < due; answered++) {
        PostId post = PostId.of("a" + answered);
        PersonId author = person(zipf(random, people));
        long when = at + (long) (random.nextDouble() * random.nextDouble() * 172_800_000L);
        ledger.apply(new RecordedEvent(++sequence, Instant.ofEpochMilli(when),
            new AnswerPosted(post, thread, "", author)));
        if (first == null) {
          first = post;
          firstAuthor = author;
        }
      }
      progress.advance(1 + answered - before);
      routedTo.put(thread, List.of(person(random.nextInt(people)),
          person(random.nextInt(people)), person(random.nextInt(people))));
      if (first != null && random.nextBoolean()) {
        ledger.apply(new RecordedEvent(++sequence, Instant.ofEpochMilli(at + 3_600_000),
            new AnswerAccepted(thread, first, asker, firstAuthor)));
      }
    }
    progress.finish();
    double foldMs = (System.nanoTime() - foldStarted) / 1e6;
    Instant end = START.plusMillis(SPAN_MS);
    PulsePeriod quarter = PulsePeriod.ending(end, Duration.ofDays(91));
    Set<SpaceId> readable = Set.of(space);
    double[] quarterMs = new double[runs];
    double[] allTimeMs = new double[runs];
    double[] routedMs = new double[runs];
    double[] quarterRoutedMs = new double[runs];
    PulseReport report = null;
    PulseReport routed = null;
    // No linked accounts here: each account is a person (Set::of).
    for (int r = 0; r < runs; r++) {
      ledger.routingFrom(question -> null);
      long t0 = System.nanoTime();
      report = ledger.report(PulseScope.organisation(), quarter, readable,
          PersonId.of("bench-admin"), Set::of, true, 5, sequence);
      quarterMs[r] = (System.nanoTime() - t0) / 1e6;
      t0 = System.nanoTime();
      ledger.report(PulseScope.organisation(), PulsePeriod.allTime(), readable,
          PersonId.of("bench-admin"), Set::of, true, 5, sequence);
      allTimeMs[r] = (System.nanoTime() - t0) / 1e6;
      ledger.routingFrom(routedTo::get);
      t0 = System.nanoTime();
      ledger.report(PulseScope.organisation(), quarter, readable, PersonId.of("bench-admin"),
          Set::of, true, 5, sequence);
      quarterRoutedMs[r] = (System.nanoTime() - t0) / 1e6;
      t0 = System.nanoTime();
      routed = ledger.report(PulseScope.organisation(), PulsePeriod.allTime(), readable,
          PersonId.of("bench-admin"), Set::of, true, 5, sequence);
      routedMs[r] = (System.nanoTime() - t0) / 1e6;
      err.printf("run %d: quarter %.1f ms, all time %.1f ms; routed: quarter %.1f ms, all time"
          + " %.1f ms%n", r + 1, quarterMs[r], allTimeMs[r], quarterRoutedMs[r], routedMs[r]);
    }
    Arrays.sort(routedMs);
    Arrays.sort(quarterRoutedMs);
    Arrays.sort(quarterMs);
    Arrays.sort(allTimeMs);
    new JsonSummary().put("posts", posts).put("questions", questions).put("answers", answers)
        .put("people", people).put("seed", seed).put("runs", runs)
        .put("fold_ms", Math.round(foldMs))
        .put("pulse_ms", round(allTimeMs[runs / 2]))
        .put("pulse_all_time_ms_best", round(allTimeMs[0]))
        .put("pulse_quarter_ms_median", round(quarterMs[runs / 2]))
        .put("pulse_quarter_ms_best", round(quarterMs[0]))
        .put("pulse_all_time_routed_ms", round(routedMs[runs / 2]))
        .put("pulse_quarter_routed_ms", round(quarterRoutedMs[runs / 2]))
        .put("routed_answered_by_asked_share",
            routed.current().routing().answeredByAskedShare())
        .put("quarter_questions", report.current().questions())
        .put("quarter_answered_share", report.current().answeredShare())
        .put("trending_topics", report.trendingTopics().size())
        .print(out);
  }

  private static double round(double ms) {
    return Math.round(ms * 10) / 10.0;
  }

  private static PersonId person(int p) {
    return PersonId.of("p" + p);
  }

  /** A rough Zipf draw over {@code [0, n)}: low indices far more often. */
  private static int zipf(Random random, int n) {
    return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1.0, random.nextDouble()) - 1));
  }
}
