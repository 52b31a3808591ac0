package io.socialearn.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.socialearn.api.InvalidInputException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;

/**
 * The scalar serializers and deserializers of {@link SocialearnJacksonModule}: id records as
 * plain strings, {@link Instant} and {@link LocalDate} as ISO-8601 strings.
 *
 * <p>All are stateless apart from their final configuration and so thread-safe. Jackson
 * serializers are {@link java.io.Serializable}; the function fields are {@code transient}, so a
 * Java-deserialized copy is not usable (nobody should Java-serialize these).
 */
final class ValueCodecs {

  private ValueCodecs() {}

  /** Writes an id record as the JSON string of its value. */
  static final class IdSerializer<T> extends StdScalarSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<T, String> value;

    IdSerializer(Class<T> type, Function<T, String> value) {
      super(type);
      this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    public void serialize(T id, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.apply(id));
    }
  }

  /**
   * Reads an id record from a JSON string through its canonical constructor; a value the
   * constructor rejects fails with a Jackson exception whose cause is the
   * {@link InvalidInputException}.
   */
  static final class IdDeserializer<T> extends StdScalarDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> type;
    private final transient Function<String, T> factory;

    IdDeserializer(Class<T> type, Function<String, T> factory) {
      super(type);
      this.type = type;
      this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        throw ctxt.wrongTokenException(p, type, JsonToken.VALUE_STRING,
            "a " + type.getSimpleName() + " is written as a JSON string");
      }
      return create(factory, type, p.getText(), ctxt);
    }
  }

  /** Writes an id record used as a map key as its value. */
  static final class IdKeySerializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<T, String> value;

    IdKeySerializer(Class<T> type, Function<T, String> value) {
      super(type);
      this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    public void serialize(T id, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeFieldName(value.apply(id));
    }
  }

  /** Reads an id record used as a map key through its canonical constructor. */
  static final class IdKeyDeserializer<T> extends KeyDeserializer {
    private final Class<T> type;
    private final Function<String, T> factory;

    IdKeyDeserializer(Class<T> type, Function<String, T> factory) {
      this.type = Objects.requireNonNull(type, "type");
      this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
      return create(factory, type, key, ctxt);
    }
  }

  /**
   * Writes a {@code java.time} value such as {@link Instant} or {@link LocalDate} as its ISO-8601
   * {@code toString()}, e.g. "2024-05-01T09:30:00Z" or "2024-05-01".
   */
  static final class IsoSerializer<T> extends StdScalarSerializer<T> {
    private static final long serialVersionUID = 1L;

    IsoSerializer(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  /** Reads a {@code java.time} value from its ISO-8601 string with the type's {@code parse}. */
  static final class IsoDeserializer<T> extends StdScalarDeserializer<T> {
    private static final long serialVersionUID = 1L;

    private final transient Function<String, T> parse;
    private final String example;

    IsoDeserializer(Class<T> type, Function<String, T> parse, String example) {
      super(type);
      this.parse = parse;
      this.example = example;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String name = handledType().getSimpleName();
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        throw ctxt.wrongTokenException(p, handledType(), JsonToken.VALUE_STRING,
            "a " + name + " is written as an ISO-8601 string such as \"" + example + "\"");
      }
      String text = p.getText();
      try {
        return parse.apply(text);
      } catch (DateTimeException e) {
        throw ctxt.weirdStringException(text, handledType(),
            "not an ISO-8601 " + name + " such as \"" + example + "\"");
      }
    }
  }

  private static <T> T create(Function<String, T> factory, Class<T> type, String text,
      DeserializationContext ctxt) throws IOException {
    try {
      return factory.apply(text);
    } catch (InvalidInputException e) {
      throw ctxt.instantiationException(type, e);
    }
  }
}
