package io.socialearn.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Entry point to the JSON form of the socialearn api types.
 *
 * <p>Thread-safe: it holds no state.
 */
public final class SocialearnJson {

  private SocialearnJson() {}

  /**
   * Returns a new mapper for the api types: {@link SocialearnJacksonModule} plus these settings.
   * <ul>
   *   <li>Null properties are omitted on write; an absent property reads back as {@code null},
   *       {@code 0} or {@code false}, and an absent or null {@code List}, {@code Set} or
   *       {@code Collection} as an empty one, so that a record written before a property existed
   *       still reads.
   *   <li>Unknown properties are ignored on read.
   *   <li>Enums are read by name only, never by ordinal.
   *   <li>Numbers and booleans are read only as written: a fraction where a whole number belongs,
   *       a number where a boolean belongs or a number in a string is an error, not truncated or
   *       coerced.
   * </ul>
   *
   * <p>Each call builds a new mapper, which is not cheap; create one and share it. The mapper is
   * thread-safe once built, as long as nobody reconfigures it.
   *
   * @return a new, fully configured mapper
   */
  public static ObjectMapper newMapper() {
    JsonSetter.Value nullsAsEmpty = JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);
    return JsonMapper.builder()
        .addModule(new SocialearnJacksonModule())
        .defaultPropertyInclusion(JsonInclude.Value.construct(
            JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        // A number is read as the type it is written as: 2.9 is no whole number, 7 no boolean and
        // "100" no number (Jackson would truncate, or coerce, each by default).
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withConfigOverride(List.class, o -> o.setSetterInfo(nullsAsEmpty))
        .withConfigOverride(Set.class, o -> o.setSetterInfo(nullsAsEmpty))
        .withConfigOverride(Collection.class, o -> o.setSetterInfo(nullsAsEmpty))
        .build();
  }

  /**
   * Returns the stable JSON type name of an event, command or content-reference class, such as
   * {@code "vote.cast"} for {@code VoteCast}, {@code "cast-vote"} for {@code CastVote} and
   * {@code "thread"} for {@code ThreadId}.
   *
   * <p>Useful where the type must be known without parsing, such as an event log's type column.
   *
   * @param type a {@code DomainEvent} or {@code Command} record class, {@code ThreadId} or
   *     {@code PostId}
   * @return the name written in the {@code "type"} property (or as the wrapper key of a
   *     {@code ContentRef})
   * @throws IllegalArgumentException if {@code type} has no type name
   */
  public static String typeName(Class<?> type) {
    String name = TypeNames.nameOf(Objects.requireNonNull(type, "type"));
    if (name == null) {
      throw new IllegalArgumentException(type.getName() + " has no socialearn JSON type name");
    }
    return name;
  }
}
