package io.socialearn.core.expertise;

import static io.socialearn.core.expertise.ModelDriver.OPEN;
import static io.socialearn.core.expertise.ModelDriver.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.event.ProfileUpdated;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A model written with {@link ExpertiseModel#writeTo} and read back equals the one written, and
 * folds any further events (votes and their retraction, accepts and their revocation, deletions,
 * re-tags, profile changes) to the same state and the same "who knows" as a model that never went
 * through a snapshot.
 */
class ExpertiseSnapshotProperties {
  private static final String[] PEOPLE = {"ana", "bo", "cy", "dee"};
  private static final String[] TOPICS = {"payroll", "tax", "excel"};

  /** One step of a history: {@code {kind, a, b, c}}. */
  @Provide
  Arbitrary<List<int[]>> histories() {
    return Arbitraries.integers().between(0, 999).array(int[].class).ofSize(4).list()
        .ofMinSize(1).ofMaxSize(80);
  }

  /** A thread with its asker and answers, as the history made them. */
  private record Asked(ThreadId id, String asker, List<PostId> answers, List<String> authors) {}

  /** Makes a history's events with a driver; the driver's log holds them. */
  private static ModelDriver history(List<int[]> steps, ExpertiseSettings settings) {
    ModelDriver d = new ModelDriver(settings);
    d.person("ana", "Finance", "payroll");
    d.person("bo", "Payroll");
    List<Asked> asked = new ArrayList<>();
    for (int[] s : steps) {
      Asked q = asked.isEmpty() ? null : asked.get(s[1] % asked.size());
      int i = q == null || q.answers().isEmpty() ? -1 : s[2] % q.answers().size();
      switch (s[0] % 12) {
        case 0 -> {
          SpaceId space = s[1] % 3 == 0 ? SECRET : OPEN;
          String asker = PEOPLE[s[2] % PEOPLE.length];
          asked.add(new Asked(d.question(space, asker, TOPICS[s[3] % 3],
              TOPICS[(s[3] / 3) % 3]), asker, new ArrayList<>(), new ArrayList<>()));
        }
        case 1, 2 -> {
          if (q != null) {
            String author = PEOPLE[s[2] % PEOPLE.length];
            q.authors().add(author);
            q.answers().add(d.answer(q.id(), author));
          }
        }
        case 3 -> {
          if (i >= 0) {
            d.upvote(q.id(), q.answers().get(i), "voter" + (s[3] % 5), q.authors().get(i));
          }
        }
        case 4 -> {
          if (i >= 0) {
            d.unvote(q.id(), q.answers().get(i), "voter" + (s[3] % 5), q.authors().get(i));
          }
        }
        case 5 -> {
          if (i >= 0) {
            d.accept(q.id(), q.answers().get(i), q.asker(), q.authors().get(i));
          }
        }
        case 6 -> {
          if (i >= 0) {
            d.unaccept(q.id(), q.answers().get(i), q.asker(), q.authors().get(i));
          }
        }
        case 7 -> {
          if (i >= 0) {
            d.delete(q.id(), q.answers().get(i));
          }
        }
        case 8 -> {
          if (q != null && s[3] % 3 == 0) {
            d.emit(new ThreadDeleted(q.id(), "gone", PersonId.of("mod")));
          }
        }
        case 9 -> {
          if (q != null) {
            d.retag(q.id(), TOPICS[s[3] % 3]);
          }
        }
        case 10 -> {
          String person = PEOPLE[s[2] % PEOPLE.length];
          d.emit(new ProfileUpdated(PersonProfile.builder(PersonId.of(person))
              .displayName(person).orgUnit(s[3] % 2 == 0 ? "Payroll" : "HR")
              .skills(TOPICS[s[3] % 3]).build(), PersonId.of(person)));
        }
        default -> {
          if (s[1] % 3 == 0) {
            d.endorse(PEOPLE[s[2] % PEOPLE.length], PEOPLE[s[3] % PEOPLE.length],
                TOPICS[s[3] % 3]);
          } else if (s[1] % 3 == 1) {
            // long enough for the frame to be rebased when half-lives are short
            d.advance(Duration.ofDays(5 + s[2] % 30));
          } else {
            d.advance(Duration.ofHours(1 + s[2] * 5L));
          }
        }
      }
      d.advance(Duration.ofMinutes(1 + s[3] % 7));
    }
    return d;
  }

  private static ExpertiseModel roundTrip(ExpertiseModel model, ExpertiseSettings settings)
      throws IOException {
    byte[] bytes = model.contents();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    ExpertiseModel read = ExpertiseModel.readFrom(in, settings, id -> id);
    assertThat(in.remaining()).as("reads exactly what was written").isZero();
    return read;
  }

  /**
   * Codes as a snapshot gives its rows: every other thread or answer seen gets the next code,
   * the rest none (written as text).
   */
  private static final class Codes {
    final List<ContentRef> byCode = new ArrayList<>();
    final Map<ContentRef, Integer> codes = new HashMap<>();
    int seen;

    int codeOf(ContentRef ref) {
      return codes.computeIfAbsent(ref, r -> {
        if (seen++ % 2 == 1) {
          return -1;
        }
        byCode.add(r);
        return byCode.size() - 1;
      });
    }
  }

  private static ExpertiseModel roundTripByCodes(ExpertiseModel model,
      ExpertiseSettings settings) throws IOException {
    Codes codes = new Codes();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.writeTo(new DataOutputStream(bytes), codes::codeOf);
    assertThat(codes.byCode.isEmpty()).isEqualTo(codes.seen == 0);
    ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
    ExpertiseModel read = ExpertiseModel.readFrom(in, settings, id -> id,
        code -> code < codes.byCode.size() ? codes.byCode.get(code) : null);
    assertThat(in.remaining()).as("reads exactly what was written").isZero();
    if (!codes.byCode.isEmpty()) {
      // A code that names nothing, or names an answer where a thread belongs, is refused.
      for (IntFunction<ContentRef> wrong : List.<IntFunction<ContentRef>>of(code -> null,
          code -> PostId.of("not-a-thread"))) {
        assertThatThrownBy(() -> ExpertiseModel.readFrom(ByteBuffer.wrap(bytes.toByteArray()),
            settings, id -> id, wrong)).isInstanceOf(IOException.class);
      }
    }
    return read;
  }

  @Property(tries = 200)
  void aRestoredModelFoldsFurtherEventsAsTheOriginal(@ForAll("histories") List<int[]> steps,
      @ForAll @IntRange(min = 0, max = 100) int cutPercent, @ForAll boolean shortHalfLives,
      @ForAll boolean byCodes) throws IOException {
    ExpertiseSettings settings = shortHalfLives
        ? ExpertiseSettings.defaults().withHalfLife(Duration.ofHours(1))
        : ExpertiseSettings.defaults();
    ModelDriver whole = history(steps, settings);
    List<RecordedEvent> log = whole.log;
    int cut = log.size() * cutPercent / 100;
    ExpertiseModel before = new ExpertiseModel(settings);
    log.subList(0, cut).forEach(before::apply);
    ExpertiseModel restored = byCodes ? roundTripByCodes(before, settings)
        : roundTrip(before, settings);
    assertThat(restored).isNotNull();
    assertThat(restored.contents()).isEqualTo(before.contents());
    assertThat(restored.image(whole.now)).isEqualTo(before.image(whole.now));

    log.subList(cut, log.size()).forEach(restored::apply);
    assertThat(Arrays.equals(restored.contents(), whole.model.contents()))
        .as("contents after the tail").isTrue();
    Instant now = whole.now.plus(Duration.ofDays(1));
    assertThat(restored.image(now)).isEqualTo(whole.model.image(now));
    // Each topic alone, and each pair of topics (which reads the answers filed by pair of tags).
    List<List<Tag>> queries = new ArrayList<>();
    for (int t = 0; t < TOPICS.length; t++) {
      queries.add(List.of(Tag.of(TOPICS[t])));
      for (int u = t + 1; u < TOPICS.length; u++) {
        queries.add(List.of(Tag.of(TOPICS[t]), Tag.of(TOPICS[u])));
      }
    }
    for (Set<SpaceId> readable : List.of(Set.of(OPEN), Set.of(OPEN, SECRET))) {
      for (List<Tag> topics : queries) {
        WhoKnowsOptions options = WhoKnowsOptions.defaults().limit(50).excludeViewer(false);
        assertThat(restored.whoKnows(PersonId.of("viewer"), null, topics, List.of(),
            readable::contains, p -> null, options, now))
            .isEqualTo(whole.model.whoKnows(PersonId.of("viewer"), null, topics, List.of(),
                readable::contains, p -> null, options, now));
      }
    }
  }

  @Property(tries = 30)
  void aModelScoredWithOtherSettingsIsNotRestored(@ForAll("histories") List<int[]> steps)
      throws IOException {
    ModelDriver d = history(steps, ExpertiseSettings.defaults());
    assertThat(roundTrip(d.model,
        ExpertiseSettings.defaults().withWeight(EvidenceKind.ANSWER_UPVOTE, 0.123))).isNull();
    assertThat(roundTrip(d.model,
        ExpertiseSettings.defaults().withHalfLife(Duration.ofDays(3)))).isNull();
  }

  @Property(tries = 30)
  void damagedBytesAreRefused(@ForAll("histories") List<int[]> steps,
      @ForAll @IntRange(min = 1, max = 99) int cutPercent) {
    byte[] bytes = history(steps, ExpertiseSettings.defaults()).model.contents();
    byte[] cut = Arrays.copyOf(bytes, bytes.length * cutPercent / 100);
    assertThatThrownBy(() -> ExpertiseModel.readFrom(ByteBuffer.wrap(cut),
        ExpertiseSettings.defaults(), id -> id)).isInstanceOf(IOException.class);
  }
}
