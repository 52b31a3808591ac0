package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.question;
import static io.socialearn.lucene.VotesModel.cursorOf;
import static io.socialearn.lucene.VotesModel.ids;
import static io.socialearn.lucene.VotesModel.model;
import static io.socialearn.lucene.VotesModel.vote;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.space.SpaceId;
import java.util.ArrayList;
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
      vote(index, events, random, scores, voters, null, threads * 2);
      for (int limit : new int[] {1, 3, 7}) {
        for (boolean hitsOnly : new boolean[] {true, false}) {
          SearchQuery query = new SearchQuery("billing", SearchSort.VOTES, limit, null)
              .hitsOnly(hitsOnly);
          SearchResults first = index.search(query, SPACES);
          assertThat(ids(first)).isEqualTo(model(scores, null, null).subList(0, limit));
          if (first.nextCursor() == null) {
            continue;
          }
          int[] last = cursorOf(ids(first).get(limit - 1), scores);
          vote(index, events, random, scores, voters, null, 1 + random.nextInt(5));
          List<String> seen = new ArrayList<>();
          SearchResults page = index.search(query.after(first.nextCursor()), SPACES);
          List<String> expected = model(scores, null, last);
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
}
