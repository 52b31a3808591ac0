package io.socialearn.core;

import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.Done;
import io.socialearn.api.RateLimitedException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RecordView;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.log.InMemoryEventLog;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineLifecycleTest {
  @Test
  void aClockOutsideWhatTheReadModelsHoldIsRefusedBeforeAnythingIsRecorded() {
    try (Fixture f = new Fixture()) {
      long before = f.engine.lastSequence();
      f.clock.set(Instant.parse("2300-01-01T00:00:00Z"));
      assertThatThrownBy(() -> f.engine.execute(ANA, StartThread.question(f.open,
          "A question from the future", "body")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("2300-01-01T00:00:00Z")
          .hasMessageContaining("check the clock");
      assertThat(f.engine.lastSequence()).isEqualTo(before);
      f.clock.set(Instant.parse("2026-01-06T09:00:00Z"));
      f.engine.execute(ANA, StartThread.question(f.open, "A question from today", "body"));
      assertThat(f.engine.lastSequence()).isGreaterThan(before);
    }
  }


  @Test
  void aSecondEngineOverTheSameLogRebuildsExactlyTheSameState() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Replay me please",
          "body", "replay"));
      f.engine.execute(BO, new PostAnswer(q, "answer"));
      f.engine.execute(BO, new CastVote(q, VoteDirection.UP));
      try (SocialLearningEngine replayed = f.replay()) {
        assertThat(replayed.stateContents()).isEqualTo(f.engine.stateContents());
        assertThat(replayed.thread(ANA, q)).isEqualTo(f.engine.thread(ANA, q));
        assertThat(replayed.search(ANA, "replay", 5)).isEqualTo(f.engine.search(ANA, "replay", 5));
      }
    }
  }

  @Test
  void doneCarriesTheSequenceOfTheLastEvent() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "A sequence question",
          "body"));
      Done done = f.engine.execute(BO, new CastVote(q, VoteDirection.UP));
      assertThat(done.sequence()).isEqualTo(f.log.lastSequence());
    }
  }

  @Test
  void listenersHearEveryBatchAndAFailingListenerCannotFailACommand() {
    List<RecordedEvent> heard = new ArrayList<>();
    try (SocialLearningEngine engine = SocialLearningEngine.builder()
        .listener(events -> {
          throw new IllegalStateException("broken listener");
        })
        .listener(heard::addAll).build()) {
      engine.execute(Viewer.system(),
          io.socialearn.api.command.CreateSpace.community("Listeners welcome"));
      assertThat(heard).hasSize(1);
      assertThat(heard.get(0).sequence()).isEqualTo(1);
    }
  }

  @Test
  void theRateLimitCountsPerPersonInASlidingWindow() {
    try (Fixture f = new Fixture(InMemoryEventLog.create(),
        new WriteRateLimit(3, Duration.ofMinutes(1)))) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Rate limited?", "body"));
      f.engine.execute(ANA, new PostAnswer(q, "one"));
      f.engine.execute(ANA, new PostAnswer(q, "two"));
      long before = f.log.lastSequence();
      assertThatThrownBy(() -> f.engine.execute(ANA, new PostAnswer(q, "three")))
          .isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(1)));
      assertThat(f.log.lastSequence()).isEqualTo(before);
      f.engine.execute(BO, new PostAnswer(q, "Bo is not limited by Ana"));
      f.clock.advance(Duration.ofSeconds(61));
      f.engine.execute(ANA, new PostAnswer(q, "three, later"));
    }
  }

  @Test
  void theBuilderRefusesASecondLogAndAClosedEngineRefusesWork() {
    var builder = SocialLearningEngine.builder().eventLog(InMemoryEventLog.create());
    assertThatThrownBy(() -> builder.eventLog(InMemoryEventLog.create()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("event log was set already");
    SocialLearningEngine engine = builder.build();
    engine.close();
    engine.close();
    assertThatThrownBy(() -> engine.spaces(ANA)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void voteEventsNameVoterAndAuthor() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Who voted here?", "body"));
      f.engine.execute(BO, new CastVote(q, VoteDirection.UP));
      try (var events = f.log.readFrom(f.log.lastSequence())) {
        assertThat(events.toList()).singleElement().extracting(RecordedEvent::event)
            .isEqualTo(new VoteCast(q, q, BO.person(), VoteDirection.UP, ANA.person()));
      }
    }
  }

  @Test
  void aDamagedSnapshotIsAnIoErrorNotAHalfLoadedState() {
    try (Fixture f = new Fixture()) {
      byte[] good = f.engine.snapshotBytes();
      byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
      assertThatThrownBy(() -> StateCodec.decode(cut)).isInstanceOf(java.io.IOException.class);
      assertThatThrownBy(() -> StateCodec.decode(new byte[] {1, 2, 3}))
          .isInstanceOf(java.io.IOException.class);
    }
  }
  @Test
  void aSnapshotWhoseViewsAreOutOfOrderOrNameNoOneIsAnIoError() throws Exception {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Who read this one?",
          "body"));
      f.engine.execute(BO, new RecordView(q));
      f.engine.execute(CY, new RecordView(q));
      byte[] good = f.engine.snapshotBytes();
      assertThat(StateCodec.decode(good).state().contents()).isEqualTo(f.engine.stateContents());
      // The views section: one thread read, its code, two readers in ascending order.
      java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(good);
      List<Integer> found = new ArrayList<>();
      for (int at = 0; at + 20 <= good.length; at++) {
        int first = bytes.getInt(at + 12);
        int second = bytes.getInt(at + 16);
        if (bytes.getInt(at) == 1 && bytes.getInt(at + 4) == 0 && bytes.getInt(at + 8) == 2
            && first >= 0 && first < second && second < 8) {
          found.add(at);
        }
      }
      assertThat(found).hasSize(1);
      int at = found.get(0);
      byte[] swapped = good.clone();
      java.nio.ByteBuffer.wrap(swapped).putInt(at + 12, bytes.getInt(at + 16))
          .putInt(at + 16, bytes.getInt(at + 12));
      assertThatThrownBy(() -> StateCodec.decode(swapped)).isInstanceOf(IOException.class)
          .hasMessageContaining("readers of thread code 0 not in ascending order");
      byte[] nobody = good.clone();
      java.nio.ByteBuffer.wrap(nobody).putInt(at + 16, 1000);
      assertThatThrownBy(() -> StateCodec.decode(nobody)).isInstanceOf(IOException.class)
          .hasMessageContaining("person 1000 of");
      byte[] noThread = good.clone();
      java.nio.ByteBuffer.wrap(noThread).putInt(at + 4, 7);
      assertThatThrownBy(() -> StateCodec.decode(noThread)).isInstanceOf(IOException.class)
          .hasMessageContaining("views of thread code 7 of 1");
    }
  }

  @Test
  void aSnapshotWhoseEndOrSectionsAreDamagedIsAnIoErrorFromEitherThread() throws Exception {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Snapshot me please",
          "body", "snapshot"));
      f.engine.execute(BO, new PostAnswer(q, "answer"));
      f.engine.execute(BO, new CastVote(q, VoteDirection.UP));
      byte[] good = f.engine.snapshotBytes();
      assertThat(StateCodec.decode(good).state().contents())
          .isEqualTo(f.engine.stateContents());
      java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(good);
      long bulk = bytes.getLong(good.length - 12);
      int modelAt = (int) (20 + bytes.getInt(16) + bulk);
      // The bulk's length at the end names a point past the data.
      byte[] longBulk = good.clone();
      java.nio.ByteBuffer.wrap(longBulk).putLong(good.length - 12, good.length);
      assertThatThrownBy(() -> StateCodec.decode(longBulk)).isInstanceOf(IOException.class)
          .hasMessageContaining("does not end where its sections do");
      // The bulk's end mark, read on the caller's thread while the model is read on another.
      byte[] badBulkEnd = good.clone();
      badBulkEnd[modelAt - 1] ^= 0x01;
      assertThatThrownBy(() -> StateCodec.decode(badBulkEnd)).isInstanceOf(IOException.class)
          .hasMessageContaining("does not end where its sections do");
      // The expertise model, read on the second thread.
      byte[] badModel = good.clone();
      badModel[modelAt] ^= 0x01;
      assertThatThrownBy(() -> StateCodec.decode(badModel)).isInstanceOf(IOException.class)
          .hasMessageContaining("expertise model");
      // A snapshot of a form older than the one still read is refused, so the log is replayed
      // (SnapshotFormatFixtureTest reads the one still read).
      byte[] older = good.clone();
      java.nio.ByteBuffer.wrap(older).putInt(4, StateCodec.OLDEST_READABLE - 1);
      assertThatThrownBy(() -> StateCodec.decode(older)).isInstanceOf(IOException.class)
          .hasMessageContaining("snapshot format " + (StateCodec.OLDEST_READABLE - 1));
    }
  }
}
