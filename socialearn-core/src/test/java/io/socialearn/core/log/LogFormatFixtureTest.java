package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.VoteDirection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a stored log segment, {@code src/test/resources/log/v1/}, written by record format 1: the
 * current writer's records, then records whose JSON an older socialearn wrote before some fields
 * existed (and with a field that no longer exists). Also checks the current writer still
 * produces those bytes exactly, so a format change cannot slip in unnoticed.
 *
 * <p>To regenerate the fixture after a deliberate format change (which needs a new format
 * version, not a rewrite of this one), run {@link #main} with the fixture directory.
 */
class LogFormatFixtureTest {
  private static final String FIXTURE = "/log/v1/" + Segment.nameFor(1);
  private static final Instant T0 = Instant.parse("2024-01-15T08:00:00.123456789Z");

  @TempDir Path temp;

  /**
   * The batches the current writer wrote into the fixture, with their timestamps. Sets hold one
   * element: an immutable set's iteration order, and so its JSON, changes from JVM to JVM.
   */
  static List<List<DomainEvent>> currentBatches() {
    PersonProfile alice = PersonProfile.builder(PersonId.of("alice")).displayName("Alice")
        .orgUnit("Engineering").skills("kotlin")
        .status(PersonStatus.LEAVING, LocalDate.of(2024, 6, 30)).manager(PersonId.of("bob"))
        .build();
    return List.of(
        List.of(new PersonRegistered(alice)),
        List.of(new ThreadStarted(ThreadId.of("t-1"), SpaceId.of("s-java"), ThreadKind.QUESTION,
            "How do records work? \u00e9\u6f22", "Line one\nLine two", List.of(Tag.of("java")),
            PersonId.of("alice")),
            new AnswerPosted(PostId.of("p-2"), ThreadId.of("t-1"), "Like this.",
                PersonId.of("bob"))),
        List.of(new VoteCast(PostId.of("p-2"), ThreadId.of("t-1"), PersonId.of("alice"),
            VoteDirection.UP, PersonId.of("bob"))));
  }

  /** JSON as an older socialearn wrote it, and what it must read as today. */
  static final List<String> OLDER_JSON = List.of(
      "{\"type\":\"person.registered\",\"profile\":{\"id\":\"olga\",\"displayName\":\"Olga\","
          + "\"status\":\"ACTIVE\"}}",
      "{\"type\":\"thread.started\",\"thread\":\"t-old\",\"space\":\"s-java\","
          + "\"kind\":\"QUESTION\",\"title\":\"Old\",\"body\":\"old body\",\"author\":\"olga\","
          + "\"retiredField\":42}");

  static List<DomainEvent> olderAsReadToday() {
    return List.of(
        new PersonRegistered(PersonProfile.builder(PersonId.of("olga")).displayName("Olga")
            .build()),
        new ThreadStarted(ThreadId.of("t-old"), SpaceId.of("s-java"), ThreadKind.QUESTION, "Old",
            "old body", List.of(), PersonId.of("olga")));
  }

  @Test
  void theStoredSegmentStillReadsIncludingEventsWrittenBeforeFieldsExisted() throws IOException {
    Path dir = temp.resolve("fixture");
    Files.createDirectories(dir);
    try (InputStream in = getClass().getResourceAsStream(FIXTURE)) {
      assertThat(in).as("fixture %s", FIXTURE).isNotNull();
      Files.copy(in, dir.resolve(Segment.nameFor(1)));
    }
    List<DomainEvent> expected = new ArrayList<>();
    currentBatches().forEach(expected::addAll);
    expected.addAll(olderAsReadToday());

    try (FileEventLog log = FileEventLog.open(dir)) {
      List<RecordedEvent> all = LogSamples.readAll(log);
      assertThat(all).extracting(RecordedEvent::event).containsExactlyElementsOf(expected);
      assertThat(all.get(0).timestamp()).isEqualTo(T0);
      assertThat(all.get(all.size() - 1).timestamp()).isEqualTo(T0.plusSeconds(60));
      assertThat(log.lastSequence()).isEqualTo(expected.size());
    }
  }

  @Test
  void theCurrentWriterStillProducesTheStoredBytes() throws IOException {
    Path dir = temp.resolve("now");
    writeCurrent(dir);
    byte[] now = Files.readAllBytes(dir.resolve(Segment.nameFor(1)));
    byte[] stored;
    try (InputStream in = getClass().getResourceAsStream(FIXTURE)) {
      stored = in.readAllBytes();
    }
    assertThat(stored.length).isGreaterThan(now.length);
    assertThat(Arrays.copyOf(stored, now.length)).isEqualTo(now);
  }

  private static void writeCurrent(Path dir) {
    try (FileEventLog log = FileEventLog.builder(dir).durability(Durability.SYNC).build()) {
      int b = 0;
      for (List<DomainEvent> batch : currentBatches()) {
        log.append(log.lastSequence(), batch, T0.plusSeconds(b++));
      }
    }
  }

  /** Writes the fixture into {@code args[0]}: the current writer's batches, then older JSON. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    writeCurrent(dir);
    long last = 0;
    for (List<DomainEvent> batch : currentBatches()) {
      last += batch.size();
    }
    try (FileChannel channel = FileChannel.open(dir.resolve(Segment.nameFor(1)),
        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer frames = ByteBuffer.allocate(4096);
      long watermark = last;
      for (int i = 0; i < OLDER_JSON.size(); i++) {
        RecordFormat.put(frames, last + 1 + i, i == OLDER_JSON.size() - 1, watermark,
            T0.plusSeconds(60), OLDER_JSON.get(i).getBytes(StandardCharsets.UTF_8));
      }
      frames.flip();
      channel.write(frames);
    }
    Files.deleteIfExists(dir.resolve(DiskStorage.LOCK_FILE));
  }
}
