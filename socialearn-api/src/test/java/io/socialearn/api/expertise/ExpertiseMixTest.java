package io.socialearn.api.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpertiseMixTest {

  @Test
  void weightsComeBackInSignalOrderUnderTheirNames() {
    double[] w = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    ExpertiseMix mix = ExpertiseMix.of(w);
    assertThat(mix.weights()).containsExactly(w);
    assertThat(mix.asMap().keySet()).containsExactlyElementsOf(ExpertiseMix.SIGNALS);
    assertThat(mix.asMap()).containsEntry("lastAnswer1h", 8.0).containsEntry("lastAnswer6h", 9.0)
        .containsEntry("lastAnswer1d", 10.0).containsEntry("lastAnswer1w", 11.0)
        .containsEntry("topicShare", 12.0);
    assertThat(mix.lastAnswer1h()).isEqualTo(8.0);
    assertThat(mix.topicShare()).isEqualTo(12.0);
    assertThat(ExpertiseMix.SIGNALS).doesNotHaveDuplicates().hasSize(12);
  }

  @Test
  void theSignalNamesCannotBeChangedByAnyone() {
    assertThatThrownBy(() -> ExpertiseMix.SIGNALS.set(0, "mine"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ExpertiseMix.SIGNALS.add("mine"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(ExpertiseMix.SIGNALS.get(0)).isEqualTo("topic");
  }

  @Test
  void aNegativeOrNonFiniteWeightIsRefusedNamingItsSignal() {
    assertThatThrownBy(() -> new ExpertiseMix(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("lastAnswer1w");
          assertThat(e.rule()).isEqualTo("nonNegative");
        });
    assertThatThrownBy(() -> new ExpertiseMix(0, 0, 0, 0, 0, 0, 0, Double.NaN, 0, 0, 0, 0))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("lastAnswer1h"));
    assertThatThrownBy(() -> new ExpertiseMix(0, 0, 0, 0, 0, 0, 0, 0, Double.POSITIVE_INFINITY,
        0, 0, 0)).isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("lastAnswer6h"));
    assertThatThrownBy(() -> new ExpertiseMix(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -0.5))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("topicShare"));
    assertThatThrownBy(() -> ExpertiseMix.of(new double[11]))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.rule()).isEqualTo("length"));
  }

  @Test
  void theDefaultMixIsTheLearnedOneTheJavadocDescribes() {
    Map<String, Double> d = ExpertiseMix.defaults().asMap();
    assertThat(d).containsEntry("topicShare", 3.29).containsEntry("lastAnswer1w", 1.37)
        .containsEntry("lastAnswer1h", 0.69).containsEntry("topic", 0.0)
        .containsEntry("topicRecent", 0.0).containsEntry("topicSpecific", 0.0);
    assertThat(d.values()).allSatisfy(w -> assertThat(w).isBetween(0.0, 3.29));
    assertThat(d.get("lastAnswer1w")).isGreaterThan(d.get("lastAnswer1h"))
        .isGreaterThan(d.get("fresh"));
  }

  @Test
  void withChangesOneWeightByNameAndRefusesAnUnknownSignalOrABadWeight() {
    ExpertiseMix mix = ExpertiseMix.defaults().with("documents", 2).with("topicShare", 0);
    assertThat(mix.documents()).isEqualTo(2.0);
    assertThat(mix.topicShare()).isZero();
    assertThat(mix.lastAnswer1w()).isEqualTo(ExpertiseMix.defaults().lastAnswer1w());
    assertThatThrownBy(() -> mix.with("topics", 1))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("signal");
          assertThat(e.rule()).isEqualTo("unknown");
          assertThat(e.getMessage()).contains("'topics'").contains("topicShare");
        });
    assertThatThrownBy(() -> mix.with("fresh", -1))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("fresh"));
    assertThatThrownBy(() -> mix.with(null, 1)).isInstanceOf(InvalidInputException.class);
  }
}
