package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.Viewer;
import io.socialearn.core.SocialLearningEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM running the engine on a data directory with an on-disk Lucene index between log
 * appends and index commits (the index commits every ten minutes, so nearly every kill lands
 * there), several times; after the last kill, a reopened engine catches its index up from the
 * log and every acknowledged question is searchable.
 */
class KilledEngineIT {
  private static final int KILLS = 4;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedQuestionIsSearchableAfterKillNine() throws Exception {
    Random random = new Random(Long.getLong("killSeed", 11L));
    List<String> acknowledged = new ArrayList<>();
    for (int kill = 0; kill < KILLS; kill++) {
      Process child = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
          EngineCrashChild.class.getName(), dir.toString(), String.valueOf(kill))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      List<String> fromChild = new ArrayList<>();
      CountDownLatch acks = new CountDownLatch(5);
      Thread reader = new Thread(() -> readAcks(child, fromChild, acks), "ack-reader");
      reader.start();
      boolean started = acks.await(90, TimeUnit.SECONDS);
      Thread.sleep(random.nextInt(300));
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(30_000);
      assertThat(started).as("kill %d: the child acknowledged questions", kill).isTrue();
      synchronized (fromChild) {
        acknowledged.addAll(fromChild);
      }
    }
    try (SocialLearningEngine engine = SocialLearningEngine.builder().dataDirectory(dir)
        .searchIndex(LuceneSearch.at(dir.resolve("index"))).build()) {
      for (String word : acknowledged) {
        assertThat(engine.search(Viewer.of("ana"), word, 5).hits())
            .as("acknowledged question %s is searchable", word).hasSize(1);
      }
    }
    assertThat(acknowledged.size()).isGreaterThanOrEqualTo(KILLS * 5);
  }

  private static void readAcks(Process child, List<String> into, CountDownLatch acks) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("ack ")) {
          synchronized (into) {
            into.add(line.substring(4));
          }
          acks.countDown();
        }
      }
    } catch (IOException e) {
      // The pipe broke because the child died: everything it printed was read.
    }
  }
}
