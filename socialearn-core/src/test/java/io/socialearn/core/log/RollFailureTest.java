package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.PendingAppend;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Failures while a segment is rolled over, injected at a chosen moment through {@link
 * SimulatedStorage}'s switches: what was acknowledged stays, and the log carries on and reopens.
 */
class RollFailureTest {
  private static final Instant T = Instant.parse("2026-03-04T05:06:07.123Z");

  private static DomainEvent answer(String id, int textLength) {
    return new AnswerPosted(PostId.of("p-" + id), ThreadId.of("t-1"), "x".repeat(textLength),
        PersonId.of("bo"));
  }

  @Test
  void aFailedDirectorySyncWhileRollingLeavesALogThatReopens() {
    SimulatedStorage storage = new SimulatedStorage(5);
    List<RecordedEvent> acknowledged = new ArrayList<>();
    try (FileEventLog log = FileEventLog.builder(storage).segmentSize(4096).preallocation(0)
        .build()) {
      acknowledged.addAll(log.append(0, List.of(answer("a", 3000)), T));
      storage.failDirectorySync(true);
      assertThatThrownBy(() -> log.append(1, List.of(answer("big", 2000)), T))
          .isInstanceOf(EventLogException.class)
          .hasMessageContaining("nothing was appended");
      storage.failDirectorySync(false);
      // A batch small enough for the old segment: it must not land behind the new file's start.
      acknowledged.addAll(log.append(1, List.of(answer("small", 10)), T));
      acknowledged.addAll(log.append(2, List.of(answer("next", 10)), T));
      assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(acknowledged);
    }
    try (FileEventLog log = FileEventLog.builder(storage).build()) {
      assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(acknowledged);
    }
  }

  @Test
  void aCutWhileTheLeaderForcesDoesNotLetTheLeaderMarkTheCutSequencesDurable()
      throws Exception {
    SimulatedStorage storage = new SimulatedStorage(6);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    List<RecordedEvent> acknowledged = new ArrayList<>();
    try (FileEventLog log = FileEventLog.builder(storage).segmentSize(4096).preallocation(0)
        .build()) {
      PendingAppend first = log.appendPending(0, List.of(answer("a", 10)), T);
      CountDownLatch inForce = storage.holdNextForce();
      Future<?> leader = executor.submit(first::awaitDurable);
      assertThat(inForce.await(10, TimeUnit.SECONDS)).isTrue();
      // While the leader forces sequence 1, sequence 2 waits to be written...
      log.appendPending(1, List.of(answer("b", 10)), T);
      // ...and a batch that needs the next segment writes it, which fails: both are cut.
      storage.failWrites(true);
      assertThatThrownBy(() -> log.append(2, List.of(answer("big", 5000)), T))
          .isInstanceOf(EventLogException.class);
      storage.failWrites(false);
      storage.releaseForce();
      assertThatThrownBy(() -> leader.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(EventLogException.class);
      assertThat(log.lastSequence()).isZero();

      acknowledged.addAll(log.append(0, List.of(answer("c", 10)), T));
      // Acknowledged, so durable: what a power loss now leaves holds it.
      SimulatedStorage afterPowerLoss = storage.afterPowerLoss(1);
      try (FileEventLog reopened = FileEventLog.builder(afterPowerLoss).build()) {
        assertThat(LogSamples.readAll(reopened)).containsExactlyElementsOf(acknowledged);
      }
      assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(acknowledged);
    } finally {
      executor.shutdownNow();
    }
  }
}
