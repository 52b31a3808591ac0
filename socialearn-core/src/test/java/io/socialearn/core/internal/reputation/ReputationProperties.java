package io.socialearn.core.internal.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.reputation.ReputationRules;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

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

  /** The caller's rows a ledger may be given: the questions and the first answer have one. */
  private static final List<ContentRef> ROWED = List.of(target(0), target(1), target(2),
      target(3));
  private static final ReputationLedger.Rows ROWS = new ReputationLedger.Rows() {
    @Override
    public int codeOf(ContentRef ref) {
      return ROWED.indexOf(ref);
    }

    @Override
    public ContentRef byCode(int code) {
      return code >= 0 && code < ROWED.size() ? ROWED.get(code) : null;
    }
  };

  /** A ledger's copy with the same rules, coding posts by {@link #ROWS} if {@code withRows}. */
  private static ReputationLedger emptyLike(ReputationLedger ledger, boolean withRows) {
    ReputationLedger copy = new ReputationLedger(ledger.rules());
    if (withRows) {
      copy.rowsFrom(ROWS);
    }
    return copy;
  }

  /** Casts each vote once (one per voter and post, as the engine enforces). */
  private static LedgerDriver cast(ReputationRules rules, List<Vote> votes, boolean withRetracts,
      boolean skipRetracted) {
    return cast(rules, votes, withRetracts, skipRetracted, false);
  }

  /** As above, the ledger coding posts by {@link #ROWS} if {@code withRows}. */
  private static LedgerDriver cast(ReputationRules rules, List<Vote> votes, boolean withRetracts,
      boolean skipRetracted, boolean withRows) {
    LedgerDriver d = new LedgerDriver(rules);
    if (withRows) {
      d.ledger.rowsFrom(ROWS);
    }
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

  /**
   * The facts as a snapshot writes them (ids as a kind byte and a string), read back by a ledger
   * coding posts by {@link #ROWS} if {@code withRows}.
   */
  private static ReputationLedger readBack(ReputationLedger ledger, boolean withRows)
      throws IOException {
    ReputationLedger copy = emptyLike(ledger, withRows);
    copy.restore(ledger.imageOfTheRest());
    ByteBuffer in = ByteBuffer.wrap(written(ledger));
    copy.readFrom(in, () -> readId(in));
    assertThat(in.hasRemaining()).isFalse();
    return copy;
  }

  private static byte[] written(ReputationLedger ledger) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    ledger.writeTo(out, id -> {
      out.writeByte(id instanceof PersonId ? 0 : id instanceof ThreadId ? 1 : 2);
      out.writeUTF(id instanceof PersonId p ? p.value()
          : id instanceof ThreadId t ? t.value() : ((PostId) id).value());
    });
    return bytes.toByteArray();
  }

  private static Object readId(ByteBuffer in) throws IOException {
    int kind = in.get();
    byte[] utf = new byte[in.getShort() & 0xffff];
    in.get(utf);
    String value = new String(utf, StandardCharsets.UTF_8);
    try {
      return switch (kind) {
        case 0 -> PersonId.of(value);
        case 1 -> ThreadId.of(value);
        case 2 -> PostId.of(value);
        default -> throw new IOException("kind " + kind);
      };
    } catch (InvalidInputException damaged) {
      throw new IOException(damaged);
    }
  }

  /** The votes of {@code votes} cast, one per voter and post (as {@link #cast} casts them). */
  private static List<Vote> standing(List<Vote> votes) {
    Map<String, Vote> standing = new LinkedHashMap<>();
    votes.forEach(v -> standing.putIfAbsent(v.voter() + "/" + v.post(), v));
    return new ArrayList<>(standing.values());
  }

  /**
   * A ledger written as columns and read back holds the same facts, and goes on as the original
   * does: retracts, a deleted answer (whose down voters are concerned), new votes.
   */
  @Property(tries = 200)
  void factsWrittenAsColumnsReadBackAsTheyWereAndGoOnAlike(@ForAll("votes") List<Vote> votes,
      @ForAll("votes") List<Vote> later, @ForAll boolean delete, @ForAll boolean withRows)
      throws IOException {
    LedgerDriver original = cast(ReputationRules.stackExchange(), votes, false, false, withRows);
    LedgerDriver copy = new LedgerDriver(readBack(original.ledger, withRows), original.now,
        original.sequence);
    assertThat(copy.ledger.image()).isEqualTo(original.ledger.image());
    for (LedgerDriver d : List.of(original, copy)) {
      for (Vote v : standing(votes)) {
        if (v.retractLater()) {
          d.retract("v" + v.voter(), target(v.post()),
              v.up() ? VoteDirection.UP : VoteDirection.DOWN, author(v.post()));
        }
      }
      if (delete) {
        d.deletePost(PostId.of("a-0"), LedgerDriver.Q);
      }
      for (Vote v : standing(later)) {
        d.vote("w" + v.voter(), target(v.post()), v.up() ? VoteDirection.UP : VoteDirection.DOWN,
            author(v.post()));
      }
    }
    assertThat(copy.ledger.image()).isEqualTo(original.ledger.image());
    for (int voter = 0; voter < 40; voter++) {
      for (String prefix : List.of("v", "w")) {
        PersonId id = PersonId.of(prefix + voter);
        assertThat(copy.score(id)).isEqualTo(original.score(id));
      }
    }
    AUTHORS.forEach(a -> assertThat(copy.score(a)).isEqualTo(original.score(a)));
    // And again, from what the copy went on to hold.
    assertThat(readBack(copy.ledger, withRows).image()).isEqualTo(original.ledger.image());
  }

  /**
   * A damaged byte anywhere in the written facts is refused with an IOException (or found short
   * of bytes), or reads back as some other valid ledger: never another exception.
   */
  @Property(tries = 300)
  void damagedFactsAreRefusedWithAClearError(@ForAll("votes") List<Vote> votes,
      @ForAll @IntRange(min = 0, max = 100_000) int where, @ForAll byte value,
      @ForAll boolean withRows) throws IOException {
    LedgerDriver d = cast(ReputationRules.stackExchange(), votes, true, false, withRows);
    d.deletePost(PostId.of("a-1"), LedgerDriver.Q);
    byte[] bytes = written(d.ledger);
    bytes[where % bytes.length] ^= value == 0 ? 1 : value;
    ReputationLedger copy = emptyLike(d.ledger, withRows);
    copy.restore(d.ledger.imageOfTheRest());
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      copy.readFrom(in, () -> readId(in));
    } catch (IOException | BufferUnderflowException refused) {
      return;
    }
    // What was read is a ledger like any: no more facts than the bytes hold (five at least a
    // fact), its votes name a voter and a post, and it lists, reverses and folds without failing.
    assertThat(copy.image().facts()).hasSizeLessThanOrEqualTo(bytes.length / 5)
        .filteredOn(f -> f.kind() == ReputationLedger.FactKind.VOTE)
        .allSatisfy(f -> assertThat(List.of(f.other(), f.keyRef())).doesNotContainNull());
    LedgerDriver after = new LedgerDriver(copy, d.now, d.sequence);
    after.deletePost(PostId.of("a-0"), LedgerDriver.Q);
    AUTHORS.forEach(a -> assertThat(after.score(a)).isGreaterThanOrEqualTo(1));
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
