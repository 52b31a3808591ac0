package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The answers' chains list each thread's answers as a list a thread would hold them. */
class AnswerChainsProperties {
  /**
   * A new thread (when {@code thread} is negative) or a new answer to the {@code thread}th
   * thread made so far (modulo their count); {@code again} repeats the last code given, which
   * keeps its place.
   */
  record Step(int thread, boolean again, boolean reserve) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return Arbitraries.integers().between(-1, 30).flatMap(thread -> Arbitraries.integers()
        .between(0, 9).map(n -> new Step(thread, n == 0, n == 1))).list().ofMaxSize(300);
  }

  @Property(tries = 300)
  void listsEachThreadsAnswersInTheOrderPosted(@ForAll("steps") List<Step> steps) {
    AnswerChains chains = new AnswerChains();
    List<List<Integer>> model = new ArrayList<>();
    int answers = 0;
    for (Step step : steps) {
      if (step.reserve()) {
        chains.reserve(2, 3);
      }
      if (step.thread() < 0 || model.isEmpty()) {
        if (step.again() && !model.isEmpty()) {
          chains.addThread(model.size() - 1);
        } else {
          chains.addThread(model.size());
          model.add(new ArrayList<>());
        }
      } else if (step.again() && answers > 0) {
        chains.addAnswer(step.thread() % model.size(), answers - 1);
      } else {
        chains.addAnswer(step.thread() % model.size(), answers);
        model.get(step.thread() % model.size()).add(answers++);
      }
    }
    assertListed(chains, model);
    chains.trimToSize();
    assertListed(chains, model);
    AnswerChains taken = new AnswerChains();
    taken.takeOver(chains);
    assertListed(taken, model);
    assertThat(chains.threads()).isZero();
  }

  private static void assertListed(AnswerChains chains, List<List<Integer>> model) {
    assertThat(chains.threads()).isEqualTo(model.size());
    for (int t = 0; t < model.size(); t++) {
      List<Integer> listed = new ArrayList<>();
      for (int a = chains.first(t); a >= 0; a = chains.next(a)) {
        listed.add(a);
      }
      assertThat(listed).as("thread %d", t).isEqualTo(model.get(t));
    }
  }

  @Example
  void refusesCodesOutOfOrderAndThreadsWithoutAChain() {
    AnswerChains chains = new AnswerChains();
    chains.addThread(0);
    chains.addAnswer(0, 0);
    assertThatThrownBy(() -> chains.addThread(2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("thread code 2 after 1");
    assertThatThrownBy(() -> chains.addAnswer(0, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("answer code 2");
    assertThatThrownBy(() -> chains.addAnswer(1, 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(chains.first(0)).isZero();
    assertThat(chains.next(0)).isEqualTo(-1);
  }
}
