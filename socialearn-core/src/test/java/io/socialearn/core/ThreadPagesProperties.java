package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.Page;
import io.socialearn.api.PageRequest;
import io.socialearn.api.SocialearnException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CloseThread;
import io.socialearn.api.command.Command;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.ThreadState;
import io.socialearn.api.thread.ThreadSummary;
import io.socialearn.api.thread.VoteDirection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Every list order of a space's threads, paged with any page size, gives exactly the space's
 * live threads in the order the order's definition gives, worked out here from each thread's
 * summary: the pages select from the table's columns (and newest first walks from the end), so
 * they are checked against a plain sort over random histories.
 */
class ThreadPagesProperties {
  private static final Viewer[] PEOPLE = {ANA, BO, CY, DEE};

  @Property(tries = 80)
  void everyOrderPagesThroughTheLiveThreadsAsItsDefinitionSorts(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 9_999) Integer> steps,
      @ForAll @IntRange(min = 1, max = 7) int pageSize) {
    try (Fixture f = new Fixture()) {
      List<ThreadId> started = new ArrayList<>();
      for (int step : steps) {
        // One second apart: a thread's times then order as its log sequences do.
        f.clock.advance(Duration.ofSeconds(1));
        Viewer who = PEOPLE[step % PEOPLE.length];
        int action = (step / PEOPLE.length) % 10;
        ThreadId some = started.isEmpty() ? null
            : started.get((step / 40) % started.size());
        if (some == null || action < 3) {
          StartThread start = action == 1
              ? StartThread.discussion(f.open, "Talk " + step, "body")
              : StartThread.question(f.open, "Question " + step, "body");
          started.add(f.engine.execute(who, start));
          if (step % 3 == 0) {
            f.engine.execute(BO, StartThread.question(f.payroll, "Elsewhere " + step, "b"));
          }
        } else if (action < 5) {
          tryTo(f, who, new PostAnswer(some, "An answer " + step));
        } else if (action < 8) {
          tryTo(f, who, new CastVote(some, action == 7 ? VoteDirection.DOWN : VoteDirection.UP));
        } else if (action == 8) {
          tryTo(f, ADMIN, new CloseThread(some, "done"));
        } else {
          tryTo(f, ADMIN, new DeleteThread(some, "spam"));
        }
      }
      List<ThreadSummary> live = new ArrayList<>();
      for (ThreadId id : started) {
        try {
          live.add(f.engine.thread(DEE, id).summary());
        } catch (SocialearnException deleted) {
          // Deleted: listed nowhere.
        }
      }
      Comparator<ThreadSummary> newest =
          Comparator.comparing(ThreadSummary::createdAt).reversed();
      check(f, ThreadSort.NEWEST, pageSize, live.stream().sorted(newest).toList());
      check(f, ThreadSort.ACTIVITY, pageSize, live.stream().sorted(Comparator.comparing(
          ThreadSummary::lastActivityAt).reversed().thenComparing(newest)).toList());
      check(f, ThreadSort.VOTES, pageSize, live.stream().sorted(Comparator.comparingInt(
          ThreadSummary::score).reversed().thenComparing(newest)).toList());
      check(f, ThreadSort.UNANSWERED, pageSize, live.stream()
          .filter(t -> t.kind() == ThreadKind.QUESTION && t.answerCount() == 0
              && t.state() == ThreadState.OPEN)
          .sorted(Comparator.comparing(ThreadSummary::createdAt)).toList());
    }
  }

  private static void tryTo(Fixture f, Viewer who, Command<?> command) {
    try {
      f.engine.execute(who, command);
    } catch (SocialearnException refused) {
      // Refused (one's own post, a second vote, a closed thread): it changed nothing.
    }
  }

  private static void check(Fixture f, ThreadSort sort, int pageSize,
      List<ThreadSummary> expected) {
    List<ThreadId> seen = new ArrayList<>();
    Page<ThreadSummary> page = f.engine.threads(DEE, f.open, sort, PageRequest.first(pageSize));
    while (true) {
      assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
      page.items().forEach(t -> seen.add(t.id()));
      if (!page.hasMore()) {
        break;
      }
      page = f.engine.threads(DEE, f.open, sort, page.next(pageSize).orElseThrow());
    }
    assertThat(seen).as(sort.name())
        .containsExactlyElementsOf(expected.stream().map(ThreadSummary::id).toList());
  }
}
