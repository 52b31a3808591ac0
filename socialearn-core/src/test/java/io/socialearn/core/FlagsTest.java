package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ConflictException;
import io.socialearn.api.ForbiddenException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.NotFoundException;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.FlagPost;
import io.socialearn.api.command.LinkAccounts;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RecordView;
import io.socialearn.api.command.ResolveFlags;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.reputation.TrustLevel;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.thread.FlagReason;
import io.socialearn.api.thread.FlaggedPost;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.reputation.TrustPolicy;
import io.socialearn.core.reputation.TrustPolicy.Threshold;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagsTest {
  private final Fixture f = new Fixture();

  @Test
  void flagsWaitInTheModeratorsQueueAndAgreedOnesCountForTheFlaggers() {
    ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Expense claims", "How?"));
    PostId spam = f.engine.execute(DEE, new PostAnswer(q, "Buy cheap watches here"));
    f.engine.execute(BO, new FlagPost(spam, FlagReason.SPAM, null));
    f.clock.advance(Duration.ofMinutes(5));
    f.engine.execute(CY, new FlagPost(spam, FlagReason.SPAM, "second time today"));

    List<FlaggedPost> queue = f.engine.flagQueue(ADMIN);
    assertThat(queue).hasSize(1);
    assertThat(queue.get(0).target()).isEqualTo(spam);
    assertThat(queue.get(0).thread()).isEqualTo(q);
    assertThat(queue.get(0).space()).isEqualTo(f.open);
    assertThat(queue.get(0).flags()).extracting(FlaggedPost.Flag::by)
        .containsExactly(BO.person(), CY.person());
    assertThat(queue.get(0).flags().get(1).note()).isEqualTo("second time today");
    assertThat(queue.get(0).flags().get(1).at())
        .isEqualTo(queue.get(0).flags().get(0).at().plus(Duration.ofMinutes(5)));
    assertThat(f.engine.flagQueue(ANA)).as("Ana moderates nothing").isEmpty();

    assertThatThrownBy(() -> f.engine.execute(ANA, new ResolveFlags(spam, true)))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("moderator");
    f.engine.execute(ADMIN, new ResolveFlags(spam, true));
    assertThat(f.engine.flagQueue(ADMIN)).isEmpty();
    assertThat(f.engine.trust(ANA, BO.person()).flagsAgreed()).isEqualTo(1);
    assertThat(f.engine.trust(ANA, CY.person()).flagsAgreed()).isEqualTo(1);
    assertThatThrownBy(() -> f.engine.execute(ADMIN, new ResolveFlags(spam, true)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("no open flags");

    try (SocialLearningEngine replayed = f.replay()) {
      assertThat(replayed.trust(ANA, BO.person()).flagsAgreed()).isEqualTo(1);
    }
  }

  @Test
  void badFlagsAreRefusedAndRecordNothing() {
    ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Payslips", "Where?"));
    PostId answer = f.engine.execute(DEE, new PostAnswer(q, "In the portal"));
    long before = f.log.lastSequence();
    assertThatThrownBy(() -> f.engine.execute(DEE, new FlagPost(answer, FlagReason.SPAM, "")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("own post");
    assertThatThrownBy(() -> f.engine.execute(BO,
        new FlagPost(answer, FlagReason.NEEDS_MODERATOR, "  ")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("what is wrong");
    assertThatThrownBy(() -> f.engine.execute(BO,
        new FlagPost(answer, FlagReason.SPAM, "x".repeat(100_000))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("note");
    assertThatThrownBy(() -> f.engine.execute(BO, new FlagPost(PostId.of("nope"),
        FlagReason.SPAM, ""))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.engine.execute(ADMIN, new ResolveFlags(answer, false)))
        .isInstanceOf(ConflictException.class);
    assertThat(f.log.lastSequence()).isEqualTo(before);

    f.engine.execute(BO, new FlagPost(answer, FlagReason.NOT_AN_ANSWER, ""));
    assertThatThrownBy(() -> f.engine.execute(BO, new FlagPost(answer, FlagReason.SPAM, "")))
        .isInstanceOf(ConflictException.class).hasMessageContaining("open flag");
  }

  @Test
  void nobodyFlagsAPostOfAnAccountLinkedToTheirs() {
    ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Parking", "Where?"));
    PostId answer = f.engine.execute(DEE, new PostAnswer(q, "Level -2, by the lifts"));
    f.engine.execute(ADMIN, new LinkAccounts(BO.person(), DEE.person()));
    long before = f.log.lastSequence();
    // Bo and Dee are one person's accounts: a flag from Bo, agreed with, would earn trust for
    // flagging their own post.
    assertThatThrownBy(() -> f.engine.execute(BO, new FlagPost(answer, FlagReason.SPAM, "")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.rule()).isEqualTo("notOwn"))
        .hasMessageContaining("linked");
    assertThat(f.log.lastSequence()).isEqualTo(before);
    assertThat(f.engine.flagQueue(ADMIN)).isEmpty();
    f.engine.execute(CY, new FlagPost(answer, FlagReason.SPAM, ""));
  }

  @Test
  void aMembersOnlySpacesFlagsAreSeenOnlyByThoseWhoMayReadAndModerateIt() {
    f.engine.execute(BO, new SetMemberRole(f.payroll, DEE.person(), SpaceRole.MEMBER));
    ThreadId secret = f.engine.execute(CY, StartThread.question(f.payroll, "Salary bands",
        "Which band?"));
    assertThatThrownBy(() -> f.engine.execute(ANA, new FlagPost(secret, FlagReason.SPAM, "")))
        .as("Ana cannot see the thread").isInstanceOf(NotFoundException.class);
    f.engine.execute(DEE, new FlagPost(secret, FlagReason.RUDE_OR_ABUSIVE, ""));
    ThreadId open = f.engine.execute(ANA, StartThread.question(f.open, "Holidays", "How many?"));
    f.engine.execute(DEE, new FlagPost(open, FlagReason.NEEDS_MODERATOR, "asked twice"));

    assertThat(f.engine.flagQueue(BO)).as("Bo owns the payroll space only")
        .extracting(FlaggedPost::target).containsExactly(secret);
    assertThat(f.engine.flagQueue(ADMIN)).extracting(FlaggedPost::target)
        .containsExactly(secret, open);
    assertThat(f.engine.flagQueue(CY)).isEmpty();
  }

  @Test
  void deletionByAModeratorAgreesWithTheFlagsAndByTheAuthorDropsThem() {
    ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Travel", "Booking?"));
    PostId rude = f.engine.execute(DEE, new PostAnswer(q, "Read the manual"));
    PostId wrong = f.engine.execute(CY, new PostAnswer(q, "Use the old tool"));
    f.engine.execute(BO, new FlagPost(rude, FlagReason.RUDE_OR_ABUSIVE, ""));
    f.engine.execute(BO, new FlagPost(wrong, FlagReason.NOT_AN_ANSWER, ""));
    f.engine.execute(ADMIN, new DeletePost(rude, "rude"));
    f.engine.execute(CY, new DeletePost(wrong, "outdated"));
    assertThat(f.engine.flagQueue(ADMIN)).isEmpty();
    assertThat(f.engine.trust(ANA, BO.person()).flagsAgreed()).isEqualTo(1);

    PostId third = f.engine.execute(DEE, new PostAnswer(q, "Ask travel desk"));
    f.engine.execute(BO, new FlagPost(third, FlagReason.NOT_AN_ANSWER, ""));
    f.engine.execute(ADMIN, new ResolveFlags(third, false));
    assertThat(f.engine.trust(ANA, BO.person()).flagsAgreed()).as("declined").isEqualTo(1);
  }

  @Test
  void trustLevelsCanAskForThreadsReadAndFlagsAgreedWith() {
    TrustPolicy policy = new TrustPolicy(List.of(new Threshold(1, 0, 0, 2, 0),
        new Threshold(1, 0, 0, 2, 1), new Threshold(1_000, 0, 0, 2, 1),
        new Threshold(1_000, 0, 0, 2, 1)), TrustPolicy.defaults().privileges());
    try (Fixture g = new Fixture(InMemoryEventLog.create(), WriteRateLimit.unlimited(),
        policy)) {
      ThreadId a = g.engine.execute(ANA, StartThread.question(g.open, "First one", "?"));
      ThreadId b = g.engine.execute(ANA, StartThread.question(g.open, "Second one", "?"));
      g.engine.execute(BO, new RecordView(a));
      g.engine.execute(BO, new RecordView(a));
      assertThat(g.engine.trust(ANA, BO.person()).threadsRead()).isEqualTo(1);
      assertThat(g.engine.trust(ANA, BO.person()).level()).isEqualTo(TrustLevel.NEW);
      g.engine.execute(BO, new RecordView(b));
      assertThat(g.engine.trust(ANA, BO.person()).level()).isEqualTo(TrustLevel.BASIC);
      g.engine.execute(BO, new FlagPost(b, FlagReason.SPAM, ""));
      g.engine.execute(ADMIN, new ResolveFlags(b, true));
      assertThat(g.engine.trust(ANA, BO.person()).level()).isEqualTo(TrustLevel.MEMBER);
      assertThat(g.engine.trust(ANA, PersonId.of("cy")).threadsRead()).isZero();
    }
  }

  @Test
  void thresholdsAreCheckedWhenAPolicyIsMade() {
    assertThatThrownBy(() -> new Threshold(1, 0, 0, -1, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("negative");
    Map<io.socialearn.api.reputation.Privilege, TrustLevel> privileges =
        TrustPolicy.defaults().privileges();
    assertThatThrownBy(() -> new TrustPolicy(List.of(new Threshold(1, 0, 0, 0, 2),
        new Threshold(1, 0, 0, 0, 1), new Threshold(1, 0, 0, 0, 2),
        new Threshold(1, 0, 0, 0, 2)), privileges))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("MEMBER");
  }
}
