package io.socialearn.core.internal.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.AcceptanceRevoked;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.MadeCommunityWiki;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.ProfileUpdated;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.reputation.ReputationRules;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * With the workplace rules, whose accepts within a reciprocal pair count half, reversing any
 * accept of a random history (revoked, moved, deleted with its answer or its thread) leaves
 * everyone as a history that never had it, read back from a snapshot first or not.
 */
class ReputationDampingProperties {
  private static final PersonId[] PEOPLE = {PersonId.of("p0"), PersonId.of("p1"),
      PersonId.of("p2"), PersonId.of("p3")};
  private static final PersonId MOD = PersonId.of("mod");

  /** An accept of an answer by {@code (asker + offset) % 3}, on a fresh question. */
  record Step(int asker, int offset, boolean wiki, boolean toP3) {
    PersonId askedBy() {
      return PEOPLE[asker];
    }

    PersonId answeredBy() {
      return toP3 ? PEOPLE[3] : PEOPLE[(asker + offset) % 3];
    }
  }

  /** How the chosen accept is reversed. */
  enum Reversal { REVOKED, MOVED, ANSWER_DELETED, THREAD_DELETED }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(1, 2), Arbitraries.of(false, false, false, false, true),
        Arbitraries.of(false, false, false, false, false, true))
        .as(Step::new).list().ofMinSize(1).ofMaxSize(30);
  }

  private static ThreadId question(int i) {
    return ThreadId.of("q-" + i);
  }

  private static PostId answer(int i) {
    return PostId.of("a-" + i);
  }

  /** The second answer of question {@code i}, by the asker's other peer: where a move goes. */
  private static PostId other(int i) {
    return PostId.of("b-" + i);
  }

  private static PersonId otherAnswerer(Step s) {
    return PEOPLE[(s.asker() + 3 - s.offset()) % 3];
  }

  /**
   * The history: p1 reports to p0 throughout, p2 to p0 from step {@code managerAt} on; each step
   * a question, its answer (made community wiki if the step says) and its accept, but for step
   * {@code skip}'s accept, left out (its sequence and second passed all the same).
   */
  private static LedgerDriver history(List<Step> steps, int managerAt, int skip,
      Map<ContentRef, PersonId> authors) {
    LedgerDriver d = new LedgerDriver(ReputationRules.workplace());
    d.ledger.authorsFrom(authors::get);
    for (PersonId p : PEOPLE) {
      PersonProfile.Builder profile = PersonProfile.builder(p).displayName(p.value());
      d.apply(new PersonRegistered(p.equals(PEOPLE[1]) ? profile.manager(PEOPLE[0]).build()
          : profile.build()));
    }
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (i == managerAt) {
        d.apply(new ProfileUpdated(PersonProfile.builder(PEOPLE[2]).displayName("p2")
            .manager(PEOPLE[0]).build(), MOD));
      }
      authors.put(question(i), s.askedBy());
      authors.put(answer(i), s.answeredBy());
      d.question(question(i), s.askedBy()).answer(answer(i), question(i), s.answeredBy());
      if (s.wiki()) {
        d.apply(new MadeCommunityWiki(answer(i), question(i), MOD));
      }
      if (i == skip) {
        d.sequence++;
        d.now = d.now.plusSeconds(1);
      } else {
        d.apply(new AnswerAccepted(question(i), answer(i), s.askedBy(), s.answeredBy()));
      }
    }
    return d;
  }

  @Property(tries = 400)
  void reversingAnyAcceptLeavesEveryoneAsIfItHadNeverCounted(@ForAll("steps") List<Step> steps,
      @ForAll @IntRange(min = 0, max = 1000) int which, @ForAll Reversal reversal,
      @ForAll @IntRange(min = 0, max = 40) int managerAt, @ForAll boolean readBackFirst)
      throws IOException {
    int k = which % steps.size();
    Step s = steps.get(k);
    Map<ContentRef, PersonId> authors = new HashMap<>();
    // A ledger read back tells whether an accept was damped along a reporting line by its
    // points, and by the managers now where the points would be the same either way (an accept
    // of a community-wiki answer within a pair): so its reporting lines stay as they were.
    int changeAt = readBackFirst ? 0 : managerAt;
    LedgerDriver reversed = history(steps, changeAt, -1, authors);
    LedgerDriver never = history(steps, changeAt, k, authors);
    if (readBackFirst) {
      reversed = new LedgerDriver(readBack(reversed.ledger, authors), reversed.now,
          reversed.sequence);
    }
    // The second answer a move goes to, in both histories.
    for (LedgerDriver d : List.of(reversed, never)) {
      authors.put(other(k), otherAnswerer(s));
      d.answer(other(k), question(k), otherAnswerer(s));
    }
    ThreadId q = question(k);
    switch (reversal) {
      case REVOKED -> reversed.apply(new AcceptanceRevoked(q, answer(k), s.askedBy(),
          s.answeredBy()));
      case MOVED -> {
        reversed.apply(new AcceptanceRevoked(q, answer(k), s.askedBy(), s.answeredBy()));
        reversed.apply(new AnswerAccepted(q, other(k), s.askedBy(), otherAnswerer(s)));
        never.sequence++;
        never.now = never.now.plusSeconds(1);
        never.apply(new AnswerAccepted(q, other(k), s.askedBy(), otherAnswerer(s)));
      }
      case ANSWER_DELETED -> {
        // As the engine records it: the accept revoked, then the answer deleted.
        reversed.apply(new AcceptanceRevoked(q, answer(k), MOD, s.answeredBy()));
        reversed.apply(new PostDeleted(answer(k), q, "", MOD));
      }
      case THREAD_DELETED -> reversed.apply(new ThreadDeleted(q, "", MOD));
      default -> throw new AssertionError(reversal);
    }
    for (PersonId p : PEOPLE) {
      assertThat(reversed.score(p)).as("%s's score", p).isEqualTo(never.score(p));
    }
    // The same facts, points included, and the same counts of who accepted whose answers.
    assertThat(reversed.ledger.image().facts())
        .containsExactlyInAnyOrderElementsOf(never.ledger.image().facts());
    assertThat(reversed.ledger.image().accepted()).isEqualTo(never.ledger.image().accepted());
    // And so on from a snapshot of what it went on to hold.
    ReputationLedger again = readBack(reversed.ledger, authors);
    assertThat(again.image().facts()).containsExactlyInAnyOrderElementsOf(
        reversed.ledger.image().facts());
    assertThat(again.image().accepted()).isEqualTo(reversed.ledger.image().accepted());
  }

  /** The ledger as a snapshot writes it, read back by a ledger told the posts' authors. */
  private static ReputationLedger readBack(ReputationLedger ledger,
      Map<ContentRef, PersonId> authors) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    ledger.writeTo(out, id -> {
      out.writeByte(id instanceof PersonId ? 0 : id instanceof ThreadId ? 1 : 2);
      out.writeUTF(id instanceof PersonId p ? p.value()
          : id instanceof ThreadId t ? t.value() : ((PostId) id).value());
    });
    ReputationLedger copy = new ReputationLedger(ledger.rules());
    copy.authorsFrom(authors::get);
    copy.restore(ledger.imageOfTheRest());
    ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
    copy.readFrom(in, () -> {
      int kind = in.get();
      byte[] utf = new byte[in.getShort() & 0xffff];
      in.get(utf);
      String value = new String(utf, StandardCharsets.UTF_8);
      return kind == 0 ? PersonId.of(value) : kind == 1 ? ThreadId.of(value) : PostId.of(value);
    });
    assertThat(in.hasRemaining()).isFalse();
    return copy;
  }
}
