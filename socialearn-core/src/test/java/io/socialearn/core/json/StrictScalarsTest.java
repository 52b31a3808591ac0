package io.socialearn.core.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialearn.api.command.Command;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers and booleans read only as written: no truncating, no coercing. */
class StrictScalarsTest {
  static final ObjectMapper M = SocialearnJson.newMapper();

  /** Wrong JSON types must be refused, not silently truncated or coerced into another value. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"adjust-reputation\",\"person\":\"bob\",\"delta\":2.9,\"reason\":\"bonus\"}",
      "{\"type\":\"offer-bounty\",\"question\":\"t-1\",\"amount\":50.75}",
      "{\"type\":\"resolve-flags\",\"target\":{\"post\":\"p-2\"},\"agreed\":7}",
      "{\"type\":\"offer-bounty\",\"question\":\"t-1\",\"amount\":\"100\"}"})
  void wrongTypesAreRefused(String json) {
    assertThatThrownBy(() -> System.out.println("READ " + M.readValue(json,
        new TypeReference<Command<?>>() {})))
        .isInstanceOf(JsonMappingException.class);
  }
}
