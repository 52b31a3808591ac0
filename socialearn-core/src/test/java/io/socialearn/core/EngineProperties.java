package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.NotFoundException;
import io.socialearn.api.PageRequest;
import io.socialearn.api.SocialearnException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.Command;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.MakeCommunityWiki;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.ActivityItem;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.space.Membership;
import io.socialearn.api.space.Space;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.PostView;
import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.internal.reputation.ReputationLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Properties of the engine over random sequences of valid and invalid commands. */
class EngineProperties {

  @Provide
  Arbitrary<List<Scenario.Step>> steps() {
    Arbitrary<Scenario.Step> step = Combinators.combine(
        Arbitraries.of(Scenario.Op.class),
        Arbitraries.integers().between(0, Scenario.ACTORS.size() - 1),
        Arbitraries.integers().between(0, 40),
        Arbitraries.integers().between(0, 40),
        Arbitraries.of(true, false)).as(Scenario.Step::new);
    return step.list().ofMinSize(1).ofMaxSize(80);
  }

  @Property(tries = 150)
  void replayingTheLogReproducesEveryProjection(@ForAll("steps") List<Scenario.Step> steps) {
    Scenario scenario = new Scenario();
    try (var fixture = scenario.fixture) {
      scenario.run(steps);
      Statistics.collect(scenario.rejected > 0 ? "some rejected" : "none rejected");
      try (SocialLearningEngine replayed = fixture.replay()) {
        assertThat(replayed.stateContents()).isEqualTo(fixture.engine.stateContents());
        assertThat(replayed.reputationImage()).isEqualTo(fixture.engine.reputationImage());
        for (ThreadId thread : scenario.threads) {
          assertThat(readable(replayed, thread)).isEqualTo(readable(fixture.engine, thread));
        }
      }
    }
  }

  /** A step of {@link #theLedgerFoldsTheSameWithOrWithoutTheRowsAuthors}. */
  record LedgerStep(int op, int actor, int pick, boolean up) {}

  @Provide
  Arbitrary<List<LedgerStep>> ledgerSteps() {
    return Combinators.combine(Arbitraries.integers().between(0, 9),
        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 5),
        Arbitraries.of(true, true, false)).as(LedgerStep::new).list().ofMaxSize(60);
  }

  /**
   * The engine's ledger finds a deleted post's author through the rows rather than remembering
   * who has facts about each post; a ledger that remembers everyone, fed the same log, holds the
   * same facts after every deletion. The steps ask, answer, vote, accept, make community wiki and
   * delete among a few posts, so that deletions often meet votes and accepts.
   */
  @Property(tries = 200)
  void theLedgerFoldsTheSameWithOrWithoutTheRowsAuthors(
      @ForAll("ledgerSteps") List<LedgerStep> steps) {
    List<Viewer> people = List.of(Fixture.ANA, Fixture.BO, Fixture.CY, Fixture.DEE);
    try (Fixture f = new Fixture()) {
      List<ThreadId> threads = new ArrayList<>();
      List<PostId> posts = new ArrayList<>();
      Map<ThreadId, Viewer> askers = new HashMap<>();
      Map<PostId, ThreadId> threadOf = new HashMap<>();
      int deletions = 0;
      for (LedgerStep s : steps) {
        f.clock.advance(Duration.ofHours(5));
        Viewer actor = people.get(s.actor());
        ThreadId thread = threads.isEmpty() ? null : threads.get(s.pick() % threads.size());
        PostId post =
            posts.isEmpty() ? null : posts.get(s.pick() % posts.size());
        ContentRef target = s.op() % 2 == 0 || post == null ? thread : post;
        Command<?> command = switch (s.op()) {
          case 0 -> StartThread.question(f.open,
              "A question numbered " + threads.size(), "body");
          case 1, 2 -> thread == null ? null
              : new PostAnswer(thread, "answer " + posts.size());
          case 3, 4, 5 -> target == null ? null : new CastVote(target,
              s.up() ? VoteDirection.UP
                  : VoteDirection.DOWN);
          case 6 -> post == null ? null : new AcceptAnswer(post);
          case 7 -> target == null ? null
              : new MakeCommunityWiki(target);
          case 8 -> post == null ? null : new DeletePost(post, "");
          default -> thread == null ? null
              : new DeleteThread(thread, "");
        };
        if (command == null) {
          continue;
        }
        boolean deletion = s.op() >= 8;
        Viewer by = deletion ? Fixture.ADMIN : actor;
        if (s.op() == 6) {
          by = askers.get(threadOf.get(post));
        }
        try {
          Object made = f.engine.execute(by, command);
          if (made instanceof ThreadId t) {
            threads.add(t);
            askers.put(t, actor);
          } else if (made instanceof PostId p) {
            posts.add(p);
            threadOf.put(p, thread);
          }
          deletions += deletion ? 1 : 0;
        } catch (SocialearnException e) {
          // Refused (a vote on one's own post, a deleted target...): nothing recorded.
        }
      }
      Statistics.label("deletions").collect(Math.min(deletions, 3));
      ReputationLedger.Image image = f.engine.reputationImage();
      ReputationLedger alone = new ReputationLedger(image.rules());
      try (var events = f.log.readFrom(1)) {
        events.forEach(alone::apply);
      }
      assertThat(image).isEqualTo(alone.image());
    }
  }

  private static Object readable(SocialLearningEngine engine, ThreadId thread) {
    try {
      return engine.thread(Fixture.ADMIN, thread);
    } catch (NotFoundException e) {
      return "deleted";
    }
  }

  @Property(tries = 150)
  void rejectedCommandsLeaveNoTraceInLogOrState(@ForAll("steps") List<Scenario.Step> steps) {
    Scenario scenario = new Scenario();
    try (var fixture = scenario.fixture) {
      // Scenario.run asserts, after every rejected command, that the log, the engine's sequence
      // and every read model are exactly as before it.
      scenario.run(steps);
      assertThat(scenario.accepted + scenario.rejected).isLessThanOrEqualTo(steps.size());
      Statistics.collect(scenario.rejected == 0 ? "0 rejected" : "rejected some");
    }
  }

  @Property(tries = 150)
  void voteTotalsEqualTheFoldOfTheVoteEvents(@ForAll("steps") List<Scenario.Step> steps) {
    Scenario scenario = new Scenario();
    try (var fixture = scenario.fixture) {
      scenario.run(steps);
      Map<ContentRef, Integer> folded = scenario.foldVotes();
      for (ThreadId thread : scenario.threads) {
        if (readable(fixture.engine, thread) instanceof ThreadDetail detail) {
          assertThat(detail.summary().score()).as("score of %s", thread)
              .isEqualTo(folded.getOrDefault(thread, 0));
          for (PostView answer : detail.answers()) {
            assertThat(answer.score()).as("score of %s", answer.id())
                .isEqualTo(folded.getOrDefault(answer.id(), 0));
          }
        }
      }
    }
  }

  @Property(tries = 150)
  void aNonMemberNeverSeesAMembersOnlyThreadThroughAnyRead(
      @ForAll("steps") List<Scenario.Step> steps) {
    Scenario scenario = new Scenario();
    try (var fixture = scenario.fixture) {
      scenario.run(steps);
      Set<io.socialearn.api.people.PersonId> members = fixture.engine
          .members(Fixture.ADMIN, fixture.payroll).stream().map(Membership::person)
          .collect(Collectors.toSet());
      List<ThreadDetail> hidden = scenario.threads.stream()
          .map(t -> readable(fixture.engine, t))
          .filter(ThreadDetail.class::isInstance).map(ThreadDetail.class::cast)
          .filter(d -> d.summary().space().equals(fixture.payroll)).toList();
      Statistics.collect(hidden.isEmpty() ? "no private threads" : "private threads");
      for (Viewer viewer : Scenario.ACTORS) {
        if (viewer.isAdministrator() || members.contains(viewer.person())) {
          continue;
        }
        assertThat(fixture.engine.spaces(viewer)).extracting(Space::id)
            .doesNotContain(fixture.payroll);
        assertThatThrownBy(() -> fixture.engine.threads(viewer, fixture.payroll,
            ThreadSort.NEWEST, PageRequest.first(10))).isInstanceOf(NotFoundException.class);
        for (ThreadDetail detail : hidden) {
          assertThatThrownBy(() -> fixture.engine.thread(viewer, detail.id()))
              .isInstanceOf(NotFoundException.class);
          assertThatThrownBy(() -> fixture.engine.revisions(viewer, detail.id()))
              .isInstanceOf(NotFoundException.class);
          for (PostView answer : detail.answers()) {
            assertThatThrownBy(() -> fixture.engine.revisions(viewer, answer.id()))
                .isInstanceOf(NotFoundException.class);
          }
          assertThat(fixture.engine.search(viewer, detail.title(), 100).hits())
              .noneMatch(hit -> hit.thread().equals(detail.id()));
          assertThat(fixture.engine.similarQuestions(viewer,
              SimilarQuery.of(detail.title(), detail.body(), List.of(), 100)))
              .noneMatch(hit -> hit.thread().equals(detail.id()));
          for (Viewer author : Scenario.ACTORS) {
            assertThat(allActivity(fixture.engine, viewer, author))
                .noneMatch(item -> item.thread().equals(detail.id()));
          }
        }
      }
    }
  }

  private static List<ActivityItem> allActivity(SocialLearningEngine engine, Viewer viewer,
      Viewer of) {
    try {
      return engine.activity(viewer, of.person(), PageRequest.first(100)).items();
    } catch (NotFoundException e) {
      return List.of();
    }
  }

  @Property(tries = 100)
  void aSnapshotRestoresExactlyTheState(@ForAll("steps") List<Scenario.Step> steps)
      throws Exception {
    Scenario scenario = new Scenario();
    try (var fixture = scenario.fixture) {
      scenario.run(steps);
      List<Object> before = fixture.engine.stateContents();
      StateCodec.Decoded restored = StateCodec.decode(fixture.engine.snapshotBytes());
      assertThat(restored.state().contents()).isEqualTo(before);
      assertThat(restored.ledger().image()).isEqualTo(fixture.engine.reputationImage());
      assertThat(restored.pulse().contents()).isEqualTo(fixture.engine.pulseContents());
      assertThat(restored.expertise().contents()).isEqualTo(fixture.engine.expertiseContents());
      java.time.Instant now = fixture.clock.instant();
      assertThat(restored.expertise().image(now)).isEqualTo(fixture.engine.expertiseImage(now));
    }
  }

  /**
   * A ledger read back from a snapshot goes on as the live one does: the snapshot is taken
   * halfway, the rest of the log is applied to the restored state and ledger (as the engine
   * applies it, the state first), and the ledgers end equal. Deletions in the second half
   * reverse facts through what the restored ledger knows of who has facts about each post.
   */
  @Property(tries = 100)
  void aSnapshotsLedgerGoesOnAsTheLiveOne(@ForAll("steps") List<Scenario.Step> first,
      @ForAll("steps") List<Scenario.Step> second) throws Exception {
    Scenario scenario = new Scenario();
    try (var fixture = scenario.fixture) {
      scenario.run(first);
      StateCodec.Decoded restored = StateCodec.decode(fixture.engine.snapshotBytes());
      long taken = restored.state().lastSequence;
      scenario.run(second);
      try (var events = fixture.log.readFrom(taken + 1)) {
        events.forEach(e -> {
          restored.state().apply(e);
          restored.ledger().apply(e);
        });
      }
      assertThat(restored.ledger().image()).isEqualTo(fixture.engine.reputationImage());
    }
  }
}
