package io.socialearn.core.internal.reputation;

import io.socialearn.api.event.AcceptanceRevoked;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.SuggestedEditApproved;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.reputation.ReputationRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Feeds a ledger events with sequences and times, as the engine would. Not thread-safe. */
final class LedgerDriver {
  static final PersonId ASKER = PersonId.of("asker");
  static final PersonId ANSWERER = PersonId.of("answerer");
  static final ThreadId Q = ThreadId.of("q-1");
  static final PostId A = PostId.of("a-1");

  final ReputationLedger ledger;
  Instant now = Instant.parse("2026-02-02T08:00:00Z");
  long sequence;

  LedgerDriver(ReputationRules rules) {
    this.ledger = new ReputationLedger(rules);
  }

  /** Drives {@code ledger} on from {@code now} and {@code sequence}, as another driver left off. */
  LedgerDriver(ReputationLedger ledger, Instant now, long sequence) {
    this.ledger = ledger;
    this.now = now;
    this.sequence = sequence;
  }

  LedgerDriver apply(DomainEvent event) {
    ledger.apply(new RecordedEvent(++sequence, now, event));
    now = now.plusSeconds(1);
    return this;
  }

  LedgerDriver nextDay() {
    now = now.plus(Duration.ofDays(1));
    return this;
  }

  LedgerDriver question(ThreadId id, PersonId author) {
    return apply(new ThreadStarted(id, SpaceId.of("s"), ThreadKind.QUESTION, "Title here",
        "body", List.of(), author));
  }

  LedgerDriver answer(PostId id, ThreadId thread, PersonId author) {
    return apply(new AnswerPosted(id, thread, "answer", author));
  }

  LedgerDriver vote(String voter, ContentRef target, VoteDirection direction, PersonId author) {
    return apply(new VoteCast(target, thread(target), PersonId.of(voter), direction, author));
  }

  LedgerDriver retract(String voter, ContentRef target, VoteDirection direction,
      PersonId author) {
    return apply(new VoteRetracted(target, thread(target), PersonId.of(voter), direction, author));
  }

  LedgerDriver accept(ThreadId thread, PostId answer, PersonId answerAuthor) {
    return apply(new AnswerAccepted(thread, answer, ASKER, answerAuthor));
  }

  LedgerDriver unaccept(ThreadId thread, PostId answer, PersonId answerAuthor) {
    return apply(new AcceptanceRevoked(thread, answer, ASKER, answerAuthor));
  }

  LedgerDriver deletePost(PostId post, ThreadId thread) {
    return apply(new PostDeleted(post, thread, "", PersonId.of("mod")));
  }

  LedgerDriver approvedEdit(ContentRef target, PersonId suggestedBy) {
    return apply(new SuggestedEditApproved(target, thread(target), suggestedBy, ASKER));
  }

  int score(PersonId person) {
    return ledger.score(person);
  }

  private static ThreadId thread(ContentRef target) {
    return target instanceof ThreadId t ? t : Q;
  }
}
