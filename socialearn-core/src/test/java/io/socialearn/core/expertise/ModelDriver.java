package io.socialearn.core.expertise;

import io.socialearn.api.event.AcceptanceRevoked;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.PersonEndorsed;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseEntry;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.VoteDirection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Feeds an {@link ExpertiseModel} events as the engine would, at a clock it moves. */
final class ModelDriver {
  static final SpaceId OPEN = SpaceId.of("open");
  static final SpaceId SECRET = SpaceId.of("secret");

  final ExpertiseModel model;
  final List<RecordedEvent> log = new ArrayList<>();
  Instant now = Instant.parse("2025-01-01T00:00:00Z");
  private int ids;

  ModelDriver(ExpertiseSettings settings) {
    this.model = new ExpertiseModel(settings);
  }

  ModelDriver() {
    this(ExpertiseSettings.defaults());
  }

  void emit(DomainEvent e) {
    RecordedEvent r = new RecordedEvent(log.size() + 1, now, e);
    log.add(r);
    model.apply(r);
  }

  /** Uses up an id, as a skipped step would have. */
  void skipId() {
    ids++;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  void person(String id, String unit, String... skills) {
    emit(new PersonRegistered(PersonProfile.builder(PersonId.of(id)).displayName(id)
        .orgUnit(unit).skills(skills).build()));
  }

  ThreadId question(SpaceId space, String asker, String... tags) {
    ThreadId t = ThreadId.of("t" + ++ids);
    emit(new ThreadStarted(t, space, ThreadKind.QUESTION, "title " + ids, "body",
        List.of(tags).stream().map(Tag::of).toList(), PersonId.of(asker)));
    return t;
  }

  PostId answer(ThreadId thread, String author) {
    PostId p = PostId.of("p" + ++ids);
    emit(new AnswerPosted(p, thread, "answer", PersonId.of(author)));
    return p;
  }

  void accept(ThreadId thread, PostId answer, String asker, String author) {
    emit(new AnswerAccepted(thread, answer, PersonId.of(asker), PersonId.of(author)));
  }

  void unaccept(ThreadId thread, PostId answer, String asker, String author) {
    emit(new AcceptanceRevoked(thread, answer, PersonId.of(asker), PersonId.of(author)));
  }

  void upvote(ThreadId thread, PostId answer, String voter, String author) {
    emit(new VoteCast(answer, thread, PersonId.of(voter), VoteDirection.UP, PersonId.of(author)));
  }

  void unvote(ThreadId thread, PostId answer, String voter, String author) {
    emit(new VoteRetracted(answer, thread, PersonId.of(voter), VoteDirection.UP,
        PersonId.of(author)));
  }

  void endorse(String endorser, String person, String topic) {
    emit(new PersonEndorsed(PersonId.of(endorser), PersonId.of(person), Tag.of(topic)));
  }

  void delete(ThreadId thread, PostId post) {
    emit(new PostDeleted(post, thread, "wrong", PersonId.of("mod")));
  }

  void retag(ThreadId thread, String... tags) {
    emit(new ThreadEdited(thread, "t", "b", List.of(tags).stream().map(Tag::of).toList(),
        PersonId.of("mod"), "retag"));
  }

  ExpertiseEntry explain(String person, String topic) {
    return model.explain(PersonId.of(person), Tag.of(topic), s -> true, now);
  }

  ExpertiseEntry explain(String person, String topic, Set<SpaceId> readable) {
    return model.explain(PersonId.of(person), Tag.of(topic), readable::contains, now);
  }

  double score(String person, String topic) {
    return explain(person, topic).score();
  }

  List<ExpertCandidate> whoKnows(Set<SpaceId> readable, WhoKnowsOptions options,
      String... topics) {
    return model.whoKnows(PersonId.of("viewer"), null,
        List.of(topics).stream().map(Tag::of).toList(), List.of(), readable::contains,
        p -> null, options, now);
  }
}
