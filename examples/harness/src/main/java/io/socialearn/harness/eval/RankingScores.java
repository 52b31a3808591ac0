package io.socialearn.harness.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Accumulates one ranker's per-query measures for a retrieval evaluation. Not thread-safe. */
final class RankingScores {
  private final List<Double> reciprocalRanks = new ArrayList<>();
  private final List<Double> recall1 = new ArrayList<>();
  private final List<Double> recall5 = new ArrayList<>();
  private final List<Double> recall10 = new ArrayList<>();

  void add(List<Ranked> ranking, Set<String> relevant) {
    List<String> ids = ranking.stream().map(Ranked::id).toList();
    reciprocalRanks.add(Metrics.reciprocalRank(ids, relevant));
    recall1.add(Metrics.recallAt(ids, relevant, 1));
    recall5.add(Metrics.recallAt(ids, relevant, 5));
    recall10.add(Metrics.recallAt(ids, relevant, 10));
  }

  Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("queries", reciprocalRanks.size());
    out.put("recall@1", Metrics.round4(Metrics.mean(recall1)));
    out.put("recall@5", Metrics.round4(Metrics.mean(recall5)));
    out.put("recall@10", Metrics.round4(Metrics.mean(recall10)));
    out.put("mrr", Metrics.round4(Metrics.mean(reciprocalRanks)));
    return out;
  }
}
