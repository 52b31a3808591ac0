package io.socialearn.core;

import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.CY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.search.RebuildProgress;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchIndex;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.search.TagSuggestion;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.search.MemorySearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RebuildIndexTest {

  /** A memory index that counts the searches it serves and knows whether it was closed. */
  static final class CountingIndex implements SearchIndex {
    final MemorySearchIndex delegate = new MemorySearchIndex();
    final AtomicInteger searches = new AtomicInteger();
    volatile boolean closed;

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public long checkpoint() {
      return delegate.checkpoint();
    }

    @Override
    public void apply(List<RecordedEvent> events) {
      delegate.apply(events);
    }

    @Override
    public SearchResults search(SearchQuery query, Set<SpaceId> readableSpaces) {
      searches.incrementAndGet();
      return delegate.search(query, readableSpaces);
    }

    @Override
    public List<SearchHit> similarQuestions(SimilarQuery query, Set<SpaceId> readableSpaces) {
      return delegate.similarQuestions(query, readableSpaces);
    }

    @Override
    public List<TagSuggestion> suggestTags(String text, int limit, Set<SpaceId> readable) {
      return delegate.suggestTags(text, limit, readable);
    }

    @Override
    public List<Tag> completeTags(String prefix, int limit, Set<SpaceId> readable) {
      return delegate.completeTags(prefix, limit, readable);
    }

    @Override
    public void close() {
      closed = true;
      delegate.close();
    }
  }

  @Test
  void aRebuiltIndexCatchesUpInTheBackgroundThenServesAndTheOldOneIsClosed() throws Exception {
    try (Fixture f = new Fixture(InMemoryEventLog.create(), WriteRateLimit.unlimited())) {
      for (int i = 0; i < 50; i++) {
        f.engine.execute(ANA, StartThread.question(f.open, "Rebuild question " + i,
            "Searchable body number " + i));
      }
      CountingIndex fresh = new CountingIndex();
      List<long[]> progress = new ArrayList<>();
      CompletableFuture<SearchIndex> rebuilding = f.engine.rebuildSearchIndex(fresh,
          (applied, total) -> {
            synchronized (progress) {
              progress.add(new long[] {applied, total});
            }
          });
      // Writes and searches go on while it rebuilds; the old index serves the searches.
      for (int i = 50; i < 100; i++) {
        f.engine.execute(ANA, StartThread.question(f.open, "Rebuild question " + i,
            "Searchable body number " + i));
        assertThat(f.engine.search(CY, "searchable", 100).totalHits()).isEqualTo(i + 1);
      }
      SearchIndex rebuilt = rebuilding.get(30, TimeUnit.SECONDS);
      assertThat(rebuilt).isSameAs(fresh);
      assertThat(fresh.checkpoint()).isEqualTo(f.engine.lastSequence());
      synchronized (progress) {
        assertThat(progress).isNotEmpty();
        long[] last = progress.get(progress.size() - 1);
        // The last report is the swap: everything up to that moment was in; the engine fed the
        // new index itself from then on.
        assertThat(last[0]).isEqualTo(last[1]).isLessThanOrEqualTo(f.engine.lastSequence());
      }

      int before = fresh.searches.get();
      assertThat(f.engine.search(CY, "searchable", 100).totalHits()).isEqualTo(100);
      assertThat(fresh.searches.get()).isEqualTo(before + 1);
      f.engine.execute(ANA, StartThread.question(f.open, "After the rebuild", "searchable"));
      assertThat(f.engine.search(CY, "searchable", 100).totalHits()).isEqualTo(101);
    }
  }

  @Test
  void theOldIndexIsClosedOnceReplaced() throws Exception {
    CountingIndex old = new CountingIndex();
    try (SocialLearningEngine engine = SocialLearningEngine.builder().searchIndex(old).build()) {
      engine.execute(Viewer.system(), CreateSpace.community("A space to index"));
      CountingIndex fresh = new CountingIndex();
      engine.rebuildSearchIndex(fresh, RebuildProgress.none())
          .get(30, TimeUnit.SECONDS);
      assertThat(old.closed).isTrue();
      assertThat(fresh.closed).isFalse();
    }
  }

  @Test
  void anIndexAheadOfItsLogIsRefusedAtStartRatherThanSilentlyMissingEvents() {
    CountingIndex index = new CountingIndex();
    try (SocialLearningEngine first = SocialLearningEngine.builder().searchIndex(index).build()) {
      first.execute(Viewer.system(), CreateSpace.community("Indexed here"));
      first.execute(Viewer.system(), CreateSpace.community("And here"));
    }
    assertThat(index.checkpoint()).isEqualTo(2);
    InMemoryEventLog shorter = InMemoryEventLog.create();
    assertThatThrownBy(() -> SocialLearningEngine.builder()
        .eventLog(shorter).searchIndex(index).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("up to sequence 2").hasMessageContaining("log ends at 0")
        .hasMessageContaining("ahead of its log");
  }
}
