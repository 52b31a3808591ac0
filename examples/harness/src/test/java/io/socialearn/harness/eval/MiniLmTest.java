package io.socialearn.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The model behind {@code --meaning minilm}, loaded and run in process. */
class MiniLmTest {
  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return dot / Math.sqrt(aa * bb);
  }

  @Test
  void aQuestionInOtherWordsIsCloserThanAnotherQuestion() {
    MiniLm model = MiniLm.get();
    assertThat(MiniLm.get()).isSameAs(model);
    float[] asked = model.embed("How do I renew my residence permit?");
    float[] same = model.embed("Extending the visa I live here on: what papers do I need?");
    float[] other = model.embed("Which restaurant has the best pizza in town?");
    assertThat(asked).hasSize(384).isEqualTo(model.embed("How do I renew my residence permit?"));
    assertThat(cosine(asked, same)).isGreaterThan(cosine(asked, other) + 0.1);
  }
}
