package io.socialearn.api.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.people.PersonId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpertCandidateTest {

  @Test
  void signalsIterateInMixOrderThenOtherNamesAlphabetically() {
    List<String> names = new ArrayList<>(ExpertiseMix.SIGNALS);
    names.add("zeta");
    names.add("alpha");
    for (long seed = 0; seed < 20; seed++) {
      Collections.shuffle(names, new Random(seed));
      Map<String, Double> given = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        given.put(names.get(i), (double) i);
      }
      ExpertCandidate c = new ExpertCandidate(PersonId.of("p"), 1, List.of(), given);
      List<String> expected = new ArrayList<>(ExpertiseMix.SIGNALS);
      expected.add("alpha");
      expected.add("zeta");
      assertThat(c.signals().keySet()).as("seed %d", seed).containsExactlyElementsOf(expected);
      assertThat(c.signals()).isEqualTo(given);
    }
  }

  @Test
  void aPartialSetOfSignalsKeepsTheMixOrderOfThoseGiven() {
    Map<String, Double> given = new HashMap<>();
    given.put("lastAnswer1w", 1.0);
    given.put("topic", 2.0);
    given.put("documents", 3.0);
    ExpertCandidate c = new ExpertCandidate(PersonId.of("p"), 1, List.of(), given);
    assertThat(c.signals().keySet()).containsExactly("topic", "documents", "lastAnswer1w");
  }

  @Test
  void theCandidateIsACopyTheCallerCannotChange() {
    Map<String, Double> given = new HashMap<>(Map.of("topic", 1.0));
    List<String> reasons = new ArrayList<>(List.of("answers payroll questions"));
    ExpertCandidate c = new ExpertCandidate(PersonId.of("p"), 1, reasons, given);
    given.put("topic", 9.0);
    reasons.clear();
    assertThat(c.signals()).containsExactly(Map.entry("topic", 1.0));
    assertThat(c.reasons()).containsExactly("answers payroll questions");
    assertThatThrownBy(() -> c.signals().put("topic", 2.0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.reasons().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNullSignalValueOrNameOrReasonIsRefusedNamingIt() {
    Map<String, Double> nullValue = new HashMap<>();
    nullValue.put("topic", null);
    assertThatThrownBy(() -> new ExpertCandidate(PersonId.of("p"), 1, List.of(), nullValue))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("signals[topic]");
          assertThat(e.rule()).isEqualTo("required");
        });
    Map<String, Double> nullKey = new HashMap<>();
    nullKey.put(null, 1.0);
    assertThatThrownBy(() -> new ExpertCandidate(PersonId.of("p"), 1, List.of(), nullKey))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("signals key"));
    assertThatThrownBy(() -> new ExpertCandidate(PersonId.of("p"), 1,
        Arrays.asList("fine", null), Map.of()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("reasons[]"));
    assertThatThrownBy(() -> new ExpertCandidate(null, 1, List.of(), Map.of()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("person"));
  }
}
