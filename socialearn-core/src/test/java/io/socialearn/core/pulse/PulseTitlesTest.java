package io.socialearn.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A question's title is held once, by its row, when the ledger is given the rows' titles. */
class PulseTitlesTest {
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
  void withoutRowsEveryTitleIsTheLedgersOwn() {
    PulseLedger ledger = new PulseLedger();
    apply(ledger, started("First"));
    apply(ledger, edited("Second"));
    assertThat(ledger.title(0)).isEqualTo("Second");
    assertThat(ledger.contents()).contains(List.of("Second"));
  }
}
