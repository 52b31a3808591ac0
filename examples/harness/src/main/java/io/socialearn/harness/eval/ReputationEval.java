package io.socialearn.harness.eval;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.AdjustReputation;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.reputation.ReputationChange;
import io.socialearn.api.reputation.ReputationHistory;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.core.reputation.ReputationRules;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Subcommand;
import io.socialearn.harness.UsageException;
import io.socialearn.harness.stackexchange.DumpReplay;
import io.socialearn.harness.stackexchange.ImportClock;
import io.socialearn.harness.stackexchange.ImportEngine;
import io.socialearn.harness.stackexchange.PostIndex;
import io.socialearn.harness.stackexchange.PresetIds;
import io.socialearn.harness.stackexchange.ReplayListener;
import io.socialearn.harness.stackexchange.XmlRows;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code eval reputation --dump DIR --out FILE}: socialearn's reputation engine, with Stack
 * Exchange's rules as they stood when the dump was taken, applied to the imported history, and
 * compared with the Reputation column of Users.xml. The replay includes what the dump shows
 * beyond votes and accepts: bounties (a lapsed one pays the answer half, as the close row's amount
 * says), posts becoming community wiki, and the last edit of each post by someone who could only
 * suggest it (see {@link DumpReplay#withSuggestedEdits()}).
 *
 * <p>Compared: every user of Users.xml who authored at least one question or answer of the dump.
 * A public dump cannot show the association bonus (+100 once a person has 200 reputation on
 * another site), so the dump is replayed twice, once with every user starting with the bonus (as
 * an adjustment before anything they did, so that later losses meet the floor as on the site),
 * and each user is compared with whichever of the two values is closer. Before comparing, each
 * value is charged the down votes its user is estimated to have cast on answers
 * ({@link DownVoteEstimate}: the dump has each person's total but not what their votes hit); the
 * summary also gives the figures without that estimate.
 * Writes {@code userId<TAB>reputation} for every user to FILE, and the values with the bonus to
 * FILE.bonus.tsv (both as replayed, before the estimate), and the estimate to
 * FILE.downvotes.tsv. Not thread-safe.
 */
public final class ReputationEval implements Subcommand {
  /** Stack Exchange raised a question up vote from +5 to +10 on this day, retroactively. */
  static final Instant QUESTION_VOTE_RAISE = Instant.parse("2019-11-13T00:00:00Z");
  static final int ASSOCIATION_BONUS = 100;
  /**
   * The reputation a beta or graduated site asks to vote down; during a private beta it is 1
   * (the privileges table by site type, https://meta.stackexchange.com/revisions/160292/56).
   */
  static final int VOTE_DOWN_PRIVILEGE = 125;
  /**
   * A site's private beta: its first week (https://english.meta.stackexchange.com/questions/1299).
   */
  static final Duration PRIVATE_BETA = Duration.ofDays(7);

  @Override
  public void run(Args args, PrintStream out, PrintStream err) {
    Path dump = args.directory("dump");
    Path file = Path.of(args.required("out"));
    args.done();
    Map<Integer, Integer> shown = shownReputation(dump.resolve("Users.xml"));
    PostIndex posts = PostIndex.read(dump.resolve("Posts.xml"));
    Instant taken = dumpDate(posts);
    ReputationRules rules = taken.isBefore(QUESTION_VOTE_RAISE)
        ? ReputationRules.stackExchangeBefore2019() : ReputationRules.stackExchange();
    err.println("pass 1 of 2: without the association bonus");
    Replayed plain = replay(dump, rules, false, err);
    err.println("pass 2 of 2: everyone starts with the association bonus");
    Replayed bonus = replay(dump, rules, true, err);
    Instant privateBetaEnd = firstPost(posts).plus(PRIVATE_BETA);
    DownVoteEstimate estimate = DownVoteEstimate.read(dump.resolve("Users.xml"),
        dump.resolve("Votes.xml"), posts);
    Map<Integer, Integer> downVotes = estimate.charges(plain.privileged(), privateBetaEnd);
    Map<Integer, Integer> downVotesWithBonus = estimate.charges(bonus.privileged(),
        privateBetaEnd);
    {
      Map<String, Long> counts = plain.counts();
      write(file, plain.computed());
      write(Path.of(file + ".bonus.tsv"), bonus.computed());
      write(Path.of(file + ".downvotes.tsv"), downVotes);
      Set<Integer> authors = authors(posts);
      Comparison comparison = compare(shown, charge(plain.computed(), downVotes),
          charge(bonus.computed(), downVotesWithBonus), authors);
      Comparison unestimated = compare(shown, plain.computed(), bonus.computed(), authors);
      JsonSummary summary = new JsonSummary().put("dump", dump.toString())
          .put("out", file.toString()).put("dumpTaken", taken.toString())
          .put("rules", rules.questionUpvote() == 5 ? "stack-exchange-before-2019-11-13"
              : "stack-exchange");
      comparison.figures().forEach(summary::put);
      summary.put("downVotesOnAnswersEstimated", downVotes.values().stream()
          .mapToInt(Integer::intValue).sum());
      summary.put("withoutDownVoteEstimate", unestimated.figures());
      summary.put("importCounts", counts);
      summary.print(out);
    }
  }

  /**
   * Each computed value less the estimated down votes its user cast on answers (one point each;
   * see {@link DownVoteEstimate}), never below the floor of 1.
   */
  static Map<Integer, Integer> charge(Map<Integer, Integer> computed,
      Map<Integer, Integer> downVotesOnAnswers) {
    Map<Integer, Integer> charged = new LinkedHashMap<>();
    computed.forEach((user, points) -> charged.put(user,
        Math.max(1, points - downVotesOnAnswers.getOrDefault(user, 0))));
    return charged;
  }

  /**
   * Computed reputation by user id, when each user first reached the reputation to vote down (if
   * they did), and the import's counts.
   */
  record Replayed(Map<Integer, Integer> computed, Map<Integer, Instant> privileged,
      Map<String, Long> counts) {}

  /**
   * Imports the dump and reads every user's reputation. With {@code bonus}, each user gets the
   * association bonus as an adjustment right after registering, so that later losses meet the
   * floor as they did on the site.
   */
  private static Replayed replay(Path dump, ReputationRules rules, boolean bonus,
      PrintStream err) {
    ImportClock clock = new ImportClock(Instant.EPOCH);
    PresetIds ids = new PresetIds();
    try (SocialLearningEngine engine = ImportEngine.builder(clock, ids,
        ImportEngine.newSearchIndex()).reputationRules(rules).build()) {
      DumpReplay replay = new DumpReplay(dump, engine, clock, ids, ReplayListener.NONE, err)
          .withSuggestedEdits();
      if (bonus) {
        replay.onUserRegistered(person -> engine.execute(Viewer.system(),
            new AdjustReputation(person, ASSOCIATION_BONUS, "association bonus")));
      }
      replay.prepare();
      Map<String, Long> counts = replay.run();
      Map<Integer, Integer> computed = new LinkedHashMap<>();
      Map<Integer, Instant> privileged = new LinkedHashMap<>();
      for (int user : shownUsers(dump)) {
        ReputationHistory history = engine.reputation(DumpReplay.reader(),
            PersonId.of("u" + user));
        computed.put(user, history.score().points());
        int points = 1;
        for (ReputationChange change : history.changes()) {
          points += change.delta();
          if (points >= VOTE_DOWN_PRIVILEGE) {
            privileged.put(user, change.at());
            break;
          }
        }
      }
      return new Replayed(computed, privileged, counts);
    }
  }

  private static List<Integer> shownUsers(Path dump) {
    return new ArrayList<>(shownReputation(dump.resolve("Users.xml")).keySet());
  }

  /** The Reputation column of Users.xml, by user id. */
  static Map<Integer, Integer> shownReputation(Path usersXml) {
    Map<Integer, Integer> shown = new LinkedHashMap<>();
    try (XmlRows rows = XmlRows.open(usersXml)) {
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        int id = parse(row.get("Id"), usersXml, "Id");
        if (id != 0) {
          shown.put(id, parse(row.get("Reputation"), usersXml, "Reputation"));
        }
      }
    }
    return shown;
  }

  private static int parse(String value, Path file, String attribute) {
    try {
      return Integer.parseInt(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(file + ": attribute " + attribute + " is not a number: '" + value
          + "'");
    }
  }

  /** The dump's first post: when the site opened. */
  static Instant firstPost(PostIndex posts) {
    long oldest = Long.MAX_VALUE;
    for (int i = 0; i < posts.size(); i++) {
      oldest = Math.min(oldest, posts.createdAt(i));
    }
    return Instant.ofEpochMilli(oldest == Long.MAX_VALUE ? 0 : oldest);
  }

  /** The dump's date: its newest post. */
  static Instant dumpDate(PostIndex posts) {
    long newest = Long.MIN_VALUE;
    for (int i = 0; i < posts.size(); i++) {
      newest = Math.max(newest, posts.createdAt(i));
    }
    return Instant.ofEpochMilli(newest == Long.MIN_VALUE ? 0 : newest);
  }

  /** The users who authored at least one question or answer. */
  static Set<Integer> authors(PostIndex posts) {
    Set<Integer> authors = new HashSet<>();
    for (int i = 0; i < posts.size(); i++) {
      if ((posts.typeAt(i) == 1 || posts.typeAt(i) == 2) && posts.ownerAt(i) > 0) {
        authors.add(posts.ownerAt(i));
      }
    }
    return authors;
  }

  /** The figures of a comparison, for the summary. */
  record Comparison(Map<String, Object> figures) {}

  /**
   * Compares computed with shown reputation for the users in {@code compared} (and in both maps),
   * each computed value with or without the association bonus, whichever is closer.
   */
  static Comparison compare(Map<Integer, Integer> shown, Map<Integer, Integer> computed,
      Map<Integer, Integer> computedWithBonus, Set<Integer> compared) {
    List<double[]> pairs = new ArrayList<>();
    int exact = 0;
    int within = 0;
    int withBonus = 0;
    List<Double> errors = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : shown.entrySet()) {
      Integer ours = computed.get(e.getKey());
      if (ours == null || !compared.contains(e.getKey())) {
        continue;
      }
      int actual = e.getValue();
      int plain = ours;
      int bonus = computedWithBonus.getOrDefault(e.getKey(), ours + ASSOCIATION_BONUS);
      int best = Math.abs(bonus - actual) < Math.abs(plain - actual) ? bonus : plain;
      if (best == bonus) {
        withBonus++;
      }
      int error = Math.abs(best - actual);
      exact += error == 0 ? 1 : 0;
      within += error <= Math.max(10, 0.1 * actual) ? 1 : 0;
      errors.add((double) error);
      pairs.add(new double[] {best, actual});
    }
    double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
    Map<String, Object> figures = new LinkedHashMap<>();
    int n = pairs.size();
    figures.put("usersCompared", n);
    figures.put("spearman", n < 2 ? 0 : Metrics.round4(Metrics.spearman(x, y)));
    figures.put("exactShare", n == 0 ? 0 : Metrics.round4((double) exact / n));
    figures.put("within10PercentShare", n == 0 ? 0 : Metrics.round4((double) within / n));
    figures.put("medianAbsoluteError", median(errors));
    figures.put("comparedWithAssociationBonus", withBonus);
    return new Comparison(figures);
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  private static void write(Path file, Map<Integer, Integer> computed) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<Integer, Integer> e : computed.entrySet()) {
        w.write(e.getKey() + "\t" + e.getValue() + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
