package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ConflictException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.RecordedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the {@link EventLogContract} against {@link InMemoryEventLog}, plus its specifics. */
class InMemoryEventLogTest extends EventLogContract {

  @Override
  protected EventLog newLog() {
    return InMemoryEventLog.create();
  }

  @Test
  void pointReadsReturnTheRecordedEventAndRefuseOtherSequences() {
    List<RecordedEvent> recorded = log.append(0, events("a", "b", "c"), T1);
    InMemoryEventLog memory = (InMemoryEventLog) log;
    for (RecordedEvent e : recorded) {
      assertThat(memory.read(e.sequence())).isEqualTo(e);
    }
    assertThatThrownBy(() -> memory.read(0)).isInstanceOf(EventLogException.class)
        .hasMessageContaining("1 to 3");
    assertThatThrownBy(() -> memory.read(4)).isInstanceOf(EventLogException.class)
        .hasMessageContaining("not 4");
    log.close();
    assertThatThrownBy(() -> memory.read(1)).isInstanceOf(EventLogException.class);
  }

  @Test
  void conflictMessageNamesBothSequences() {
    log.append(0, events("a", "b", "c", "d", "e"), T1);

    assertThatThrownBy(() -> log.append(3, events("f"), T1))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("5")
        .hasMessageContaining("3");
  }

  @Test
  void negativeExpectedSequenceIsInvalidInput() {
    assertThatThrownBy(() -> log.append(-1, events("a"), T1))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field())
            .isEqualTo("expectedLastSequence"));
    assertThat(log.lastSequence()).isZero();
  }

  @Test
  void nullArgumentsAreInvalidInputNamingTheField() {
    assertThatThrownBy(() -> log.append(0, null, T1))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("events"));
    assertThatThrownBy(() -> log.append(0, events("a"), null))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("timestamp"));
    assertThatThrownBy(() -> log.append(0, List.of(), T1))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.rule()).isEqualTo("notEmpty"));
    assertThat(log.lastSequence()).isZero();
  }

  @Test
  void returnedBatchAndReadListsAreUnmodifiable() {
    List<RecordedEvent> recorded = log.append(0, events("a"), T1);

    assertThatThrownBy(() -> recorded.add(recorded.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(read(log, 1)).hasSize(1);
  }

  @Test
  void closedLogRefusesReadsButStillReportsItsLastSequence() {
    log.append(0, events("a", "b"), T1);

    log.close();

    assertThatThrownBy(() -> log.readFrom(1)).isInstanceOf(EventLogException.class)
        .hasMessageContaining("closed");
    assertThat(log.lastSequence()).isEqualTo(2);
    assertThat(log).hasToString("InMemoryEventLog[lastSequence=2, closed]");
  }
}
