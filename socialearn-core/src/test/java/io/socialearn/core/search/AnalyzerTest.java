package io.socialearn.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests the package-private {@link Analyzer}. */
class AnalyzerTest {

  @Test
  void lowerCasesAndSplitsOnAnythingButLettersAndDigits() {
    assertThat(Analyzer.terms("Payroll-Deadline: 2026/03, OK?"))
        .containsExactly("payroll", "deadline", "2026", "03", "ok");
  }

  @Test
  void keepsTrailingPlusAndHashButNotOtherwise() {
    assertThat(Analyzer.terms("C++/Java, C#. F#!")).containsExactly("c++", "java", "c#", "f#");
    assertThat(Analyzer.terms("x+y #hashtag ++z")).containsExactly("x", "y", "hashtag", "z");
    assertThat(Analyzer.terms("c++11")).containsExactly("c", "11");
  }

  @Test
  void keepsUnicodeLettersAndCombiningMarks() {
    assertThat(Analyzer.terms("Über Straße naïve cafe\u0301 日本語"))
        .containsExactly("über", "straße", "naïve", "cafe\u0301", "日本語");
  }

  @Test
  void dropsEnglishStopWordsKeepingRepeats() {
    assertThat(Analyzer.terms("The cat and the other cat")).containsExactly("cat", "other", "cat");
    assertThat(Analyzer.terms("the of and")).isEmpty();
    assertThat(Analyzer.terms("")).isEmpty();
  }
}
