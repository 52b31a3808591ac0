package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.RecordedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files whose names look like a segment's or a snapshot's but name a number no long holds: a
 * typed error or the file ignored, never a {@link NumberFormatException}.
 */
class StrayFileNameTest {
  private static final Instant T = Instant.parse("2026-03-04T05:06:07.123Z");
  private static final String TOO_LARGE = "99999999999999999999";

  @TempDir Path temp;

  @Test
  void aSegmentNameBeyondALongIsATypedErrorNamingTheFile() throws Exception {
    Path dir = temp.resolve("log");
    List<RecordedEvent> appended;
    try (FileEventLog log = FileEventLog.open(dir)) {
      appended = log.append(0, LogSamples.batch(new Random(1), "a", 3, 40), T);
    }
    Files.write(dir.resolve(TOO_LARGE + ".seg"), new byte[0]);
    try {
      FileEventLog log = FileEventLog.open(dir);
      try (log) {
        assertThat(LogSamples.readAll(log)).containsExactlyElementsOf(appended);
      }
    } catch (EventLogException e) {
      assertThat(e).hasMessageContaining(TOO_LARGE + ".seg");
    }
  }

  @Test
  void aSnapshotNameBeyondALongIsIgnored() throws Exception {
    Path dir = temp.resolve("snapshots");
    SnapshotStore store = SnapshotStore.open(dir, 2);
    store.save(7, new byte[] {1, 2, 3});
    Files.write(dir.resolve("snapshot-" + TOO_LARGE + ".snap"), new byte[] {9});
    assertThat(store.loadNewest()).hasValue(new SnapshotStore.Snapshot(7, new byte[] {1, 2, 3}));
    assertThat(store.sequences()).containsExactly(7L);
    store.save(8, new byte[] {4});
    assertThat(store.loadNewest(8, (sequence, in) -> sequence)).hasValue(8L);
  }
}
