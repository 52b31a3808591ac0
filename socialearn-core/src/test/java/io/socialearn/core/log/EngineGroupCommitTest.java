package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.AddComment;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.core.WriteRateLimit;
import io.socialearn.core.search.MemorySearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine over a GROUP-mode file log: commands are applied under the engine's lock and
 * acknowledged once durable, outside it, so that concurrent commands share forces.
 */
class EngineGroupCommitTest {
  private static final Viewer ANA = Viewer.of("ana");

  private static SocialLearningEngine engine(FileEventLog log, MemorySearchIndex index) {
    return SocialLearningEngine.builder().eventLog(log).searchIndex(index)
        .writeRateLimit(WriteRateLimit.unlimited()).build();
  }

  private static SpaceId setUp(SocialLearningEngine engine) {
    engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of("ana"))
        .displayName("Ana").build()));
    return engine.execute(Viewer.system(), CreateSpace.community("Everyone"));
  }

  @Test
  void concurrentCommandsAreAllAcknowledgedDurableIndexedAndThereAfterAReopen() throws Exception {
    SimulatedStorage storage = new SimulatedStorage(2);
    MemorySearchIndex index = new MemorySearchIndex();
    List<ThreadId> acknowledged = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (FileEventLog log = FileEventLog.builder(storage).durability(Durability.GROUP).build();
        SocialLearningEngine engine = engine(log, index)) {
      SpaceId space = setUp(engine);
      List<Future<ThreadId>> asked = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        asked.add(pool.submit(() -> {
          ThreadId thread = engine.execute(ANA, StartThread.question(space,
              "Question number " + n, "zebra body " + n));
          engine.execute(ANA, new AddComment(thread, "comment " + n));
          // The body is read back from the log, whether or not its force is done yet.
          assertThat(engine.thread(ANA, thread).body()).isEqualTo("zebra body " + n);
          return thread;
        }));
      }
      for (Future<ThreadId> f : asked) {
        acknowledged.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(log.lastSequence()).isEqualTo(2 + 400);
      assertThat(index.checkpoint()).as("the index has every acknowledged event")
          .isEqualTo(log.lastSequence());
      assertThat(engine.search(ANA, SearchQuery.of("zebra")).totalHits()).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
    try (FileEventLog log = FileEventLog.builder(storage).build();
        SocialLearningEngine reopened = engine(log, new MemorySearchIndex())) {
      for (ThreadId thread : acknowledged) {
        assertThat(reopened.thread(ANA, thread).comments()).hasSize(1);
      }
    }
  }

  @Test
  void aBatchTheLogLosesStopsTheEngineAndAReopenHasOnlyWhatWasDurable() {
    SimulatedStorage storage = new SimulatedStorage(2);
    ThreadId kept;
    try (FileEventLog log = FileEventLog.builder(storage).durability(Durability.GROUP).build();
        SocialLearningEngine engine = engine(log, new MemorySearchIndex())) {
      SpaceId space = setUp(engine);
      kept = engine.execute(ANA, StartThread.question(space, "A question kept", "body"));
      storage.failForces(true);
      assertThatThrownBy(() -> engine.execute(ANA, StartThread.question(space,
          "A question lost", "body"))).isInstanceOf(EventLogException.class);
      storage.failForces(false);
      assertThatThrownBy(() -> engine.execute(ANA, StartThread.question(space,
          "After the loss", "body"))).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("stopped").hasMessageContaining("reopen");
      assertThatThrownBy(() -> engine.thread(ANA, kept))
          .isInstanceOf(IllegalStateException.class);
    }
    try (FileEventLog log = FileEventLog.builder(storage).build();
        SocialLearningEngine reopened = engine(log, new MemorySearchIndex())) {
      assertThat(reopened.thread(ANA, kept).summary().title()).isEqualTo("A question kept");
      List<String> titles = new ArrayList<>();
      try (var events = log.readFrom(1)) {
        events.map(RecordedEvent::event).forEach(e -> titles.add(e.getClass().getSimpleName()));
      }
      assertThat(titles).containsExactly("PersonRegistered", "SpaceCreated", "ThreadStarted");
    }
  }
}
