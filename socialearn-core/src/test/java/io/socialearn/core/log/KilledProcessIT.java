package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadStarted;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a separate JVM ({@code destroyForcibly}, SIGKILL) while it appends from four threads, 20
 * times at random moments, and after each kill checks that every append the child reported as
 * acknowledged is in the reopened log, in order, with no gaps and no duplicates.
 */
class KilledProcessIT {
  private static final int KILLS = 20;

  @TempDir Path temp;

  /** An acknowledged batch as the child reported it. */
  private record Ack(long first, long last, String batch) {}

  @Test
  void everyAcknowledgedAppendSurvivesKillNine() throws Exception {
    Path dir = temp.resolve("log");
    Random random = new Random(Long.getLong("killSeed", 7L));
    List<Ack> acknowledged = new ArrayList<>();
    Durability[] modes = {Durability.GROUP, Durability.SYNC, Durability.FAST};
    for (int kill = 0; kill < KILLS; kill++) {
      Durability mode = modes[kill % modes.length];
      Process child = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
          CrashChild.class.getName(), dir.toString(), mode.name(), "4")
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      List<Ack> fromChild = new ArrayList<>();
      CountDownLatch firstAck = new CountDownLatch(1);
      Thread reader = new Thread(() -> readAcks(child, fromChild, firstAck), "ack-reader");
      reader.start();
      boolean started = firstAck.await(60, TimeUnit.SECONDS);
      Thread.sleep(random.nextInt(250));
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(30_000);
      assertThat(started).as("kill %d: the child acknowledged an append", kill).isTrue();
      synchronized (fromChild) {
        acknowledged.addAll(fromChild);
      }
      check(dir, acknowledged, kill, mode);
    }
    assertThat(acknowledged.size()).isGreaterThan(KILLS);
    System.out.printf("killed-process test: %d kills, %d acknowledged batches, all present%n",
        KILLS, acknowledged.size());
  }

  private static void readAcks(Process child, List<Ack> into, CountDownLatch firstAck) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        String[] words = line.split(" ");
        if (words.length == 5 && words[0].equals("ack") && words[4].equals("end")) {
          synchronized (into) {
            into.add(new Ack(Long.parseLong(words[1]), Long.parseLong(words[2]), words[3]));
          }
          firstAck.countDown();
        }
      }
    } catch (java.io.IOException e) {
      // The pipe broke because the child died: everything it printed was read.
    }
  }

  private static void check(Path dir, List<Ack> acknowledged, int kill, Durability mode) {
    try (FileEventLog log = FileEventLog.open(dir)) {
      List<RecordedEvent> all = LogSamples.readAll(log);
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < all.size(); i++) {
        assertThat(all.get(i).sequence()).as("kill %d (%s): no gaps", kill, mode)
            .isEqualTo(i + 1);
        String id = ((ThreadStarted) all.get(i).event()).thread().value();
        assertThat(ids.add(id)).as("kill %d (%s): %s is there once", kill, mode, id).isTrue();
      }
      for (Ack ack : acknowledged) {
        assertThat(ack.last()).as("kill %d (%s): acknowledged %s present", kill, mode, ack)
            .isLessThanOrEqualTo(all.size());
        for (long sequence = ack.first(); sequence <= ack.last(); sequence++) {
          String id = ((ThreadStarted) all.get((int) sequence - 1).event()).thread().value();
          assertThat(id).as("kill %d (%s): sequence %d of %s", kill, mode, sequence, ack)
              .isEqualTo(ack.batch() + "-" + (sequence - ack.first()));
        }
      }
    }
  }

}
