package io.socialearn.core.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An answer's record keeps its other facts and its accept count in step, however many; a
 * thread's record links its answers in order.
 */
class AnswerInfoTest {

  @Test
  void filingAndUnfilingKeepTheFactsAndTheAcceptCountInStep() {
    ExpertiseModel.ThreadInfo thread = new ExpertiseModel.ThreadInfo(ThreadId.of("t"),
        new ExpertiseModel.Place(SpaceId.of("s"), 0), PersonId.of("asker"),
        List.of(Tag.of("payroll")), 1);
    ExpertiseModel.AnswerInfo answer = new ExpertiseModel.AnswerInfo(PostId.of("a"), thread,
        PersonId.of("bo"), 2);
    List<Fact> accepts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Fact accept = Fact.of(EvidenceKind.ACCEPTED_ANSWER, PersonId.of("bo"), thread,
          PostId.of("a"), PersonId.of("asker"), 10 + i, null, true);
      accepts.add(accept);
      answer.file(accept);
      assertThat(answer.accepts()).isEqualTo(i + 1);
      assertThat(answer.otherCount()).isEqualTo(i + 1);
    }
    // from the longest list down: each removal counts, in place or not
    for (int i = 4; i >= 0; i--) {
      answer.unfile(accepts.get(i));
      assertThat(answer.accepts()).isEqualTo(i);
      assertThat(answer.otherCount()).isEqualTo(i);
      assertThat(answer.facts()).containsExactlyElementsOf(
          concat(answer, accepts.subList(0, i)));
    }
    answer.unfile(accepts.get(0));
    assertThat(answer.accepts()).isZero();
  }

  @Test
  void aThreadListsItsAnswersInTheOrderPostedAndEachOnce() {
    ExpertiseModel.ThreadInfo thread = new ExpertiseModel.ThreadInfo(ThreadId.of("t"),
        new ExpertiseModel.Place(SpaceId.of("s"), 0), PersonId.of("asker"), List.of(), 1);
    assertThat(thread.firstAnswer()).isNull();
    assertThat(thread.answers()).isEmpty();
    List<ExpertiseModel.AnswerInfo> posted = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ExpertiseModel.AnswerInfo answer = new ExpertiseModel.AnswerInfo(PostId.of("a" + i),
          thread, PersonId.of("bo"), 2 + i);
      thread.addAnswer(answer);
      posted.add(answer);
      assertThat(thread.answers()).containsExactlyElementsOf(posted);
      assertThat(thread.firstAnswer()).isSameAs(posted.get(0));
      assertThat(thread.nextAnswer(answer)).isNull();
    }
    assertThatThrownBy(() -> thread.addAnswer(posted.get(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(thread.answers()).containsExactlyElementsOf(posted);
  }

  private static List<Fact> concat(Fact first, List<Fact> rest) {
    List<Fact> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
