package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.ConflictException;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.Command;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchIndex;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceKind;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * What someone outside a members-only space is shown (who knows by free text, search hits and
 * similar questions, with their scores and reasons) is the same whether or not the space holds
 * anything: the same random history is replayed through the engine (and its built-in search
 * index) once whole and once without the members-only space's threads, answers, votes and
 * accepts, with the same ids and clock for everything else. A subclass replays through another
 * search index ({@link #newSearchIndex}).
 */
public class HiddenContentProperties {
  private static final String[] PEOPLE = {"ana", "bo", "cy", "dee"};
  /** Members of the members-only space; the others are the outsiders checked. */
  private static final String[] MEMBERS = {"bo", "cy"};
  private static final Viewer[] OUTSIDERS = {Viewer.of("ana"), Viewer.of("dee")};
  private static final String[] WORDS = {"overtime", "payroll", "tax", "excel", "pivot",
      "macro", "pension", "leave", "rules", "month"};
  private static final String[] TOPICS = {"payroll", "tax", "excel"};
  private static final List<String> QUERIES = List.of("overtime tax", "excel pivot macro",
      "pension leave rules", "payroll month");

  /** The search index of each replay; null for the engine's built-in one. */
  protected SearchIndex newSearchIndex() {
    return null;
  }

  /** One step of a history: {@code {kind, a, b, c}}. */
  @Provide
  Arbitrary<List<int[]>> histories() {
    return Arbitraries.integers().between(0, 999).array(int[].class).ofSize(4).list()
        .ofMinSize(10).ofMaxSize(50);
  }

  @Property(tries = 100)
  void outsidersAreShownTheSameWhateverAMembersOnlySpaceHolds(
      @ForAll("histories") List<int[]> steps) {
    try (Replay with = new Replay(steps, false, newSearchIndex());
        Replay without = new Replay(steps, true, newSearchIndex())) {
      Statistics.label("members-only threads").collect(with.secretThreads > 0);
      for (Viewer viewer : OUTSIDERS) {
        for (String text : QUERIES) {
          WhoKnowsQuery who = WhoKnowsQuery.text(text)
              .with(WhoKnowsOptions.defaults().limit(50));
          List<ExpertCandidate> candidates = without.engine.whoKnows(viewer, who);
          assertSame(with.engine.whoKnows(viewer, who), candidates);
          SearchQuery search = SearchQuery.of(text).limit(50);
          List<SearchHit> hits = without.engine.search(viewer, search).hits();
          assertSameHits(with.engine.search(viewer, search).hits(), hits);
          for (int limit : new int[] {20, 10}) {
            // a page of at most 10 chooses its candidates first (in socialearn-lucene)
            SimilarQuery draft = SimilarQuery.of(text, text, List.of(), limit);
            assertSameHits(with.engine.similarQuestions(viewer, draft),
                without.engine.similarQuestions(viewer, draft));
          }
          Statistics.label("outsiders shown someone who knows").collect(!candidates.isEmpty());
          Statistics.label("outsiders shown search hits").collect(!hits.isEmpty());
        }
      }
      // the property says little unless most histories hide something and show something
      Statistics.label("members-only threads")
          .coverage(c -> c.check(true).percentage(p -> p >= 50));
      Statistics.label("outsiders shown someone who knows")
          .coverage(c -> c.check(true).percentage(p -> p >= 50));
      Statistics.label("outsiders shown search hits")
          .coverage(c -> c.check(true).percentage(p -> p >= 50));
    }
  }

  private static void assertSame(List<ExpertCandidate> actual, List<ExpertCandidate> expected) {
    assertThat(actual).extracting(ExpertCandidate::person)
        .containsExactlyElementsOf(expected.stream().map(ExpertCandidate::person).toList());
    for (int i = 0; i < actual.size(); i++) {
      assertThat(actual.get(i).score())
          .isCloseTo(expected.get(i).score(), within(1e-9 * (1 + expected.get(i).score())));
      assertThat(actual.get(i).reasons()).isEqualTo(expected.get(i).reasons());
    }
  }

  private static void assertSameHits(List<SearchHit> actual, List<SearchHit> expected) {
    assertThat(actual).extracting(SearchHit::thread)
        .containsExactlyElementsOf(expected.stream().map(SearchHit::thread).toList());
    for (int i = 0; i < actual.size(); i++) {
      assertThat(actual.get(i).score()).isEqualTo(expected.get(i).score());
    }
  }

  /** A thread as the replay keeps it: its space, asker and answers. */
  private record Asked(ThreadId id, boolean secret, String asker, List<PostId> answers,
      List<String> authors) {}

  /** One engine fed one history, optionally without the members-only space's content. */
  private static final class Replay implements AutoCloseable {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    /** Ids name the step that made them, so that skipping a step shifts no later id. */
    int step;
    int made;
    /** Questions asked in the members-only space (skipped or not). */
    int secretThreads;
    final SocialLearningEngine engine;

    Replay(List<int[]> steps, boolean skipSecret, SearchIndex index) {
      SocialLearningEngine.Builder builder = SocialLearningEngine.builder().clock(clock)
          .idGenerator(kind -> kind + "-" + step + "-" + made++)
          .eventLog(InMemoryEventLog.create()).writeRateLimit(WriteRateLimit.unlimited())
          .trustPolicy(TrustPolicy.rolesOnly());
      engine = (index == null ? builder : builder.searchIndex(index)).build();
      for (String person : PEOPLE) {
        engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(
            PersonId.of(person)).displayName(person).orgUnit("unit " + person).build()));
      }
      SpaceId open = engine.execute(Viewer.of("ana"), CreateSpace.community("Everyone"));
      SpaceId secret = engine.execute(Viewer.of("bo"), new CreateSpace("Pilot", "members only",
          SpaceKind.DEPARTMENT, SpaceVisibility.MEMBERS_ONLY));
      engine.execute(Viewer.of("bo"), new SetMemberRole(secret, PersonId.of("cy"),
          SpaceRole.MEMBER));
      List<Asked> asked = new ArrayList<>();
      for (int[] s : steps) {
        step++;
        made = 0;
        switch (s[0] % 5) {
          case 0 -> {
            boolean inSecret = s[1] % 3 == 0;
            String asker = inSecret ? MEMBERS[s[2] % 2] : PEOPLE[s[2] % PEOPLE.length];
            ThreadId id = null;
            secretThreads += inSecret ? 1 : 0;
            if (!(inSecret && skipSecret)) {
              id = engine.execute(Viewer.of(asker), StartThread.question(
                  inSecret ? secret : open, words(s[3], 3), words(s[3] / 7 + s[1], 6),
                  TOPICS[s[3] % 3]));
            }
            asked.add(new Asked(id, inSecret, asker, new ArrayList<>(), new ArrayList<>()));
          }
          case 1, 2 -> {
            if (!asked.isEmpty()) {
              Asked q = asked.get(s[1] % asked.size());
              String author = q.secret() ? MEMBERS[s[2] % 2] : PEOPLE[s[2] % PEOPLE.length];
              if (!author.equals(q.asker())) {
                q.authors().add(author);
                q.answers().add(q.id() == null ? null : engine.execute(Viewer.of(author),
                    new PostAnswer(q.id(), words(s[3], 5))));
              }
            }
          }
          case 3 -> {
            Asked q = pickAnswered(asked, s[1]);
            if (q != null && q.id() != null) {
              int i = s[2] % q.answers().size();
              String voter = q.secret() ? MEMBERS[s[3] % 2] : PEOPLE[s[3] % PEOPLE.length];
              if (s[3] % 2 == 0) {
                quietly(q.asker(), new AcceptAnswer(q.answers().get(i)));
              } else if (!voter.equals(q.authors().get(i))) {
                quietly(voter, new CastVote(q.answers().get(i), VoteDirection.UP));
              }
            }
          }
          default -> clock.advance(Duration.ofHours(1 + s[2] % 50));
        }
        clock.advance(Duration.ofMinutes(1 + s[3] % 7));
      }
    }

    /** Runs a vote or accept that may be refused (done before): refused alike in both. */
    private void quietly(String person, Command<?> command) {
      try {
        engine.execute(Viewer.of(person), command);
      } catch (ConflictException doneBefore) {
        // voting or accepting twice is refused the same way in both replays
      }
    }

    @Override
    public void close() {
      engine.close();
    }
  }

  private static Asked pickAnswered(List<Asked> asked, int pick) {
    List<Asked> answered = asked.stream().filter(a -> !a.answers().isEmpty()).toList();
    return answered.isEmpty() ? null : answered.get(pick % answered.size());
  }

  /** {@code n} words of {@link #WORDS} picked by {@code seed}. */
  private static String words(int seed, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : " ").append(WORDS[(seed / (i + 1) + i * 3) % WORDS.length]);
    }
    return out.toString();
  }
}
