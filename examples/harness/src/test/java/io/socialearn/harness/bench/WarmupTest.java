package io.socialearn.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarmupTest {
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);

  @Test
  void theWarmUpEndsAfterTwoRoundsInARowWithoutCompiling() {
    AtomicLong jit = new AtomicLong();
    AtomicInteger rounds = new AtomicInteger();
    // the compiler works 1 s in each of the first three rounds (and in the fifth), then rests
    int run = Warmup.untilSettled("test", () -> {
      int round = rounds.incrementAndGet();
      if (round <= 3 || round == 5) {
        jit.addAndGet(1_000);
      }
    }, 16, err, jit::get);
    // rounds 4 and 6 settle, but not in a row; 6 and 7 do
    assertThat(run).isEqualTo(7);
    assertThat(rounds).hasValue(7);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("test warm-up round 1: ", "1000 ms of it compiling", "test warm-up round 7: ")
        .doesNotContain("round 8");
  }

  @Test
  void aCompilerThatNeverRestsStopsTheWarmUpAtItsBound() {
    AtomicLong jit = new AtomicLong();
    AtomicInteger rounds = new AtomicInteger();
    int run = Warmup.untilSettled("test", () -> {
      rounds.incrementAndGet();
      jit.addAndGet(1_000);
    }, 5, err, jit::get);
    assertThat(run).isEqualTo(5);
    assertThat(rounds).hasValue(5);
  }

  @Test
  void theJvmsCompilerTimeNeverGoesBack() {
    long before = Warmup.compileMillis();
    assertThat(before).isNotNegative();
    assertThat(Warmup.compileMillis()).isGreaterThanOrEqualTo(before);
  }
}
