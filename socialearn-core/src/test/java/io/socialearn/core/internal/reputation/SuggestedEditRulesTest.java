package io.socialearn.core.internal.reputation;

import static io.socialearn.api.thread.VoteDirection.UP;
import static io.socialearn.core.internal.reputation.LedgerDriver.A;
import static io.socialearn.core.internal.reputation.LedgerDriver.ANSWERER;
import static io.socialearn.core.internal.reputation.LedgerDriver.ASKER;
import static io.socialearn.core.internal.reputation.LedgerDriver.Q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.reputation.ReputationChange;
import io.socialearn.api.reputation.ReputationReason;
import io.socialearn.api.thread.PostId;
import io.socialearn.core.reputation.ReputationRules;
import org.junit.jupiter.api.Test;

/** The rules for approved suggested edits: the reward, its total cap, the daily cap, deletion. */
class SuggestedEditRulesTest {
  private static final PersonId EDITOR = PersonId.of("editor");

  private static LedgerDriver driver(ReputationRules rules) {
    return new LedgerDriver(rules).question(Q, ASKER).answer(A, Q, ANSWERER);
  }

  @Test
  void anApprovedEditEarnsTwoOnStackExchangeWithItsReasonInTheHistory() {
    LedgerDriver se = driver(ReputationRules.stackExchange());
    se.approvedEdit(A, EDITOR).approvedEdit(Q, EDITOR);
    assertThat(se.score(EDITOR)).isEqualTo(1 + 2 + 2);
    assertThat(se.score(ANSWERER)).as("the author earns nothing").isEqualTo(1);
    assertThat(se.ledger.history(EDITOR, c -> true, se.now).changes())
        .extracting(ReputationChange::reason, ReputationChange::delta)
        .containsExactly(tuple(ReputationReason.EDIT_APPROVED, 2),
            tuple(ReputationReason.EDIT_APPROVED, 2));
  }

  @Test
  void theTotalCapStopsEditReputationAtItsEdge() {
    LedgerDriver d = driver(ReputationRules.stackExchange().withSuggestedEdits(2, 5));
    d.approvedEdit(A, EDITOR).approvedEdit(A, EDITOR);
    assertThat(d.score(EDITOR)).isEqualTo(5);
    d.approvedEdit(A, EDITOR);
    assertThat(d.score(EDITOR)).as("the edit that crosses the cap earns what fits").isEqualTo(6);
    d.nextDay().approvedEdit(Q, EDITOR);
    assertThat(d.score(EDITOR)).as("past the cap, on any day").isEqualTo(6);
    d.vote("v1", PostId.of("a-9"), UP, EDITOR);
    assertThat(d.score(EDITOR)).as("votes are not edits").isEqualTo(16);
  }

  @Test
  void stackExchangeCapsEditsAtAThousandInAll() {
    LedgerDriver d = driver(ReputationRules.stackExchange());
    for (int i = 0; i < 501; i++) {
      d.approvedEdit(A, EDITOR);
      if (i % 50 == 49) {
        d.nextDay();
      }
    }
    assertThat(d.score(EDITOR)).isEqualTo(1 + 1000);
  }

  @Test
  void editsCountTowardsTheDailyCap() {
    LedgerDriver d = driver(ReputationRules.stackExchange());
    for (int i = 0; i < 20; i++) {
      d.vote("v" + i, A, UP, ANSWERER);
    }
    d.approvedEdit(Q, ANSWERER);
    assertThat(d.score(ANSWERER)).as("capped for the day").isEqualTo(201);
    d.nextDay().approvedEdit(Q, ANSWERER);
    assertThat(d.score(ANSWERER)).isEqualTo(203);
  }

  @Test
  void undoingAVoteFreesRoomUnderTheDailyCapForALaterEdit() {
    LedgerDriver d = driver(ReputationRules.stackExchange());
    for (int i = 0; i < 20; i++) {
      d.vote("v" + i, A, UP, ANSWERER);
    }
    d.approvedEdit(Q, ANSWERER);
    d.retract("v0", A, UP, ANSWERER);
    assertThat(d.score(ANSWERER)).isEqualTo(1 + 190 + 2);
  }

  @Test
  void deletingTheEditedPostKeepsTheEditReward() {
    LedgerDriver d = driver(ReputationRules.stackExchange());
    d.approvedEdit(A, EDITOR).vote("v1", A, UP, ANSWERER).deletePost(A, Q);
    assertThat(d.score(EDITOR)).isEqualTo(3);
    assertThat(d.score(ANSWERER)).isEqualTo(1);
  }

  @Test
  void hostsChooseTheRewardAndZeroTurnsEditsOff() {
    LedgerDriver off = driver(ReputationRules.workplace().withSuggestedEdits(0, 0));
    off.approvedEdit(A, EDITOR);
    assertThat(off.score(EDITOR)).isEqualTo(1);
    LedgerDriver generous = driver(ReputationRules.workplace().withSuggestedEdits(5, 50));
    generous.approvedEdit(A, EDITOR);
    assertThat(generous.score(EDITOR)).isEqualTo(6);
    assertThatThrownBy(() -> ReputationRules.stackExchange().withSuggestedEdits(-2, 10))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("suggestedEditApproved");
  }
}
