package io.socialearn.core.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.socialearn.api.command.Command;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceFeatures;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.thread.CommentId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * The Jackson 2 module that maps the socialearn api types to JSON without annotations on them.
 *
 * <p>What it does:
 * <ul>
 *   <li>{@code PersonId}, {@code SpaceId}, {@code ThreadId}, {@code PostId}, {@code CommentId}, {@code SessionId}
 *       and {@code Tag} are plain JSON strings, also as map keys; reading goes through the
 *       canonical constructor, so an invalid id fails with its
 *       {@link io.socialearn.api.InvalidInputException} as the cause.
 *   <li>A {@code ContentRef} is {@code {"thread":"t-1"}} or {@code {"post":"p-2"}}.
 *   <li>A {@code DomainEvent} or {@code Command} is an object whose {@code "type"} property holds
 *       a stable name such as {@code "vote.cast"} or {@code "cast-vote"} (see
 *       {@link SocialearnJson#typeName(Class)}); an unknown name fails to read with an
 *       {@link com.fasterxml.jackson.databind.exc.InvalidTypeIdException} that quotes it.
 *   <li>{@code Instant} and {@code LocalDate} are ISO-8601 strings; jackson-datatype-jsr310 is not
 *       needed.
 *   <li>Api records are written as their record components only; other records are untouched.
 *   <li>Events, {@code RecordedEvent} and the records events hold ({@code PersonProfile}, {@code
 *       SpaceFeatures}) ignore unknown properties on read,
 *       even in a mapper that otherwise fails on them.
 * </ul>
 *
 * <p>Mapper-wide settings cannot come from a module; {@link SocialearnJson#newMapper()} adds them
 * (omit nulls, missing collections read as empty). A module instance is immutable once
 * registered and may be registered with any number of mappers.
 */
public final class SocialearnJacksonModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  /** Creates the module; registering it twice with one mapper has no further effect. */
  public SocialearnJacksonModule() {
    super("socialearn", new Version(0, 1, 0, "SNAPSHOT", "io.socialearn", "socialearn-core"));

    addId(PersonId.class, PersonId::value, PersonId::new);
    addId(SpaceId.class, SpaceId::value, SpaceId::new);
    addId(ThreadId.class, ThreadId::value, ThreadId::new);
    addId(PostId.class, PostId::value, PostId::new);
    addId(CommentId.class, CommentId::value, CommentId::new);
    addId(SessionId.class, SessionId::value, SessionId::new);
    addId(Tag.class, Tag::value, Tag::new);

    addSerializer(Instant.class, new ValueCodecs.IsoSerializer<>(Instant.class));
    addDeserializer(Instant.class, new ValueCodecs.IsoDeserializer<>(Instant.class,
        Instant::parse, "2024-05-01T09:30:00Z"));
    addSerializer(LocalDate.class, new ValueCodecs.IsoSerializer<>(LocalDate.class));
    addDeserializer(LocalDate.class, new ValueCodecs.IsoDeserializer<>(LocalDate.class,
        LocalDate::parse, "2024-05-01"));

    setMixInAnnotation(DomainEvent.class, Mixins.TypedByProperty.class);
    setMixInAnnotation(Command.class, Mixins.TypedByProperty.class);
    setMixInAnnotation(ContentRef.class, Mixins.TypedByWrapperKey.class);
    setMixInAnnotation(ThreadId.class, Mixins.Untyped.class);
    setMixInAnnotation(PostId.class, Mixins.Untyped.class);
    registerNames(TypeNames.EVENTS);
    registerNames(TypeNames.COMMANDS);
    registerNames(TypeNames.CONTENT_REFS);

    setSerializerModifier(new Mixins.RecordComponentsOnly());
  }

  /**
   * Registers the module's serializers, deserializers and mix-ins with {@code context}, and makes
   * events and the records stored with them ignore unknown properties.
   *
   * @param context the mapper's setup context
   */
  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    JsonIgnoreProperties.Value ignoreUnknown = JsonIgnoreProperties.Value.forIgnoreUnknown(true);
    for (Class<?> event : TypeNames.EVENTS.keySet()) {
      context.configOverride(event).setIgnorals(ignoreUnknown);
    }
    context.configOverride(RecordedEvent.class).setIgnorals(ignoreUnknown);
    context.configOverride(PersonProfile.class).setIgnorals(ignoreUnknown);
    // The one other record events hold (SpaceConfigured's).
    context.configOverride(SpaceFeatures.class).setIgnorals(ignoreUnknown);
  }

  private <T> void addId(Class<T> type, Function<T, String> value, Function<String, T> factory) {
    addSerializer(type, new ValueCodecs.IdSerializer<>(type, value));
    addDeserializer(type, new ValueCodecs.IdDeserializer<>(type, factory));
    addKeySerializer(type, new ValueCodecs.IdKeySerializer<>(type, value));
    addKeyDeserializer(type, new ValueCodecs.IdKeyDeserializer<>(type, factory));
  }

  private void registerNames(Map<Class<?>, String> names) {
    names.forEach((type, name) -> registerSubtypes(new NamedType(type, name)));
  }
}
