package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.question;
import static io.socialearn.lucene.VotesModel.cursorOf;
import static io.socialearn.lucene.VotesModel.ids;
import static io.socialearn.lucene.VotesModel.model;
import static io.socialearn.lucene.VotesModel.vote;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ThreadId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Hits-only searches by votes through the engine, with more matches than the hit threshold so
 * the votes order skips blocks ({@link VoteBounds}): first pages and every later page against a
 * model, with up and down votes, threads rewritten into later segments by answers, deleted
 * threads, and votes between searches and between pages.
 */
class VoteSkipEngineTest {
  private static final Set<SpaceId> SPACES = Set.of(SpaceId.of("hr"), SpaceId.of("eng"));

  @Property(tries = 8)
  void hitsOnlyVotesPagesMatchTheModel(@ForAll long seed, @ForAll boolean onDisk)
      throws IOException {
    Random random = new Random(seed);
    Path dir = onDisk ? Files.createTempDirectory("vote-skip") : null;
    try {
      run(random, dir);
    } finally {
      if (dir != null) {
        try (var paths = Files.walk(dir)) {
          paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
  }

  /**
   * In memory, or on disk with background merges (their segments warmed), commits that write
   * the scores to doc values, refreshes on a timer and a reopen half-way that reloads them.
   */
  private static void run(Random random, Path dir) {
    Events events = new Events();
    int threads = IndexQueries.HITS_ONLY_COUNT + 200 + random.nextInt(1500);
    long[] scores = new long[threads];
    int[] voters = new int[threads];
    boolean[] deleted = new boolean[threads];
    LuceneSearchIndex index = open(dir);
    try {
      List<DomainEvent> batch = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        batch.add(question("t" + t, t % 3 == 0 ? "eng" : "hr", "ana", "Invoice " + t,
            "invoice text", "billing"));
        if (random.nextInt(300) == 0) {
          index.apply(events.record(batch.toArray(DomainEvent[]::new)));
          batch.clear();
        }
      }
      index.apply(events.record(batch.toArray(DomainEvent[]::new)));
      for (int round = 0; round < 4; round++) {
        if (dir != null && round == 2) {
          index.close();
          index = open(dir);
        }
        batch.clear();
        for (int c = random.nextInt(threads / 5); c > 0; c--) {
          int t = random.nextInt(threads);
          if (deleted[t]) {
            continue;
          }
          if (random.nextInt(6) == 0) {
            deleted[t] = true;
            batch.add(new ThreadDeleted(ThreadId.of("t" + t), "spam", PersonId.of("mod")));
          } else {
            // an answer rewrites the thread into a later segment, out of creation order
            batch.add(answer("a" + round + "-" + t, "t" + t, "an answer"));
          }
        }
        index.apply(events.record(batch.toArray(DomainEvent[]::new)));
        vote(index, events, random, scores, voters, deleted, 1 + random.nextInt(30));
        int limit = 1 + random.nextInt(random.nextBoolean() ? 2 : 25);
        SearchQuery query = new SearchQuery("billing", SearchSort.VOTES, limit, null)
            .hitsOnly(true);
        SearchResults page = index.search(query, SPACES);
        assertThat(ids(page)).isEqualTo(first(model(scores, deleted, null), limit));
        for (int p = 0; p < 3 && page.nextCursor() != null; p++) {
          int[] last = cursorOf(ids(page).get(ids(page).size() - 1), scores);
          if (random.nextBoolean()) {
            vote(index, events, random, scores, voters, deleted, 1 + random.nextInt(10));
          }
          page = index.search(query.after(page.nextCursor()), SPACES);
          assertThat(ids(page)).as("page %d", p + 1)
              .isEqualTo(first(model(scores, deleted, last), limit));
        }
      }
    } finally {
      index.close();
    }
  }

  private static LuceneSearchIndex open(Path dir) {
    return dir == null ? LuceneSearch.inMemory() : LuceneSearch.builder().directory(dir)
        .refreshInterval(Duration.ZERO).commitInterval(Duration.ofMillis(20)).build();
  }

  private static List<String> first(List<String> all, int limit) {
    return all.subList(0, Math.min(limit, all.size()));
  }
}
