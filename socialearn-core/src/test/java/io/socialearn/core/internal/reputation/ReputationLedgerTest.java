package io.socialearn.core.internal.reputation;

import static io.socialearn.api.thread.VoteDirection.DOWN;
import static io.socialearn.api.thread.VoteDirection.UP;
import static io.socialearn.core.internal.reputation.LedgerDriver.A;
import static io.socialearn.core.internal.reputation.LedgerDriver.ANSWERER;
import static io.socialearn.core.internal.reputation.LedgerDriver.ASKER;
import static io.socialearn.core.internal.reputation.LedgerDriver.Q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.event.ReputationAdjusted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.reputation.ReputationChange;
import io.socialearn.api.reputation.ReputationHistory;
import io.socialearn.api.reputation.ReputationReason;
import io.socialearn.api.thread.PostId;
import io.socialearn.core.reputation.ReputationRules;
import java.time.LocalDate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ReputationLedgerTest {
  @Test
  void deletingAPostReversesOnlyItsFactsForSomeoneWhoseOtherFactsHaveNoPost() {
    LedgerDriver d = new LedgerDriver(ReputationRules.stackExchange()).question(Q, ASKER)
        .answer(A, Q, ANSWERER)
        .apply(new ReputationAdjusted(ANSWERER, 100, "association bonus", PersonId.of("admin")))
        .vote("v1", A, UP, ANSWERER).vote("v2", A, UP, ANSWERER);
    assertThat(d.score(ANSWERER)).isEqualTo(1 + 100 + 20);
    d.deletePost(A, Q);
    assertThat(d.score(ANSWERER)).isEqualTo(1 + 100);
    assertThat(d.ledger.history(ANSWERER, c -> true, d.now).changes())
        .extracting(ReputationChange::reason).containsExactly(ReputationReason.ADJUSTMENT);
  }

  private final LedgerDriver se = new LedgerDriver(ReputationRules.stackExchange())
      .question(Q, ASKER).answer(A, Q, ANSWERER);

  @Test
  void aLedgerWithAskersOfItsOwnIsNotGivenThreadsAndOneGivenThemKeepsNone() {
    ReputationLedger.Threads none = new ReputationLedger.Threads() {
      @Override
      public PersonId askerOf(io.socialearn.api.thread.ThreadId thread) {
        return null;
      }

      @Override
      public java.util.List<PostId> answersOf(io.socialearn.api.thread.ThreadId thread) {
        return java.util.List.of();
      }

      @Override
      public void forEachThread(
          java.util.function.Consumer<io.socialearn.api.thread.ThreadId> action) {}
    };
    assertThatThrownBy(() -> se.ledger.threadsFrom(none))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("askers or answers");
    LedgerDriver given = new LedgerDriver(ReputationRules.stackExchange());
    given.ledger.threadsFrom(none);
    given.question(Q, ASKER).answer(A, Q, ANSWERER);
    // The threads know no asker: the accept earns the answerer alone, the thread none.
    given.accept(Q, A, ANSWERER);
    assertThat(given.ledger.image().askers()).isEmpty();
    assertThat(given.ledger.image().answers()).isEmpty();
    assertThat(given.score(ANSWERER)).isEqualTo(1 + 15);
    assertThat(given.score(ASKER)).isEqualTo(1);
    // A ledger keeping its own askers cannot take over one whose threads hold them.
    ReputationLedger keeping = new ReputationLedger(ReputationRules.stackExchange());
    assertThatThrownBy(() -> keeping.takeOver(given.ledger))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
    assertThat(given.score(ANSWERER)).isEqualTo(1 + 15);
  }

  @Test
  void factsKeepSequencesBeyondAnIntAndReverseByVoterKeyAndSource() {
    LedgerDriver d = new LedgerDriver(ReputationRules.stackExchange()).question(Q, ASKER)
        .answer(A, Q, ANSWERER).vote("v1", A, UP, ANSWERER);
    // Sequences past an int's range widen the person's sequence column, keeping earlier ones.
    d.sequence = Integer.MAX_VALUE - 1L;
    d.vote("v2", A, UP, ANSWERER).vote("v3", A, DOWN, ANSWERER).accept(Q, A, ANSWERER);
    d.sequence = 5_000_000_000L;
    d.vote("v4", A, UP, ANSWERER);
    assertThat(d.ledger.history(ANSWERER, c -> true, d.now).changes())
        .extracting(ReputationChange::sequence)
        .containsExactly(3L, Integer.MAX_VALUE + 0L, Integer.MAX_VALUE + 1L,
            Integer.MAX_VALUE + 2L, 5_000_000_001L);
    d.retract("v3", A, DOWN, ANSWERER).unaccept(Q, A, ANSWERER);
    assertThat(d.ledger.history(ANSWERER, c -> true, d.now).changes())
        .extracting(ReputationChange::sequence, ReputationChange::reason, ReputationChange::source)
        .containsExactly(
            Tuple.tuple(3L, ReputationReason.ANSWER_UPVOTED, A),
            Tuple.tuple(Integer.MAX_VALUE + 0L,
                ReputationReason.ANSWER_UPVOTED, A),
            Tuple.tuple(5_000_000_001L, ReputationReason.ANSWER_UPVOTED,
                A));
    assertThat(d.score(ANSWERER)).isEqualTo(31);
    assertThat(d.score(PersonId.of("v3"))).isEqualTo(1);
    assertThat(d.ledger.history(ASKER, c -> true, d.now).changes()).isEmpty();
  }

  /**
   * Facts whose sequences leap and whose times go back and forth across centuries, some removed
   * from the middle of the stream (which is rewritten in place with longer deltas): the history
   * is the one of a ledger that never had them, and facts added after still fold on.
   */
  @Test
  void removingFactsAmongLeapsOfSequenceAndTimeKeepsTheRestAsIfAlone() {
    java.util.function.Function<Boolean, LedgerDriver> drive = withRemoved -> {
      LedgerDriver d = new LedgerDriver(ReputationRules.stackExchange()).question(Q, ASKER)
          .answer(A, Q, ANSWERER);
      String[] times = {"2100-01-01T00:00:00.5Z", "1990-06-01T12:00:00Z",
          "2026-02-02T08:00:00Z", "2090-12-31T23:59:59Z", "1971-01-01T00:00:00Z"};
      for (int i = 0; i < times.length; i++) {
        d.now = java.time.Instant.parse(times[i]);
        d.sequence = i % 2 == 0 ? d.sequence + 3_000_000_000L : d.sequence + 1;
        if (withRemoved || i % 2 == 0) {
          d.vote("v" + i, A, i == 3 ? DOWN : UP, ANSWERER);
        }
      }
      if (withRemoved) {
        d.retract("v1", A, UP, ANSWERER).retract("v3", A, DOWN, ANSWERER);
      }
      d.now = java.time.Instant.parse("2030-01-01T00:00:00Z");
      return d.vote("late", A, UP, ANSWERER);
    };
    LedgerDriver removed = drive.apply(true);
    LedgerDriver alone = drive.apply(false);
    assertThat(removed.ledger.history(ANSWERER, c -> true, removed.now).changes())
        .extracting(ReputationChange::delta, ReputationChange::at)
        .containsExactly(Tuple.tuple(10, java.time.Instant.parse("2100-01-01T00:00:00Z")),
            Tuple.tuple(10, java.time.Instant.parse("2026-02-02T08:00:00Z")),
            Tuple.tuple(10, java.time.Instant.parse("1971-01-01T00:00:00Z")),
            Tuple.tuple(10, java.time.Instant.parse("2030-01-01T00:00:00Z")));
    assertThat(removed.ledger.history(ANSWERER, c -> true, removed.now).changes())
        .extracting(ReputationChange::sequence)
        .containsExactly(3_000_000_003L, 6_000_000_006L, 9_000_000_009L, 9_000_000_012L);
    assertThat(removed.ledger.history(ANSWERER, c -> true, removed.now).changes())
        .extracting(ReputationChange::delta, ReputationChange::at)
        .isEqualTo(alone.ledger.history(ANSWERER, c -> true, alone.now).changes().stream()
            .map(c -> Tuple.tuple(c.delta(), c.at())).toList());
    assertThat(removed.score(ANSWERER)).isEqualTo(41);
  }

  @Test
  void pointsBeyondFourMillionWidenThePersonsPointsColumnKeepingEarlierFacts() {
    PersonId admin = PersonId.of("admin");
    LedgerDriver d = new LedgerDriver(ReputationRules.stackExchange()).question(Q, ASKER)
        .answer(A, Q, ANSWERER).vote("v1", A, UP, ANSWERER)
        .apply(new ReputationAdjusted(ANSWERER, 5_000_000, "migration", admin))
        .vote("v2", A, UP, ANSWERER)
        .apply(new ReputationAdjusted(ANSWERER, -7_000_000, "correction", admin))
        .vote("v3", A, DOWN, ANSWERER);
    assertThat(d.score(ANSWERER)).isEqualTo(1);
    // Removing a fact moves the wide column's values back.
    d.retract("v1", A, UP, ANSWERER);
    assertThat(d.ledger.history(ANSWERER, c -> true, d.now).changes())
        .extracting(ReputationChange::delta, ReputationChange::reason)
        .containsExactly(Tuple.tuple(5_000_000, ReputationReason.ADJUSTMENT),
            Tuple.tuple(10, ReputationReason.ANSWER_UPVOTED),
            Tuple.tuple(-5_000_010, ReputationReason.ADJUSTMENT));
    d.vote("v4", A, UP, ANSWERER);
    assertThat(d.score(ANSWERER)).isEqualTo(11);
    assertThat(d.score(PersonId.of("v3"))).isEqualTo(1);
  }

  @Test
  void aFactAfterTheLastOneTakenBackIsReadWithItsOwnPoints() {
    // A person's facts leave out the points of one whose points are the last fact's: after the
    // last fact is taken back, the next is written after the fact that is last now.
    LedgerDriver d = new LedgerDriver(ReputationRules.stackExchange()).question(Q, ASKER)
        .answer(A, Q, ANSWERER).accept(Q, A, ANSWERER).vote("v1", A, UP, ANSWERER)
        .retract("v1", A, UP, ANSWERER).vote("v2", A, UP, ANSWERER)
        .vote("v3", A, UP, ANSWERER).retract("v2", A, UP, ANSWERER)
        .vote("v4", A, DOWN, ANSWERER).vote("v5", A, UP, ANSWERER);
    assertThat(d.ledger.history(ANSWERER, c -> true, d.now).changes())
        .extracting(ReputationChange::delta, ReputationChange::reason)
        .containsExactly(Tuple.tuple(15, ReputationReason.ANSWER_ACCEPTED),
            Tuple.tuple(10, ReputationReason.ANSWER_UPVOTED),
            Tuple.tuple(-2, ReputationReason.ANSWER_DOWNVOTED),
            Tuple.tuple(10, ReputationReason.ANSWER_UPVOTED));
    assertThat(d.score(ANSWERER)).isEqualTo(34);
  }

  @Test
  void upvotesEarnTheirValueAndEveryoneStartsAtTheFloor() {
    assertThat(se.score(ASKER)).isEqualTo(1);
    se.vote("v1", Q, UP, ASKER).vote("v2", A, UP, ANSWERER);
    assertThat(se.score(ASKER)).isEqualTo(11);
    assertThat(se.score(ANSWERER)).isEqualTo(11);

    LedgerDriver old = new LedgerDriver(ReputationRules.stackExchangeBefore2019())
        .question(Q, ASKER).vote("v1", Q, UP, ASKER);
    assertThat(old.score(ASKER)).isEqualTo(6);
  }

  @Test
  void downvotesCostTheAuthorTwoAndAnAnswerDownvoteCostsTheVoterOne() {
    se.vote("v1", A, UP, ANSWERER).vote("v2", A, UP, ANSWERER).vote("v3", A, DOWN, ANSWERER);
    assertThat(se.score(ANSWERER)).isEqualTo(19);
    se.vote("v1", Q, UP, ASKER).vote("v4", Q, DOWN, ASKER);
    assertThat(se.score(ASKER)).isEqualTo(9);
    // v3 had 1 (the floor) and cannot go below it; v4 voted a question down, which is free.
    assertThat(se.score(PersonId.of("v3"))).isEqualTo(1);
    se.vote("v1", PostId.of("a-2"), UP, PersonId.of("v3"));
    se.vote("v3", PostId.of("a-3"), DOWN, ASKER);
    assertThat(se.score(PersonId.of("v3"))).isEqualTo(10);
  }

  @Test
  void acceptsPayTheAnswererAndTheAskerButNotASelfAccept() {
    se.accept(Q, A, ANSWERER);
    assertThat(se.score(ANSWERER)).isEqualTo(16);
    assertThat(se.score(ASKER)).isEqualTo(3);

    PostId own = PostId.of("a-own");
    se.answer(own, Q, ASKER).unaccept(Q, A, ANSWERER).accept(Q, own, ASKER);
    assertThat(se.score(ANSWERER)).isEqualTo(1);
    assertThat(se.score(ASKER)).isEqualTo(1);
  }

  @Test
  void theDailyCapStopsVoteReputationAtTwoHundredButNotAccepts() {
    for (int i = 0; i < 19; i++) {
      se.vote("v" + i, A, UP, ANSWERER);
    }
    assertThat(se.score(ANSWERER)).isEqualTo(191);
    se.vote("v19", Q, UP, ANSWERER);
    assertThat(se.score(ANSWERER)).as("the vote that reaches the cap").isEqualTo(201);
    se.vote("v20", A, UP, ANSWERER);
    assertThat(se.score(ANSWERER)).as("past the cap").isEqualTo(201);
    se.accept(Q, A, ANSWERER);
    assertThat(se.score(ANSWERER)).as("accepts are exempt").isEqualTo(216);
    se.nextDay().vote("v21", A, UP, ANSWERER);
    assertThat(se.score(ANSWERER)).as("a new day, a new cap").isEqualTo(226);
  }

  @Test
  void aVoteThatCrossesTheCapEarnsOnlyWhatFits() {
    LedgerDriver d = new LedgerDriver(new ReputationRules(10, 15, 2, 1, 15, 2, 200, 1))
        .question(Q, ASKER).answer(A, Q, ANSWERER);
    for (int i = 0; i < 14; i++) {
      d.vote("v" + i, A, UP, ANSWERER);
    }
    assertThat(d.score(ANSWERER)).isEqualTo(1 + 200);
    assertThat(d.ledger.history(ANSWERER, s -> true, d.now).changes())
        .extracting(ReputationChange::delta).endsWith(15, 5);
  }

  @Test
  void undoingAVoteFreesRoomUnderTheCapAsIfItHadNeverCounted() {
    LedgerDriver d = new LedgerDriver(new ReputationRules(10, 15, 2, 1, 15, 2, 200, 1))
        .question(Q, ASKER).answer(A, Q, ANSWERER);
    for (int i = 0; i < 15; i++) {
      d.vote("v" + i, A, UP, ANSWERER);
    }
    assertThat(d.score(ANSWERER)).isEqualTo(201);
    d.retract("v0", A, UP, ANSWERER);
    assertThat(d.score(ANSWERER)).as("14 votes of 15 still reach the cap").isEqualTo(201);
    d.retract("v1", A, UP, ANSWERER);
    assertThat(d.score(ANSWERER)).isEqualTo(1 + 13 * 15);
  }

  @Test
  void theFloorHoldsAtEveryPointOfAHistory() {
    PersonId newcomer = PersonId.of("newcomer");
    se.vote("v1", PostId.of("a-9"), DOWN, newcomer).vote("v2", PostId.of("a-9"), DOWN, newcomer);
    assertThat(se.score(newcomer)).isEqualTo(1);
    se.vote("v3", PostId.of("a-9"), UP, newcomer);
    assertThat(se.score(newcomer)).isEqualTo(11);
  }

  @Test
  void deletingAPostReversesItsVotesAndAccept() {
    se.vote("v1", A, UP, ANSWERER).vote("v2", A, DOWN, ANSWERER).accept(Q, A, ANSWERER);
    assertThat(se.score(ANSWERER)).isEqualTo(1 + 10 - 2 + 15);
    se.deletePost(A, Q);
    assertThat(se.score(ANSWERER)).isEqualTo(1);
    assertThat(se.score(ASKER)).isEqualTo(1);
    assertThat(se.score(PersonId.of("v2"))).isEqualTo(1);
  }

  @Test
  void theWorkplaceRulesCostNothingForDownvotes() {
    LedgerDriver d = new LedgerDriver(ReputationRules.workplace())
        .question(Q, ASKER).answer(A, Q, ANSWERER)
        .vote("v1", A, UP, ANSWERER).vote("v2", A, DOWN, ANSWERER);
    assertThat(d.score(ANSWERER)).isEqualTo(11);
    assertThat(d.score(PersonId.of("v2"))).isEqualTo(1);
  }

  @Test
  void theHistoryNamesEachChangeAndSumsItPerDay() {
    se.vote("v1", A, UP, ANSWERER).accept(Q, A, ANSWERER).nextDay().vote("v2", A, UP, ANSWERER);
    ReputationHistory history = se.ledger.history(ANSWERER, s -> true, se.now);
    assertThat(history.score().points()).isEqualTo(36);
    assertThat(history.changes()).extracting(ReputationChange::reason).containsExactly(
        ReputationReason.ANSWER_UPVOTED, ReputationReason.ANSWER_ACCEPTED,
        ReputationReason.ANSWER_UPVOTED);
    assertThat(history.perDay()).containsExactly(
        java.util.Map.entry(LocalDate.parse("2026-02-02"), 25),
        java.util.Map.entry(LocalDate.parse("2026-02-03"), 10));
    assertThat(se.ledger.history(ANSWERER, s -> false, se.now).changes()).isEmpty();
  }

  @Test
  void rulesRefuseNegativeValues() {
    assertThatThrownBy(() -> new ReputationRules(10, 10, -2, 1, 15, 2, 200, 1))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("downvoteReceived"));
  }
}
