package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of {@link FileEventLog}: whatever was appended reads back equal and in order, from
 * any start, across closing and reopening and across segment rolls.
 */
class FileEventLogProperties {
  private static final Instant T = Instant.parse("2026-03-04T05:06:07.123Z");

  @Property(tries = 300)
  void appendedBatchesReadBackEqualAcrossReopensAndRolls(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int batches,
      @ForAll @IntRange(min = 0, max = 5) int reopens,
      @ForAll @LongRange(min = 4096, max = 65536) long segmentSize,
      @ForAll Durability mode,
      @ForAll @LongRange(min = -2, max = 120) long from) {
    Random random = new Random(seed);
    SimulatedStorage storage = new SimulatedStorage(seed);
    List<RecordedEvent> appended = new ArrayList<>();
    FileEventLog log = open(storage, mode, segmentSize);
    try {
      for (int b = 0; b < batches; b++) {
        List<DomainEvent> batch = LogSamples.batch(random, "b" + b, 4, 1500);
        Instant at = T.plusMillis(b);
        List<RecordedEvent> recorded = log.append(log.lastSequence(), batch, at);
        assertThat(recorded).extracting(RecordedEvent::event).containsExactlyElementsOf(batch);
        appended.addAll(recorded);
        if (reopens > 0 && random.nextInt(batches) < reopens) {
          log.close();
          log = open(storage, mode, segmentSize);
          assertThat(log.lastSequence()).isEqualTo(appended.size());
        }
      }
      log.close();
      log = open(storage, mode, segmentSize);

      assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(appended);
      int skip = (int) Math.min(Math.max(from, 1) - 1, appended.size());
      try (Stream<RecordedEvent> stream = log.readFrom(from)) {
        assertThat(stream.toList()).containsExactlyElementsOf(
            appended.subList(skip, appended.size()));
      }
    } finally {
      log.close();
    }
  }

  @Property(tries = 25)
  void appendedBatchesReadBackEqualFromARealDirectory(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 30) int batches) throws IOException {
    Random random = new Random(seed);
    Path dir = Files.createTempDirectory("filelog-property");
    try {
      List<RecordedEvent> appended = new ArrayList<>();
      try (FileEventLog log = FileEventLog.builder(dir).durability(Durability.FAST)
          .segmentSize(8192).build()) {
        for (int b = 0; b < batches; b++) {
          appended.addAll(log.append(log.lastSequence(),
              LogSamples.batch(random, "d" + b, 3, 800), T));
        }
      }
      try (FileEventLog log = FileEventLog.open(dir)) {
        assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(appended);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private static FileEventLog open(SimulatedStorage storage, Durability mode, long segmentSize) {
    return FileEventLog.builder(storage).durability(mode).segmentSize(segmentSize).build();
  }
}
