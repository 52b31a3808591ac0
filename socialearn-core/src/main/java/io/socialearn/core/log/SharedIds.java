package io.socialearn.core.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads ids as one shared object per value, so that every projection folding the log holds the
 * same {@link PersonId} or {@link PostId} rather than one copy per event: at a million posts and
 * ten million votes, copies cost more heap than the votes themselves. People, spaces and tags,
 * of which a community has few, are pooled strongly up to {@value #MAX_SHARED} values each (ids
 * beyond that are read as fresh objects, so the pool cannot grow without bound). Threads and
 * posts are pooled weakly, and only within one read of the log ({@link #pooling}): a pool kept
 * for the life of the process would keep a weak reference (about 40 bytes) for every id the
 * projections hold after a full replay, 38 MB at a million posts. Thread-safe.
 */
final class SharedIds {
  /** The most values a pool holds. */
  static final int MAX_SHARED = 1 << 18;

  private SharedIds() {}

  /** The attribute of a read holding its pool of thread and post ids (see {@link #pooling}). */
  private static final Object READ_POOL = new Object();

  /**
   * {@code reader} with a pool of its own for thread and post ids: the events it reads share one
   * object per id for as long as something holds it, and the pool goes with the reader.
   */
  static ObjectReader pooling(ObjectReader reader) {
    return reader.withAttribute(READ_POOL, new WeakInterner<Object>());
  }

  /** A module whose id deserializers share objects; register it after the socialearn module. */
  static SimpleModule module() {
    SimpleModule module = new SimpleModule("socialearn-shared-ids");
    module.addDeserializer(PersonId.class, new Pooled<>(PersonId.class, PersonId::new));
    module.addDeserializer(SpaceId.class, new Pooled<>(SpaceId.class, SpaceId::new));
    module.addDeserializer(Tag.class, new Pooled<>(Tag.class, Tag::new));
    module.addDeserializer(ThreadId.class, new Weak<>(ThreadId.class, ThreadId::new));
    module.addDeserializer(PostId.class, new Weak<>(PostId.class, PostId::new));
    return module;
  }

  /**
   * Reads an id of which there are as many as posts as one object per value, within a read given
   * a pool by {@link #pooling}, for as long as anything holds it: a weak pool, so it never keeps
   * an id alive by itself. A read with no pool (a point read) gets a fresh object.
   */
  static final class Weak<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<String, T> factory;
    private final transient Class<T> type;

    Weak(Class<T> type, Function<String, T> factory) {
      super(type);
      this.factory = factory;
      this.type = type;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      T read = parse(this, factory, text(this, p, ctxt), ctxt);
      @SuppressWarnings("unchecked")
      WeakInterner<Object> pool = (WeakInterner<Object>) ctxt.getAttribute(READ_POOL);
      // Ids of different types are never equal, so one pool serves both.
      return pool == null ? read : type.cast(pool.intern(read));
    }
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
      String text = text(this, p, ctxt);
      T shared = pool.get(text);
      if (shared != null) {
        return shared;
      }
      T fresh = parse(this, factory, text, ctxt);
      if (pool.size() < MAX_SHARED) {
        T raced = pool.putIfAbsent(text, fresh);
        return raced != null ? raced : fresh;
      }
      return fresh;
    }
  }

  /** The id's text, or a clear error if the token is not a string. */
  private static String text(StdDeserializer<?> d, JsonParser p, DeserializationContext ctxt)
      throws IOException {
    if (!p.hasToken(JsonToken.VALUE_STRING)) {
      throw ctxt.wrongTokenException(p, d.handledType(), JsonToken.VALUE_STRING,
          "a " + d.handledType().getSimpleName() + " is written as a JSON string");
    }
    return p.getText();
  }

  /** The id of {@code text}, with the id's own validation error as Jackson's. */
  private static <T> T parse(StdDeserializer<?> d, Function<String, T> factory, String text,
      DeserializationContext ctxt) throws IOException {
    try {
      return factory.apply(text);
    } catch (InvalidInputException e) {
      throw ctxt.instantiationException(d.handledType(), e);
    }
  }
}
