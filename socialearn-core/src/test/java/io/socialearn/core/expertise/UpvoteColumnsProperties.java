package io.socialearn.core.expertise;

import static io.socialearn.core.expertise.ModelDriver.OPEN;
import static io.socialearn.core.expertise.ModelDriver.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.expertise.Evidence;
import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Up votes held as columns, not facts: against a plain record of which votes are live (cast,
 * retracted, recast in the same instant, on answers deleted, in threads deleted or re-tagged,
 * over weeks so that dead entries are dropped), the model lists exactly the live votes as
 * evidence, keeps them through a snapshot, and leaves out those at or after a cut-off as a model
 * that never saw them would.
 */
class UpvoteColumnsProperties {
  private static final String[] AUTHORS = {"ana", "bo", "cy"};
  /** Voters; the authors among them may not vote for themselves. */
  private static final String[] VOTERS = {"ana", "bo", "cy", "v0", "v1", "v2", "v3"};
  private static final String[] TOPICS = {"payroll", "tax", "excel"};

  @Provide
  Arbitrary<List<int[]>> histories() {
    return Arbitraries.integers().between(0, 999).array(int[].class).ofSize(4).list()
        .ofMinSize(1).ofMaxSize(200);
  }

  /** What the history did, kept plainly: the live answers, their threads' tags, their votes. */
  private static final class Record {
    final ModelDriver d = new ModelDriver();
    final List<ThreadId> threads = new ArrayList<>();
    final Map<ThreadId, List<String>> tags = new HashMap<>();
    final List<PostId> answers = new ArrayList<>();
    final Map<PostId, ThreadId> threadOf = new HashMap<>();
    final Map<PostId, String> authorOf = new HashMap<>();
    /** Live answers' live up votes: voter to when. */
    final Map<PostId, Map<String, Instant>> votes = new LinkedHashMap<>();
  }

  private static Record history(List<int[]> steps) {
    Record r = new Record();
    ModelDriver d = r.d;
    for (int[] s : steps) {
      ThreadId t = r.threads.isEmpty() ? null : r.threads.get(s[1] % r.threads.size());
      PostId p = r.answers.isEmpty() ? null : r.answers.get(s[2] % r.answers.size());
      switch (s[0] % 9) {
        case 0 -> {
          List<String> tags = s[3] % 2 == 0 ? List.of(TOPICS[s[3] % 3])
              : List.of(TOPICS[s[3] % 3], TOPICS[(s[3] / 3 + 1 + s[3] % 3) % 3]);
          ThreadId q = d.question(s[1] % 4 == 0 ? SECRET : OPEN, "asker",
              tags.toArray(String[]::new));
          r.threads.add(q);
          r.tags.put(q, tags.stream().distinct().toList());
        }
        case 1 -> {
          if (t != null) {
            String author = AUTHORS[s[3] % AUTHORS.length];
            PostId a = d.answer(t, author);
            r.answers.add(a);
            r.threadOf.put(a, t);
            r.authorOf.put(a, author);
            if (r.tags.containsKey(t)) {
              r.votes.put(a, new LinkedHashMap<>());
            }
          }
        }
        case 2, 3, 4 -> {
          if (p != null) {
            String voter = VOTERS[s[3] % VOTERS.length];
            d.upvote(r.threadOf.get(p), p, voter, r.authorOf.get(p));
            Map<String, Instant> live = r.votes.get(p);
            if (live != null && !voter.equals(r.authorOf.get(p))) {
              live.putIfAbsent(voter, d.now);
            }
          }
        }
        case 5 -> {
          if (p != null) {
            String voter = VOTERS[s[3] % VOTERS.length];
            d.unvote(r.threadOf.get(p), p, voter, r.authorOf.get(p));
            if (r.votes.containsKey(p)) {
              r.votes.get(p).remove(voter);
            }
          }
        }
        case 6 -> {
          if (p != null && s[3] % 3 == 0) {
            d.delete(r.threadOf.get(p), p);
            r.votes.remove(p);
          } else if (p != null) {
            d.accept(r.threadOf.get(p), p, "asker", r.authorOf.get(p));
          }
        }
        case 7 -> {
          if (t != null && s[3] % 5 == 0) {
            d.emit(new ThreadDeleted(t, "gone", PersonId.of("mod")));
            r.tags.remove(t);
            r.threadOf.forEach((a, of) -> {
              if (of.equals(t)) {
                r.votes.remove(a);
              }
            });
          } else if (t != null && r.tags.containsKey(t)) {
            List<String> tags = List.of(TOPICS[s[3] % 3]);
            d.retag(t, tags.toArray(String[]::new));
            r.tags.put(t, tags);
          }
        }
        default -> d.advance(s[3] % 2 == 0 ? Duration.ofDays(1 + s[3] % 4)
            : Duration.ofHours(1 + s[3] % 20));
      }
      // no time between some steps: a vote retracted and cast again in the same instant
      d.advance(Duration.ofMinutes(s[1] % 3));
    }
    return r;
  }

  /** A vote as evidence lists it. */
  private record Listed(String post, String voter, Instant at) {}

  @Property(tries = 300)
  void theModelListsExactlyTheLiveUpVotes(@ForAll("histories") List<int[]> steps)
      throws IOException {
    Record r = history(steps);
    ExpertiseModel restored = ExpertiseModel.readFrom(ByteBuffer.wrap(r.d.model.contents()),
        ExpertiseSettings.defaults(), id -> id);
    for (ExpertiseModel model : List.of(r.d.model, restored)) {
      for (String author : AUTHORS) {
        for (String topic : TOPICS) {
          List<Listed> expected = new ArrayList<>();
          r.votes.forEach((post, live) -> {
            if (r.authorOf.get(post).equals(author)
                && r.tags.get(r.threadOf.get(post)).contains(topic)) {
              live.forEach((voter, at) -> expected.add(new Listed(post.value(), voter, at)));
            }
          });
          List<Evidence> evidence = model.explain(PersonId.of(author), Tag.of(topic), s -> true,
              r.d.now).evidence();
          List<Listed> listed = evidence.stream()
              .filter(ev -> ev.kind() == EvidenceKind.ANSWER_UPVOTE)
              .map(ev -> new Listed(ev.source().toString(), ev.from().value(), ev.at()))
              .toList();
          assertThat(listed).containsExactlyInAnyOrderElementsOf(expected.stream()
              .map(l -> new Listed(PostId.of(l.post()).toString(), l.voter(), l.at()))
              .toList());
          for (Evidence ev : evidence) {
            if (ev.kind() == EvidenceKind.ANSWER_UPVOTE) {
              ExpertiseSettings settings = ExpertiseSettings.defaults();
              double age = Duration.between(ev.at(), r.d.now).toMillis();
              assertThat(ev.weight()).isCloseTo(settings.weight(EvidenceKind.ANSWER_UPVOTE)
                  * Math.pow(0.5, age / settings.halfLife().toMillis()), within(1e-12));
            }
          }
        }
      }
    }
    // (Not its bytes: after thread deletions a restored hash map may iterate in another order,
    // with the former form as with this one; what a reader sees is the same.)
    assertThat(restored.image(r.d.now)).isEqualTo(r.d.model.image(r.d.now));
  }

  /**
   * Votes and accepts at or after a cut-off within the last days count as if never cast: "who
   * knows" equals that of a model fed the log without them, up to rounding (the one subtracts
   * what the other never added).
   */
  @Property(tries = 200)
  void votesAtOrAfterACutOffCountAsNeverCast(@ForAll("histories") List<int[]> steps,
      @ForAll boolean hoursBack) throws IOException {
    Record r = history(steps);
    Instant cutoff = r.d.now.minus(hoursBack ? Duration.ofHours(3) : Duration.ofDays(2));
    ExpertiseModel without = new ExpertiseModel(ExpertiseSettings.defaults());
    for (RecordedEvent e : r.d.log) {
      boolean voteLike = e.event() instanceof VoteCast || e.event() instanceof AnswerAccepted;
      if (!(voteLike && !e.timestamp().isBefore(cutoff))) {
        without.apply(e);
      }
    }
    ExpertiseModel restored = ExpertiseModel.readFrom(ByteBuffer.wrap(r.d.model.contents()),
        ExpertiseSettings.defaults(), id -> id);
    WhoKnowsOptions cut = WhoKnowsOptions.defaults().limit(50).excludeViewer(false)
        .votesBefore(cutoff);
    WhoKnowsOptions all = WhoKnowsOptions.defaults().limit(50).excludeViewer(false);
    for (Set<SpaceId> readable : List.of(Set.of(OPEN), Set.of(OPEN, SECRET))) {
      for (String topic : TOPICS) {
        List<ExpertCandidate> expected = rank(without, readable, topic, all, r.d.now);
        for (ExpertiseModel model : List.of(r.d.model, restored)) {
          List<ExpertCandidate> ranked = rank(model, readable, topic, cut, r.d.now);
          assertThat(ranked).hasSameSizeAs(expected);
          Map<PersonId, ExpertCandidate> byPerson = new HashMap<>();
          ranked.forEach(c -> byPerson.put(c.person(), c));
          for (ExpertCandidate e : expected) {
            ExpertCandidate c = byPerson.get(e.person());
            assertThat(c).as("%s ranked", e.person()).isNotNull();
            assertThat(c.score()).isCloseTo(e.score(), within(1e-9));
            assertThat(c.reasons()).isEqualTo(e.reasons());
          }
        }
      }
    }
  }

  /** A model written before up votes were columns (each a fact) is refused, to be refolded. */
  @Example
  void aModelOfTheFormerFormIsRefused() {
    ModelDriver d = new ModelDriver();
    ThreadId t = d.question(OPEN, "asker", "tax");
    PostId p = d.answer(t, "bo");
    d.upvote(t, p, "v0", "bo");
    byte[] bytes = d.model.contents();
    ByteBuffer.wrap(bytes).putInt(0, 0x45585031);
    assertThatThrownBy(() -> ExpertiseModel.readFrom(ByteBuffer.wrap(bytes),
        ExpertiseSettings.defaults(), id -> id)).isInstanceOf(IOException.class)
        .hasMessageContaining("not an expertise model");
    // "EXP2" (lists of answers by topic, lists in the order of hash maps) is refused too
    ByteBuffer.wrap(bytes).putInt(0, 0x45585032);
    assertThatThrownBy(() -> ExpertiseModel.readFrom(ByteBuffer.wrap(bytes),
        ExpertiseSettings.defaults(), id -> id)).isInstanceOf(IOException.class)
        .hasMessageContaining("not an expertise model");
    // "EXP3" (tallies recounted on reading, not written) is refused too
    ByteBuffer.wrap(bytes).putInt(0, 0x45585033);
    assertThatThrownBy(() -> ExpertiseModel.readFrom(ByteBuffer.wrap(bytes),
        ExpertiseSettings.defaults(), id -> id)).isInstanceOf(IOException.class)
        .hasMessageContaining("not an expertise model");
  }

  /**
   * The ranking, but for candidates whose score is only a rounding residue (evidence added and
   * taken back, or subtracted at the cut-off, leaves some 1e-16 where the other model has 0).
   */
  private static List<ExpertCandidate> rank(ExpertiseModel model, Set<SpaceId> readable,
      String topic, WhoKnowsOptions options, Instant now) {
    return model.whoKnows(PersonId.of("viewer"), null, List.of(Tag.of(topic)), List.of(),
        readable::contains, p -> null, options, now).stream()
        .filter(c -> c.score() > 1e-9).toList();
  }
}
