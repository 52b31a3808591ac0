package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.downVote;
import static io.socialearn.lucene.Events.question;
import static io.socialearn.lucene.Events.upVote;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.space.SpaceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The votes order against a model (score descending, then newest first), with scores that tie
 * often, threads spread over segments out of creation order, votes cast between searches, and
 * pages whose cursor was taken before a vote. Guards the live comparator's own comparison of
 * the whole order, which must never drop a document that beats the page's last.
 */
class VoteSortTest {
  private static final Set<SpaceId> SPACES = Set.of(SpaceId.of("hr"), SpaceId.of("eng"));

  @Property(tries = 40)
  void votesOrderMatchesTheModelAcrossVotesAndPages(@ForAll long seed) {
    Random random = new Random(seed);
    Events events = new Events();
    int threads = 20 + random.nextInt(60);
    long[] scores = new long[threads];
    int[] voters = new int[threads];
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      List<DomainEvent> batch = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        batch.add(question("t" + t, t % 3 == 0 ? "eng" : "hr", "ana", "Invoice " + t,
            "invoice text", "billing"));
        if (random.nextInt(4) == 0) {
          index.apply(events.record(batch.toArray(DomainEvent[]::new)));
          batch.clear();
        }
      }
      index.apply(events.record(batch.toArray(DomainEvent[]::new)));
      for (int t = 0; t < threads; t++) {
        // answers rewrite some threads into later segments, out of creation order
        if (random.nextInt(3) == 0) {
          index.apply(events.record(answer("a" + t, "t" + t, "an answer")));
        }
      }
      vote(index, events, random, scores, voters, threads * 2);
      for (int limit : new int[] {1, 3, 7}) {
        for (boolean hitsOnly : new boolean[] {true, false}) {
          SearchQuery query = new SearchQuery("billing", SearchSort.VOTES, limit, null)
              .hitsOnly(hitsOnly);
          SearchResults first = index.search(query, SPACES);
          assertThat(ids(first)).isEqualTo(model(scores, null).subList(0, limit));
          if (first.nextCursor() == null) {
            continue;
          }
          int[] last = cursorOf(ids(first).get(limit - 1), scores);
          vote(index, events, random, scores, voters, 1 + random.nextInt(5));
          List<String> seen = new ArrayList<>();
          SearchResults page = index.search(query.after(first.nextCursor()), SPACES);
          List<String> expected = model(scores, last);
          assertThat(ids(page)).as("the page after a cursor taken before a vote")
              .isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
          seen.addAll(ids(page));
          while (page.nextCursor() != null) {
            page = index.search(query.after(page.nextCursor()), SPACES);
            seen.addAll(ids(page));
          }
          assertThat(seen).isEqualTo(expected);
        }
      }
    }
  }

  private static void vote(LuceneSearchIndex index, Events events, Random random,
      long[] scores, int[] voters, int count) {
    List<DomainEvent> votes = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      int t = random.nextInt(scores.length);
      boolean up = random.nextInt(3) != 0;
      votes.add(up ? upVote("t" + t, "v" + voters[t]) : downVote("t" + t, "v" + voters[t]));
      voters[t]++;
      scores[t] += up ? 1 : -1;
    }
    index.apply(events.record(votes.toArray(DomainEvent[]::new)));
  }

  /** A thread's place in the order: its score, then its creation (later first). */
  private static int[] cursorOf(String id, long[] scores) {
    int t = Integer.parseInt(id.substring(1));
    return new int[] {(int) scores[t], t};
  }

  /** The threads in votes order, only those after {@code after} if given. */
  private static List<String> model(long[] scores, int[] after) {
    Comparator<Integer> order = Comparator.<Integer>comparingLong(t -> -scores[t])
        .thenComparing(t -> -t);
    List<Integer> all = new ArrayList<>();
    for (int t = 0; t < scores.length; t++) {
      if (after == null || scores[t] < after[0] || (scores[t] == after[0] && t < after[1])) {
        all.add(t);
      }
    }
    all.sort(order);
    return all.stream().map(t -> "t" + t).toList();
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(h -> h.thread().value()).toList();
  }
}
