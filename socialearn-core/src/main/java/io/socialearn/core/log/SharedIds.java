package io.socialearn.core.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads the ids of which a community has few (people, spaces, tags) as one shared object per
 * value, so that every projection folding the log holds the same {@link PersonId} rather than one
 * copy per event: at a million posts and ten million votes, copies cost more heap than the votes
 * themselves. Each pool stops growing at {@value #MAX_SHARED} values (ids read beyond that are
 * read as fresh objects, so the pool cannot grow without bound). Thread-safe.
 */
final class SharedIds {
  /** The most values a pool holds. */
  static final int MAX_SHARED = 1 << 18;

  private SharedIds() {}

  /** A module whose id deserializers share objects; register it after the socialearn module. */
  static SimpleModule module() {
    SimpleModule module = new SimpleModule("socialearn-shared-ids");
    module.addDeserializer(PersonId.class, new Pooled<>(PersonId.class, PersonId::new));
    module.addDeserializer(SpaceId.class, new Pooled<>(SpaceId.class, SpaceId::new));
    module.addDeserializer(Tag.class, new Pooled<>(Tag.class, Tag::new));
    return module;
  }

  /** Reads an id written as a JSON string, one object per value up to the pool's bound. */
  static final class Pooled<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<String, T> factory;
    private final transient Map<String, T> pool = new ConcurrentHashMap<>();

    Pooled(Class<T> type, Function<String, T> factory) {
      super(type);
      this.factory = factory;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        throw ctxt.wrongTokenException(p, handledType(), JsonToken.VALUE_STRING,
            "a " + handledType().getSimpleName() + " is written as a JSON string");
      }
      String text = p.getText();
      T shared = pool.get(text);
      if (shared != null) {
        return shared;
      }
      T fresh;
      try {
        fresh = factory.apply(text);
      } catch (InvalidInputException e) {
        throw ctxt.instantiationException(handledType(), e);
      }
      if (pool.size() < MAX_SHARED) {
        T raced = pool.putIfAbsent(text, fresh);
        return raced != null ? raced : fresh;
      }
      return fresh;
    }
  }
}
