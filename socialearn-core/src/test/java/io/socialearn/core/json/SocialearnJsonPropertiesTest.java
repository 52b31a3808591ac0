package io.socialearn.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.VoteDirection;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties: random valid ids, tags and texts survive a JSON round trip unchanged. */
class SocialearnJsonPropertiesTest {

  private static final ObjectMapper MAPPER = SocialearnJson.newMapper();

  @Property(tries = 300)
  void threadStartedRoundTrips(@ForAll("threadStarted") ThreadStarted event) throws Exception {
    byte[] json = MAPPER.writeValueAsBytes(event);
    assertThat(MAPPER.readValue(json, DomainEvent.class)).isEqualTo(event);
  }

  @Property(tries = 300)
  void recordedVoteRoundTrips(@ForAll("recordedVote") RecordedEvent recorded) throws Exception {
    String json = MAPPER.writeValueAsString(recorded);
    assertThat(MAPPER.readValue(json, RecordedEvent.class)).isEqualTo(recorded);
  }

  @Property(tries = 300)
  void tagsRoundTrip(@ForAll("tags") Tag tag) throws Exception {
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(tag), Tag.class)).isEqualTo(tag);
  }

  @Provide
  Arbitrary<ThreadStarted> threadStarted() {
    return Combinators.combine(
            ids().map(ThreadId::of),
            ids().map(SpaceId::of),
            Arbitraries.of(ThreadKind.class),
            texts(),
            texts(),
            tags().list().ofMaxSize(5),
            ids().map(PersonId::of))
        .as(ThreadStarted::new);
  }

  @Provide
  Arbitrary<RecordedEvent> recordedVote() {
    Arbitrary<ContentRef> target = Arbitraries.oneOf(
        ids().map(ThreadId::of), ids().map(PostId::of));
    Arbitrary<VoteCast> vote = Combinators.combine(
            target, ids().map(ThreadId::of), ids().map(PersonId::of),
            Arbitraries.of(VoteDirection.class), ids().map(PersonId::of))
        .as(VoteCast::new);
    Arbitrary<Instant> at = Combinators.combine(
            Arbitraries.longs().between(-31_557_014_167_219_200L, 31_556_889_864_403_199L),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
    return Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE), at, vote)
        .as(RecordedEvent::new);
  }

  /** Ids as {@code Validate.id} allows them: 1 to 128 of letters, digits and . _ - : @ +. */
  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings()
        .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
        .withChars('.', '_', '-', ':', '@', '+')
        .ofMinLength(1).ofMaxLength(128);
  }

  /** Tags as {@code Tag} allows them: a-z or 0-9 first, then a-z 0-9 + # . -, at most 35. */
  @Provide
  Arbitrary<Tag> tags() {
    Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('0', '9');
    Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z')
        .withCharRange('0', '9').withChars('+', '#', '.', '-').ofMaxLength(Tag.MAX_LENGTH - 1);
    return Combinators.combine(first, rest).as((f, r) -> new Tag(f + r));
  }

  /**
   * Any text: arbitrary UTF-16 chars (lone surrogates included), or arbitrary code points
   * (supplementary characters included), plus control characters, quotes and backslashes.
   */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> chars = Arbitraries.strings().all().ofMaxLength(200);
    Arbitrary<String> codePoints = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
        .list().ofMaxSize(200)
        .map(SocialearnJsonPropertiesTest::fromCodePoints);
    return Arbitraries.oneOf(chars, codePoints)
        .edgeCases(config -> config.add("", "\"\\\u0000\n\t", "\uD83D\uDE80", "a\uD800b"));
  }

  private static String fromCodePoints(List<Integer> codePoints) {
    StringBuilder text = new StringBuilder();
    codePoints.forEach(text::appendCodePoint);
    return text.toString();
  }
}
