package io.socialearn.core.log;

import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.api.event.EventLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Sample events for the file log's tests, made from a seed. */
final class LogSamples {
  private LogSamples() {}

  /** A random event of one of three kinds, with text of up to {@code maxText} characters. */
  static DomainEvent event(Random random, String id, int maxText) {
    String text = text(random, maxText);
    return switch (random.nextInt(3)) {
      case 0 -> new ThreadStarted(ThreadId.of("t-" + id), SpaceId.of("s-1"), ThreadKind.QUESTION,
          "title " + id, text, List.of(Tag.of("java")), PersonId.of("ana"));
      case 1 -> new AnswerPosted(PostId.of("p-" + id), ThreadId.of("t-1"), text,
          PersonId.of("bo"));
      default -> new VoteCast(PostId.of("p-" + id), ThreadId.of("t-1"), PersonId.of("v" + id),
          VoteDirection.UP, PersonId.of("bo"));
    };
  }

  /** A batch of 1 to {@code maxSize} random events. */
  static List<DomainEvent> batch(Random random, String prefix, int maxSize, int maxText) {
    int size = 1 + random.nextInt(maxSize);
    List<DomainEvent> batch = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      batch.add(event(random, prefix + "-" + i, maxText));
    }
    return batch;
  }

  private static String text(Random random, int maxText) {
    int length = 1 + random.nextInt(Math.max(1, maxText));
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  /** Everything in a log, reading the stream to its end and closing it. */
  static List<RecordedEvent> readAll(EventLog log) {
    try (Stream<RecordedEvent> stream = log.readFrom(1)) {
      return stream.collect(Collectors.toList());
    }
  }
}
