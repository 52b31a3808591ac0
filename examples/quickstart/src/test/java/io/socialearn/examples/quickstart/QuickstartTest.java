package io.socialearn.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickstartTest {

  @Test
  void walkThroughEndsWithTheCrossDepartmentAnswerAcceptedOnTop() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ThreadDetail detail = Quickstart.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

    assertThat(detail.summary().state()).isEqualTo(ThreadState.ANSWERED);
    assertThat(detail.answers()).hasSize(2);
    assertThat(detail.answers().get(0).accepted()).isTrue();
    assertThat(detail.answers().get(0).author().value()).isEqualTo("bo");
    assertThat(detail.answers().get(0).score()).isEqualTo(2);
    assertThat(detail.answers().get(1).comments()).hasSize(1);
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("Ana asked: How are overtime hours taxed in December?")
        .contains("State: ANSWERED, 2 answers")
        .contains("Search 'overtime tax' finds: How are overtime hours taxed in December?")
        .contains("Unanswered questions left in the space: 0")
        .contains("Who knows 'payroll tax on a bonus': bo (1 accepted answer in payroll, tax,")
        .contains("Dee asked; socialearn asked [bo]")
        .contains("Pulse: 2 questions, 100% answered, 100% accepted; 1 routed, 1 of them"
            + " answered");
    // Bo, with the accepted answer, is named before Cy.
    assertThat(printed.indexOf("Who knows 'payroll tax on a bonus': bo"))
        .isLessThan(printed.indexOf("Who knows 'payroll tax on a bonus': cy"));
  }
}
