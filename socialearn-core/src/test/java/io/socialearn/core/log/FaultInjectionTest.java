package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Full disks and failing forces, injected through {@link SimulatedStorage}: the append that
 * fails throws {@link EventLogException}, nothing unacknowledged stays, and the log carries on
 * and reopens.
 */
class FaultInjectionTest {
  private static final Instant T = Instant.parse("2026-03-04T05:06:07.123Z");
  private final Random random = new Random(42);

  private static String segmentName() {
    return Segment.nameFor(1);
  }

  @Test
  void aSealThatCannotBeWrittenFailsNoAppendAndTheSegmentIsReadInFullOnOpen() {
    SimulatedStorage storage = new SimulatedStorage(3);
    storage.failWritesTo(".seal");
    List<RecordedEvent> acknowledged = new ArrayList<>();
    try (FileEventLog log = FileEventLog.builder(storage).segmentSize(4096).build()) {
      for (int i = 0; i < 80; i++) {
        acknowledged.addAll(log.append(log.lastSequence(), LogSamples.batch(random, "s" + i, 2,
            80), T));
      }
    }
    List<String> segments = storage.list().stream().filter(n -> n.endsWith(".seg")).sorted()
        .toList();
    assertThat(segments).hasSizeGreaterThan(2);
    for (String segment : segments) {
      String seal = segment.replace(".seg", ".seal");
      assertThat(storage.list().contains(seal) ? storage.contents(seal) : new byte[0])
          .as("no seal was written").isEmpty();
    }
    storage.failWritesTo(null);
    try (FileEventLog log = FileEventLog.builder(storage).build()) {
      assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(acknowledged);
    }
    // That open read the segments in full and sealed them: the next trusts the seals.
    for (String segment : segments.subList(0, segments.size() - 1)) {
      assertThat(storage.contents(segment.replace(".seg", ".seal"))).as(segment).isNotEmpty();
    }
    try (FileEventLog log = FileEventLog.builder(storage).build()) {
      assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(acknowledged);
    }
  }

  @Test
  void aFullDiskFailsTheAppendAndTheLogCarriesOnOnceThereIsRoom() {
    SimulatedStorage storage = new SimulatedStorage(1);
    List<RecordedEvent> acknowledged = new ArrayList<>();
    // Without zeros written ahead, which would hold the batch (see the next test).
    try (FileEventLog log = FileEventLog.builder(storage).preallocation(0).build()) {
      acknowledged.addAll(log.append(0, LogSamples.batch(random, "a", 3, 50), T));
      int used = storage.contents(segmentName()).length;
      storage.capacity(used + 100);

      List<DomainEvent> big = bigBatch();
      assertThatThrownBy(() -> log.append(log.lastSequence(), big, T))
          .isInstanceOf(EventLogException.class)
          .hasMessageContaining("No space left on device")
          .hasMessageContaining("nothing was appended")
          .hasMessageContaining(storage.describe(segmentName()));

      assertThat(log.lastSequence()).isEqualTo(acknowledged.size());
      assertThat(storage.contents(segmentName())).hasSize(used);
      assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(acknowledged);

      storage.capacity(Long.MAX_VALUE);
      acknowledged.addAll(log.append(log.lastSequence(), bigBatch(), T));
    }
    try (FileEventLog log = FileEventLog.builder(storage).build()) {
      assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(acknowledged);
    }
  }

  @Test
  void zerosWrittenAheadHoldAppendsOnAFullDiskAndFailingToWriteThemFailsNothing() {
    SimulatedStorage storage = new SimulatedStorage(3);
    List<RecordedEvent> acknowledged = new ArrayList<>();
    try (FileEventLog log = FileEventLog.builder(storage).preallocation(4096).build()) {
      acknowledged.addAll(log.append(0, LogSamples.batch(random, "a", 3, 50), T));
      int allocated = storage.contents(segmentName()).length;
      assertThat(allocated).isEqualTo(8192);
      storage.capacity(allocated);
      // The disk is full, but the batch goes into the zeros already there.
      acknowledged.addAll(log.append(log.lastSequence(), bigBatch(), T));
      assertThat(storage.contents(segmentName())).hasSize(allocated);
      // Past them, the append fails and changes nothing; the failed fill before it did not.
      int appended = 0;
      try {
        while (appended < 100) {
          acknowledged.addAll(log.append(log.lastSequence(), bigBatch(), T));
          appended++;
        }
      } catch (EventLogException e) {
        assertThat(e).hasMessageContaining("No space left on device")
            .hasMessageContaining("nothing was appended");
      }
      assertThat(appended).isLessThan(100);
      assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(acknowledged);
      storage.capacity(Long.MAX_VALUE);
      acknowledged.addAll(log.append(log.lastSequence(), bigBatch(), T));
    }
    try (FileEventLog log = FileEventLog.builder(storage).build()) {
      assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(acknowledged);
    }
    byte[] closed = storage.contents(segmentName());
    assertThat(closed[closed.length - 1]).as("a closed segment ends with its last record")
        .isNotEqualTo((byte) 0);
  }

  private List<DomainEvent> bigBatch() {
    List<DomainEvent> batch = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      batch.add(LogSamples.event(random, "big" + i, 400));
    }
    return batch;
  }

  @Test
  void aFailedForceFailsTheAppendCutsItAndLaterAppendsWorkInEveryForcingMode() {
    for (Durability mode : List.of(Durability.SYNC, Durability.GROUP)) {
      SimulatedStorage storage = new SimulatedStorage(2);
      List<RecordedEvent> acknowledged = new ArrayList<>();
      try (FileEventLog log = FileEventLog.builder(storage).durability(mode).preallocation(0)
          .build()) {
        acknowledged.addAll(log.append(0, LogSamples.batch(random, "a", 3, 50), T));
        int forcedSize = storage.contents(segmentName()).length;
        storage.failForces(true);

        assertThatThrownBy(() -> log.append(log.lastSequence(), bigBatch(), T))
            .as("mode %s", mode)
            .isInstanceOf(EventLogException.class)
            .hasMessageContaining("Input/output error")
            .hasMessageContaining("nothing was appended");

        assertThat(log.lastSequence()).isEqualTo(acknowledged.size());
        assertThat(storage.contents(segmentName())).hasSize(forcedSize);
        assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(acknowledged);
        storage.failForces(false);
        acknowledged.addAll(log.append(log.lastSequence(), bigBatch(), T));
      }
      try (FileEventLog log = FileEventLog.builder(storage).build()) {
        assertThat(LogSamples.readAll(log)).as("mode %s", mode)
            .containsExactlyElementsOf(acknowledged);
      }
    }
  }

  @Test
  void concurrentGroupAppendersThatFailAreAbsentAndThoseAcknowledgedArePresent()
      throws Exception {
    SimulatedStorage storage = new SimulatedStorage(3);
    List<RecordedEvent> acknowledged = Collections.synchronizedList(new ArrayList<>());
    int failures;
    try (FileEventLog log = FileEventLog.builder(storage).build()) {
      int threads = 6;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int writer = t;
        results.add(pool.submit(() -> {
          start.await();
          Random mine = new Random(writer);
          int failed = 0;
          for (int i = 0; i < 60; i++) {
            if (writer == 0 && i % 10 == 5) {
              storage.failForces(true);
            } else if (writer == 0 && i % 10 == 7) {
              storage.failForces(false);
            }
            List<DomainEvent> batch = LogSamples.batch(mine, "w" + writer + "-" + i, 2, 30);
            while (true) {
              try {
                acknowledged.addAll(log.append(log.lastSequence(), batch, T));
                break;
              } catch (io.socialearn.api.ConflictException retry) {
                // Someone else appended first: try again at the new end.
              } catch (EventLogException e) {
                failed++;
                break;
              }
            }
          }
          return failed;
        }));
      }
      start.countDown();
      failures = 0;
      for (Future<Integer> result : results) {
        failures += result.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      storage.failForces(false);
    }
    assertThat(failures).isPositive();
    List<RecordedEvent> sorted = new ArrayList<>(acknowledged);
    sorted.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
    try (FileEventLog log = FileEventLog.builder(storage).build()) {
      assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(sorted);
    }
  }

  @Test
  void aFailedBackgroundForceInFastModeStopsAppendsUntilReopened() throws Exception {
    SimulatedStorage storage = new SimulatedStorage(4);
    List<RecordedEvent> acknowledged = new ArrayList<>();
    try (FileEventLog log = FileEventLog.builder(storage).durability(Durability.FAST)
        .flushInterval(Duration.ofMillis(1)).build()) {
      storage.failForces(true);
      acknowledged.addAll(log.append(0, LogSamples.batch(random, "a", 3, 50), T));
      EventLogException refused = null;
      for (int attempt = 0; attempt < 10_000 && refused == null; attempt++) {
        try {
          acknowledged.addAll(log.append(log.lastSequence(), LogSamples.batch(random, "b", 1, 9),
              T));
          Thread.sleep(1);
        } catch (EventLogException e) {
          refused = e;
        }
      }
      assertThat(refused).isNotNull();
      assertThat(refused).hasMessageContaining("refuses appends")
          .hasMessageContaining("background force");
      storage.failForces(false);
    }
    // The process lived on, so the page cache kept everything acknowledged.
    try (FileEventLog log = FileEventLog.builder(storage).build()) {
      assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(acknowledged);
      log.append(log.lastSequence(), LogSamples.batch(random, "c", 1, 9), T);
    }
  }
}
