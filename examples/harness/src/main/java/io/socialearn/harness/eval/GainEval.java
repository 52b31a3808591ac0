package io.socialearn.harness.eval;

import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Subcommand;
import io.socialearn.harness.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eval gain --scores FILE[,FILE...]}: pools the per-query scores that {@code eval experts
 * --scores} wrote, one file per site, and reports socialearn's MRR and P@1 over all their queries
 * against the best baseline by pooled MRR, with the gains' paired bootstrap (95% intervals and how
 * often the {@value ExpertsEval#GAIN_TARGET} target is reached). This is the "pooled over all
 * queries" figure of the who-knows issue. The files must name the same rankers. Not thread-safe.
 */
public final class GainEval implements Subcommand {

  @Override
  public void run(Args args, PrintStream out, PrintStream err) throws IOException {
    String files = args.required("scores");
    args.done();
    List<String> header = null;
    List<String> rankers = List.of();
    List<double[]> rows = new ArrayList<>();
    for (String name : files.split(",")) {
      Path file = Path.of(name.strip());
      if (!Files.isRegularFile(file)) {
        throw new UsageException(file + ": no such scores file");
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).startsWith("query\t")) {
        throw new UsageException(file + ": not a scores file of eval experts (no header)");
      }
      List<String> columns = List.of(lines.get(0).split("\t"));
      List<String> named = rankers(file, columns);
      if (header == null) {
        header = columns;
        rankers = named;
      } else if (!header.equals(columns)) {
        throw new UsageException(file + ": its rankers " + columns.subList(1, columns.size())
            + " differ from the first file's " + header.subList(1, header.size()));
      }
      for (int i = 1; i < lines.size(); i++) {
        String[] cells = lines.get(i).split("\t");
        if (cells.length != columns.size()) {
          throw new UsageException(file + ": line " + (i + 1) + " has " + cells.length
              + " columns, the header " + columns.size());
        }
        double[] row = new double[cells.length - 1];
        for (int c = 1; c < cells.length; c++) {
          try {
            row[c - 1] = Double.parseDouble(cells[c]);
          } catch (NumberFormatException e) {
            throw new UsageException(file + ": line " + (i + 1) + ": '" + cells[c]
                + "' is not a number", e);
          }
        }
        rows.add(row);
      }
    }
    if (rows.isEmpty()) {
      throw new UsageException("the scores files hold no query");
    }
    Map<String, ExpertsEval.Scores> byRanker = new LinkedHashMap<>();
    for (int r = 0; r < rankers.size(); r++) {
      ExpertsEval.Scores s = new ExpertsEval.Scores();
      for (double[] row : rows) {
        s.add(row[2 * r], row[2 * r + 1]);
      }
      byRanker.put(rankers.get(r), s);
    }
    ExpertsEval.Scores ours = byRanker.get("socialearn");
    if (ours == null) {
      throw new UsageException("the scores files have no socialearn columns");
    }
    if (byRanker.size() < 2) {
      throw new UsageException("the scores files have no baseline columns");
    }
    Map<String, Object> baselines = new LinkedHashMap<>();
    byRanker.forEach((name, s) -> {
      if (!name.equals("socialearn")) {
        baselines.put(name, Map.of("mrr", Metrics.round4(s.mrr()), "p@1", Metrics.round4(s.p1())));
      }
    });
    JsonSummary summary = new JsonSummary().put("queries", rows.size())
        .put("mrr", Metrics.round4(ours.mrr())).put("p@1", Metrics.round4(ours.p1()))
        .put("baselines", baselines);
    ExpertsEval.putGainsOverBest(summary, byRanker);
    summary.print(out);
  }

  /**
   * The rankers a header names: after "query", the columns must come in pairs NAME.rr, NAME.p1,
   * as eval experts writes them.
   */
  private static List<String> rankers(Path file, List<String> columns) {
    if (columns.size() % 2 == 0) {
      throw new UsageException(file + ": " + (columns.size() - 1)
          + " score columns, not pairs of NAME.rr and NAME.p1");
    }
    List<String> rankers = new ArrayList<>();
    for (int c = 1; c < columns.size(); c += 2) {
      String rr = columns.get(c);
      String ranker = rr.endsWith(".rr") ? rr.substring(0, rr.length() - ".rr".length()) : "";
      if (ranker.isEmpty() || !columns.get(c + 1).equals(ranker + ".p1")) {
        throw new UsageException(file + ": columns '" + rr + "' and '" + columns.get(c + 1)
            + "' are not a pair NAME.rr, NAME.p1");
      }
      rankers.add(ranker);
    }
    return rankers;
  }
}
