package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.EditPost;
import io.socialearn.api.command.EditThread;
import io.socialearn.api.command.FlagPost;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RecordView;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.RetractVote;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.reputation.ReputationChange;
import io.socialearn.api.reputation.ReputationHistory;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.FlagReason;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Revision;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.core.expertise.ExpertiseSettings;
import io.socialearn.core.internal.reputation.ReputationLedger;
import io.socialearn.core.log.FileEventLog;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.reputation.ReputationRules;
import io.socialearn.core.reputation.TrustPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: a data directory holding the file log and snapshots. */
class DataDirectoryIT {
  @TempDir
  Path dir;

  private SocialLearningEngine open(ReputationRules rules) {
    return SocialLearningEngine.builder().dataDirectory(dir).snapshotEvery(5)
        .reputationRules(rules).trustPolicy(TrustPolicy.rolesOnly())
        .writeRateLimit(WriteRateLimit.unlimited()).build();
  }

  private ThreadId fill(SocialLearningEngine engine) {
    for (String id : List.of("ana", "bo", "cy")) {
      engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of(id))
          .displayName(id).build()));
    }
    SpaceId space = engine.execute(Viewer.system(), CreateSpace.community("Durable space"));
    ThreadId q = engine.execute(Viewer.of("ana"), StartThread.question(space,
        "Does this survive a restart?", "body", "durability"));
    PostId a = engine.execute(Viewer.of("bo"), new PostAnswer(q, "Yes, it is on disk."));
    engine.execute(Viewer.of("cy"), new CastVote(a, VoteDirection.UP));
    engine.execute(Viewer.of("ana"), new AcceptAnswer(a));
    return q;
  }

  private List<Path> snapshotFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("snapshots"))) {
      return files.filter(p -> p.toString().endsWith(".snap")).sorted().toList();
    }
  }

  /** The read models an engine gets by replaying the whole log, for comparison. */
  private List<Object> fullReplay(ReputationRules rules) {
    return replayed(rules, SocialLearningEngine::stateContents);
  }

  /** What {@code read} reads from an engine that replayed the whole log (copied to memory). */
  private <T> T replayed(ReputationRules rules, Function<SocialLearningEngine, T> read) {
    InMemoryEventLog copy = InMemoryEventLog.create();
    try (FileEventLog log = FileEventLog.open(dir.resolve("log"))) {
      try (var events = log.readFrom(1)) {
        events.forEach(e -> copy.append(copy.lastSequence(), List.of(e.event()), e.timestamp()));
      }
    }
    try (SocialLearningEngine replayed = SocialLearningEngine.builder().eventLog(copy)
        .reputationRules(rules).build()) {
      return read.apply(replayed);
    }
  }

  @Test
  void aRestartStartsFromTheSnapshotAndEndsInTheSameState() throws IOException {
    ThreadId q;
    List<Object> before;
    try (SocialLearningEngine engine = open(ReputationRules.stackExchange())) {
      q = fill(engine);
      before = engine.stateContents();
    }
    assertThat(snapshotFiles()).isNotEmpty();
    try (SocialLearningEngine engine = open(ReputationRules.stackExchange())) {
      assertThat(engine.startedFromSnapshot()).isEqualTo(engine.lastSequence());
      assertThat(engine.stateContents()).isEqualTo(before);
      assertThat(engine.thread(Viewer.of("cy"), q).acceptedAnswer()).isPresent();
      assertThat(engine.reputation(Viewer.of("cy"), PersonId.of("bo")).score().points())
          .isEqualTo(1 + 10 + 15);
      assertThat(engine.search(Viewer.of("cy"), "restart", 5).hits()).hasSize(1);
    }
    assertThat(before).isEqualTo(fullReplay(ReputationRules.stackExchange()));
  }

  @Test
  void reputationHistoriesAndReversalsAfterARestartFromTheSnapshotAreAsWithout() {
    ReputationRules rules = ReputationRules.stackExchange();
    Map<String, ReputationHistory> before = new HashMap<>();
    ThreadId q;
    PostId a;
    ReputationLedger.Image reopened;
    try (SocialLearningEngine engine = open(rules)) {
      q = fill(engine);
      a = engine.thread(Viewer.of("cy"), q).answers().get(0).id();
      engine.execute(Viewer.of("bo"), new CastVote(q, VoteDirection.DOWN));
      engine.execute(Viewer.of("cy"), new CastVote(q, VoteDirection.UP));
      for (String person : List.of("ana", "bo", "cy")) {
        before.put(person, engine.reputation(Viewer.of("cy"), PersonId.of(person)));
      }
    }
    try (SocialLearningEngine engine = open(rules)) {
      assertThat(engine.startedFromSnapshot()).isEqualTo(engine.lastSequence());
      for (String person : List.of("ana", "bo", "cy")) {
        ReputationHistory after = engine.reputation(Viewer.of("cy"), PersonId.of(person));
        assertThat(after.changes()).as(person).isEqualTo(before.get(person).changes());
        assertThat(after.score().points()).isEqualTo(before.get(person).score().points());
      }
      assertThat(before.get("bo").changes()).extracting(ReputationChange::source)
          .contains(a);
      // Reversals after the restart find the facts the snapshot brought back.
      engine.execute(Viewer.of("bo"), new DeletePost(a, "withdrawn"));
      engine.execute(Viewer.of("cy"), new RetractVote(q));
      assertThat(engine.reputation(Viewer.of("cy"), PersonId.of("bo")).changes())
          .extracting(ReputationChange::source).doesNotContain(a);
      assertThat(engine.reputation(Viewer.of("cy"), PersonId.of("ana")).score().points())
          .as("ana keeps only bo's down vote on her question: at the floor")
          .isEqualTo(1).isLessThan(before.get("ana").score().points());
      reopened = engine.reputationImage();
    }
    assertThat(reopened).isEqualTo(replayed(rules, SocialLearningEngine::reputationImage));
  }

  @Test
  void thePulseFollowsEventsAfterARestartFromTheSnapshotAsWithout() {
    ReputationRules rules = ReputationRules.stackExchange();
    ThreadId open;
    List<Object> after;
    try (SocialLearningEngine engine = open(rules)) {
      SpaceId space = engine.thread(Viewer.of("cy"), fill(engine)).summary().space();
      open = engine.execute(Viewer.of("cy"), StartThread.question(space,
          "Still open when the engine stops?", "body", "durability"));
    }
    try (SocialLearningEngine engine = open(rules)) {
      assertThat(engine.startedFromSnapshot()).isEqualTo(engine.lastSequence());
      // Each finds the question (and then the answer) the snapshot brought back.
      PostId late = engine.execute(Viewer.of("bo"), new PostAnswer(open, "Answered later."));
      engine.execute(Viewer.of("ana"), new CastVote(open, VoteDirection.UP));
      engine.execute(Viewer.of("ana"), new CastVote(late, VoteDirection.UP));
      engine.execute(Viewer.of("cy"), new AcceptAnswer(late));
      after = engine.pulseContents();
    }
    assertThat(after).isEqualTo(replayed(rules, SocialLearningEngine::pulseContents));
  }

  @Test
  void theExpertiseModelFindsTheAnswersOfTheSnapshotAfterARestartAsWithout() {
    ReputationRules rules = ReputationRules.stackExchange();
    PostId a;
    byte[] after;
    try (SocialLearningEngine engine = open(rules)) {
      a = engine.thread(Viewer.of("cy"), fill(engine)).answers().get(0).id();
    }
    try (SocialLearningEngine engine = open(rules)) {
      assertThat(engine.startedFromSnapshot()).isEqualTo(engine.lastSequence());
      byte[] reopened = engine.expertiseContents();
      // Each event names an answer the snapshot brought back: the model must find its record.
      engine.execute(Viewer.of("cy"), new RetractVote(a));
      assertThat(engine.expertiseContents()).isNotEqualTo(reopened);
      engine.execute(Viewer.of("cy"), new CastVote(a, VoteDirection.UP));
      engine.execute(Viewer.of("bo"), new DeletePost(a, "outdated"));
      after = engine.expertiseContents();
    }
    assertThat(after).isEqualTo(replayed(rules, SocialLearningEngine::expertiseContents));
  }

  @Test
  void openFlagsAndReadsSurviveARestartFromTheSnapshot() {
    List<Object> before;
    try (SocialLearningEngine engine = open(ReputationRules.stackExchange())) {
      ThreadId q = fill(engine);
      PostId a = engine.thread(Viewer.of("cy"), q).answers().get(0).id();
      engine.execute(Viewer.of("cy"), new RecordView(q));
      engine.execute(Viewer.of("cy"), new FlagPost(a, FlagReason.SPAM, null));
      before = engine.stateContents();
    }
    try (SocialLearningEngine engine = open(ReputationRules.stackExchange())) {
      assertThat(engine.startedFromSnapshot()).isEqualTo(engine.lastSequence());
      assertThat(engine.stateContents()).isEqualTo(before);
    }
    assertThat(before).isEqualTo(fullReplay(ReputationRules.stackExchange()));
  }

  @Test
  void bodiesAndRevisionsAreReadFromTheLogBeforeAndAfterARestart() {
    ThreadId q;
    PostId a;
    ThreadDetail before;
    List<Revision> threadRevisions;
    List<Revision> answerRevisions;
    try (SocialLearningEngine engine = open(ReputationRules.stackExchange())) {
      q = fill(engine);
      a = engine.thread(Viewer.of("cy"), q).answers().get(0).id();
      engine.execute(Viewer.of("ana"), new EditThread(q, "Does this survive a crash?",
          "edited body", List.of(Tag.of("durability"), Tag.of("crash")), "clearer"));
      engine.execute(Viewer.of("bo"), new EditPost(a, "Yes, it is forced to disk.", "precise"));
      engine.execute(Viewer.of("bo"), new EditPost(a, "Yes: forced to disk first.", "shorter"));
      before = engine.thread(Viewer.of("cy"), q);
      threadRevisions = engine.revisions(Viewer.of("cy"), q);
      answerRevisions = engine.revisions(Viewer.of("cy"), a);
    }
    assertThat(before.body()).isEqualTo("edited body");
    assertThat(before.answers().get(0).body()).isEqualTo("Yes: forced to disk first.");
    assertThat(threadRevisions).extracting(Revision::number, Revision::title, Revision::body,
        Revision::reason).containsExactly(
            tuple(1, "Does this survive a restart?", "body", ""),
            tuple(2, "Does this survive a crash?", "edited body", "clearer"));
    assertThat(answerRevisions).extracting(Revision::body, Revision::editor).containsExactly(
        tuple("Yes, it is on disk.", PersonId.of("bo")),
        tuple("Yes, it is forced to disk.", PersonId.of("bo")),
        tuple("Yes: forced to disk first.", PersonId.of("bo")));
    try (SocialLearningEngine engine = open(ReputationRules.stackExchange())) {
      assertThat(engine.startedFromSnapshot()).isEqualTo(engine.lastSequence());
      assertThat(engine.thread(Viewer.of("cy"), q)).isEqualTo(before);
      assertThat(engine.revisions(Viewer.of("cy"), q)).isEqualTo(threadRevisions);
      assertThat(engine.revisions(Viewer.of("cy"), a)).isEqualTo(answerRevisions);
    }
  }

  @Test
  void aDamagedSnapshotFallsBackToReplayingTheLog() throws IOException {
    List<Object> before;
    try (SocialLearningEngine engine = open(ReputationRules.stackExchange())) {
      fill(engine);
      before = engine.stateContents();
    }
    for (Path snapshot : snapshotFiles()) {
      byte[] bytes = Files.readAllBytes(snapshot);
      bytes[bytes.length / 2] ^= 0x5a;
      Files.write(snapshot, bytes);
    }
    try (SocialLearningEngine engine = open(ReputationRules.stackExchange())) {
      assertThat(engine.startedFromSnapshot()).isEqualTo(-1);
      assertThat(engine.stateContents()).isEqualTo(before);
    }
  }

  private SocialLearningEngine open(ExpertiseSettings expertise) {
    return SocialLearningEngine.builder().dataDirectory(dir).snapshotEvery(5)
        .expertise(expertise).trustPolicy(TrustPolicy.rolesOnly())
        .writeRateLimit(WriteRateLimit.unlimited()).build();
  }

  /** The expertise model an engine gets by replaying the whole log with {@code settings}. */
  private byte[] expertiseByReplay(ExpertiseSettings settings) {
    InMemoryEventLog copy = InMemoryEventLog.create();
    try (FileEventLog log = FileEventLog.open(dir.resolve("log"))) {
      try (var events = log.readFrom(1)) {
        events.forEach(e -> copy.append(copy.lastSequence(), List.of(e.event()), e.timestamp()));
      }
    }
    try (SocialLearningEngine replayed = SocialLearningEngine.builder().eventLog(copy)
        .expertise(settings).build()) {
      return replayed.expertiseContents();
    }
  }

  @Test
  void aRestartTakesTheExpertiseModelFromTheSnapshotOrRefoldsItForOtherSettings() {
    byte[] before;
    try (SocialLearningEngine engine = open(ExpertiseSettings.defaults())) {
      fill(engine);
      before = engine.expertiseContents();
    }
    assertThat(before).isEqualTo(expertiseByReplay(ExpertiseSettings.defaults()));
    try (SocialLearningEngine engine = open(ExpertiseSettings.defaults())) {
      assertThat(engine.startedFromSnapshot()).isEqualTo(engine.lastSequence());
      assertThat(engine.expertiseContents()).isEqualTo(before);
      assertThat(engine.whoKnows(Viewer.of("cy"), new WhoKnowsQuery("durability",
          List.of(Tag.of("durability")), WhoKnowsOptions.defaults())).get(0).person())
          .isEqualTo(PersonId.of("bo"));
    }
    ExpertiseSettings other = ExpertiseSettings.defaults()
        .withWeight(EvidenceKind.ANSWER_UPVOTE, 7.5);
    byte[] refolded = expertiseByReplay(other);
    try (SocialLearningEngine engine = open(other)) {
      assertThat(engine.startedFromSnapshot())
          .as("the read models still come from the snapshot").isEqualTo(engine.lastSequence());
      assertThat(engine.expertiseContents()).as("refolded with the other weights")
          .isEqualTo(refolded).isNotEqualTo(before);
    }
  }

  @Test
  void otherReputationRulesRecomputeFromTheLogRatherThanTrustTheSnapshot() {
    try (SocialLearningEngine engine = open(ReputationRules.stackExchange())) {
      fill(engine);
      engine.execute(Viewer.of("bo"), new CastVote(
          engine.threads(Viewer.of("bo"), engine.spaces(Viewer.of("bo")).get(0).id(),
              io.socialearn.api.thread.ThreadSort.NEWEST, io.socialearn.api.PageRequest.first(1))
              .items().get(0).id(), VoteDirection.DOWN));
      assertThat(engine.reputation(Viewer.of("cy"), PersonId.of("ana")).score().points())
          .isEqualTo(1);
    }
    try (SocialLearningEngine engine = open(ReputationRules.workplace())) {
      assertThat(engine.startedFromSnapshot()).isEqualTo(-1);
      assertThat(engine.reputation(Viewer.of("cy"), PersonId.of("ana")).score().points())
          .as("the workplace rules: +2 for accepting, no loss for being voted down")
          .isEqualTo(3);
    }
  }

  @Test
  void aDataDirectoryAndAnotherLogCannotBothBeSet() {
    assertThatThrownBy(() -> SocialLearningEngine.builder().dataDirectory(dir)
        .eventLog(InMemoryEventLog.create())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the data directory");
  }
}
