package io.socialearn.lucene;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds recorded events with consecutive sequences and a controllable clock. Not thread-safe. */
final class Events {
  private long sequence;
  private Instant now = Instant.parse("2024-06-01T10:00:00Z");

  Events() {}

  Events startingAfter(long last) {
    sequence = last;
    return this;
  }

  void at(String instant) {
    now = Instant.parse(instant);
  }

  List<RecordedEvent> record(DomainEvent... events) {
    List<RecordedEvent> batch = new ArrayList<>();
    for (DomainEvent event : events) {
      batch.add(new RecordedEvent(++sequence, now, event));
    }
    return batch;
  }

  static ThreadStarted question(String id, String space, String author, String title,
      String body, String... tags) {
    return thread(id, space, ThreadKind.QUESTION, author, title, body, tags);
  }

  static ThreadStarted thread(String id, String space, ThreadKind kind, String author,
      String title, String body, String... tags) {
    return new ThreadStarted(ThreadId.of(id), SpaceId.of(space), kind, title, body,
        Arrays.stream(tags).map(Tag::of).toList(), PersonId.of(author));
  }

  static AnswerPosted answer(String post, String thread, String body) {
    return new AnswerPosted(PostId.of(post), ThreadId.of(thread), body, PersonId.of("bo"));
  }

  static VoteCast upVote(String thread, String voter) {
    return new VoteCast(ThreadId.of(thread), ThreadId.of(thread), PersonId.of(voter),
        VoteDirection.UP, PersonId.of("ana"));
  }

  static VoteCast downVote(String thread, String voter) {
    return new VoteCast(ThreadId.of(thread), ThreadId.of(thread), PersonId.of(voter),
        VoteDirection.DOWN, PersonId.of("ana"));
  }
}
