package io.socialearn.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.api.Viewer;
import io.socialearn.api.people.PersonId;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.core.WriteRateLimit;
import io.socialearn.core.reputation.TrustPolicy;
import io.socialearn.harness.Run;
import io.socialearn.lucene.LuceneSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreBenchTest {

  @ParameterizedTest
  @ValueSource(strings = {"log", "engine"})
  void aTinyStoreIsBuiltReopenedAndSummarised(String load, @TempDir Path dir) {
    Path store = dir.resolve("store");
    Run run = Run.of("bench", "store", "--posts", "40", "--votes", "60", "--people", "8",
        "--threads", "2", "--load", load, "--dir", store.toString());
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode s = run.summary();
    assertThat(s.get("posts").asLong()).isEqualTo(40);
    assertThat(s.get("questions").asLong()).isEqualTo(10);
    assertThat(s.get("answers").asLong()).isEqualTo(30);
    assertThat(s.get("votes").asLong()).isEqualTo(60);
    for (String key : new String[] {"build_seconds", "open_ms", "open_with_vote_tail_ms",
        "heap_bytes_per_post", "heap_bytes_per_vote", "heap_mb_total",
        "heap_mb_reopened_total", "live_mb_reopened_total",
        "extrapolated_heap_mb_1m_posts_10m_votes", "text_chars_per_post"}) {
      assertThat(s.get(key)).as(key).isNotNull();
      assertThat(s.get(key).isNumber()).as(key).isTrue();
    }
    assertThat(s.get("open_ms").asDouble()).isPositive();
    assertThat(s.get("load").asText()).isEqualTo(load);
    if (load.equals("log")) {
      for (String key : new String[] {"newest_page_p50_ms", "newest_page_p99_ms",
          "votes_page_p50_ms"}) {
        assertThat(s.get(key).isNumber()).as(key).isTrue();
      }
    }
    assertThat(Files.isDirectory(store.resolve("log"))).isTrue();
    // The store really holds what was asked: 8 people, 1 space, 40 posts and 60 votes.
    try (SocialLearningEngine engine = SocialLearningEngine.builder().dataDirectory(store)
        .searchIndex(LuceneSearch.at(store.resolve("index")))
        .writeRateLimit(WriteRateLimit.unlimited()).trustPolicy(TrustPolicy.rolesOnly())
        .build()) {
      assertThat(engine.lastSequence()).isEqualTo(8 + 1 + 40 + 60);
      assertThat(engine.person(Viewer.system(), PersonId.of("person-7")).displayName())
          .isEqualTo("Person 7");
      // Every vote counted once: the scores of the 40 posts add up to 60 less twice the downs.
      int scores = 0;
      int votes = 0;
      for (var space : engine.spaces(Viewer.system())) {
        for (var summary : engine.threads(Viewer.system(), space.id(),
            io.socialearn.api.thread.ThreadSort.NEWEST, io.socialearn.api.PageRequest.first(100))
            .items()) {
          var detail = engine.thread(Viewer.system(), summary.id());
          scores += summary.score();
          votes += 1;
          for (var answer : detail.answers()) {
            scores += answer.score();
            votes += 1;
          }
        }
      }
      assertThat(votes).as("posts").isEqualTo(40);
      assertThat(scores).isBetween(60 - 2 * 60, 60).isEqualTo(s.get("votes").asInt()
          - 2 * downVotes(60, 42));
    }
  }

  @Test
  void routedRecordsEveryQuestionAsAskedOfThatManyPeopleButItsAsker(@TempDir Path dir) {
    Path store = dir.resolve("store");
    JsonNode s = tinyStore(store, "--votes", "20", "--routed", "3");
    assertThat(s.get("routed_per_question").asInt()).isEqualTo(3);
    assertNumbers(s, "heap_bytes_per_routed_question", "heap_mb_after_routing",
        "extrapolated_heap_mb_1m_posts_10m_votes_routed", "inbox_p50_ms", "inbox_p99_ms");
    // 10 questions, 3 people each, over 8 people: someone was asked at least 4 times.
    int most = s.get("inbox_person_routed").asInt();
    assertThat(most).isBetween(4, 10);
    assertThat(s.get("inbox_page").asInt()).isBetween(1, most);
    try (SocialLearningEngine engine = SocialLearningEngine.builder().dataDirectory(store)
        .writeRateLimit(WriteRateLimit.unlimited()).trustPolicy(TrustPolicy.rolesOnly())
        .build()) {
      assertThat(engine.lastSequence()).isEqualTo(8 + 1 + 40 + 10 + 20);
      int routed = 0;
      for (var space : engine.spaces(Viewer.system())) {
        for (var summary : engine.threads(Viewer.system(), space.id(),
            io.socialearn.api.thread.ThreadSort.NEWEST, io.socialearn.api.PageRequest.first(100))
            .items()) {
          var asked = engine.routedTo(Viewer.system(), summary.id());
          assertThat(asked).hasSize(3).doesNotHaveDuplicates()
              .doesNotContain(summary.author());
          routed++;
        }
      }
      assertThat(routed).isEqualTo(10);
    }
  }

  @Test
  void viewsAreRecordedOncePerReaderAndQuestion(@TempDir Path dir) {
    Path store = dir.resolve("store");
    JsonNode s = tinyStore(store, "--votes", "0", "--views", "25");
    assertThat(s.get("views").asLong()).isEqualTo(25);
    assertNumbers(s, "heap_bytes_per_view", "heap_mb_after_views", "open_with_view_tail_ms");
    try (SocialLearningEngine engine = SocialLearningEngine.builder().dataDirectory(store)
        .writeRateLimit(WriteRateLimit.unlimited()).trustPolicy(TrustPolicy.rolesOnly())
        .build()) {
      assertThat(engine.lastSequence()).isEqualTo(8 + 1 + 40 + 25);
      // 25 distinct views over 10 questions: every one counted as a thread read.
      int read = 0;
      for (int p = 0; p < 8; p++) {
        read += engine.trust(Viewer.system(), PersonId.of("person-" + p)).threadsRead();
      }
      assertThat(read).isEqualTo(25);
    }
    Run tooMany = Run.of("bench", "store", "--posts", "40", "--votes", "0", "--people", "3",
        "--views", "21", "--dir", dir.resolve("t").toString());
    assertThat(tooMany.status()).isEqualTo(2);
    assertThat(tooMany.err()).contains("--views 21 exceeds one view per reader and question");
  }

  @Test
  void routedIsRefusedWhereItCannotBeRecorded(@TempDir Path dir) {
    Run engineLoad = Run.of("bench", "store", "--load", "engine", "--routed", "2");
    assertThat(engineLoad.status()).isEqualTo(2);
    assertThat(engineLoad.err()).contains("--routed and --views need --load log");
    Run tooFew = Run.of("bench", "store", "--posts", "40", "--people", "3", "--votes", "0",
        "--routed", "3", "--dir", dir.resolve("s").toString());
    assertThat(tooFew.status()).isEqualTo(2);
    assertThat(tooFew.err()).contains("--routed 3 needs more people");
  }

  /**
   * The summary of bench store on a tiny store (40 posts, 8 people, no index) in {@code store},
   * with {@code options} added; the run must succeed.
   */
  private static JsonNode tinyStore(Path store, String... options) {
    List<String> command = new ArrayList<>(List.of("bench", "store", "--posts", "40",
        "--people", "8", "--index", "none", "--dir", store.toString()));
    command.addAll(List.of(options));
    Run run = Run.of(command.toArray(String[]::new));
    assertThat(run.status()).as(run.err()).isZero();
    return run.summary();
  }

  /** Checks that the summary has each of {@code keys}, a number. */
  private static void assertNumbers(JsonNode summary, String... keys) {
    for (String key : keys) {
      assertThat(summary.get(key)).as(key).isNotNull();
      assertThat(summary.get(key).isNumber()).as(key).isTrue();
    }
  }

  /** How many of the first {@code votes} votes bench store casts down for {@code seed}. */
  private static int downVotes(int votes, long seed) {
    int down = 0;
    for (long i = 0; i < votes; i++) {
      long z = seed ^ i;
      z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      z = z ^ (z >>> 31);
      down += Math.floorMod(z, 10) == 0 ? 1 : 0;
    }
    return down;
  }

  @Test
  void onlyOpenReopensAStoreAnEarlierRunLeft(@TempDir Path dir) {
    Path store = dir.resolve("store");
    Run built = Run.of("bench", "store", "--posts", "40", "--votes", "60", "--people", "8",
        "--index", "none", "--dir", store.toString());
    assertThat(built.status()).as(built.err()).isZero();
    Run run = Run.of("bench", "store", "--only", "open", "--index", "none", "--dir",
        store.toString());
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode s = run.summary();
    assertThat(s.get("only").asText()).isEqualTo("open");
    assertThat(s.get("sequence").asLong()).isEqualTo(8 + 1 + 40 + 60);
    assertThat(s.get("open_ms").asDouble()).isPositive();
    assertThat(s.get("snapshot_mb").isNumber()).isTrue();
    assertThat(s.get("heap_mb_reopened_total").isNumber()).isTrue();
    assertThat(s.get("live_mb_reopened_total").isNumber()).isTrue();
    assertThat(run.err()).contains("opened " + store).contains("live objects");
  }

  @Test
  void liveBytesAreTheClassHistogramsTotal() throws Exception {
    long live = StoreBench.liveBytes(StoreBench.classHistogram());
    assertThat(live).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().totalMemory());
    assertThat(StoreBench.liveBytes(" num #instances #bytes class name\n 1: 2 48 [B\n"
        + "Total          2             48\n")).isEqualTo(48);
    assertThatThrownBy(() -> StoreBench.liveBytes("1: 2 48 [B"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no total");
  }

  @Test
  void onlyOpenWantsTheDirectoryOfAStore(@TempDir Path dir) {
    Run without = Run.of("bench", "store", "--only", "open");
    assertThat(without.status()).isEqualTo(2);
    assertThat(without.err()).contains("--only open needs the --dir");
    Run other = Run.of("bench", "store", "--only", "votes", "--dir", dir.toString());
    assertThat(other.status()).isEqualTo(2);
    assertThat(other.err()).contains("--only takes open, was 'votes'");
    Run empty = Run.of("bench", "store", "--only", "open", "--dir", dir.toString());
    assertThat(empty.status()).isEqualTo(2);
    assertThat(empty.err()).contains("holds no store");
  }

  @Test
  void anUnknownLoadIsRefused() {
    Run run = Run.of("bench", "store", "--load", "carrier-pigeon");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--load must be log or engine");
  }

  @Test
  void moreVotesThanVotersAndPostsAllowIsRefused() {
    Run run = Run.of("bench", "store", "--posts", "4", "--votes", "5", "--people", "2");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--votes 5 exceeds one vote per voter and post");
  }

  @Test
  void anUnknownIndexIsRefused() {
    Run run = Run.of("bench", "store", "--index", "elastic");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--index must be lucene, memory or none");
  }
}
