package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ConflictException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.PostEdited;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the {@link EventLogContract} against {@link FileEventLog} on disk, plus its specifics. */
class FileEventLogTest extends EventLogContract {
  @TempDir Path temp;
  private int made;
  private Path lastDir;

  @Override
  protected EventLog newLog() {
    lastDir = temp.resolve("log-" + made++);
    return FileEventLog.open(lastDir);
  }

  @Override
  protected EventLog reopen(EventLog closed) {
    return FileEventLog.open(lastDir);
  }

  private static List<Long> sequences(List<RecordedEvent> recorded) {
    return recorded.stream().map(RecordedEvent::sequence).collect(Collectors.toList());
  }

  private static List<Long> range(long first, long last) {
    return LongStream.rangeClosed(first, last).boxed().collect(Collectors.toList());
  }

  private static List<Path> segmentFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".seg")).sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void aSecondOpenerOfTheSameDirectoryIsRefusedUntilTheFirstCloses() {
    log.append(0, events("a"), T1);

    assertThatThrownBy(() -> FileEventLog.open(lastDir))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining(lastDir.toString())
        .hasMessageContaining("already open");

    log.close();
    try (FileEventLog again = FileEventLog.open(lastDir)) {
      assertThat(again.lastSequence()).isEqualTo(1);
    }
  }

  @Test
  void zerosWrittenAheadOfTheRecordsAreCutOnCloseAndAfterAKill() throws IOException {
    log.append(0, events("a", "b"), T1);
    Path segment = segmentFiles(lastDir).get(0);
    long open = Files.size(segment);
    // What a killed process leaves: the file as the page cache holds it, zeros and all.
    Path killed = temp.resolve("killed");
    Files.createDirectories(killed);
    Files.copy(segment, killed.resolve(segment.getFileName()));
    log.append(2, events("c"), T1);
    log.close();
    long closed = Files.size(segment);
    assertThat(open).as("zeros ahead while open").isGreaterThan(closed);
    byte[] bytes = Files.readAllBytes(segment);
    assertThat(bytes[bytes.length - 1]).isNotEqualTo((byte) 0);

    try (FileEventLog reopened = FileEventLog.open(killed)) {
      assertThat(sequences(read(reopened, 1))).containsExactly(1L, 2L);
      assertThat(Files.size(killed.resolve(segment.getFileName()))).isLessThan(closed);
      assertThat(sequences(reopened.append(2, events("c"), T1))).containsExactly(3L);
    }
    try (FileEventLog again = FileEventLog.open(killed)) {
      assertThat(sequences(read(again, 1))).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void aRegularFileWhereTheDirectoryShouldBeIsAClearError() throws IOException {
    Path file = Files.writeString(temp.resolve("not-a-dir"), "x");

    assertThatThrownBy(() -> FileEventLog.open(file))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a directory");
    assertThatThrownBy(() -> FileEventLog.open(file.resolve("below")))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining("cannot create");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void everyDurabilityModeRoundTripsAcrossReopen() {
    for (Durability mode : Durability.values()) {
      Path dir = temp.resolve("mode-" + mode);
      List<RecordedEvent> recorded = new ArrayList<>();
      try (FileEventLog file = FileEventLog.builder(dir).durability(mode)
          .flushInterval(Duration.ofMillis(2)).build()) {
        assertThat(file.durability()).isEqualTo(mode);
        for (int i = 0; i < 20; i++) {
          recorded.addAll(file.append(file.lastSequence(), events("m" + i, "n" + i), T1));
        }
        assertThat(read(file, 1)).containsExactlyElementsOf(recorded);
      }
      try (FileEventLog file = FileEventLog.open(dir)) {
        assertThat(read(file, 1)).as("mode %s", mode).containsExactlyElementsOf(recorded);
      }
    }
  }

  @Test
  void segmentsRollAndReadsCrossThemFromAnyStart() throws IOException {
    Path dir = temp.resolve("rolling");
    List<RecordedEvent> recorded = new ArrayList<>();
    try (FileEventLog file = FileEventLog.builder(dir).segmentSize(4096).build()) {
      for (int i = 0; i < 300; i++) {
        recorded.addAll(file.append(file.lastSequence(), events("roll-" + i), T1));
      }
    }
    assertThat(segmentFiles(dir)).hasSizeGreaterThan(5);
    try (FileEventLog file = FileEventLog.builder(dir).segmentSize(4096).build()) {
      for (long from : new long[] {1, 2, 37, 150, 299, 300}) {
        assertThat(read(file, from)).containsExactlyElementsOf(
            recorded.subList((int) from - 1, recorded.size()));
      }
      assertThat(read(file, 301)).isEmpty();
      recorded.addAll(file.append(300, events("after"), T2));
      assertThat(sequences(read(file, 1))).isEqualTo(range(1, 301));
    }
  }

  @Test
  void pointReadsFindEverySequenceAcrossSegmentsAndIndexSlotsAndRefuseOthers()
      throws IOException {
    Path dir = temp.resolve("points");
    List<RecordedEvent> recorded = new ArrayList<>();
    try (FileEventLog file = FileEventLog.builder(dir).segmentSize(64 << 10).build()) {
      for (int i = 0; i < 30; i++) {
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < 100; j++) {
          ids.add("p" + i + "-" + j);
        }
        recorded.addAll(file.append(file.lastSequence(), events(ids.toArray(String[]::new)), T1));
      }
      for (RecordedEvent expected : recorded) {
        assertThat(file.read(expected.sequence())).isEqualTo(expected);
      }
      assertThatThrownBy(() -> file.read(0)).isInstanceOf(EventLogException.class)
          .hasMessageContaining("not 0");
      assertThatThrownBy(() -> file.read(3001)).isInstanceOf(EventLogException.class)
          .hasMessageContaining("1 to 3000");
    }
    try (FileEventLog file = FileEventLog.open(dir)) {
      assertThat(segmentFiles(dir).size()).isGreaterThan(1);
      assertThat(file.read(1)).isEqualTo(recorded.get(0));
      assertThat(file.read(2999)).isEqualTo(recorded.get(2998));
    }
  }

  @Test
  void peopleSpacesAndTagsAreReadAsOneSharedObjectPerValue() {
    log.append(0, events("one", "two", "three"), T1);
    log.close();
    try (FileEventLog file = FileEventLog.open(lastDir)) {
      List<ThreadStarted> read = read(file, 1).stream()
          .map(e -> (ThreadStarted) e.event()).toList();
      assertThat(read).hasSize(3);
      assertThat(read.get(0).author()).isEqualTo(PersonId.of("ana"))
          .isSameAs(read.get(1).author()).isSameAs(read.get(2).author());
      assertThat(read.get(0).space()).isSameAs(read.get(2).space());
      assertThat(read.get(0).tags().get(0)).isSameAs(read.get(2).tags().get(0));
      assertThat(read.get(0).thread()).isNotEqualTo(read.get(1).thread());
    }
  }

  @Test
  void threadAndPostIdsAreSharedWithinOneReadOnly() {
    ThreadId thread = ThreadId.of("t-7f3a");
    PostId post = PostId.of("5d3c2e1a-9b8f-4c7d-a6e5-f4d3c2b1a098");
    log.append(0, List.of(event("t-7f3a"),
        new AnswerPosted(post, thread, "an answer", PersonId.of("bo")),
        new PostEdited(post, thread, "edited", PersonId.of("bo"), "typo"),
        new AnswerPosted(PostId.of("p2"), thread, "another", PersonId.of("cy"))), T1);
    log.close();
    try (FileEventLog file = FileEventLog.open(lastDir)) {
      List<RecordedEvent> read = read(file, 1);
      ThreadStarted started = (ThreadStarted) read.get(0).event();
      AnswerPosted answer = (AnswerPosted) read.get(1).event();
      PostEdited edit = (PostEdited) read.get(2).event();
      AnswerPosted other = (AnswerPosted) read.get(3).event();
      assertThat(answer.thread()).isEqualTo(thread).isSameAs(started.thread())
          .isSameAs(edit.thread()).isSameAs(other.thread());
      assertThat(answer.post()).isEqualTo(post).isSameAs(edit.post());
      // A point read (for a body) has no pool: equal ids, kept by nothing after it.
      AnswerPosted again = (AnswerPosted) file.read(2).event();
      assertThat(again.post()).isEqualTo(post).isNotSameAs(answer.post());
      // A second read has a pool of its own.
      AnswerPosted reread = (AnswerPosted) read(file, 2).get(0).event();
      assertThat(reread.post()).isEqualTo(post).isNotSameAs(answer.post());
    }
  }

  @Test
  void sparseIndexFindsStartsInLongSegments() {
    int count = Segment.INDEX_INTERVAL * 3 + 17;
    List<RecordedEvent> recorded = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add("x" + i);
    }
    recorded.addAll(log.append(0, events(ids.toArray(String[]::new)), T1));
    log.close();
    try (FileEventLog file = FileEventLog.open(lastDir)) {
      for (long from : new long[] {1, 1024, 1025, 1026, 2049, 3073, count}) {
        try (Stream<RecordedEvent> stream = file.readFrom(from)) {
          assertThat(stream.findFirst()).contains(recorded.get((int) from - 1));
        }
      }
      assertThat(read(file, 1)).containsExactlyElementsOf(recorded);
    }
  }

  @Test
  void aTornTailIsTruncatedAndAppendingCarriesOn() throws IOException {
    List<RecordedEvent> kept = new ArrayList<>(log.append(0, events("a", "b"), T1));
    log.append(2, events("c"), T1);
    log.close();
    Path segment = segmentFiles(lastDir).get(0);
    byte[] bytes = Files.readAllBytes(segment);
    Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - 7));

    try (FileEventLog file = FileEventLog.open(lastDir)) {
      assertThat(file.lastSequence()).isEqualTo(2);
      assertThat(read(file, 1)).containsExactlyElementsOf(kept);
      assertThat(sequences(file.append(2, events("c2"), T2))).containsExactly(3L);
    }
    try (FileEventLog file = FileEventLog.open(lastDir)) {
      assertThat(sequences(read(file, 1))).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void aHalfWrittenBatchIsDroppedWhole() throws IOException {
    log.append(0, events("a"), T1);
    log.close();
    long sizeBefore = Files.size(segmentFiles(lastDir).get(0));
    try (FileEventLog again = FileEventLog.open(lastDir)) {
      again.append(1, events("b", "c", "d"), T1);
    }
    Path segment = segmentFiles(lastDir).get(0);
    byte[] bytes = Files.readAllBytes(segment);
    // Keep the batch's first two records whole and cut the third.
    Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - 10));

    try (FileEventLog file = FileEventLog.open(lastDir)) {
      assertThat(file.lastSequence()).isEqualTo(1);
      assertThat(Files.size(segment)).isEqualTo(sizeBefore);
    }
  }

  @Test
  void aFlippedByteInTheLastRecordIsATornTail() throws IOException {
    log.append(0, events("a"), T1);
    log.append(1, events("b"), T1);
    log.close();
    Path segment = segmentFiles(lastDir).get(0);
    byte[] bytes = Files.readAllBytes(segment);
    bytes[bytes.length - 3] ^= 0x10;
    Files.write(segment, bytes);

    try (FileEventLog file = FileEventLog.open(lastDir)) {
      assertThat(file.lastSequence()).isEqualTo(1);
    }
  }

  @Test
  void aFlippedByteBeforeForcedDataIsCorruptionNotSkipped() throws IOException {
    for (int i = 0; i < 5; i++) {
      log.append(i, events("e" + i), T1);
    }
    log.close();
    Path segment = segmentFiles(lastDir).get(0);
    byte[] original = Files.readAllBytes(segment);
    byte[] bytes = original.clone();
    bytes[60] ^= 0x01;
    Files.write(segment, bytes);

    assertThatThrownBy(() -> FileEventLog.open(lastDir))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining("corrupt")
        .hasMessageContaining(segment.toString())
        .hasMessageContaining("offset 0");
    assertThat(Files.readAllBytes(segment)).as("nothing was cut").isEqualTo(bytes);
    // The lock was released: once repaired, the log opens.
    Files.write(segment, original);
    try (FileEventLog file = FileEventLog.open(lastDir)) {
      assertThat(file.lastSequence()).isEqualTo(5);
    }
  }

  @Test
  void damageInAnOlderSegmentIsCorruption() throws IOException {
    Path dir = temp.resolve("older");
    try (FileEventLog file = FileEventLog.builder(dir).segmentSize(4096).build()) {
      for (int i = 0; i < 100; i++) {
        file.append(file.lastSequence(), events("o" + i), T1);
      }
    }
    Path first = segmentFiles(dir).get(0);
    byte[] bytes = Files.readAllBytes(first);
    Files.write(first, java.util.Arrays.copyOf(bytes, bytes.length - 1));

    assertThatThrownBy(() -> FileEventLog.open(dir))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining(first.toString())
        .hasMessageContaining("not the last");
  }

  private static Path sealOf(Path segment) {
    return segment.resolveSibling(segment.getFileName().toString().replace(".seg", ".seal"));
  }

  /** Writes 100 events into 4 KB segments and closes: several sealed segments and a last one. */
  private static List<Path> sealedLog(Path dir) throws IOException {
    try (FileEventLog file = FileEventLog.builder(dir).segmentSize(4096).build()) {
      for (int i = 0; i < 100; i++) {
        file.append(file.lastSequence(), events("s" + i), T1);
      }
    }
    return segmentFiles(dir);
  }

  @Test
  void everySegmentRolledPastIsSealedAndOpeningTakesItsSealForItsRecords() throws IOException {
    Path dir = temp.resolve("sealed");
    List<Path> segments = sealedLog(dir);
    assertThat(segments).hasSizeGreaterThan(2);
    Path lastSegment = segments.get(segments.size() - 1);
    for (Path segment : segments) {
      assertThat(Files.exists(sealOf(segment))).as(segment.toString())
          .isEqualTo(!segment.equals(lastSegment));
    }
    // A record damaged inside a sealed segment, its size unchanged: opening trusts the seal...
    Path first = segments.get(0);
    byte[] original = Files.readAllBytes(first);
    byte[] damaged = original.clone();
    damaged[60] ^= 0x01;
    Files.write(first, damaged);
    try (FileEventLog file = FileEventLog.open(dir)) {
      assertThat(file.lastSequence()).isEqualTo(100);
      assertThat(sequences(file.readFrom(90).toList())).isEqualTo(range(90, 100));
      // ...and reading the record is where the damage is refused, never skipped.
      assertThatThrownBy(() -> file.readFrom(1).toList())
          .isInstanceOf(EventLogException.class).hasMessageContaining("corrupt")
          .hasMessageContaining(first.toString());
    }
    // Without its seal the segment is read in full on opening, and the damage found there.
    Files.delete(sealOf(first));
    assertThatThrownBy(() -> FileEventLog.open(dir)).isInstanceOf(EventLogException.class)
        .hasMessageContaining("corrupt").hasMessageContaining(first.toString());
    Files.write(first, original);
    try (FileEventLog file = FileEventLog.open(dir)) {
      assertThat(sequences(file.readFrom(1).toList())).isEqualTo(range(1, 100));
    }
    assertThat(sealOf(first)).as("sealed again once read in full").exists();
  }

  @Test
  void aDamagedOrStaleSealIsNotTrustedAndIsRewritten() throws IOException {
    Path dir = temp.resolve("damaged-seal");
    List<Path> segments = sealedLog(dir);
    Path seal = sealOf(segments.get(1));
    byte[] good = Files.readAllBytes(seal);
    for (int at : new int[] {0, 9, 20, good.length / 2, good.length - 1}) {
      byte[] bad = good.clone();
      bad[at] ^= 0x40;
      Files.write(seal, bad);
      try (FileEventLog file = FileEventLog.open(dir)) {
        assertThat(sequences(file.readFrom(1).toList())).isEqualTo(range(1, 100));
      }
      assertThat(Files.readAllBytes(seal)).as("rewritten after a flip at %d", at)
          .isEqualTo(good);
    }
    // A seal cut short, or one of another segment, is not trusted either.
    Files.write(seal, java.util.Arrays.copyOf(good, good.length - 8));
    Files.copy(sealOf(segments.get(0)), sealOf(segments.get(2)),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (FileEventLog file = FileEventLog.open(dir)) {
      assertThat(sequences(file.readFrom(1).toList())).isEqualTo(range(1, 100));
    }
    assertThat(Files.readAllBytes(seal)).isEqualTo(good);
    // A sealed segment whose records were cut is read in full, and the cut found.
    Path second = segments.get(1);
    byte[] bytes = Files.readAllBytes(second);
    Files.write(second, java.util.Arrays.copyOf(bytes, bytes.length - 1));
    assertThatThrownBy(() -> FileEventLog.open(dir)).isInstanceOf(EventLogException.class)
        .hasMessageContaining(second.toString());
  }

  @Test
  void aMissingSegmentIsAGapAndCorruption() throws IOException {
    Path dir = temp.resolve("gap");
    try (FileEventLog file = FileEventLog.builder(dir).segmentSize(4096).build()) {
      for (int i = 0; i < 100; i++) {
        file.append(file.lastSequence(), events("g" + i), T1);
      }
    }
    List<Path> segments = segmentFiles(dir);
    Files.delete(segments.get(1));

    assertThatThrownBy(() -> FileEventLog.open(dir))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining(segments.get(2).toString())
        .hasMessageContaining("starts at sequence");
  }

  @Test
  void aRecordFromANewerFormatIsRefusedByName() throws IOException {
    log.append(0, events("a"), T1);
    log.close();
    Path segment = segmentFiles(lastDir).get(0);
    byte[] bytes = Files.readAllBytes(segment);
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
    buffer.put(RecordFormat.VERSION_AT, (byte) 9);
    buffer.putInt(4, RecordFormat.checksum(buffer, RecordFormat.PREFIX,
        bytes.length - RecordFormat.PREFIX));
    Files.write(segment, bytes);

    assertThatThrownBy(() -> FileEventLog.open(lastDir))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining("version 9")
        .hasMessageContaining("newer");
  }

  @Test
  void conflictsNameBothSequencesAndBadSettingsAreInvalidInput() {
    log.append(0, events("a", "b"), T1);

    assertThatThrownBy(() -> log.append(1, events("c"), T1))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("sequence 2")
        .hasMessageContaining("expected sequence 1");
    assertThatThrownBy(() -> log.append(-1, events("c"), T1))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("expectedLastSequence"));
    assertThatThrownBy(() -> FileEventLog.builder(temp).segmentSize(10))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("segmentSize"));
    assertThatThrownBy(() -> FileEventLog.builder(temp).flushInterval(Duration.ZERO))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("flushInterval"));
    assertThatThrownBy(() -> FileEventLog.builder(temp).durability(null))
        .isInstanceOf(InvalidInputException.class);
    assertThat(log.lastSequence()).isEqualTo(2);
  }

  @Test
  void closedLogRefusesReadsAndSaysSo() {
    log.append(0, events("a"), T1);
    log.close();

    assertThatThrownBy(() -> log.readFrom(1)).isInstanceOf(EventLogException.class)
        .hasMessageContaining("closed");
    assertThat(log.lastSequence()).isEqualTo(1);
    assertThat(log.toString()).contains("closed").contains("lastSequence=1");
  }
}
