package io.socialearn.core.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The table logarithm the rough scores use is never above {@code Math.log} (but for rounding) and
 * at most {@link WhoKnows#FAST_LOG_ERROR} below it, the bound the ranking's margins rely on.
 */
class FastLogTest {
  @Test
  void fastLogIsWithinItsBoundBelowTheLogarithm() {
    Random random = new Random(5);
    double worst = 0;
    for (int round = 0; round < 200_000; round++) {
      // From 1 to about e^700, and many just above 1, where log(1 + x) sums are smallest.
      double x = round % 4 == 0 ? 1 + random.nextDouble() * 1e-3
          : Math.exp(random.nextDouble() * (round % 4 == 1 ? 3 : 700));
      check(x);
      worst = Math.max(worst, Math.log(x) - WhoKnows.fastLog(x));
    }
    // The interval midpoints and ends of the table, where the error peaks and vanishes.
    for (int i = 0; i <= 512; i++) {
      check(1 + i / 512.0);
      check(Math.scalb(1 + i / 512.0, 37));
    }
    check(1);
    check(Double.MAX_VALUE);
    // The bound is not loose by orders of magnitude either: the interpolation's error is real.
    assertThat(worst).isGreaterThan(WhoKnows.FAST_LOG_ERROR / 4);
  }

  private static void check(double x) {
    double exact = Math.log(x);
    double fast = WhoKnows.fastLog(x);
    assertThat(fast).as("fastLog(%s)", x)
        .isLessThanOrEqualTo(exact + 1e-15 * Math.max(1, exact))
        .isGreaterThanOrEqualTo(exact - WhoKnows.FAST_LOG_ERROR);
  }
}
