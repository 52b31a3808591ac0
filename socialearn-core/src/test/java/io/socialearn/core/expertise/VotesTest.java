package io.socialearn.core.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.expertise.ExpertiseModel.AnswerInfo;
import io.socialearn.core.expertise.ExpertiseModel.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vote columns: chains per answer, the cut-off window, and dropping dead entries. */
class VotesTest {
  private static final long DAY = 86_400_000L;

  private final ThreadInfo thread = new ThreadInfo(ThreadId.of("t"),
      new ExpertiseModel.Place(SpaceId.of("s"), 0),
      PersonId.of("asker"), List.of(), 0);
  private final List<AnswerInfo> answers = new ArrayList<>();

  private AnswerInfo answer() {
    AnswerInfo a = new AnswerInfo(PostId.of("p" + answers.size()), thread,
        PersonId.of("author"), 0);
    a.index = answers.size();
    answers.add(a);
    return a;
  }

  /** The voters of an answer's chain, in order; its count of up votes is the chain's. */
  private static List<Integer> chain(Votes v, AnswerInfo a) {
    List<Integer> voters = new ArrayList<>();
    int upvotes = 0;
    for (int e = v.first(a.index); e >= 0; e = v.next[e]) {
      assertThat(v.live(e)).as("only live entries are chained").isTrue();
      assertThat(v.answers()[e]).isEqualTo(a.index);
      assertThat(v.answer(e)).isEqualTo(a.index);
      voters.add(v.voter(e));
      upvotes += v.accept(e) ? 0 : 1;
    }
    assertThat(v.upvotes(a.index)).as("up votes counted").isEqualTo(upvotes);
    return voters;
  }

  @Test
  void anAnswerCountsMoreUpVotesThanAShortHolds() {
    Votes v = new Votes();
    AnswerInfo a = answer();
    AnswerInfo b = answer();
    v.append(b.index, 0, 0, false, -1);
    int last = -1;
    for (int i = 0; i < 40_000; i++) {
      last = v.append(a.index, i, i, i % 1000 == 0, -1);
    }
    assertThat(v.upvotes(a.index)).isEqualTo(40_000 - 40);
    v.kill(a.index, last);
    assertThat(v.upvotes(a.index)).isEqualTo(40_000 - 41);
    assertThat(v.upvotes(b.index)).isEqualTo(1);
    assertThat(v.upvotes(7)).isZero();
  }

  @Test
  void eachAnswerChainsItsLiveEntriesInOrderAndLosesAnyOneTakenBack() {
    Votes v = new Votes();
    AnswerInfo a = answer();
    AnswerInfo b = answer();
    int[] entries = new int[5];
    for (int i = 0; i < 5; i++) {
      entries[i] = v.append(a.index, i, i, false, DAY);
      v.append(b.index, 10 + i, i, i == 2, DAY);
    }
    assertThat(chain(v, a)).containsExactly(0, 1, 2, 3, 4);
    v.kill(a.index, entries[0]);
    v.kill(a.index, entries[2]);
    v.kill(a.index, entries[4]);
    assertThat(chain(v, a)).containsExactly(1, 3);
    assertThat(v.live(entries[2])).isFalse();
    // the last one gone, the next appended follows the new last
    v.append(a.index, 5, 6, false, DAY);
    assertThat(chain(v, a)).containsExactly(1, 3, 5);
    assertThat(chain(v, b)).containsExactly(10, 11, 12, 13, 14);
    assertThat(v.accept(v.first(b.index))).isFalse();
    v.killAll(b.index);
    assertThat(chain(v, b)).isEmpty();
    assertThat(v.first(b.index)).isEqualTo(-1);
    v.append(b.index, 20, 7, false, DAY);
    assertThat(chain(v, b)).containsExactly(20);
  }

  @Test
  void trimmedColumnsHoldTheirEntriesAndGrowAgainForTheNext() {
    Votes v = new Votes();
    AnswerInfo a = answer();
    AnswerInfo b = answer();
    for (int i = 0; i < 40; i++) {
      v.append(i % 3 == 0 ? b.index : a.index, i, i * 1000L, i == 7, DAY);
    }
    assertThat(v.next.length).isGreaterThan(v.size);
    v.trimToSize();
    assertThat(v.next.length).isEqualTo(v.size).isEqualTo(40);
    int[] trimmed = v.next;
    v.trimToSize();
    assertThat(v.next).as("columns without room are not copied").isSameAs(trimmed);
    assertThat(chain(v, b)).containsExactly(0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39);
    assertThat(chain(v, a)).hasSize(26).startsWith(1, 2, 4, 5, 7).endsWith(37, 38);
    assertThat(v.accept(7)).isTrue();
    assertThat(v.at(39)).isEqualTo(39_000L);
    v.append(b.index, 40, 40_000L, false, DAY);
    assertThat(chain(v, b)).endsWith(39, 40);
    assertThat(v.at(40)).isEqualTo(40_000L);
    assertThat(v.voter(40)).isEqualTo(40);
  }

  @Test
  void theWindowStartsAtTheFirstEntryNotOlderThanTheNewestLessTheWindow() {
    Votes v = new Votes();
    AnswerInfo a = answer();
    v.append(a.index, -1, 0, true, 3 * DAY);
    v.append(a.index, 1, DAY, false, 3 * DAY);
    assertThat(v.recentStart).isZero();
    assertThat(v.voter(0)).isEqualTo(-1);
    v.append(a.index, 2, 4 * DAY, false, 3 * DAY);
    assertThat(v.recentStart).isEqualTo(1);
    // as a queue drops from its head only: an older entry behind a newer one stays
    v.append(a.index, 3, 5 * DAY, false, 3 * DAY);
    v.append(a.index, 4, 2 * DAY, false, 3 * DAY);
    assertThat(v.recentStart).isEqualTo(2);
    v.append(a.index, 5, 8 * DAY, false, 3 * DAY);
    assertThat(v.recentStart).isEqualTo(3);
    assertThat(v.at(v.recentStart)).isEqualTo(5 * DAY);
  }

  @Test
  void deadEntriesBeforeTheWindowAreDroppedRatherThanGrownOver() {
    Random random = new Random(7);
    Votes v = new Votes();
    List<AnswerInfo> some = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      some.add(answer());
    }
    // what each chain must hold, and every entry of the window, live or not
    List<List<Integer>> expected = new ArrayList<>();
    some.forEach(a -> expected.add(new ArrayList<>()));
    int appended = 0;
    int[] answerOfVoter = new int[400];
    for (long t = 0; t < 400; t++) {
      int k = random.nextInt(some.size());
      AnswerInfo a = some.get(k);
      answerOfVoter[(int) t] = a.index;
      v.append(a.index, (int) t, t * DAY / 4, t % 7 == 0, 3 * DAY);
      expected.get(k).add((int) t);
      appended++;
      // after every append (and the drops and moves it may make), the window's live entries
      // know their answers, from their chains' ends
      for (int e = v.recentStart; e < v.size; e++) {
        if (v.live(e)) {
          assertThat(v.answer(e)).isEqualTo(answerOfVoter[v.voter(e)]);
        }
      }
      if (random.nextInt(3) > 0 && !expected.get(k).isEmpty()) {
        // take back a random live entry of this answer
        int nth = random.nextInt(expected.get(k).size());
        int e = v.first(a.index);
        for (int i = 0; i < nth; i++) {
          e = v.next[e];
        }
        v.kill(a.index, e);
        expected.get(k).remove(nth);
      }
    }
    assertThat(v.size).as("dead entries were dropped").isLessThan(appended);
    for (int k = 0; k < some.size(); k++) {
      assertThat(chain(v, some.get(k))).isEqualTo(expected.get(k));
    }
    // the window is whole: the last 13 entries (three days of one every six hours), in order
    assertThat(v.size - v.recentStart).isEqualTo(13);
    for (int e = v.recentStart; e < v.size; e++) {
      assertThat(v.voter(e)).isEqualTo(appended - (v.size - e));
      assertThat(v.at(e)).isEqualTo(v.voter(e) * DAY / 4);
      // each live entry's answer is kept through the drops and moves; a dead one's is not
      if (v.live(e)) {
        assertThat(v.answer(e)).isEqualTo(answerOfVoter[v.voter(e)]);
        assertThat(v.answers()[e]).isEqualTo(answerOfVoter[v.voter(e)]);
      } else {
        int dead = e;
        assertThatThrownBy(() -> v.answer(dead)).isInstanceOf(IllegalArgumentException.class);
        assertThat(v.answers()[e]).isEqualTo(-1);
      }
    }
    assertThatThrownBy(() -> v.answer(v.size))
        .isInstanceOf(IndexOutOfBoundsException.class);

    // Read back as a snapshot holds them (the live entries): the same chains and answers.
    List<Integer> kept = new ArrayList<>();
    for (int e = 0; e < v.size; e++) {
      if (v.live(e)) {
        kept.add(e);
      }
    }
    int[] answers = v.answers();
    Votes read = new Votes();
    read.restore(kept.stream().mapToLong(v::at).toArray(),
        kept.stream().mapToInt(e -> Votes.who(v.voter(e), true, v.accept(e))).toArray(),
        kept.stream().mapToInt(e -> answers[e]).toArray(), 0, some.size());
    for (int k = 0; k < some.size(); k++) {
      assertThat(chain(read, some.get(k))).isEqualTo(expected.get(k));
    }
    for (int e = 0; e < read.size; e++) {
      assertThat(read.answer(e)).isEqualTo(answers[kept.get(e)]);
    }
  }

  @Test
  void entriesKeepTheirTimeToTheSecondAndTimesFarFrom2020Too() {
    Votes v = new Votes();
    AnswerInfo a = answer();
    long now = java.time.Instant.parse("2026-03-04T09:00:00.750Z").toEpochMilli();
    long far = java.time.Instant.parse("2200-01-01T00:00:00.999Z").toEpochMilli();
    long before = java.time.Instant.parse("1900-01-01T00:00:00.001Z").toEpochMilli();
    v.append(a.index, 0, now, false, -1);
    v.append(a.index, 1, far, false, -1);
    v.append(a.index, 2, before, true, -1);
    assertThat(v.at(0)).isEqualTo(now - 750).isEqualTo(Votes.toSecond(now));
    assertThat(v.at(1)).isEqualTo(far - 999);
    assertThat(v.at(2)).isEqualTo(before - 1).isEqualTo(Votes.toSecond(before));
    Votes read = new Votes();
    read.restore(new long[] {now, far, before}, new int[] {Votes.who(0, true, false),
        Votes.who(1, true, false), Votes.who(2, true, true)}, new int[] {0, 0, 0}, 0, 1);
    for (int e = 0; e < 3; e++) {
      assertThat(read.at(e)).isEqualTo(v.at(e));
    }
  }

  @Test
  void votersBeyondWhatTwoBytesHoldWidenTheColumnAndKeepEveryEntry() {
    Votes v = new Votes();
    AnswerInfo a = answer();
    AnswerInfo b = answer();
    long t0 = java.time.Instant.parse("2026-03-04T09:00:00Z").toEpochMilli();
    List<Integer> expected = new ArrayList<>();
    for (int voter = 8_180; voter < 8_200; voter++) {
      AnswerInfo on = voter % 2 == 0 ? a : b;
      v.append(on.index, voter, t0 + voter * 1000L, voter % 5 == 0, 3 * DAY);
      if (on == a) {
        expected.add(voter);
      }
    }
    v.kill(a.index, v.first(a.index));
    expected.remove(0);
    assertThat(chain(v, a)).isEqualTo(expected);
    for (int e = 0; e < v.size; e++) {
      assertThat(v.voter(e)).isEqualTo(8_180 + e);
      assertThat(v.accept(e)).isEqualTo((8_180 + e) % 5 == 0);
      assertThat(v.at(e)).isEqualTo(t0 + (8_180 + e) * 1000L);
      assertThat(v.live(e)).isEqualTo(e != 0);
    }
  }
}
