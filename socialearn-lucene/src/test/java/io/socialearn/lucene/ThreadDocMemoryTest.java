package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.thread.ThreadKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A held thread's memory estimate counts its text as Java's compact strings keep it: a byte per
 * char while every char is Latin-1, two once any is not, so non-Latin-1 text is never
 * underestimated.
 */
class ThreadDocMemoryTest {
  @Test
  void latinOneTextCountsOneBytePerCharAndOtherTextTwo() {
    assertThat(ThreadDoc.textBytes("")).isZero();
    assertThat(ThreadDoc.textBytes("caf\u00e9 na\u00efve")).isEqualTo(10);
    assertThat(ThreadDoc.textBytes("payroll \u7d66\u4e0e")).isEqualTo(20);
    assertThat(ThreadDoc.textBytes("\u20ac" + "a".repeat(99))).isEqualTo(200);
  }

  @Test
  void theEstimateGrowsWithEachAnswerByItsTextAndAFixedShare() {
    ThreadDoc doc = new ThreadDoc("q1", 1, "hr", ThreadKind.QUESTION, "ana", 1, 0);
    doc.title = "Payroll cutoff";
    doc.body = "When is the cutoff?";
    doc.tags = List.of("payroll");
    long question = doc.memoryEstimate();
    assertThat(question).isEqualTo(14 + 19 + 400 + 160);
    doc.answers.put("a1", new ThreadDoc.Answer("bo", "The 20th"));
    assertThat(doc.memoryEstimate()).isEqualTo(question + 8 + 160);
    doc.comments.put("c1", new ThreadDoc.Comment("a1", "\u00a320"));
    assertThat(doc.memoryEstimate()).isEqualTo(question + 8 + 160 + 3 + 160);
    doc.answers.put("a2", new ThreadDoc.Answer("cy", "\u7d66\u4e0e"));
    assertThat(doc.memoryEstimate()).isEqualTo(question + 8 + 160 + 3 + 160 + 4 + 160);
  }

  @Test
  void anEditedTitleOrBodyIsCountedAnew() {
    ThreadDoc doc = new ThreadDoc("q1", 1, "hr", ThreadKind.QUESTION, "ana", 1, 0);
    doc.title = "Payroll cutoff";
    doc.body = "When?";
    doc.tags = List.of();
    long before = doc.memoryEstimate();
    doc.title = "Payroll cutoff date";
    assertThat(doc.memoryEstimate()).isEqualTo(before + 5);
    doc.body = "\u7d66\u4e0e";
    assertThat(doc.memoryEstimate()).isEqualTo(before + 5 - 5 + 4);
    doc.body = "When?";
    assertThat(doc.memoryEstimate()).isEqualTo(before + 5);
  }
}
