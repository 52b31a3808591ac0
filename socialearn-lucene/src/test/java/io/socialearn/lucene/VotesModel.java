package io.socialearn.lucene;

import static io.socialearn.lucene.Events.downVote;
import static io.socialearn.lucene.Events.upVote;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.search.SearchResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A model of the votes order for tests: threads {@code t0, t1, ...} created in that order, their
 * scores, and which are deleted (null: none). Ordered by score, then the later thread first.
 */
final class VotesModel {
  private VotesModel() {}

  /**
   * Applies {@code count} random votes (two up for each down), each by a new voter, to live
   * threads, and keeps {@code scores} in step.
   */
  static void vote(LuceneSearchIndex index, Events events, Random random, long[] scores,
      int[] voters, boolean[] deleted, int count) {
    List<DomainEvent> votes = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      int t = random.nextInt(scores.length);
      if (deleted != null && deleted[t]) {
        continue;
      }
      boolean up = random.nextInt(3) != 0;
      votes.add(up ? upVote("t" + t, "v" + voters[t]) : downVote("t" + t, "v" + voters[t]));
      voters[t]++;
      scores[t] += up ? 1 : -1;
    }
    index.apply(events.record(votes.toArray(DomainEvent[]::new)));
  }

  /** A thread's place in the order: its score, then its creation (later first). */
  static int[] cursorOf(String id, long[] scores) {
    int t = Integer.parseInt(id.substring(1));
    return new int[] {(int) scores[t], t};
  }

  /** The live threads in votes order, only those after {@code after} if given. */
  static List<String> model(long[] scores, boolean[] deleted, int[] after) {
    Comparator<Integer> order = Comparator.<Integer>comparingLong(t -> -scores[t])
        .thenComparing(t -> -t);
    List<Integer> all = new ArrayList<>();
    for (int t = 0; t < scores.length; t++) {
      if ((deleted == null || !deleted[t]) && (after == null || scores[t] < after[0]
          || (scores[t] == after[0] && t < after[1]))) {
        all.add(t);
      }
    }
    all.sort(order);
    return all.stream().map(t -> "t" + t).toList();
  }

  /** The ids of the threads found, in order. */
  static List<String> ids(SearchResults results) {
    return results.hits().stream().map(h -> h.thread().value()).toList();
  }
}
