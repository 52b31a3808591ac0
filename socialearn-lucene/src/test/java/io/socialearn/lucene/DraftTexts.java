package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.lucene.search.TopDocs;

/** Made-up words for drafts, and a comparison of top documents, for similar-questions tests. */
final class DraftTexts {
  /** Workplace words, some sharing a stem, and a stop word. */
  static final String[] WORDS = {"payroll", "deadline", "portal", "login", "expense",
      "travel", "laptop", "badge", "holiday", "contract", "pension", "training", "parking",
      "printer", "invoice", "the", "running", "runs", "vpn", "desk", "rota", "shift", "leave"};

  private DraftTexts() {}

  /** {@code n} words drawn from {@link #WORDS}, separated by spaces. */
  static String words(Random random, int n) {
    return words(WORDS, random, n);
  }

  /** {@code n} words drawn from {@code vocabulary}, separated by spaces. */
  static String words(String[] vocabulary, Random random, int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
    }
    return text.toString();
  }

  /**
   * {@code ours} holds {@code expected}'s scores to 1e-4, and its documents wherever the
   * expected scores are not tied.
   */
  static void assertSameTop(TopDocs ours, TopDocs expected) {
    assertThat(ours.scoreDocs).hasSameSizeAs(expected.scoreDocs);
    for (int i = 0; i < ours.scoreDocs.length; i++) {
      assertThat(ours.scoreDocs[i].score)
          .isCloseTo(expected.scoreDocs[i].score, within(1e-4f));
      if (i == 0 || expected.scoreDocs[i - 1].score - expected.scoreDocs[i].score > 1e-4f) {
        assertThat(ours.scoreDocs[i].doc).isEqualTo(expected.scoreDocs[i].doc);
      }
    }
  }
}
