package io.socialearn.core.internal.reputation;

import static io.socialearn.api.thread.VoteDirection.UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.reputation.ReputationRules;
import org.junit.jupiter.api.Test;

class DampingTest {
  private static final PersonId BOSS = PersonId.of("boss");
  private static final PersonId REPORT = PersonId.of("report");
  private static final PersonId PEER = PersonId.of("peer");

  private static LedgerDriver workplace() {
    LedgerDriver d = new LedgerDriver(ReputationRules.workplace());
    d.apply(new PersonRegistered(PersonProfile.builder(BOSS).displayName("Boss").build()));
    d.apply(new PersonRegistered(PersonProfile.builder(REPORT).displayName("Report")
        .manager(BOSS).build()));
    return d;
  }

  @Test
  void votesAlongAReportingLineCountHalfEitherWay() {
    LedgerDriver d = workplace();
    d.vote("boss", PostId.of("a-1"), UP, REPORT);
    d.vote("report", PostId.of("a-2"), UP, BOSS);
    d.vote("peer", PostId.of("a-3"), UP, REPORT);
    assertThat(d.score(REPORT)).isEqualTo(1 + 5 + 10);
    assertThat(d.score(BOSS)).isEqualTo(1 + 5);

    LedgerDriver se = new LedgerDriver(ReputationRules.stackExchange());
    se.apply(new PersonRegistered(PersonProfile.builder(REPORT).displayName("Report")
        .manager(BOSS).build()));
    se.vote("boss", PostId.of("a-1"), UP, REPORT);
    assertThat(se.score(REPORT)).as("Stack Exchange's rules damp nothing").isEqualTo(11);
  }

  @Test
  void acceptsBetweenTwoPeopleWhoMostlyAcceptEachOtherCountHalfOnceTheyAreAPair() {
    LedgerDriver d = new LedgerDriver(ReputationRules.workplace());
    for (int i = 0; i < 4; i++) {
      ThreadId q1 = ThreadId.of("q-peer-" + i);
      PostId a1 = PostId.of("a-peer-" + i);
      d.question(q1, PEER).answer(a1, q1, REPORT);
      d.apply(new AnswerAccepted(q1, a1, PEER, REPORT));
      ThreadId q2 = ThreadId.of("q-report-" + i);
      PostId a2 = PostId.of("a-report-" + i);
      d.question(q2, REPORT).answer(a2, q2, PEER);
      d.apply(new AnswerAccepted(q2, a2, REPORT, PEER));
    }
    // Rounds 1 and 2 count in full each way (+15 to the answerer, +2 to the asker). In round 3
    // Peer's accept is its third while Report has accepted only two: still in full. Report's
    // third accept makes them a pair (3 each way, all of each one's accepts), so from then on
    // accepts count half (+8, +1), round 4 included.
    assertThat(d.score(REPORT)).isEqualTo(1 + 17 + 17 + (15 + 1) + (8 + 1));
    assertThat(d.score(PEER)).isEqualTo(1 + 17 + 17 + (2 + 8) + (1 + 8));
  }

  @Test
  void weightsMustLieBetweenZeroAndOne() {
    assertThatThrownBy(() -> new ReputationRules.Damping(1.5, 1, 3))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 0 and 1");
  }
}
