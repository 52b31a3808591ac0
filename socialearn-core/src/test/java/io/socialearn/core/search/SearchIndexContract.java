package io.socialearn.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.PostEdited;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.SpaceCreated;
import io.socialearn.api.event.ThreadClosed;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.search.FacetValue;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchIndex;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.search.TagSuggestion;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceKind;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.VoteDirection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SearchIndex} must show, as an abstract JUnit 5 test class.
 *
 * <p>To test an implementation, extend this class and implement {@link #newIndex()}; add the
 * implementation's own tests (ranking details, analysis) in the subclass. The contract checks:
 * finding a thread by a word of its title (ignoring case), body, tags or answers; that a hit
 * carries the thread's space and current title; that threads in spaces the request may not read
 * are neither returned nor counted; that {@code totalHits} counts every readable match while the
 * hits respect the limit; that thread edits, answer edits, answer deletions and thread deletions
 * are reflected; that one thread's answers do not make another match; and that the checkpoint
 * follows the last applied sequence, advances over events search ignores, and that replaying
 * applied events changes nothing.
 *
 * <p>The words used are plain English nouns that any analyzer (with or without stemming or stop
 * words) keeps whole. Each test gets a fresh index from {@link #newIndex()} and closes it
 * afterwards.
 */
public abstract class SearchIndexContract {

  /** A space every test may read. */
  protected static final SpaceId HR = SpaceId.of("hr");

  /** A second space, to check filtering. */
  protected static final SpaceId ENG = SpaceId.of("eng");

  /** The author of the sample content. */
  protected static final PersonId ANA = PersonId.of("ana");

  private static final Instant T = Instant.parse("2026-03-04T05:06:07.123Z");

  /** The index under test, made fresh by {@link #newIndex()} before each test. */
  protected SearchIndex index;

  private long sequence;

  /**
   * Makes a new, empty index with checkpoint 0. Called once before each test.
   *
   * @return the index to test
   */
  protected abstract SearchIndex newIndex();

  @BeforeEach
  final void openIndex() {
    index = newIndex();
    assertThat(index).as("the index made by the test class").isNotNull();
  }

  @AfterEach
  final void closeIndex() {
    index.close();
  }

  /**
   * Records events with the next sequences, without applying them.
   *
   * @param events the events
   * @return them as recorded, with consecutive sequences after the previous ones
   */
  protected final List<RecordedEvent> record(DomainEvent... events) {
    List<RecordedEvent> batch = new ArrayList<>();
    for (DomainEvent event : events) {
      batch.add(new RecordedEvent(++sequence, T, event));
    }
    return batch;
  }

  /**
   * Records events with the next sequences and applies them as one batch.
   *
   * @param events the events
   * @return the batch applied
   */
  protected final List<RecordedEvent> apply(DomainEvent... events) {
    List<RecordedEvent> batch = record(events);
    index.apply(batch);
    return batch;
  }

  /**
   * Searches with a limit of 10.
   *
   * @param text the query
   * @param readable the spaces that may be read
   * @return the results
   */
  protected final SearchResults search(String text, SpaceId... readable) {
    return search(text, 10, readable);
  }

  /**
   * Searches.
   *
   * @param text the query
   * @param limit the most hits wanted
   * @param readable the spaces that may be read
   * @return the results
   */
  protected final SearchResults search(String text, int limit, SpaceId... readable) {
    return index.search(SearchQuery.of(text).limit(limit), Set.of(readable));
  }

  /**
   * The thread ids of the hits, in order.
   *
   * @param results what a search found
   * @return the hits' thread ids
   */
  protected static List<String> ids(SearchResults results) {
    return results.hits().stream().map(hit -> hit.thread().value()).collect(Collectors.toList());
  }

  /**
   * A question in {@code space}.
   *
   * @param id the thread id
   * @param space its space
   * @param title its title
   * @param body its body
   * @param tags its tags
   * @return the event
   */
  protected static ThreadStarted thread(
      String id, SpaceId space, String title, String body, String... tags) {
    return new ThreadStarted(ThreadId.of(id), space, ThreadKind.QUESTION, title, body,
        Arrays.stream(tags).map(Tag::of).collect(Collectors.toList()), ANA);
  }

  /**
   * An answer.
   *
   * @param post the answer id
   * @param thread the thread id
   * @param body its text
   * @return the event
   */
  protected static AnswerPosted answer(String post, String thread, String body) {
    return new AnswerPosted(PostId.of(post), ThreadId.of(thread), body, PersonId.of("bo"));
  }

  /**
   * A thread edit.
   *
   * @param thread the thread id
   * @param title the new title
   * @param body the new body
   * @param tags the new tags
   * @return the event
   */
  protected static ThreadEdited edit(String thread, String title, String body, String... tags) {
    return new ThreadEdited(ThreadId.of(thread), title, body,
        Arrays.stream(tags).map(Tag::of).collect(Collectors.toList()), ANA, "clearer");
  }

  /**
   * A thread deletion.
   *
   * @param thread the thread id
   * @return the event
   */
  protected static ThreadDeleted deleteThread(String thread) {
    return new ThreadDeleted(ThreadId.of(thread), "spam", PersonId.of("mod"));
  }

  @Test
  void emptyIndexHasCheckpointZeroAndFindsNothing() {
    assertThat(index.checkpoint()).isZero();
    SearchResults results = search("payroll", HR);
    assertThat(results.hits()).isEmpty();
    assertThat(results.totalHits()).isZero();
  }

  @Test
  void findsThreadByTitleWordIgnoringCase() {
    apply(thread("t-1", HR, "Payroll deadline", "When is it due?"),
        thread("t-2", HR, "Office parking", "Where can guests park?"));

    assertThat(ids(search("payroll", HR))).containsExactly("t-1");
    assertThat(ids(search("PAYROLL", HR))).containsExactly("t-1");
    assertThat(search("payroll", HR).totalHits()).isEqualTo(1);
  }

  @Test
  void findsThreadByBodyTagAndAnswerWords() {
    apply(thread("t-1", HR, "Expenses question", "Receipts for a taxi ride", "reimbursement"),
        thread("t-2", HR, "Office parking", "Where can guests park?"),
        answer("p-1", "t-1", "Upload them through the finance portal"));

    assertThat(ids(search("receipts", HR))).containsExactly("t-1");
    assertThat(ids(search("reimbursement", HR))).containsExactly("t-1");
    assertThat(ids(search("portal", HR))).containsExactly("t-1");
    assertThat(ids(search("guests", HR))).containsExactly("t-2");
  }

  @Test
  void hitCarriesSpaceAndTitle() {
    apply(thread("t-1", ENG, "Kubernetes upgrade", "Which version next?"));

    List<SearchHit> hits = search("kubernetes", ENG).hits();

    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).thread()).isEqualTo(ThreadId.of("t-1"));
    assertThat(hits.get(0).space()).isEqualTo(ENG);
    assertThat(hits.get(0).title()).isEqualTo("Kubernetes upgrade");
  }

  @Test
  void threadsInUnreadableSpacesAreNeitherReturnedNorCounted() {
    apply(thread("t-1", HR, "Payroll deadline", "monthly"),
        thread("t-2", ENG, "Payroll service outage", "monthly"),
        thread("t-3", ENG, "Payroll database", "monthly"));

    SearchResults hrOnly = search("payroll", HR);
    assertThat(ids(hrOnly)).containsExactly("t-1");
    assertThat(hrOnly.totalHits()).isEqualTo(1);

    SearchResults engOnly = search("payroll", ENG);
    assertThat(ids(engOnly)).containsExactlyInAnyOrder("t-2", "t-3");
    assertThat(engOnly.totalHits()).isEqualTo(2);

    SearchResults both = search("payroll", HR, ENG);
    assertThat(ids(both)).containsExactlyInAnyOrder("t-1", "t-2", "t-3");
    assertThat(both.totalHits()).isEqualTo(3);

    SearchResults none = search("payroll");
    assertThat(none.hits()).isEmpty();
    assertThat(none.totalHits()).isZero();

    SearchResults otherSpace = search("payroll", SpaceId.of("sales"));
    assertThat(otherSpace.hits()).isEmpty();
    assertThat(otherSpace.totalHits()).isZero();
  }

  @Test
  void totalHitsCountsEveryReadableMatchWhileHitsRespectTheLimit() {
    for (int i = 1; i <= 7; i++) {
      apply(thread("t-" + i, HR, "Invoice number " + i, "about an invoice"));
    }
    apply(thread("t-hidden", ENG, "Invoice template", "invoice"));

    SearchResults limited = search("invoice", 3, HR);
    assertThat(limited.hits()).hasSize(3);
    assertThat(limited.totalHits()).isEqualTo(7);
    assertThat(ids(limited)).allMatch(id -> !id.equals("t-hidden"));

    SearchResults one = search("invoice", 1, HR);
    assertThat(one.hits()).hasSize(1);
    assertThat(one.totalHits()).isEqualTo(7);

    SearchResults all = search("invoice", 100, HR);
    assertThat(all.hits()).hasSize(7);
    assertThat(all.totalHits()).isEqualTo(7);
  }

  @Test
  void threadEditReplacesTitleBodyAndTags() {
    apply(thread("t-1", HR, "Payroll deadline", "monthly salary", "finance"),
        edit("t-1", "Vacation planning", "summer holiday", "leave"));

    for (String old : List.of("payroll", "deadline", "salary", "finance")) {
      SearchResults results = search(old, HR);
      assertThat(results.hits()).as("after the edit, '%s'", old).isEmpty();
      assertThat(results.totalHits()).as("after the edit, '%s'", old).isZero();
    }
    for (String current : List.of("vacation", "summer", "leave")) {
      assertThat(ids(search(current, HR))).as("after the edit, '%s'", current)
          .containsExactly("t-1");
    }
    assertThat(search("vacation", HR).hits().get(0).title()).isEqualTo("Vacation planning");
  }

  @Test
  void editedAnswerReplacesItsOldText() {
    apply(thread("t-1", HR, "Expenses question", "How?"),
        answer("p-1", "t-1", "Use the spreadsheet"),
        new PostEdited(PostId.of("p-1"), ThreadId.of("t-1"), "Use the portal",
            PersonId.of("bo"), "updated"));

    assertThat(search("spreadsheet", HR).totalHits()).isZero();
    assertThat(ids(search("portal", HR))).containsExactly("t-1");
  }

  @Test
  void deletedAnswerNoLongerMatchesButItsThreadStays() {
    apply(thread("t-1", HR, "Expenses question", "How?"),
        answer("p-1", "t-1", "Use the spreadsheet"),
        answer("p-2", "t-1", "Ask the controller"),
        new PostDeleted(PostId.of("p-1"), ThreadId.of("t-1"), "wrong", PersonId.of("mod")));

    assertThat(search("spreadsheet", HR).totalHits()).isZero();
    assertThat(search("spreadsheet", HR).hits()).isEmpty();
    assertThat(ids(search("controller", HR))).containsExactly("t-1");
    assertThat(ids(search("expenses", HR))).containsExactly("t-1");
  }

  @Test
  void deletedThreadDisappearsWithItsAnswers() {
    apply(thread("t-1", HR, "Payroll deadline", "monthly"),
        answer("p-1", "t-1", "the fifteenth"),
        thread("t-2", HR, "Payroll portal", "login"));
    apply(deleteThread("t-1"));

    SearchResults results = search("payroll", HR);
    assertThat(ids(results)).containsExactly("t-2");
    assertThat(results.totalHits()).isEqualTo(1);
    assertThat(search("fifteenth", HR).totalHits()).isZero();
    assertThat(search("deadline", HR).hits()).isEmpty();
  }

  @Test
  void answersCountOnlyTowardTheirOwnThread() {
    apply(thread("t-1", HR, "Expenses question", "How?"),
        thread("t-2", HR, "Parking question", "Where?"),
        answer("p-1", "t-1", "Upload receipts"));

    assertThat(ids(search("receipts", HR))).containsExactly("t-1");
  }

  @Test
  void wordsNobodyWroteMatchNothing() {
    apply(thread("t-1", HR, "Payroll deadline", "monthly"));

    SearchResults results = search("kubernetes", HR);
    assertThat(results.hits()).isEmpty();
    assertThat(results.totalHits()).isZero();
  }

  @Test
  void checkpointFollowsTheLastAppliedSequenceIncludingEventsSearchIgnores() {
    apply(thread("t-1", HR, "Payroll deadline", "monthly"));
    assertThat(index.checkpoint()).isEqualTo(1);

    apply(new SpaceCreated(ENG, "Engineering", "builders", SpaceKind.COMMUNITY,
            SpaceVisibility.ORGANIZATION, ANA),
        new VoteCast(ThreadId.of("t-1"), ThreadId.of("t-1"), PersonId.of("bo"), VoteDirection.UP,
            ANA),
        new ThreadClosed(ThreadId.of("t-1"), "done", ANA));

    assertThat(index.checkpoint()).isEqualTo(4);
    assertThat(ids(search("payroll", HR))).containsExactly("t-1");
  }

  @Test
  void replayingAppliedBatchesChangesNothing() {
    List<RecordedEvent> first = apply(thread("t-1", HR, "Payroll deadline", "monthly"),
        thread("t-2", HR, "Office parking", "guests"));
    List<RecordedEvent> second = apply(edit("t-1", "Vacation planning", "summer"),
        deleteThread("t-2"));
    assertThat(index.checkpoint()).isEqualTo(4);

    index.apply(first);
    index.apply(second);
    index.apply(first);

    assertThat(index.checkpoint()).isEqualTo(4);
    assertThat(search("payroll", HR).totalHits()).isZero();
    assertThat(search("parking", HR).totalHits()).isZero();
    SearchResults vacation = search("vacation", HR);
    assertThat(ids(vacation)).containsExactly("t-1");
    assertThat(vacation.totalHits()).isEqualTo(1);
    assertThat(vacation.hits().get(0).title()).isEqualTo("Vacation planning");
  }

  @Test
  void replayingAnswersDoesNotChangeTheResults() {
    apply(thread("t-1", HR, "Expenses question", "How?"),
        thread("t-2", HR, "Expenses policy", "Limits?"));
    List<RecordedEvent> answers = apply(answer("p-1", "t-1", "receipts receipts"));
    SearchResults before = search("expenses receipts", HR);

    index.apply(answers);
    index.apply(answers);

    assertThat(search("expenses receipts", HR)).isEqualTo(before);
  }

  @Test
  void similarQuestionsFindsReadableQuestionsOnlyAndHonoursWithin() {
    apply(thread("t-1", HR, "Payroll deadline in December", "When is payroll due?", "payroll"),
        thread("t-2", ENG, "Payroll deadline for engineers", "Same payroll question", "payroll"),
        new ThreadStarted(ThreadId.of("t-3"), HR, ThreadKind.DISCUSSION,
            "Payroll deadline chat", "Let us talk payroll", List.of(), ANA),
        thread("t-4", HR, "Payroll calendar", "Payroll dates for the year", "payroll"),
        thread("t-5", HR, "Parking rules", "Where do guests park?"));

    List<SearchHit> similar = index.similarQuestions(
        SimilarQuery.of("Payroll deadline", "When is the payroll due?", List.of(), 10),
        Set.of(HR));
    assertThat(similar).extracting(h -> h.thread().value()).contains("t-1", "t-4")
        .doesNotContain("t-2", "t-3", "t-5");
    assertThat(similar.get(0).thread().value()).isEqualTo("t-1");

    List<SearchHit> within = index.similarQuestions(new SimilarQuery("Payroll deadline", "",
        List.of(), 10, Set.of(ThreadId.of("t-4"), ThreadId.of("t-2"))), Set.of(HR));
    assertThat(within).extracting(h -> h.thread().value()).containsExactly("t-4");
  }

  @Test
  void tagsAreSuggestedAndCompletedFromReadableThreadsOnly() {
    apply(thread("t-1", HR, "Payroll deadline", "When is payroll due?", "payroll", "deadlines"),
        thread("t-2", HR, "Payroll taxes", "Which payroll tax table?", "payroll", "tax"),
        thread("t-3", ENG, "Payroll secrets", "Hidden payroll question", "payroll-secret"));

    List<TagSuggestion> suggested = index.suggestTags("payroll deadline question", 5,
        Set.of(HR));
    assertThat(suggested).extracting(t -> t.tag().value()).contains("payroll")
        .doesNotContain("payroll-secret");
    assertThat(suggested.get(0).tag().value()).isEqualTo("payroll");

    assertThat(index.completeTags("pay", 10, Set.of(HR))).extracting(Tag::value)
        .containsExactly("payroll");
    assertThat(index.completeTags("pay", 10, Set.of(HR, ENG))).extracting(Tag::value)
        .containsExactly("payroll", "payroll-secret");
    assertThat(index.completeTags("zzz", 10, Set.of(HR))).isEmpty();
  }

  @Test
  void facetsCountOnlyReadableMatches() {
    apply(thread("t-1", HR, "Expenses limit", "How much?", "expenses"),
        thread("t-2", HR, "Expenses receipts", "Which receipts?", "expenses", "receipts"),
        thread("t-3", ENG, "Expenses hidden", "Secret expenses", "expenses", "secret"));

    SearchResults results = search("expenses", HR);
    assertThat(results.facet("tag")).hasValueSatisfying(f -> assertThat(f.values())
        .containsExactly(new FacetValue("expenses", 2), new FacetValue("receipts", 1)));
    assertThat(results.facet("space")).hasValueSatisfying(f -> assertThat(f.values())
        .containsExactly(new FacetValue("hr", 2)));
  }

  @Test
  void sortsAndCursorPagesNeitherSkipNorRepeat() {
    for (int i = 1; i <= 7; i++) {
      apply(thread("t-" + i, HR, "Budget question " + i, "budget"));
    }
    apply(new VoteCast(ThreadId.of("t-3"), ThreadId.of("t-3"), PersonId.of("bo"),
        VoteDirection.UP, ANA));

    SearchQuery newest = SearchQuery.of("budget").sortedBy(SearchSort.NEWEST).limit(3);
    List<String> seen = new ArrayList<>();
    SearchResults page = index.search(newest, Set.of(HR));
    while (true) {
      page.hits().forEach(h -> seen.add(h.thread().value()));
      if (page.nextCursor() == null) {
        break;
      }
      page = index.search(newest.after(page.nextCursor()), Set.of(HR));
    }
    assertThat(seen).containsExactly("t-7", "t-6", "t-5", "t-4", "t-3", "t-2", "t-1");

    SearchResults votes = index.search(SearchQuery.of("budget").sortedBy(SearchSort.VOTES)
        .limit(2), Set.of(HR));
    assertThat(ids(votes)).containsExactly("t-3", "t-7");
  }
}
