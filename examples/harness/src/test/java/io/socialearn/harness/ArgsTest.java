package io.socialearn.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {

  @Test
  void readsOptionsAndFlagsAndRefusesWhatItDoesNotRead() {
    Args args = Args.parse(List.of("--dump", "/tmp/x", "--verbose", "--k", "20"));
    assertThat(args.required("dump")).isEqualTo("/tmp/x");
    assertThat(args.flag("verbose")).isTrue();
    assertThat(args.number("k", 10, 1, 100)).isEqualTo(20);
    args.done();

    Args extra = Args.parse(List.of("--dump", "d", "--typo", "1"));
    extra.required("dump");
    assertThatThrownBy(extra::done).isInstanceOf(UsageException.class)
        .hasMessage("unknown option --typo");
  }

  @Test
  void badArgumentsAreUsageErrorsNamingTheProblem() {
    assertThatThrownBy(() -> Args.parse(List.of("stray"))).isInstanceOf(UsageException.class)
        .hasMessageContaining("unexpected argument 'stray'");
    assertThatThrownBy(() -> Args.parse(List.of("--a", "1", "--a", "2")))
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> Args.parse(List.of()).required("dump"))
        .hasMessage("missing option --dump VALUE");
    assertThatThrownBy(() -> Args.parse(List.of("--k", "x")).number("k", 1, 1, 5))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> Args.parse(List.of("--dump", "/no/such/dir")).directory("dump"))
        .hasMessage("--dump /no/such/dir: no such directory");
  }

  @Test
  void anUnknownSubcommandExitsWithStatusTwoAndOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(List.of("frobnicate"), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: unknown subcommand")
        .hasLineCount(1);
  }

  @Test
  void theSummaryIsOneJsonLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonSummary().put("queries", 3).put("mrr", 0.5).print(
        new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"queries\":3,\"mrr\":0.5}\n");
  }
}
