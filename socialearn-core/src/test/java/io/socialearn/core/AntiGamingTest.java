package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ConflictException;
import io.socialearn.api.ForbiddenException;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.LinkAccounts;
import io.socialearn.api.command.ReverseVotes;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.VotesReversed;
import io.socialearn.api.reputation.VotingRing;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.spi.IdGenerator;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.reputation.TrustPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AntiGamingTest {

  private static List<ThreadId> ask(Fixture f, int count) {
    List<ThreadId> threads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      threads.add(f.engine.execute(ANA, StartThread.question(f.open, "Question number " + i,
          "body")));
    }
    return threads;
  }

  @Test
  void linkedAccountsMayNotVoteForEachOther() {
    try (Fixture f = new Fixture()) {
      ThreadId q = ask(f, 1).get(0);
      assertThatThrownBy(() -> f.engine.execute(BO, new LinkAccounts(ANA.person(), BO.person())))
          .isInstanceOf(ForbiddenException.class);
      f.engine.execute(ADMIN, new LinkAccounts(ANA.person(), BO.person()));
      assertThatThrownBy(() -> f.engine.execute(ADMIN, new LinkAccounts(BO.person(),
          ANA.person()))).isInstanceOf(ConflictException.class);
      long before = f.log.lastSequence();
      assertThatThrownBy(() -> f.engine.execute(BO, new CastVote(q, VoteDirection.UP)))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("linked accounts");
      assertThat(f.log.lastSequence()).isEqualTo(before);
      f.engine.execute(CY, new CastVote(q, VoteDirection.UP));
    }
  }

  @Test
  void linkingTwoAccountsAChainOfLinksJoinsAlreadyIsAConflict() {
    try (Fixture f = new Fixture()) {
      f.engine.execute(ADMIN, new LinkAccounts(ANA.person(), BO.person()));
      f.engine.execute(ADMIN, new LinkAccounts(BO.person(), CY.person()));
      long before = f.log.lastSequence();
      // Ana and Cy are one person's accounts through Bo's: a third link would change nothing.
      assertThatThrownBy(() -> f.engine.execute(ADMIN, new LinkAccounts(CY.person(),
          ANA.person()))).isInstanceOf(ConflictException.class)
          .hasMessageContaining("linked already");
      assertThat(f.log.lastSequence()).isEqualTo(before);
    }
  }

  @Test
  void aRunOfUpVotesOnOnePersonIsReversedWithItsReputation() {
    try (Fixture f = new Fixture(InMemoryEventLog.create(), WriteRateLimit.unlimited())) {
      List<ThreadId> threads = ask(f, 12);
      for (int i = 0; i < 9; i++) {
        f.engine.execute(BO, new CastVote(threads.get(i), VoteDirection.UP));
        f.clock.advance(Duration.ofMinutes(5));
      }
      assertThat(f.engine.reputation(CY, ANA.person()).score().points()).isEqualTo(1 + 9 * 10);

      f.engine.execute(BO, new CastVote(threads.get(9), VoteDirection.UP));
      assertThat(f.engine.reputation(CY, ANA.person()).score().points()).isEqualTo(1);
      assertThat(f.engine.thread(CY, threads.get(0)).summary().score()).isZero();
      assertThat(f.engine.thread(BO, threads.get(9)).viewerVote()).isNull();
      try (var events = f.log.readFrom(1)) {
        assertThat(events.map(RecordedEvent::event).filter(VotesReversed.class::isInstance)
            .map(VotesReversed.class::cast).toList()).singleElement()
            .satisfies(r -> assertThat(r.count()).isEqualTo(10));
      }
    }
  }

  @Test
  void aWindowOfCenturiesCountsEveryStandingVote() {
    try (Fixture f = new Fixture(InMemoryEventLog.create(), WriteRateLimit.unlimited())) {
      SocialLearningEngine engine = SocialLearningEngine.builder().clock(f.clock)
          .eventLog(new SharedLog(f.log)).trustPolicy(TrustPolicy.rolesOnly())
          .writeRateLimit(WriteRateLimit.unlimited())
          .antiGaming(new AntiGamingPolicy(3, Duration.ofDays(365L * 1000))).build();
      try (engine) {
        List<ThreadId> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          threads.add(engine.execute(ANA, StartThread.question(f.open, "Old question " + i,
              "body")));
        }
        for (int i = 0; i < 3; i++) {
          engine.execute(BO, new CastVote(threads.get(i), VoteDirection.UP));
          f.clock.advance(Duration.ofDays(365L * 60));
        }
        assertThat(engine.thread(BO, threads.get(0)).viewerVote()).isNull();
      }
    }
  }

  @Test
  void votesSpreadBeyondTheWindowAreNotSerial() {
    try (Fixture f = new Fixture(InMemoryEventLog.create(), WriteRateLimit.unlimited())) {
      List<ThreadId> threads = ask(f, 12);
      for (int i = 0; i < 12; i++) {
        f.engine.execute(BO, new CastVote(threads.get(i), VoteDirection.UP));
        f.clock.advance(Duration.ofHours(5));
      }
      assertThat(f.engine.reputation(CY, ANA.person()).score().points()).isEqualTo(121);
    }
  }

  @Test
  void anAdministratorReversesAPersonsVotesOnAnother() {
    try (Fixture f = new Fixture()) {
      List<ThreadId> threads = ask(f, 4);
      for (ThreadId t : threads.subList(0, 3)) {
        f.engine.execute(BO, new CastVote(t, VoteDirection.UP));
      }
      f.engine.execute(CY, new CastVote(threads.get(0), VoteDirection.UP));
      // Bo down votes the fourth: not an up vote to reverse.
      f.engine.execute(BO, new CastVote(threads.get(3), VoteDirection.DOWN));
      assertThatThrownBy(() -> f.engine.execute(CY, new ReverseVotes(BO.person(), ANA.person(),
          "ring"))).isInstanceOf(ForbiddenException.class);
      f.engine.execute(ADMIN, new ReverseVotes(BO.person(), ANA.person(), "voting ring"));
      assertThat(f.engine.thread(CY, threads.get(0)).summary().score()).isEqualTo(1);
      assertThat(f.engine.thread(CY, threads.get(1)).summary().score()).isZero();
      assertThat(f.engine.thread(CY, threads.get(3)).summary().score()).isEqualTo(-1);
      assertThat(f.engine.thread(BO, threads.get(3)).viewerVote()).isEqualTo(VoteDirection.DOWN);
      assertThatThrownBy(() -> f.engine.execute(ADMIN, new ReverseVotes(BO.person(),
          ANA.person(), "again"))).isInstanceOf(ConflictException.class);
    }
  }

  @Test
  void pairsWhoVoteMostlyForEachOtherAreListedForAdministratorsOnly() {
    try (Fixture f = new Fixture(InMemoryEventLog.create(), WriteRateLimit.unlimited())) {
      List<ThreadId> byAna = ask(f, 6);
      List<ThreadId> byBo = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        byBo.add(f.engine.execute(BO, StartThread.question(f.open, "Bo's question " + i, "?")));
      }
      for (int i = 0; i < 5; i++) {
        f.engine.execute(BO, new CastVote(byAna.get(i), VoteDirection.UP));
        f.engine.execute(ANA, new CastVote(byBo.get(i), VoteDirection.UP));
      }
      f.engine.execute(CY, new CastVote(byAna.get(5), VoteDirection.UP));
      assertThat(f.engine.votingRings(ADMIN)).containsExactly(
          new VotingRing(ANA.person(), BO.person(), 5, 5));
      assertThatThrownBy(() -> f.engine.votingRings(CY)).isInstanceOf(ForbiddenException.class);

      f.engine.execute(ADMIN, new ReverseVotes(BO.person(), ANA.person(), "voting ring"));
      assertThat(f.engine.votingRings(ADMIN)).isEmpty();
    }
  }

  private static SocialLearningEngine onDisk(Path dir, MutableClock clock,
      AntiGamingPolicy policy) {
    return SocialLearningEngine.builder().dataDirectory(dir).clock(clock)
        .idGenerator(IdGenerator.sequential()).writeRateLimit(WriteRateLimit.unlimited())
        .trustPolicy(TrustPolicy.rolesOnly()).antiGaming(policy).snapshotEvery(Long.MAX_VALUE)
        .build();
  }

  @Test
  void aRunGoesOnAcrossARestartFromASnapshotAndAnEngineWithoutTheCheckKeepsNoTimes(
      @TempDir Path temp) throws IOException {
    Path dir = temp.resolve("engine");
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    List<ThreadId> threads = new ArrayList<>();
    try (SocialLearningEngine engine = onDisk(dir, clock, AntiGamingPolicy.defaults())) {
      for (String id : List.of("ana", "bo", "root")) {
        engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of(id))
            .displayName(id).build()));
      }
      SpaceId open = engine.execute(ADMIN, CreateSpace.community("Everyone"));
      for (int i = 0; i < 12; i++) {
        threads.add(engine.execute(ANA, StartThread.question(open, "Question number " + i,
            "body")));
      }
      for (int i = 0; i < 9; i++) {
        engine.execute(BO, new CastVote(threads.get(i), VoteDirection.UP));
        clock.advance(Duration.ofMinutes(5));
      }
    }
    // Closed with a snapshot: the nine votes' times come back from it.
    try (SocialLearningEngine engine = onDisk(dir, clock, AntiGamingPolicy.defaults())) {
      assertThat(engine.startedFromSnapshot()).isEqualTo(engine.lastSequence());
      engine.execute(BO, new CastVote(threads.get(9), VoteDirection.UP));
      assertThat(engine.reputation(BO, ANA.person()).score().points()).isEqualTo(1);
      // Bo votes again, a day later: one vote, no run.
      clock.advance(Duration.ofDays(1));
      engine.execute(BO, new CastVote(threads.get(10), VoteDirection.UP));
      assertThat(engine.reputation(BO, ANA.person()).score().points()).isEqualTo(11);
    }
    // Without the check the state keeps the counts but no times, from a snapshot as from a
    // replay; an administrator still finds the standing votes to reverse.
    Path replayed = temp.resolve("replay");
    Files.createDirectories(replayed.resolve("log"));
    try (Stream<Path> files = Files.list(dir.resolve("log"))) {
      for (Path file : files.toList()) {
        Files.copy(file, replayed.resolve("log").resolve(file.getFileName()));
      }
    }
    try (SocialLearningEngine engine = onDisk(dir, clock, AntiGamingPolicy.off());
        SocialLearningEngine replay = onDisk(replayed, clock, AntiGamingPolicy.off())) {
      assertThat(replay.startedFromSnapshot()).isEqualTo(-1);
      assertThat(engine.startedFromSnapshot()).isEqualTo(engine.lastSequence());
      assertThat(engine.stateContents()).isEqualTo(replay.stateContents());
      for (int i = 0; i < 12; i++) {
        if (i != 10) {
          engine.execute(BO, new CastVote(threads.get(i), VoteDirection.UP));
        }
      }
      assertThat(engine.reputation(BO, ANA.person()).score().points()).isEqualTo(1 + 12 * 10);
      engine.execute(ADMIN, new ReverseVotes(BO.person(), ANA.person(), "voting ring"));
      assertThat(engine.reputation(BO, ANA.person()).score().points()).isEqualTo(1);
      assertThat(engine.thread(BO, threads.get(10)).viewerVote()).isNull();
    }
  }
}
