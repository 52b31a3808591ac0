package io.socialearn.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the ledger takes from the caller's rows: a question's title, held once, by its row; and
 * each question and answer found by its row's code.
 */
class PulseRowsTest {
  private static final ThreadId Q = ThreadId.of("q1");
  private static final PersonId ANA = PersonId.of("ana");

  private final Map<ThreadId, String> rows = new HashMap<>();
  private long sequence;

  private void apply(PulseLedger ledger, DomainEvent event) {
    ledger.apply(new RecordedEvent(++sequence, Instant.parse("2026-01-05T10:00:00Z"), event));
  }

  private static ThreadStarted started(String title) {
    return new ThreadStarted(Q, SpaceId.of("s"), ThreadKind.QUESTION, title, "body", List.of(),
        ANA);
  }

  private static ThreadEdited edited(String title) {
    return new ThreadEdited(Q, title, "body", List.of(), ANA, "clearer");
  }

  @Test
  void aTitleItsRowHoldsIsReadFromTheRow() {
    PulseLedger ledger = new PulseLedger();
    ledger.titlesFrom(rows::get);
    rows.put(Q, "How do I rotate keys?");
    apply(ledger, started("How do I rotate keys?"));
    assertThat(ledger.title(0)).isEqualTo("How do I rotate keys?");
    // The ledger holds no copy: what the row says is what it says.
    rows.put(Q, "How do I rotate the signing keys?");
    assertThat(ledger.title(0)).isEqualTo("How do I rotate the signing keys?");
  }

  @Test
  void aTitleTheRowNoLongerHoldsIsKeptUntilAnEditCatchesUp() {
    PulseLedger ledger = new PulseLedger();
    ledger.titlesFrom(rows::get);
    // The rows are ahead, as after a snapshot start while the ledger replays from the start.
    rows.put(Q, "Newer title");
    apply(ledger, started("Older title"));
    assertThat(ledger.title(0)).isEqualTo("Older title");
    rows.put(Q, "Newest title");
    assertThat(ledger.title(0)).as("held, not the row's").isEqualTo("Older title");
    apply(ledger, edited("Newest title"));
    assertThat(ledger.title(0)).isEqualTo("Newest title");
    rows.put(Q, "Changed by the row alone");
    assertThat(ledger.title(0)).isEqualTo("Changed by the row alone");
  }

  @Test
  void titlesHeldBeforeTheRowsWereGivenAreDroppedWhenTheRowsAgree() {
    PulseLedger ledger = new PulseLedger();
    apply(ledger, started("Same title"));
    assertThat(ledger.title(0)).isEqualTo("Same title");
    rows.put(Q, "Same title");
    ledger.titlesFrom(rows::get);
    rows.put(Q, "Row's title now");
    assertThat(ledger.title(0)).isEqualTo("Row's title now");
  }

  @Test
  void questionsAndAnswersAreFoundByTheirOwnHalfOfTheContentCodes() {
    PulseLedger ledger = new PulseLedger();
    PostId answer = PostId.of("a1");
    // A thread's content code is twice its row's code, an answer's twice and one more: both
    // rows here have code 5.
    Map<Object, Integer> codes = Map.of(Q, 10, answer, 11);
    ledger.rowsFrom(key -> codes.getOrDefault(key, -1));
    apply(ledger, started("A question"));
    apply(ledger, new AnswerPosted(answer, Q, "An answer", ANA));
    assertThat(ledger.questionIndex.get(Q)).isZero();
    assertThat(ledger.answerIndex.get(answer)).isZero();
    assertThat(ledger.questionIndex.get(answer)).as("an answer is no question").isEqualTo(-1);
    assertThat(ledger.answerIndex.get(Q)).as("a thread is no answer").isEqualTo(-1);
    assertThat(ledger.questionIndex.get(PostId.of("unknown"))).isEqualTo(-1);
  }

  @Test
  void withoutRowsEveryTitleIsTheLedgersOwn() {
    PulseLedger ledger = new PulseLedger();
    apply(ledger, started("First"));
    apply(ledger, edited("Second"));
    assertThat(ledger.title(0)).isEqualTo("Second");
    assertThat(ledger.contents()).contains(List.of("Second"));
  }
}
