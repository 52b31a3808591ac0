package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.RecordView;
import io.socialearn.api.command.RetractVote;
import io.socialearn.api.command.ReverseVotes;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.reputation.ReputationChange;
import io.socialearn.api.reputation.ReputationReason;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.internal.reputation.ReputationLedger;
import io.socialearn.core.log.FileEventLog;
import io.socialearn.core.reputation.ReputationRules;
import io.socialearn.core.reputation.TrustPolicy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens stored data directories whose snapshots engines of older formats wrote, each with the
 * generator that wrote it ({@code Gen.java.txt}): {@code src/test/resources/snapshot/v17/}
 * (commit f7d80e6), whose form still holds the reputation ledger's askers and answers, which the
 * state's rows hold since format 18; and {@code v18/} (commit 46adfc9), whose form holds every up
 * vote's target and time, the reputation facts as columns with times in nanoseconds and the
 * answers across departments as facts of their own, which format 19 holds as up-vote pairs,
 * streams of facts to the second and flags; {@code v19/} (commit 8ee4222, the same
 * generator), whose streams write every fact's points, which format 20 leaves out when they are
 * the fact before's; and {@code v20/} (commit 29be9f7, the same generator), whose streams write
 * each fact's key's code whole, which format 21 writes less the fact before's. The engine must
 * start from each, not replay the log, and end as a replay would, then go on as if it had never
 * restarted.
 */
class SnapshotFormatFixtureTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-03T09:00:00Z"),
      ZoneOffset.UTC);
  private static final ThreadId Q2 = ThreadId.of("thread-5");
  private static final ThreadId Q3 = ThreadId.of("thread-7");
  private static final PostId A3 = PostId.of("post-6");
  private static final Viewer ADMIN = Viewer.administrator(PersonId.of("dee"));

  @TempDir Path temp;

  private Path copyOfFixture(String name, boolean withSnapshot) throws IOException {
    return copyOfFixture("v17", name, withSnapshot);
  }

  private Path copyOfFixture(String version, String name, boolean withSnapshot)
      throws IOException {
    Path from;
    try {
      from = Path.of(getClass().getResource("/snapshot/" + version + "/log").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Path dir = temp.resolve(name);
    for (String part : withSnapshot ? List.of("log", "snapshots") : List.of("log")) {
      Files.createDirectories(dir.resolve(part));
      try (Stream<Path> files = Files.list(from.resolve(part))) {
        for (Path file : files.toList()) {
          Files.copy(file, dir.resolve(part).resolve(file.getFileName()));
        }
      }
    }
    return dir;
  }

  private static SocialLearningEngine open(Path dir) {
    return SocialLearningEngine.builder().dataDirectory(dir).snapshotEvery(Long.MAX_VALUE)
        .reputationRules(ReputationRules.stackExchange()).trustPolicy(TrustPolicy.rolesOnly())
        .writeRateLimit(WriteRateLimit.unlimited()).clock(CLOCK).build();
  }

  /** The ledger a bare replay of the log folds, keeping its own askers and answers. */
  private static ReputationLedger.Image alone(Path dir) {
    ReputationLedger alone = new ReputationLedger(ReputationRules.stackExchange());
    try (FileEventLog log = FileEventLog.open(dir.resolve("log"));
        var events = log.readFrom(1)) {
      events.forEach(alone::apply);
    }
    return alone.image();
  }

  @Test
  void aFormat17SnapshotIsReadAndTheEngineGoesOnAsAReplayWould() throws IOException {
    Path fromSnapshot = copyOfFixture("snapshot", true);
    Path replayed = copyOfFixture("replay", false);
    try (SocialLearningEngine restarted = open(fromSnapshot);
        SocialLearningEngine replay = open(replayed)) {
      assertThat(restarted.lastSequence()).isEqualTo(20);
      assertThat(restarted.startedFromSnapshot()).isEqualTo(20);
      assertThat(replay.startedFromSnapshot()).isEqualTo(-1);
      assertThat(restarted.stateContents()).isEqualTo(replay.stateContents());
      assertThat(restarted.reputationImage()).isEqualTo(replay.reputationImage());
      assertThat(restarted.reputationImage().askers()).containsEntry(Q2, PersonId.of("bo"))
          .hasSize(3);
      for (SocialLearningEngine engine : List.of(restarted, replay)) {
        // The accept needs the thread's asker, the deletion the thread's answers.
        engine.execute(Viewer.of("bo"), new AcceptAnswer(A3));
        engine.execute(ADMIN, new DeleteThread(Q3, "off topic"));
      }
      assertThat(restarted.stateContents()).isEqualTo(replay.stateContents());
      assertThat(restarted.reputationImage()).isEqualTo(replay.reputationImage());
      List<ReputationChange> bo = restarted.reputation(Viewer.of("cy"), PersonId.of("bo"))
          .changes();
      assertThat(bo).anySatisfy(c -> {
        assertThat(c.reason()).isEqualTo(ReputationReason.ACCEPTED_ANSWER);
        assertThat(c.source()).isEqualTo(A3);
      });
      // The votes on the deleted thread's answers count no more.
      for (String person : List.of("ana", "bo", "cy")) {
        assertThat(restarted.reputation(Viewer.of("cy"), PersonId.of(person)).changes())
            .noneMatch(c -> c.source() != null && List.of(Q3, PostId.of("post-8"),
                PostId.of("post-9")).contains(c.source()));
      }
    }
    ReputationLedger.Image alone = alone(fromSnapshot);
    assertThat(alone).isEqualTo(alone(replayed));
    // Reopened from the format 18 snapshot its close wrote.
    try (SocialLearningEngine engine = open(fromSnapshot)) {
      assertThat(engine.startedFromSnapshot()).isEqualTo(engine.lastSequence());
      assertThat(engine.reputationImage()).isEqualTo(alone);
    }
  }

  @Test
  void aFormat18SnapshotIsReadAndTheEngineGoesOnAsAReplayWould() throws IOException {
    goesOnAsAReplayWould("v18");
  }

  /** Format 19 held each person's facts in a stream of another form, which a read re-encodes. */
  @Test
  void aFormat19SnapshotIsReadAndTheEngineGoesOnAsAReplayWould() throws IOException {
    goesOnAsAReplayWould("v19");
  }

  /** Format 20 wrote each fact's key's code whole, which a read encodes afresh as a difference. */
  @Test
  void aFormat20SnapshotIsReadAndTheEngineGoesOnAsAReplayWould() throws IOException {
    goesOnAsAReplayWould("v20");
  }

  /**
   * Format 21 wrote who read each thread as JSON rows of ids, which format 22 writes as a binary
   * section of dense indices: {@code v21/} (commit 2a68dbc, the generator of {@code v20/} with
   * views after it, one by eve, who never posts or votes, and a second view of a thread already
   * read) opens as a replay of its log would, and goes on so.
   */
  @Test
  void aFormat21SnapshotsViewsAreReadAndTheEngineGoesOnAsAReplayWould() throws IOException {
    Path fromSnapshot = copyOfFixture("v21", "snapshot-v21", true);
    Path replayed = copyOfFixture("v21", "replay-v21", false);
    ThreadId q1 = ThreadId.of("thread-2");
    ThreadId q2 = ThreadId.of("thread-5");
    ThreadId q3 = ThreadId.of("thread-7");
    try (SocialLearningEngine restarted = open(fromSnapshot);
        SocialLearningEngine replay = open(replayed)) {
      assertThat(restarted.startedFromSnapshot()).isEqualTo(29);
      assertThat(replay.startedFromSnapshot()).isEqualTo(-1);
      assertSame(restarted, replay);
      for (SocialLearningEngine engine : List.of(restarted, replay)) {
        assertThat(engine.trust(ADMIN, PersonId.of("eve")).threadsRead()).isEqualTo(2);
        assertThat(engine.trust(ADMIN, PersonId.of("ana")).threadsRead()).isEqualTo(1);
        assertThat(engine.trust(ADMIN, PersonId.of("dee")).threadsRead()).isEqualTo(1);
        // A thread read before is not counted again; a new one is.
        engine.execute(Viewer.of("eve"), new RecordView(q1));
        engine.execute(Viewer.of("eve"), new RecordView(q3));
        engine.execute(Viewer.of("cy"), new RecordView(q2));
        assertThat(engine.trust(ADMIN, PersonId.of("eve")).threadsRead()).isEqualTo(3);
      }
      assertSame(restarted, replay);
    }
    // Reopened from the snapshot of the present format its close wrote.
    try (SocialLearningEngine engine = open(fromSnapshot);
        SocialLearningEngine replay = open(copyOfFixture("v21", "replay-v21-again", false))) {
      assertThat(engine.startedFromSnapshot()).isEqualTo(engine.lastSequence()).isEqualTo(31);
      replay.execute(Viewer.of("eve"), new RecordView(q3));
      replay.execute(Viewer.of("cy"), new RecordView(q2));
      assertSame(engine, replay);
      assertThat(engine.trust(ADMIN, PersonId.of("cy")).threadsRead()).isEqualTo(1);
    }
  }

  /**
   * The fixture {@code name}, written by the generator of {@code v18/}: read from its snapshot,
   * then fed more votes, an accept, a deletion and a reversal, it holds what a replay of its log
   * holds.
   */
  private void goesOnAsAReplayWould(String name) throws IOException {
    Path fromSnapshot = copyOfFixture(name, "snapshot-" + name, true);
    Path replayed = copyOfFixture(name, "replay-" + name, false);
    ThreadId q2 = ThreadId.of("thread-5");
    ThreadId q3 = ThreadId.of("thread-7");
    PostId a1 = PostId.of("post-3");
    PostId a3 = PostId.of("post-6");
    try (SocialLearningEngine restarted = open(fromSnapshot);
        SocialLearningEngine replay = open(replayed)) {
      assertThat(restarted.startedFromSnapshot()).isEqualTo(24);
      assertThat(replay.startedFromSnapshot()).isEqualTo(-1);
      assertSame(restarted, replay);
      // The times were kept to the nanosecond then; to the second now, either way.
      assertThat(restarted.reputation(Viewer.of("cy"), PersonId.of("bo")).changes())
          .allSatisfy(c -> assertThat(c.at().getNano()).isZero());
      for (SocialLearningEngine engine : List.of(restarted, replay)) {
        engine.execute(Viewer.of("ana"), new CastVote(a3, VoteDirection.UP));
        engine.execute(Viewer.of("dee"), new RetractVote(a1));
        engine.execute(Viewer.of("bo"), new AcceptAnswer(a3));
        engine.execute(ADMIN, new DeleteThread(q3, "off topic"));
        engine.execute(ADMIN, new ReverseVotes(PersonId.of("bo"), PersonId.of("dee"), "ring"));
      }
      assertSame(restarted, replay);
      assertThat(restarted.thread(Viewer.of("cy"), q2).answers()).singleElement()
          .satisfies(a -> assertThat(a.score()).isEqualTo(1));
    }
  }

  /** The two engines hold the same state, reputation and expertise model. */
  private static void assertSame(SocialLearningEngine restarted, SocialLearningEngine replay) {
    assertThat(restarted.stateContents()).isEqualTo(replay.stateContents());
    assertThat(restarted.reputationImage()).isEqualTo(replay.reputationImage());
    assertThat(restarted.expertiseContents()).isEqualTo(replay.expertiseContents());
  }
}
