package io.socialearn.core.internal.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.reputation.ReputationRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the reputation ledger over random vote histories spread over a few days. */
class ReputationProperties {
  private static final List<PersonId> AUTHORS = List.of(PersonId.of("a0"), PersonId.of("a1"),
      PersonId.of("a2"));

  /** A vote on one of six posts (three questions, three answers, one per author each). */
  record Vote(int voter, int post, boolean up, boolean nextDay, boolean retractLater) {}

  @Provide
  Arbitrary<List<Vote>> votes() {
    return Combinators.combine(Arbitraries.integers().between(0, 39),
        Arbitraries.integers().between(0, 5), Arbitraries.of(true, true, true, false),
        Arbitraries.of(false, false, false, false, true), Arbitraries.of(true, false))
        .as(Vote::new).list().ofMaxSize(120);
  }

  private static ContentRef target(int post) {
    return post < 3 ? ThreadId.of("q-" + post) : PostId.of("a-" + (post - 3));
  }

  private static PersonId author(int post) {
    return AUTHORS.get(post % 3);
  }

  /** Casts each vote once (one per voter and post, as the engine enforces). */
  private static LedgerDriver cast(ReputationRules rules, List<Vote> votes, boolean withRetracts,
      boolean skipRetracted) {
    LedgerDriver d = new LedgerDriver(rules);
    Map<String, Vote> standing = new HashMap<>();
    List<Vote> cast = new ArrayList<>();
    for (Vote v : votes) {
      if (v.nextDay()) {
        d.nextDay();
      }
      String key = v.voter() + "/" + v.post();
      if (standing.containsKey(key)) {
        continue;
      }
      standing.put(key, v);
      cast.add(v);
      if (skipRetracted && v.retractLater()) {
        d.now = d.now.plusSeconds(1);
        d.sequence++;
        continue;
      }
      d.vote("v" + v.voter(), target(v.post()), v.up() ? VoteDirection.UP : VoteDirection.DOWN,
          author(v.post()));
    }
    if (withRetracts) {
      // As start-up does between the snapshot and what follows: results must not change.
      d.ledger.trimToSize();
      for (Vote v : cast) {
        if (v.retractLater()) {
          d.retract("v" + v.voter(), target(v.post()),
              v.up() ? VoteDirection.UP : VoteDirection.DOWN, author(v.post()));
        }
      }
    }
    return d;
  }

  @Property(tries = 300)
  void reputationNeverDropsBelowTheFloor(@ForAll("votes") List<Vote> votes) {
    LedgerDriver d = cast(ReputationRules.stackExchange(), votes, true, false);
    for (int voter = 0; voter < 40; voter++) {
      assertThat(d.score(PersonId.of("v" + voter))).isGreaterThanOrEqualTo(1);
    }
    AUTHORS.forEach(a -> assertThat(d.score(a)).isGreaterThanOrEqualTo(1));
  }

  @Property(tries = 300)
  void retractedVotesCountAsIfTheyHadNeverBeenCastAcrossCapAndFloor(
      @ForAll("votes") List<Vote> votes) {
    LedgerDriver withReversals = cast(ReputationRules.stackExchange(), votes, true, false);
    LedgerDriver neverCast = cast(ReputationRules.stackExchange(), votes, false, true);
    for (PersonId author : AUTHORS) {
      assertThat(withReversals.score(author)).as("author %s", author)
          .isEqualTo(neverCast.score(author));
    }
    for (int voter = 0; voter < 40; voter++) {
      PersonId id = PersonId.of("v" + voter);
      assertThat(withReversals.score(id)).isEqualTo(neverCast.score(id));
    }
  }

  @Property(tries = 200)
  void aVoteAndItsUndoLeaveEveryoneUnchanged(@ForAll("votes") List<Vote> votes,
      @ForAll("votes") List<Vote> extra) {
    LedgerDriver d = cast(ReputationRules.stackExchange(), votes, false, false);
    Map<PersonId, Integer> before = new HashMap<>();
    AUTHORS.forEach(a -> before.put(a, d.score(a)));
    PersonId fresh = PersonId.of("fresh-voter");
    for (Vote v : extra.subList(0, Math.min(1, extra.size()))) {
      VoteDirection direction = v.up() ? VoteDirection.UP : VoteDirection.DOWN;
      d.vote("fresh-voter", target(v.post()), direction, author(v.post()));
      d.retract("fresh-voter", target(v.post()), direction, author(v.post()));
    }
    AUTHORS.forEach(a -> assertThat(d.score(a)).isEqualTo(before.get(a)));
    assertThat(d.score(fresh)).isEqualTo(1);
  }
}
