package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AtomicFiles} under concurrent writers of one target. */
class AtomicFilesTest {
  @TempDir Path temp;

  @Test
  void twoThreadsWritingOneTargetLeaveOneOfTheTwoCompleteContentsAndBothSucceed()
      throws Exception {
    Path target = temp.resolve("state.bin");
    byte[] a = new byte[256 << 10];
    byte[] b = new byte[128 << 10];
    Arrays.fill(a, (byte) 'a');
    Arrays.fill(b, (byte) 'b');
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 200; round++) {
        Callable<Void> writeA = () -> {
          AtomicFiles.write(target, a);
          return null;
        };
        Callable<Void> writeB = () -> {
          AtomicFiles.write(target, b);
          return null;
        };
        Future<Void> first = executor.submit(writeA);
        Future<Void> second = executor.submit(writeB);
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        byte[] found = Files.readAllBytes(target);
        assertThat(Arrays.equals(found, a) || Arrays.equals(found, b))
            .as("round %d: %d bytes, neither writer's whole content", round, found.length)
            .isTrue();
      }
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void createsMissingDirectoriesAndLeavesExistingOnesAlone() throws Exception {
    Path nested = temp.resolve("data").resolve("new").resolve("log");
    AtomicFiles.createDirectories(nested);
    assertThat(nested).isDirectory();
    Files.writeString(nested.resolve("kept"), "x");
    AtomicFiles.createDirectories(nested);
    assertThat(nested.resolve("kept")).hasContent("x");
    Path file = temp.resolve("a-file");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> AtomicFiles.createDirectories(file.resolve("below")))
        .isInstanceOf(IOException.class);
  }
}
