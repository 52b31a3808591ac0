package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.PageRequest;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.ThreadState;
import io.socialearn.api.thread.ThreadSummary;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.log.JdbcEventLog;
import io.socialearn.core.reputation.TrustPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes, each with its own engine, on one SQL event log: what one records the
 * other reads after catching up, a command decided on stale state is decided again, and both end
 * with the same state as a fresh replay of the table.
 */
class SharedLogTest {
  private static final Viewer ANA = Viewer.of("ana");
  private static final Viewer BO = Viewer.of("bo");

  private static JdbcDataSource database(String name) {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return source;
  }

  private static SocialLearningEngine node(JdbcDataSource source, List<RecordedEvent> heard) {
    return SocialLearningEngine.builder().eventLog(JdbcEventLog.open(source))
        .trustPolicy(TrustPolicy.rolesOnly()).writeRateLimit(WriteRateLimit.unlimited())
        .listener(heard::addAll).build();
  }

  /** Registers Ana and Bo through {@code node} and makes a space for everyone. */
  private static SpaceId anaAndBo(SocialLearningEngine node) {
    for (String id : List.of("ana", "bo")) {
      node.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of(id))
          .displayName(id).build()));
    }
    return node.execute(Viewer.system(), CreateSpace.community("Everyone"));
  }

  @Test
  void whatOneNodeRecordsTheOtherReadsAndBothAgreeWithAReplay() {
    JdbcDataSource source = database("shared-nodes");
    List<RecordedEvent> heardOnA = new ArrayList<>();
    List<RecordedEvent> heardOnB = new ArrayList<>();
    try (SocialLearningEngine a = node(source, heardOnA);
        SocialLearningEngine b = node(source, heardOnB)) {
      SpaceId space = anaAndBo(a);
      ThreadId q = a.execute(ANA, StartThread.question(space, "Where is the payroll calendar?",
          "I cannot find it.", "payroll"));

      // Node b has seen nothing yet; catching up shows it the question.
      assertThat(b.catchUp()).isEqualTo(a.lastSequence());
      assertThat(b.threads(BO, space, ThreadSort.NEWEST, PageRequest.first(5)).items())
          .extracting(ThreadSummary::id).containsExactly(q);

      // Bo answers on node b. Ana's node has not caught up, but a command catches up before it
      // decides, so her vote and accept find Bo's answer.
      PostId answer = b.execute(BO, new PostAnswer(q, "On the intranet, under Finance."));
      a.execute(ANA, new CastVote(answer, VoteDirection.UP));
      a.execute(ANA, new AcceptAnswer(answer));
      b.catchUp();
      assertThat(b.thread(BO, q).summary().state()).isEqualTo(ThreadState.ANSWERED);
      assertThat(b.thread(BO, q).answers().get(0).score()).isEqualTo(1);
      assertThat(a.lastSequence()).isEqualTo(b.lastSequence());
      assertThat(a.stateContents()).isEqualTo(b.stateContents());
      // Each node tells its listeners only of what it recorded itself.
      assertThat(heardOnB).extracting(e -> e.event().getClass().getSimpleName())
          .containsExactly("AnswerPosted");

      try (SocialLearningEngine replayed = node(source, new ArrayList<>())) {
        assertThat(replayed.stateContents()).isEqualTo(a.stateContents());
      }
    }
  }

  @Test
  void nodesAnsweringAtOnceLoseNothing() throws Exception {
    JdbcDataSource source = database("shared-race");
    try (SocialLearningEngine a = node(source, new ArrayList<>());
        SocialLearningEngine b = node(source, new ArrayList<>())) {
      SpaceId space = anaAndBo(a);
      ThreadId q = a.execute(ANA, StartThread.question(space, "Which tax table applies?",
          "For December overtime.", "tax"));
      int each = 25;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (SocialLearningEngine node : List.of(a, b)) {
          done.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < each; i++) {
              node.execute(BO, new PostAnswer(q, "Answer " + i + " from " + node));
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      a.catchUp();
      b.catchUp();
      assertThat(a.thread(ANA, q).answers()).hasSize(2 * each);
      assertThat(b.stateContents()).isEqualTo(a.stateContents());
    }
  }
}
