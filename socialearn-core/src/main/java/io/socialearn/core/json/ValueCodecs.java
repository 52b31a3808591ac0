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

  /** Writes an {@link Instant} as {@link Instant#toString()}, e.g. "2024-05-01T09:30:00Z". */
  static final class InstantSerializer extends StdScalarSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  /** Reads an {@link Instant} with {@link Instant#parse(CharSequence)}. */
  static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        throw ctxt.wrongTokenException(p, Instant.class, JsonToken.VALUE_STRING,
            "an Instant is written as an ISO-8601 string such as \"2024-05-01T09:30:00Z\"");
      }
      String text = p.getText();
      try {
        return Instant.parse(text);
      } catch (DateTimeException e) {
        throw ctxt.weirdStringException(text, Instant.class,
            "not an ISO-8601 instant such as \"2024-05-01T09:30:00Z\"");
      }
    }
  }

  /** Writes a {@link LocalDate} as {@link LocalDate#toString()}, e.g. "2024-05-01". */
  static final class LocalDateSerializer extends StdScalarSerializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    LocalDateSerializer() {
      super(LocalDate.class);
    }

    @Override
    public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  /** Reads a {@link LocalDate} with {@link LocalDate#parse(CharSequence)}. */
  static final class LocalDateDeserializer extends StdScalarDeserializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    LocalDateDeserializer() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        throw ctxt.wrongTokenException(p, LocalDate.class, JsonToken.VALUE_STRING,
            "a LocalDate is written as an ISO-8601 string such as \"2024-05-01\"");
      }
      String text = p.getText();
      try {
        return LocalDate.parse(text);
      } catch (DateTimeException e) {
        throw ctxt.weirdStringException(text, LocalDate.class,
            "not an ISO-8601 date such as \"2024-05-01\"");
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
