package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ConflictException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.PendingAppend;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventLog} must show, as an abstract JUnit 5 test class.
 *
 * <p>To test an implementation, extend this class and implement {@link #newLog()}; a durable
 * implementation also overrides {@link #reopen(EventLog)}. For example:
 *
 * <pre>{@code
 * class FileEventLogTest extends EventLogContract {
 *   @TempDir Path dir;
 *   protected EventLog newLog() { return FileEventLog.open(dir.resolve("log")); }
 *   protected EventLog reopen(EventLog closed) { return FileEventLog.open(dir.resolve("log")); }
 * }
 * }</pre>
 *
 * <p>The contract checks: an empty log; appending and reading back in order with the given
 * timestamp; reading one event by its sequence ({@link EventLog#read}), and an error for one the
 * log does not hold; a pending append ({@link EventLog#appendPending}) read back before its wait
 * and, once waited for, after a reopen; gapless sequences from 1 across batches; a stale (or ahead-of-the-log) expected
 * sequence throws {@link ConflictException} and appends nothing; an empty batch or one holding
 * null throws {@link InvalidInputException} and appends nothing; reading from the middle, from
 * below 1 and from past the end; appenders on several threads that retry on conflict end with
 * every event exactly once, gapless, each batch contiguous; a stream returned by {@link
 * EventLog#readFrom} is a snapshot that later appends do not change; two new logs are
 * independent; appending after {@link EventLog#close()} throws {@link EventLogException}, and
 * closing twice is harmless.
 *
 * <p>Durability is checked by branching, not by skipping: the close test asks {@link
 * #reopen(EventLog)} for the log again, and when it returns a log (a durable implementation),
 * checks that every event survived with its sequence, timestamp and content and that appending
 * carries on from the last sequence. Timestamps used here have millisecond precision, so that an
 * implementation storing microseconds (for example a SQL {@code TIMESTAMP}) round-trips them.
 *
 * <p>The class closes every log it was given after each test; a log must therefore tolerate being
 * closed more than once.
 */
public abstract class EventLogContract {

  /** A timestamp with millisecond precision, for every append in these tests. */
  protected static final Instant T1 = Instant.parse("2026-03-04T05:06:07.123Z");

  /** A second timestamp, to show that each batch keeps its own. */
  protected static final Instant T2 = Instant.parse("2026-03-04T05:07:00.456Z");

  private final List<EventLog> opened = new ArrayList<>();

  /** The log under test, made fresh by {@link #newLog()} before each test. */
  protected EventLog log;

  /**
   * Makes a new, empty, open log. Called once before each test, and once more by the test that
   * checks two logs are independent; each call must return a log that shares nothing with the
   * others.
   *
   * @return the log to test
   */
  protected abstract EventLog newLog();

  /**
   * Opens again the log that {@code closed} was, after it was closed, as a host would after a
   * restart; or returns null if the implementation is not durable. The default returns null.
   *
   * @param closed a log made by {@link #newLog()} and then closed
   * @return the reopened log, or null when there is nothing to reopen
   */
  protected EventLog reopen(EventLog closed) {
    return null;
  }

  @BeforeEach
  final void openLog() {
    log = track(newLog());
  }

  @AfterEach
  final void closeLogs() {
    for (EventLog each : opened) {
      each.close();
    }
    opened.clear();
  }

  /**
   * A sample event whose identity is {@code id}, so that tests can tell events apart.
   *
   * @param id a thread id, 1 to 128 characters of letters, digits and {@code . _ - : @ +}
   * @return a {@link ThreadStarted} for thread {@code id}
   */
  protected static DomainEvent event(String id) {
    return new ThreadStarted(ThreadId.of(id), SpaceId.of("s-1"), ThreadKind.QUESTION,
        "title " + id, "body " + id, List.of(Tag.of("java")), PersonId.of("ana"));
  }

  /**
   * The sample events for {@code ids}, in order.
   *
   * @param ids thread ids
   * @return one {@link #event(String)} per id
   */
  protected static List<DomainEvent> events(String... ids) {
    return Arrays.stream(ids).map(EventLogContract::event).collect(Collectors.toList());
  }

  /**
   * Reads everything from {@code from} on, closing the stream.
   *
   * @param target the log to read
   * @param from the first sequence wanted
   * @return the events read
   */
  protected static List<RecordedEvent> read(EventLog target, long from) {
    try (Stream<RecordedEvent> stream = target.readFrom(from)) {
      return stream.collect(Collectors.toList());
    }
  }

  private EventLog track(EventLog each) {
    assertThat(each).as("the log made by the test class").isNotNull();
    opened.add(each);
    return each;
  }

  private static List<Long> sequences(List<RecordedEvent> recorded) {
    return recorded.stream().map(RecordedEvent::sequence).collect(Collectors.toList());
  }

  private static List<Long> range(long first, long last) {
    return LongStream.rangeClosed(first, last).boxed().collect(Collectors.toList());
  }

  private static String threadOf(RecordedEvent recorded) {
    return ((ThreadStarted) recorded.event()).thread().value();
  }

  @Test
  void newLogIsEmpty() {
    assertThat(log.lastSequence()).isZero();
    assertThat(read(log, 1)).isEmpty();
    assertThat(read(log, 0)).isEmpty();
  }

  @Test
  void appendsAndReadsBackInOrder() {
    List<DomainEvent> batch = events("a", "b", "c");

    List<RecordedEvent> recorded = log.append(0, batch, T1);

    assertThat(sequences(recorded)).containsExactly(1L, 2L, 3L);
    assertThat(recorded).extracting(RecordedEvent::event).containsExactlyElementsOf(batch);
    assertThat(recorded).extracting(RecordedEvent::timestamp).containsOnly(T1);
    assertThat(read(log, 1)).containsExactlyElementsOf(recorded);
    assertThat(log.lastSequence()).isEqualTo(3);
  }

  @Test
  void aPendingAppendIsReadBackBeforeItsWaitAndPresentAfterAReopen() {
    PendingAppend first = log.appendPending(0, events("a", "b"), T1);
    PendingAppend second = log.appendPending(2, events("c"), T2);

    assertThat(sequences(first.events())).containsExactly(1L, 2L);
    assertThat(sequences(second.events())).containsExactly(3L);
    assertThat(log.lastSequence()).isEqualTo(3);
    assertThat(log.read(3)).isEqualTo(second.events().get(0));
    second.awaitDurable();
    first.awaitDurable();
    List<RecordedEvent> all = new ArrayList<>(first.events());
    all.addAll(second.events());
    assertThat(read(log, 1)).containsExactlyElementsOf(all);
    assertThatThrownBy(() -> log.appendPending(2, events("d"), T2))
        .isInstanceOf(ConflictException.class);
    log.close();
    EventLog again = reopen(log);
    if (again != null) {
      track(again);
      assertThat(read(again, 1)).as("durable once waited for").containsExactlyElementsOf(all);
    }
  }

  @Test
  void eachEventReadsBackAloneByItsSequence() {
    List<RecordedEvent> recorded = new ArrayList<>(log.append(0, events("a", "b"), T1));
    recorded.addAll(log.append(2, events("c"), T2));
    for (RecordedEvent e : recorded) {
      assertThat(log.read(e.sequence())).isEqualTo(e);
    }
    assertThatThrownBy(() -> log.read(0)).isInstanceOf(EventLogException.class);
    assertThatThrownBy(() -> log.read(4)).isInstanceOf(EventLogException.class);
  }

  @Test
  void sequencesAreGaplessAcrossBatchesAndEachBatchKeepsItsTimestamp() {
    List<RecordedEvent> first = log.append(0, events("a"), T1);
    List<RecordedEvent> second = log.append(1, events("b", "c", "d"), T2);
    List<RecordedEvent> third = log.append(4, events("e", "f"), T1);

    assertThat(sequences(first)).containsExactly(1L);
    assertThat(sequences(second)).containsExactly(2L, 3L, 4L);
    assertThat(sequences(third)).containsExactly(5L, 6L);
    assertThat(second).extracting(RecordedEvent::timestamp).containsOnly(T2);
    List<RecordedEvent> all = read(log, 1);
    assertThat(sequences(all)).isEqualTo(range(1, 6));
    assertThat(all).extracting(RecordedEvent::event)
        .containsExactlyElementsOf(events("a", "b", "c", "d", "e", "f"));
    assertThat(log.lastSequence()).isEqualTo(6);
  }

  @Test
  void staleExpectedSequenceConflictsAndAppendsNothing() {
    List<RecordedEvent> before = log.append(0, events("a", "b"), T1);

    assertThatThrownBy(() -> log.append(1, events("c", "d"), T1))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> log.append(0, events("c"), T1))
        .isInstanceOf(ConflictException.class);

    assertThat(log.lastSequence()).isEqualTo(2);
    assertThat(read(log, 1)).containsExactlyElementsOf(before);
    assertThat(sequences(log.append(2, events("c"), T1))).containsExactly(3L);
  }

  @Test
  void expectedSequenceAheadOfTheLogConflictsAndAppendsNothing() {
    assertThatThrownBy(() -> log.append(1, events("a"), T1))
        .isInstanceOf(ConflictException.class);
    log.append(0, events("a"), T1);
    assertThatThrownBy(() -> log.append(5, events("b"), T1))
        .isInstanceOf(ConflictException.class);

    assertThat(log.lastSequence()).isEqualTo(1);
    assertThat(read(log, 1)).extracting(RecordedEvent::event).containsExactly(event("a"));
  }

  @Test
  void emptyBatchIsRejectedAndAppendsNothing() {
    log.append(0, events("a"), T1);

    assertThatThrownBy(() -> log.append(1, List.of(), T1))
        .isInstanceOf(InvalidInputException.class);

    assertThat(log.lastSequence()).isEqualTo(1);
    assertThat(read(log, 1)).hasSize(1);
  }

  @Test
  void batchHoldingNullIsRejectedAndAppendsNothing() {
    log.append(0, events("a"), T1);
    List<DomainEvent> withNull = Arrays.asList(event("b"), null, event("c"));

    assertThatThrownBy(() -> log.append(1, withNull, T1))
        .isInstanceOf(InvalidInputException.class);

    assertThat(log.lastSequence()).isEqualTo(1);
    assertThat(read(log, 1)).extracting(RecordedEvent::event).containsExactly(event("a"));
  }

  @Test
  void readsFromTheMiddleFromBelowOneAndFromPastTheEnd() {
    log.append(0, events("a", "b"), T1);
    log.append(2, events("c", "d", "e"), T1);

    assertThat(sequences(read(log, 3))).containsExactly(3L, 4L, 5L);
    assertThat(read(log, 3)).extracting(EventLogContract::threadOf)
        .containsExactly("c", "d", "e");
    assertThat(sequences(read(log, 5))).containsExactly(5L);
    assertThat(read(log, 6)).isEmpty();
    assertThat(read(log, Long.MAX_VALUE)).isEmpty();
    assertThat(sequences(read(log, 0))).isEqualTo(range(1, 5));
    assertThat(sequences(read(log, -7))).isEqualTo(range(1, 5));
  }

  @Test
  void concurrentAppendersRetryingOnConflictRecordEveryEventOnceWithoutGaps() throws Exception {
    int writers = 6;
    int batchesPerWriter = 50;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> conflicts = new ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        String writer = "w" + w;
        conflicts.add(pool.submit(() -> {
          start.await();
          int seen = 0;
          for (int b = 0; b < batchesPerWriter; b++) {
            List<DomainEvent> batch = events(writer + "-b" + b + "-0", writer + "-b" + b + "-1");
            while (true) {
              long last = log.lastSequence();
              try {
                log.append(last, batch, T1);
                break;
              } catch (ConflictException lost) {
                seen++;
              }
            }
          }
          return seen;
        }));
      }
      start.countDown();
      for (Future<Integer> each : conflicts) {
        assertThat(each.get(60, TimeUnit.SECONDS)).isNotNegative();
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    int total = writers * batchesPerWriter * 2;
    List<RecordedEvent> all = read(log, 1);
    assertThat(log.lastSequence()).isEqualTo(total);
    assertThat(sequences(all)).isEqualTo(range(1, total));
    List<String> ids = all.stream().map(EventLogContract::threadOf).collect(Collectors.toList());
    List<String> expected = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      for (int b = 0; b < batchesPerWriter; b++) {
        expected.add("w" + w + "-b" + b + "-0");
        expected.add("w" + w + "-b" + b + "-1");
      }
    }
    assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    for (int i = 0; i < total; i += 2) {
      String first = ids.get(i);
      assertThat(first).as("event %d starts a batch", i + 1).endsWith("-0");
      assertThat(ids.get(i + 1)).as("event %d ends the batch of %s", i + 2, first)
          .isEqualTo(first.substring(0, first.length() - 1) + "1");
    }
    for (int w = 0; w < writers; w++) {
      String prefix = "w" + w + "-";
      List<String> mine = ids.stream().filter(id -> id.startsWith(prefix))
          .collect(Collectors.toList());
      List<String> inOrder = expected.stream().filter(id -> id.startsWith(prefix))
          .collect(Collectors.toList());
      assertThat(mine).as("writer %d's events keep its order", w).isEqualTo(inOrder);
    }
  }

  @Test
  void streamIsASnapshotUnaffectedByLaterAppends() {
    log.append(0, events("a", "b", "c"), T1);

    try (Stream<RecordedEvent> untouched = log.readFrom(1);
        Stream<RecordedEvent> started = log.readFrom(2)) {
      Iterator<RecordedEvent> partly = started.iterator();
      assertThat(partly.next().sequence()).isEqualTo(2);

      log.append(3, events("d", "e"), T2);

      assertThat(sequences(untouched.collect(Collectors.toList()))).containsExactly(1L, 2L, 3L);
      List<RecordedEvent> rest = new ArrayList<>();
      partly.forEachRemaining(rest::add);
      assertThat(sequences(rest)).containsExactly(3L);
    }
    assertThat(sequences(read(log, 1))).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void newLogsAreIndependent() {
    log.append(0, events("a", "b"), T1);

    EventLog other = track(newLog());

    assertThat(other.lastSequence()).isZero();
    assertThat(read(other, 1)).isEmpty();
    assertThat(sequences(other.append(0, events("z"), T2))).containsExactly(1L);
    assertThat(log.lastSequence()).isEqualTo(2);
    assertThat(read(log, 1)).extracting(EventLogContract::threadOf).containsExactly("a", "b");
  }

  @Test
  void appendAfterCloseFailsAndADurableLogReopensWithEverything() {
    List<RecordedEvent> recorded = new ArrayList<>(log.append(0, events("a", "b"), T1));
    recorded.addAll(log.append(2, events("c"), T2));

    log.close();
    log.close();

    assertThatThrownBy(() -> log.append(3, events("d"), T1))
        .isInstanceOf(EventLogException.class);

    EventLog reopened = reopen(log);
    if (reopened != null) {
      track(reopened);
      assertThat(reopened.lastSequence()).isEqualTo(3);
      assertThat(read(reopened, 1)).containsExactlyElementsOf(recorded);
      assertThatThrownBy(() -> reopened.append(2, events("d"), T1))
          .isInstanceOf(ConflictException.class);
      assertThat(sequences(reopened.append(3, events("d"), T1))).containsExactly(4L);
      assertThat(sequences(read(reopened, 1))).containsExactly(1L, 2L, 3L, 4L);
    }
  }
}
