package io.socialearn.core.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.mentoring.MentorMatch;
import io.socialearn.api.pulse.BacklogQuestion;
import io.socialearn.api.pulse.KnowledgeCapture;
import io.socialearn.api.pulse.PersonCount;
import io.socialearn.api.pulse.PulseReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A pulse or mentoring value read from JSON without what it needs is an error, not half built. */
class HalfBuiltValuesTest {
  static final ObjectMapper M = SocialearnJson.newMapper();

  /**
   * Missing required fields must fail with a Jackson exception wrapping an InvalidInputException
   * (as PulseFigures does for "routing"), never yield a value whose non-nullable fields are null:
   * PulseReport.scope/period/current, KnowledgeCapture.person ("whose knowledge"),
   * MentorMatch.learner/mentor, BacklogQuestion.thread, PersonCount.person ("who").
   */
  @ParameterizedTest
  @ValueSource(classes = {PulseReport.class, KnowledgeCapture.class, MentorMatch.class,
      BacklogQuestion.class, PersonCount.class})
  void readingAnEmptyObjectFailsInsteadOfBuildingAHalfValue(Class<?> type) {
    assertThatThrownBy(() -> System.out.println("READ " + M.readValue("{}", type)))
        .isInstanceOf(JsonMappingException.class)
        .hasRootCauseInstanceOf(InvalidInputException.class);
  }
}
