package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceKind;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.core.log.InMemoryEventLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene index wired into the engine, as a host does it. */
class EngineSearchTest {
  private static final Viewer ANA = Viewer.of("ana");
  private static final Viewer BO = Viewer.of("bo");
  private static final Viewer CY = Viewer.of("cy");
  private static final Viewer ADMIN = Viewer.administrator(PersonId.of("root"));

  @TempDir
  Path dir;

  private static SocialLearningEngine engine(EventLog log, LuceneSearchIndex index) {
    return SocialLearningEngine.builder().eventLog(log).searchIndex(index).build();
  }

  private static void people(SocialLearningEngine engine) {
    for (String id : List.of("ana", "bo", "cy", "root")) {
      engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of(id))
          .displayName(id).orgUnit("Org").external(false).build()));
    }
  }

  private static List<String> titles(SearchResults results) {
    return results.hits().stream().map(h -> h.title()).toList();
  }

  @Test
  void membersOnlyThreadsAreInvisibleToNonMembersInEverySearch() {
    try (SocialLearningEngine engine = engine(InMemoryEventLog.create(),
        LuceneSearch.inMemory())) {
      people(engine);
      SpaceId open = engine.execute(ADMIN, CreateSpace.community("Everyone"));
      SpaceId pilot = engine.execute(BO, new CreateSpace("Payroll pilot", "pilot",
          SpaceKind.DEPARTMENT, SpaceVisibility.MEMBERS_ONLY));
      engine.execute(BO, new SetMemberRole(pilot, PersonId.of("cy"), SpaceRole.MEMBER));
      engine.execute(ANA, StartThread.question(open, "Payroll calendar", "When is payday?",
          "payroll"));
      ThreadId secret = engine.execute(BO, StartThread.question(pilot, "Payroll reform secret",
          "Confidential payroll plans", "payroll", "reform"));
      engine.execute(CY, new PostAnswer(secret, "We start in May"));

      SearchResults forAna = engine.search(ANA, SearchQuery.of("payroll"));
      assertThat(titles(forAna)).containsExactly("Payroll calendar");
      assertThat(forAna.totalHits()).isEqualTo(1);
      assertThat(forAna.facet("tag").orElseThrow().values())
          .noneMatch(v -> v.value().equals("reform"));
      assertThat(engine.search(ANA, SearchQuery.of("may")).totalHits()).isZero();
      assertThat(engine.similarQuestions(ANA, SimilarQuery.of("Payroll reform", "", List.of(),
          10))).extracting(h -> h.title()).containsExactly("Payroll calendar");
      assertThat(engine.completeTags(ANA, "re", 10)).isEmpty();

      SearchResults forCy = engine.search(CY, SearchQuery.of("payroll"));
      assertThat(titles(forCy)).containsExactlyInAnyOrder("Payroll calendar",
          "Payroll reform secret");
      assertThat(engine.search(CY, SearchQuery.of("may")).totalHits()).isEqualTo(1);
      assertThat(engine.completeTags(CY, "re", 10)).containsExactly(Tag.of("reform"));
    }
  }

  @Test
  void anOnDiskIndexIsRebuiltInTheBackgroundAndReplacesTheOldOne() throws Exception {
    try (SocialLearningEngine engine = engine(InMemoryEventLog.create(),
        LuceneSearch.at(dir.resolve("old")))) {
      people(engine);
      SpaceId open = engine.execute(ADMIN, CreateSpace.community("Everyone"));
      for (int i = 0; i < 30; i++) {
        engine.execute(ANA, StartThread.question(open, "Payroll question " + i,
            "Body " + i, "payroll"));
      }
      LuceneSearchIndex fresh = LuceneSearch.at(dir.resolve("new"));
      long[] last = new long[2];
      assertThat(engine.rebuildSearchIndex(fresh, (applied, total) -> {
        last[0] = applied;
        last[1] = total;
      }).get(60, TimeUnit.SECONDS)).isSameAs(fresh);
      assertThat(last[0]).isEqualTo(last[1]).isEqualTo(engine.lastSequence());
      assertThat(engine.search(BO, SearchQuery.of("payroll")).totalHits()).isEqualTo(30);
      engine.execute(ANA, StartThread.question(open, "Payroll after rebuild", "Body", "payroll"));
      assertThat(engine.search(BO, SearchQuery.of("payroll")).totalHits()).isEqualTo(31);
      assertThat(fresh.checkpoint()).isEqualTo(engine.lastSequence());
    }
  }

  @Test
  void anIndexThatLostItsLastBatchCatchesUpFromTheLog() {
    EventLog log = InMemoryEventLog.create();
    SpaceId open;
    try (SocialLearningEngine engine = engine(new Unclosable(log), LuceneSearch.at(dir))) {
      people(engine);
      open = engine.execute(ADMIN, CreateSpace.community("Everyone"));
      engine.execute(ANA, StartThread.question(open, "Payroll calendar", "When?", "payroll"));
    }
    // no periodic commit during the test: only close would commit, and it never happens
    LuceneSearchIndex crashing = LuceneSearch.builder().directory(dir)
        .commitInterval(Duration.ofHours(1)).build();
    long committed = crashing.checkpoint();
    assertThat(committed).isEqualTo(log.lastSequence());
    try (SocialLearningEngine engine = SocialLearningEngine.builder()
        .eventLog(new Unclosable(log)).searchIndex(crashing).build()) {
      ThreadId laptop = engine.execute(BO, StartThread.question(open, "Laptop refresh",
          "New laptops?", "hardware"));
      engine.execute(ANA, new CastVote(laptop, VoteDirection.UP));
      engine.execute(CY, new PostAnswer(laptop, "Ask the helpdesk"));
      assertThat(engine.search(ANA, SearchQuery.of("helpdesk")).totalHits()).isEqualTo(1);
      // the process dies: the events are in the log, the index never committed them
      crashing.closeWithoutCommit();
    }
    LuceneSearchIndex reopened = LuceneSearch.at(dir);
    assertThat(reopened.checkpoint()).isEqualTo(committed).isLessThan(log.lastSequence());
    try (SocialLearningEngine engine = engine(log, reopened)) {
      assertThat(reopened.checkpoint()).isEqualTo(log.lastSequence());
      assertThat(titles(engine.search(ANA, SearchQuery.of("helpdesk"))))
          .containsExactly("Laptop refresh");
      assertThat(titles(engine.search(ANA, SearchQuery.of("laptop score:>=1"))))
          .containsExactly("Laptop refresh");
      assertThat(engine.search(ANA, SearchQuery.of("payroll")).totalHits()).isEqualTo(1);
    }
  }

  /** Shares a log between engines: closing an engine leaves the log open. */
  private record Unclosable(EventLog log) implements EventLog {
    @Override
    public List<io.socialearn.api.event.RecordedEvent> append(long expectedLastSequence,
        List<io.socialearn.api.event.DomainEvent> events, java.time.Instant timestamp) {
      return log.append(expectedLastSequence, events, timestamp);
    }

    @Override
    public Stream<io.socialearn.api.event.RecordedEvent> readFrom(long fromSequence) {
      return log.readFrom(fromSequence);
    }

    @Override
    public long lastSequence() {
      return log.lastSequence();
    }

    @Override
    public void close() {}
  }
}
