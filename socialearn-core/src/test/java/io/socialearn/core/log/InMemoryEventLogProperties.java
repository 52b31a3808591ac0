package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Properties of {@link InMemoryEventLog}: what goes in comes out, in order. */
class InMemoryEventLogProperties {
  private static final Instant T = Instant.parse("2026-03-04T05:06:07.123Z");

  @Property(tries = 300)
  void appendedBatchesReadBackEqualAndInOrder(
      @ForAll("batches") List<List<DomainEvent>> batches) {
    try (InMemoryEventLog log = InMemoryEventLog.create()) {
      List<DomainEvent> appended = new ArrayList<>();
      List<RecordedEvent> returned = new ArrayList<>();
      for (List<DomainEvent> batch : batches) {
        returned.addAll(log.append(log.lastSequence(), batch, T));
        appended.addAll(batch);
      }

      List<RecordedEvent> read = read(log, 1);

      assertThat(read).containsExactlyElementsOf(returned);
      assertThat(read).extracting(RecordedEvent::event).containsExactlyElementsOf(appended);
      assertThat(read).extracting(RecordedEvent::sequence).containsExactlyElementsOf(
          LongStream.rangeClosed(1, appended.size()).boxed().collect(Collectors.toList()));
      assertThat(log.lastSequence()).isEqualTo(appended.size());
    }
  }

  @Property(tries = 300)
  void readFromReturnsExactlyTheSuffix(
      @ForAll("batches") List<List<DomainEvent>> batches,
      @ForAll @LongRange(min = -3, max = 50) long from) {
    try (InMemoryEventLog log = InMemoryEventLog.create()) {
      List<DomainEvent> appended = new ArrayList<>();
      for (List<DomainEvent> batch : batches) {
        log.append(log.lastSequence(), batch, T);
        appended.addAll(batch);
      }

      int skip = (int) Math.min(Math.max(from, 1) - 1, appended.size());
      assertThat(read(log, from)).extracting(RecordedEvent::event)
          .containsExactlyElementsOf(appended.subList(skip, appended.size()));
    }
  }

  @Provide
  Arbitrary<List<List<DomainEvent>>> batches() {
    return events().list().ofMinSize(1).ofMaxSize(5).list().ofMaxSize(8);
  }

  private static Arbitrary<DomainEvent> events() {
    Arbitrary<String> ids = Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        .ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> texts = Arbitraries.strings().alpha().numeric().withChars(' ', '+', '#')
        .ofMinLength(1).ofMaxLength(40);
    Arbitrary<DomainEvent> started = Combinators.combine(ids, ids, texts, texts)
        .as((thread, space, title, body) -> new ThreadStarted(ThreadId.of(thread),
            SpaceId.of(space), ThreadKind.QUESTION, title, body, List.of(Tag.of("java")),
            PersonId.of("ana")));
    Arbitrary<DomainEvent> answered = Combinators.combine(ids, ids, texts)
        .as((post, thread, body) -> new AnswerPosted(PostId.of(post), ThreadId.of(thread), body,
            PersonId.of("bo")));
    Arbitrary<DomainEvent> deleted = Combinators.combine(ids, texts)
        .as((thread, reason) -> new ThreadDeleted(ThreadId.of(thread), reason,
            PersonId.of("mod")));
    return Arbitraries.oneOf(List.of(started, answered, deleted));
  }

  private static List<RecordedEvent> read(InMemoryEventLog log, long from) {
    try (Stream<RecordedEvent> stream = log.readFrom(from)) {
      return stream.collect(Collectors.toList());
    }
  }
}
