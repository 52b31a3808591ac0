package io.socialearn.harness.eval;

import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.KnownAnswer;
import io.socialearn.core.ExpertiseMixLearner;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Subcommand;
import io.socialearn.harness.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eval validation --features FILE[,FILE...]}: the who-knows validation split, replayed
 * offline from the files {@code eval experts --features} wrote, one per site. Validation queries
 * are the later half, by time, of a site's training-period queries, or with {@code
 * --known-at-least N} every training-period query with N or more queries known before it (a
 * wider split, less noisy, whose early queries learn from fewer); each is ranked by the mix
 * {@link ExpertiseMixLearner} learns from the queries known before it (the file's {@code A}
 * lines, as many as its {@code Q} line says; re-learned as often as {@code eval experts} does,
 * see {@link ExpertsEval#relearnDue}), over its candidates as {@code whoKnows} found them
 * under the default mix. No test question takes part, so a change to the signals or the learner
 * can be chosen here before the test questions are run once. Prints MRR and P@1 per site and
 * pooled. The candidates stay those of the default mix (in {@code eval experts} a learned mix
 * also chooses them), and the signals are read back at five decimals, so the figures are close
 * to, not the same as, what {@code eval experts} would give for these questions. Not thread-safe.
 */
public final class ValidationEval implements Subcommand {

  @Override
  public void run(Args args, PrintStream out, PrintStream err) throws IOException {
    String files = args.required("features");
    String atLeast = args.optional("known-at-least", null);
    if (atLeast != null && !atLeast.matches("[0-9]{1,9}")) {
      throw new UsageException("--known-at-least takes a count of queries, not '" + atLeast
          + "'");
    }
    int knownAtLeast = atLeast == null ? -1 : Integer.parseInt(atLeast);
    args.done();
    ExpertsEval.Scores pooled = new ExpertsEval.Scores();
    List<Map<String, Object>> sites = new ArrayList<>();
    for (String name : files.split(",")) {
      Path file = Path.of(name.strip());
      Site site = Site.read(file);
      ExpertsEval.Scores scores = new ExpertsEval.Scores();
      double[] w = null;
      int learnedOn = -1;
      int fits = 0;
      for (Query q : knownAtLeast < 0 ? site.validation() : site.knownAtLeast(knownAtLeast)) {
        if (w == null || ExpertsEval.relearnDue(q.known(), learnedOn)) {
          w = ExpertiseMixLearner.learn(site.known().subList(0, q.known())).weights();
          learnedOn = q.known();
          fits++;
        }
        List<Ranked> ranking = q.rank(w);
        scores.add(ranking, q.relevant());
        pooled.add(ranking, q.relevant());
      }
      err.println("validation: " + file + ": " + scores.summary() + ", " + fits
          + " mixes learned");
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("features", file.toString());
      one.putAll(scores.summary());
      one.remove("recall@10");
      sites.add(one);
    }
    Map<String, Object> all = pooled.summary();
    new JsonSummary().put("split", "validation")
        .put("queriesTaken", knownAtLeast < 0 ? "laterHalf" : "knownAtLeast " + knownAtLeast)
        .put("sites", sites)
        .put("queries", all.get("queries")).put("mrr", all.get("mrr")).put("p@1", all.get("p@1"))
        .put("firstAnswers", (int) Arrays.stream(pooled.firstHits()).sum())
        .print(out);
  }

  /** One query of a features file: its candidates' signals and who answered. */
  record Query(String id, boolean test, int known, String relevant, String[] ids,
      double[][] signals) {
    /** The candidates by the mix {@code w}, the best {@value ExpertsEval#RANKS} first. */
    List<Ranked> rank(double[] w) {
      List<Ranked> all = new ArrayList<>();
      for (int i = 0; i < ids.length; i++) {
        all.add(new Ranked(ids[i], ExpertsEval.MixLearner.dot(signals[i], w)));
      }
      return ExpertsEval.top(all);
    }

    ExpertsEval.TrainingQuery training() {
      int at = List.of(ids).indexOf(relevant);
      return new ExpertsEval.TrainingQuery(signals, ids, at);
    }
  }

  /** A site's features file: its queries in time order and the order they became known. */
  record Site(List<Query> queries, List<KnownAnswer> known) {

    /**
     * How many queries were known when the test period began: as many as its first test query
     * says, or all the file's known queries if it has no test query.
     */
    int knownAtTestStart() {
      return queries.stream().filter(Query::test).findFirst().map(Query::known)
          .orElse(known.size());
    }

    /** The training-period queries with at least {@code n} queries known before them. */
    List<Query> knownAtLeast(int n) {
      return queries.stream().filter(q -> !q.test() && q.known() >= n).toList();
    }

    /** The later half of the training-period queries. */
    List<Query> validation() {
      List<Query> train = queries.stream().filter(q -> !q.test()).toList();
      return train.subList(train.size() / 2, train.size());
    }

    static Site read(Path file) throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new UsageException(file + ": no such features file");
      }
      Map<String, Query> byId = new LinkedHashMap<>();
      Map<String, List<String>> ids = new HashMap<>();
      Map<String, List<double[]>> signals = new HashMap<>();
      List<String> knownOrder = new ArrayList<>();
      Map<String, String[]> heads = new LinkedHashMap<>();
      int d = ExpertiseMix.SIGNALS.size();
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
          number++;
          String[] cells = line.split("\t", -1);
          String where = file + ": line " + number + ": ";
          switch (cells[0]) {
            case "Q" -> {
              if (cells.length != 6 || !(cells[2].equals("train") || cells[2].equals("test"))) {
                throw new UsageException(where + "a Q line is Q, query, train or test, known, "
                    + "answerer, time");
              }
              if (heads.put(cells[1], cells) != null) {
                throw new UsageException(where + "query " + cells[1] + " appears twice");
              }
              if (!cells[3].matches("[0-9]{1,9}")) {
                throw new UsageException(where + "'" + cells[3] + "' is not a count of queries");
              }
              ids.put(cells[1], new ArrayList<>());
              signals.put(cells[1], new ArrayList<>());
            }
            case "C" -> {
              if (cells.length < 3 + d) {
                throw new UsageException(where + "a C line needs query, candidate and " + d
                    + " signals, has " + (cells.length - 1) + " cells");
              }
              List<String> of = ids.get(cells[1]);
              if (of == null) {
                throw new UsageException(where + "candidate of query " + cells[1]
                    + " before its Q line");
              }
              double[] s = new double[d];
              for (int i = 0; i < d; i++) {
                s[i] = number(where, cells[3 + i]);
              }
              of.add(cells[2]);
              signals.get(cells[1]).add(s);
            }
            case "A" -> {
              if (cells.length != 2 || !heads.containsKey(cells[1])) {
                throw new UsageException(where + "an A line names a query of an earlier Q line");
              }
              knownOrder.add(cells[1]);
            }
            default -> throw new UsageException(where + "not a Q, C or A line of eval experts "
                + "--features");
          }
        }
      }
      heads.forEach((id, cells) -> byId.put(id, new Query(id, cells[2].equals("test"),
          Integer.parseInt(cells[3]), cells[4],
          ids.get(id).toArray(new String[0]), signals.get(id).toArray(new double[0][]))));
      List<KnownAnswer> known = new ArrayList<>();
      for (String id : knownOrder) {
        known.add(byId.get(id).training().known());
      }
      for (Query q : byId.values()) {
        if (q.known() > known.size()) {
          throw new UsageException(file + ": query " + q.id() + " says " + q.known()
              + " queries were known before it; the file's A lines make " + known.size());
        }
      }
      return new Site(List.copyOf(byId.values()), known);
    }

    private static double number(String where, String cell) {
      try {
        double v = Double.parseDouble(cell);
        if (Double.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException e) {
        // named below
      }
      throw new UsageException(where + "'" + cell + "' is not a finite number");
    }
  }
}
