package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Page;
import io.socialearn.api.PageRequest;
import io.socialearn.api.command.AddComment;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.ActivityItem;
import io.socialearn.api.people.ActivityKind;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.ThreadSummary;
import io.socialearn.api.thread.VoteDirection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaginationTest {
  private final Fixture f = new Fixture();
  private final List<ThreadId> asked = new ArrayList<>();

  PaginationTest() {
    for (int i = 0; i < 12; i++) {
      f.clock.advance(Duration.ofMinutes(1));
      asked.add(f.engine.execute(ANA, StartThread.question(f.open, "Question number " + i,
          "body " + i)));
    }
  }

  @AfterEach
  void close() {
    f.close();
  }

  private List<ThreadId> readAll(ThreadSort sort, int pageSize, Runnable betweenPages) {
    List<ThreadId> seen = new ArrayList<>();
    Page<ThreadSummary> page = f.engine.threads(DEE, f.open, sort, PageRequest.first(pageSize));
    while (true) {
      page.items().forEach(t -> seen.add(t.id()));
      if (!page.hasMore()) {
        return seen;
      }
      betweenPages.run();
      page = f.engine.threads(DEE, f.open, sort, page.next(pageSize).orElseThrow());
    }
  }

  @Test
  void newestPagesNeitherRepeatNorSkipWhileNewThreadsArrive() {
    int[] extra = {0};
    List<ThreadId> seen = readAll(ThreadSort.NEWEST, 5, () -> f.engine.execute(BO,
        StartThread.question(f.open, "Arrived meanwhile " + extra[0]++, "body")));
    List<ThreadId> expected = new ArrayList<>(asked);
    java.util.Collections.reverse(expected);
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void newestPagesOfEverySizeLeaveOutDeletedThreadsAndOtherSpaces() {
    // Deleted threads at the newest end, in the middle and the oldest, and another space's
    // threads in between: the page is walked from the end of the space's list, not sorted.
    List<ThreadId> deleted = List.of(asked.get(11), asked.get(10), asked.get(6), asked.get(0));
    for (ThreadId thread : deleted) {
      f.engine.execute(ADMIN, new DeleteThread(thread, "spam"));
    }
    for (int i = 0; i < 3; i++) {
      f.engine.execute(BO, StartThread.question(f.payroll, "Elsewhere " + i, "body"));
    }
    List<ThreadId> expected = new ArrayList<>(asked);
    expected.removeAll(deleted);
    java.util.Collections.reverse(expected);
    for (int size : new int[] {1, 2, 3, 7, 8, 9, 100}) {
      assertThat(readAll(ThreadSort.NEWEST, size, () -> {})).as("pages of %d", size)
          .containsExactlyElementsOf(expected);
    }
    Page<ThreadSummary> whole = f.engine.threads(DEE, f.open, ThreadSort.NEWEST,
        PageRequest.first(expected.size()));
    assertThat(whole.hasMore()).isFalse();
    Page<ThreadSummary> first = f.engine.threads(DEE, f.open, ThreadSort.NEWEST,
        PageRequest.first(expected.size() - 1));
    assertThat(first.hasMore()).isTrue();
    assertThat(f.engine.threads(DEE, f.open, ThreadSort.NEWEST, first.next(5).orElseThrow())
        .items()).extracting(ThreadSummary::id).containsExactly(expected.get(7));
  }

  @Test
  void unansweredListsOldestFirstAndDropsAnsweredQuestions() {
    f.engine.execute(BO, new PostAnswer(asked.get(0), "answer"));
    f.engine.execute(BO, new PostAnswer(asked.get(5), "answer"));
    List<ThreadId> seen = readAll(ThreadSort.UNANSWERED, 4, () -> {});
    List<ThreadId> expected = new ArrayList<>(asked);
    expected.remove(asked.get(5));
    expected.remove(asked.get(0));
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void activityAndVotesOrderTheList() {
    f.engine.execute(BO, new AddComment(asked.get(3), "bump"));
    f.engine.execute(BO, new CastVote(asked.get(7), VoteDirection.UP));
    assertThat(f.engine.threads(DEE, f.open, ThreadSort.ACTIVITY, PageRequest.first(1)).items())
        .extracting(ThreadSummary::id).containsExactly(asked.get(3));
    assertThat(f.engine.threads(DEE, f.open, ThreadSort.VOTES, PageRequest.first(1)).items())
        .extracting(ThreadSummary::id).containsExactly(asked.get(7));
    assertThat(readAll(ThreadSort.VOTES, 5, () -> {})).hasSize(12).doesNotHaveDuplicates();
  }

  @Test
  void aCursorFromAnotherListIsInvalidInput() {
    String cursor = f.engine.threads(DEE, f.open, ThreadSort.NEWEST, PageRequest.first(2))
        .nextCursor();
    assertThatThrownBy(() -> f.engine.threads(DEE, f.open, ThreadSort.VOTES,
        PageRequest.after(cursor, 2))).isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("cursor"));
    assertThatThrownBy(() -> f.engine.threads(DEE, f.open, ThreadSort.VOTES,
        PageRequest.after("%%%", 2))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void activityIsNewestFirstAndPaged() {
    f.engine.execute(ANA, new PostAnswer(asked.get(1), "I answer myself"));
    Page<ActivityItem> first = f.engine.activity(DEE, PersonId.of("ana"), PageRequest.first(3));
    assertThat(first.items().get(0).kind()).isEqualTo(ActivityKind.ANSWERED);
    assertThat(first.items().get(0).threadTitle()).isEqualTo("Question number 1");
    List<ActivityItem> all = new ArrayList<>(first.items());
    Page<ActivityItem> page = first;
    while (page.hasMore()) {
      page = f.engine.activity(DEE, PersonId.of("ana"), page.next(3).orElseThrow());
      all.addAll(page.items());
    }
    assertThat(all).hasSize(13);
    assertThat(all).extracting(ActivityItem::sequence).isSortedAccordingTo((a, b) ->
        Long.compare(b, a));
  }
}
