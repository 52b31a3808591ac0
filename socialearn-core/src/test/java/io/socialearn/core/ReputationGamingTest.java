package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ForbiddenException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.AdjustReputation;
import io.socialearn.api.command.AwardBounty;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.LinkAccounts;
import io.socialearn.api.command.OfferBounty;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.spi.IdGenerator;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.reputation.ReputationRules;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Nobody gains reputation or trust from their own work, under any account linked to theirs:
 * votes, accepts, bounties, suggested edits and flags; and a suggested edit's text needs the
 * approver's link privilege as an edit does.
 */
class ReputationGamingTest {

  private static int rep(Fixture f, Viewer who) {
    return f.engine.reputation(Viewer.system(), who.person()).score().points();
  }

  /** LinkAccounts: "two accounts as belonging to the same person"; links are one person. */
  @Test
  void accountsLinkedThroughAThirdMayNotVoteForEachOther() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "A question of Ana", "?"));
      f.engine.execute(ADMIN, new LinkAccounts(ANA.person(), BO.person()));
      f.engine.execute(ADMIN, new LinkAccounts(BO.person(), CY.person()));
      // ana, bo and cy are one person: cy voting up ana's question is voting for oneself.
      assertThatThrownBy(() -> f.engine.execute(CY, new CastVote(q, VoteDirection.UP)))
          .isInstanceOf(ForbiddenException.class);
      assertThat(rep(f, ANA)).isEqualTo(1);
    }
  }

  /** Accepting a linked account's answer must not earn that one person reputation. */
  @Test
  void acceptingALinkedAccountsAnswerEarnsThePersonNothing() {
    try (Fixture f = new Fixture()) {
      f.engine.execute(ADMIN, new LinkAccounts(ANA.person(), BO.person()));
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "A question of Ana", "?"));
      PostId a = f.engine.execute(BO, new PostAnswer(q, "answered by my second account"));
      long before = f.log.lastSequence();
      assertThatThrownBy(() -> f.engine.execute(ANA, new AcceptAnswer(a)))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("linked");
      assertThat(f.log.lastSequence()).isEqualTo(before);
      assertThat(rep(f, ANA) + rep(f, BO)).as("ana + bo (one person)").isEqualTo(2);
    }
  }

  /** A bounty cannot go to one's own answer, so not to one's linked account's either. */
  @Test
  void aBountyCannotGoToALinkedAccountsAnswer() {
    try (Fixture f = new Fixture()) {
      f.engine.execute(ADMIN, new AdjustReputation(ANA.person(), 100, "bonus"));
      f.engine.execute(ADMIN, new LinkAccounts(ANA.person(), BO.person()));
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "A question of Ana", "?"));
      f.engine.execute(ANA, new OfferBounty(q, 100));
      PostId a = f.engine.execute(BO, new PostAnswer(q, "answered by my second account"));
      assertThatThrownBy(() -> f.engine.execute(ANA, new AwardBounty(a)))
          .isInstanceOf(ForbiddenException.class);
      assertThat(rep(f, BO)).isEqualTo(1);
    }
  }

  /**
   * A space moderator (bo owns the payroll space) accepts their own answer to someone else's
   * question and earns the accept's +15 from their own content.
   */
  @Test
  void aModeratorEarnsNothingByAcceptingTheirOwnAnswer() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(CY, StartThread.question(f.payroll, "Cy asks payroll",
          "?"));
      PostId own = f.engine.execute(BO, new PostAnswer(q, "Bo's own answer"));
      assertThatThrownBy(() -> f.engine.execute(BO, new AcceptAnswer(own)))
          .isInstanceOf(ForbiddenException.class);
      assertThat(rep(f, BO)).isEqualTo(1);
      // Bo, owner of the space, may still accept Dee's answer for Cy.
      f.engine.execute(BO, new io.socialearn.api.command.SetMemberRole(f.payroll,
          Fixture.DEE.person(), io.socialearn.api.space.SpaceRole.MEMBER));
      PostId dees = f.engine.execute(Fixture.DEE, new PostAnswer(q, "Dee's answer"));
      f.engine.execute(BO, new AcceptAnswer(dees));
      // And an asker accepting their own answer earns nothing, as before.
      ThreadId mine = f.engine.execute(CY, StartThread.question(f.payroll, "Cy asks again", "?"));
      f.engine.execute(CY, new AcceptAnswer(f.engine.execute(CY, new PostAnswer(mine,
          "Cy answers herself"))));
    }
  }

  @Test
  void aReviewerCannotApproveTheirOwnSuggestedEdit() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(CY, StartThread.question(f.payroll, "Cy asks payroll",
          "?"));
      long before = f.log.lastSequence();
      assertThatThrownBy(() -> f.engine.execute(BO,
          new io.socialearn.api.command.ApproveSuggestedEdit(q, BO.person(), null, "")))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("their own suggestion");
      assertThat(f.log.lastSequence()).isEqualTo(before);
      assertThat(rep(f, BO)).isEqualTo(1);
    }
  }

  /**
   * Trust counts "flags moderators agreed with". Bo, owner of a space (anyone may create one),
   * flags Cy's post there and agrees with his own flag: his own verdict counts for his trust.
   */
  @Test
  void aModeratorsAgreementWithTheirOwnFlagDoesNotCount() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(CY, StartThread.question(f.payroll, "Cy asks payroll",
          "?"));
      f.engine.execute(BO, new io.socialearn.api.command.FlagPost(q,
          io.socialearn.api.thread.FlagReason.SPAM, ""));
      f.engine.execute(BO, new io.socialearn.api.command.ResolveFlags(q, true));
      assertThat(f.engine.trust(Viewer.system(), BO.person()).flagsAgreed()).isZero();
    }
  }

  private static SocialLearningEngine onDisk(java.nio.file.Path dir, MutableClock clock) {
    return SocialLearningEngine.builder().dataDirectory(dir).clock(clock)
        .idGenerator(IdGenerator.sequential()).writeRateLimit(WriteRateLimit.unlimited())
        .trustPolicy(TrustPolicy.rolesOnly()).reputationRules(ReputationRules.workplace())
        .snapshotEvery(Long.MAX_VALUE).build();
  }

  /** Reputation after a snapshot restart and after a replay equals the live one. */
  @Test
  void reputationAfterASnapshotRestartAndAReplayEqualsLive(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
    java.nio.file.Path dir = temp.resolve("engine");
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    java.util.List<String> ids = java.util.List.of("ana", "bo", "cy", "dee", "root");
    java.util.Map<String, Object> live = new java.util.HashMap<>();
    ThreadId bountied;
    PostId toAward;
    try (SocialLearningEngine engine = onDisk(dir, clock)) {
      for (String id : ids) {
        engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of(id))
            .displayName(id).manager(id.equals("bo") ? PersonId.of("ana") : null).build()));
      }
      SpaceId space = engine.execute(ADMIN, CreateSpace.community("Everyone"));
      engine.execute(ADMIN, new AdjustReputation(ANA.person(), 100_000, "imported"));
      engine.execute(ADMIN, new AdjustReputation(Viewer.of("dee").person(), -5, "penalty"));
      for (int i = 0; i < 8; i++) {
        ThreadId q = engine.execute(i % 2 == 0 ? ANA : BO, StartThread.question(space,
            "Question number " + i, "?"));
        PostId a = engine.execute(i % 2 == 0 ? BO : ANA, new PostAnswer(q, "answer " + i));
        engine.execute(CY, new CastVote(a, VoteDirection.UP));
        engine.execute(i % 2 == 0 ? BO : ANA, new CastVote(q, VoteDirection.UP));
        engine.execute(Viewer.of("dee"), new CastVote(a, VoteDirection.DOWN));
        engine.execute(i % 2 == 0 ? ANA : BO, new AcceptAnswer(a));
        clock.advance(java.time.Duration.ofHours(7));
      }
      bountied = engine.execute(ANA, StartThread.question(space, "Bounty question", "?"));
      engine.execute(ANA, new OfferBounty(bountied, 500));
      toAward = engine.execute(CY, new PostAnswer(bountied, "cy answers"));
      ThreadId other = engine.execute(ANA, StartThread.question(space, "Other bounty", "?"));
      engine.execute(ANA, new OfferBounty(other, 300));
      PostId lapsed = engine.execute(CY, new PostAnswer(other, "cy answers again"));
      engine.execute(ADMIN, new io.socialearn.api.command.ExpireBounty(lapsed));
      engine.execute(ADMIN, new LinkAccounts(CY.person(), Viewer.of("dee").person()));
      for (String id : ids) {
        live.put(id, engine.reputation(Viewer.system(), PersonId.of(id)));
      }
    }
    java.nio.file.Path replayed = temp.resolve("replay");
    java.nio.file.Files.createDirectories(replayed.resolve("log"));
    try (java.util.stream.Stream<java.nio.file.Path> files =
        java.nio.file.Files.list(dir.resolve("log"))) {
      for (java.nio.file.Path file : files.toList()) {
        java.nio.file.Files.copy(file, replayed.resolve("log").resolve(file.getFileName()));
      }
    }
    try (SocialLearningEngine engine = onDisk(dir, clock);
        SocialLearningEngine replay = onDisk(replayed, clock)) {
      assertThat(engine.startedFromSnapshot()).isPositive();
      for (String id : ids) {
        assertThat(engine.reputation(Viewer.system(), PersonId.of(id))).as("snapshot " + id)
            .isEqualTo(live.get(id));
        assertThat(replay.reputation(Viewer.system(), PersonId.of(id))).as("replay " + id)
            .isEqualTo(live.get(id));
      }
      engine.execute(ANA, new AwardBounty(toAward));
      replay.execute(ANA, new AwardBounty(toAward));
      assertThat(engine.reputation(Viewer.system(), CY.person()))
          .isEqualTo(replay.reputation(Viewer.system(), CY.person()));
      assertThatThrownBy(() -> engine.execute(Viewer.of("dee"), new CastVote(toAward,
          VoteDirection.UP))).isInstanceOf(ForbiddenException.class);
    }
  }

  /**
   * POST_LINKS (BASIC with the defaults) gates links in every text one writes. Ana, NEW, cannot
   * edit a link into her question, but "approves a suggested edit" of it credited to Bo that does.
   */
  @Test
  void aSuggestedEditCannotCarryALinkPastThePostLinksPrivilege() {
    try (Fixture f = new Fixture(InMemoryEventLog.create(), WriteRateLimit.unlimited(),
        TrustPolicy.defaults())) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Ana's question", "?"));
      assertThat(f.engine.trust(Viewer.system(), ANA.person()).privileges())
          .doesNotContain(io.socialearn.api.reputation.Privilege.POST_LINKS);
      assertThatThrownBy(() -> f.engine.execute(ANA, new io.socialearn.api.command.EditThread(q,
          "Ana's question", "buy at https://spam.example", java.util.List.of(), "")))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("POST_LINKS");
      long before = f.log.lastSequence();
      assertThatThrownBy(() -> f.engine.execute(ANA,
          new io.socialearn.api.command.ApproveSuggestedEdit(q, BO.person(),
              "buy at https://spam.example", "")))
          .isInstanceOf(ForbiddenException.class);
      assertThat(f.log.lastSequence()).isEqualTo(before);
    }
  }
}
