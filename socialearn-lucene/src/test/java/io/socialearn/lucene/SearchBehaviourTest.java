package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.downVote;
import static io.socialearn.lucene.Events.question;
import static io.socialearn.lucene.Events.upVote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.CommentAdded;
import io.socialearn.api.event.ThreadClosed;
import io.socialearn.api.event.ThreadMarkedDuplicate;
import io.socialearn.api.event.ThreadReopened;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.search.Facet;
import io.socialearn.api.search.FacetValue;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.search.TagSuggestion;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.CommentId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.VoteDirection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters, sorts, cursors, snippets, facets, similar questions and tags of the Lucene index. */
class SearchBehaviourTest {
  private static final Set<SpaceId> HR = Set.of(SpaceId.of("hr"));
  private static final Set<SpaceId> ALL = Set.of(SpaceId.of("hr"), SpaceId.of("eng"));

  private final Events events = new Events();
  private LuceneSearchIndex index;

  @BeforeEach
  void open() {
    index = LuceneSearch.inMemory();
  }

  @AfterEach
  void close() {
    index.close();
  }

  private void apply(io.socialearn.api.event.DomainEvent... batch) {
    index.apply(events.record(batch));
  }

  private List<String> ids(String text, Set<SpaceId> readable) {
    return ids(index.search(new SearchQuery(text, SearchSort.NEWEST, 100, null), readable));
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(h -> h.thread().value()).toList();
  }

  private void corpus() {
    events.at("2024-01-10T08:00:00Z");
    apply(question("q1", "hr", "ana", "Payroll deadline in March", "When is payroll due?",
        "payroll", "deadlines"));
    events.at("2024-02-10T08:00:00Z");
    apply(question("q2", "hr", "bo", "Payroll portal login", "The payroll portal rejects me",
        "payroll", "portal"));
    events.at("2024-03-10T08:00:00Z");
    apply(Events.thread("d1", "hr", ThreadKind.DISCUSSION, "cy", "Payroll reform ideas",
        "Let us discuss the payroll reform", "payroll"),
        question("e1", "eng", "ana", "Payroll service outage", "The payroll service is down",
            "payroll", "outage"),
        answer("a1", "q2", "Reset your password in the portal"),
        new AnswerAccepted(ThreadId.of("q2"), PostId.of("a1"), PersonId.of("bo"),
            PersonId.of("bo")));
  }

  @Test
  void wordsMustAllMatchButFallBackToAnyWhenNothingHasThemAll() {
    corpus();
    assertThat(ids("payroll portal", HR)).containsExactly("q2");
    assertThat(ids("portal deadline", HR)).containsExactlyInAnyOrder("q1", "q2");
  }

  @Test
  void stemmingMatchesOtherFormsOfAWord() {
    corpus();
    assertThat(ids("deadlines", HR)).containsExactly("q1");
    assertThat(ids("rejected", HR)).containsExactly("q2");
  }

  @Test
  void phraseMatchesOnlyWordsInOrder() {
    corpus();
    assertThat(ids("\"payroll portal\"", HR)).containsExactly("q2");
    assertThat(ids("\"portal payroll\"", HR)).isEmpty();
    assertThat(ids("\"payroll portal", HR)).as("an unclosed quote runs to the end")
        .containsExactly("q2");
  }

  @Test
  void operatorsFilter() {
    corpus();
    assertThat(ids("payroll tag:portal", HR)).containsExactly("q2");
    assertThat(ids("tag:deadlines", HR)).containsExactly("q1");
    assertThat(ids("payroll -tag:portal", HR)).containsExactlyInAnyOrder("q1", "d1");
    assertThat(ids("payroll author:bo", HR)).containsExactly("q2");
    assertThat(ids("payroll space:eng", ALL)).containsExactly("e1");
    assertThat(ids("payroll space:eng", HR)).as("space: never widens access").isEmpty();
    assertThat(ids("payroll is:question", HR)).containsExactlyInAnyOrder("q1", "q2");
    assertThat(ids("payroll is:discussion", HR)).containsExactly("d1");
    assertThat(ids("payroll is:answered", HR)).containsExactly("q2");
    assertThat(ids("payroll is:unanswered", HR)).containsExactlyInAnyOrder("q1", "d1");
    assertThat(ids("payroll is:accepted", HR)).containsExactly("q2");
    assertThat(ids("payroll -is:question", HR)).containsExactly("d1");
    assertThat(ids("payroll -portal", HR)).containsExactlyInAnyOrder("q1", "d1");
    assertThat(ids("payroll -\"payroll portal\"", HR)).containsExactlyInAnyOrder("q1", "d1");
  }

  /**
   * A word the analyzer splits ({@code follow-up}) excluded only the threads holding its parts
   * together, not every thread holding any one part: before, {@code -follow-up} dropped a thread
   * that said "follow the steps" and "set up".
   */
  @Test
  void anExcludedWordOfSeveralTermsExcludesThemTogetherOnly() {
    apply(question("f1", "hr", "ana", "Payroll follow-up", "Any news on my payroll claim?"),
        question("f2", "hr", "ana", "Payroll steps", "Follow the steps to set up payroll"),
        question("f3", "hr", "ana", "Payroll portal", "It is up again", "follow-up"));
    assertThat(ids("payroll -follow-up", HR)).containsExactly("f2");
    assertThat(ids("payroll -steps", HR)).containsExactlyInAnyOrder("f1", "f3");
    assertThat(ids("payroll -follow-up -portal", HR)).containsExactly("f2");
  }

  @Test
  void createdFiltersByDay() {
    corpus();
    assertThat(ids("payroll created:>2024-01-10", HR)).containsExactlyInAnyOrder("q2", "d1");
    assertThat(ids("payroll created:>=2024-01-10", HR)).hasSize(3);
    assertThat(ids("payroll created:<2024-02-10", HR)).containsExactly("q1");
    assertThat(ids("payroll created:<=2024-02-10", HR)).containsExactlyInAnyOrder("q1", "q2");
    assertThat(ids("payroll created:2024-02-10", HR)).containsExactly("q2");
  }

  @Test
  void scoreFilterAndVoteSortUseLiveScores() {
    corpus();
    apply(upVote("q1", "u1"), upVote("q1", "u2"), upVote("d1", "u1"), downVote("q2", "u3"));
    assertThat(ids("payroll score:>=1", HR)).containsExactlyInAnyOrder("q1", "d1");
    assertThat(ids("payroll score:>1", HR)).containsExactly("q1");
    assertThat(ids("payroll score:<0", HR)).containsExactly("q2");
    SearchQuery byVotes = new SearchQuery("payroll", SearchSort.VOTES, 10, null);
    assertThat(ids(index.search(byVotes, HR))).containsExactly("q1", "d1", "q2");

    apply(new VoteRetracted(ThreadId.of("q1"), ThreadId.of("q1"), PersonId.of("u1"),
        VoteDirection.UP, PersonId.of("ana")), new VoteRetracted(ThreadId.of("q1"),
        ThreadId.of("q1"), PersonId.of("u2"), VoteDirection.UP, PersonId.of("ana")),
        upVote("q2", "u4"), upVote("q2", "u5"), upVote("q2", "u6"));
    assertThat(ids(index.search(byVotes, HR))).containsExactly("q2", "d1", "q1");
  }

  @Test
  void sortsByNewestAndActivity() {
    corpus();
    assertThat(ids("payroll", HR)).containsExactly("d1", "q2", "q1");
    apply(new CommentAdded(CommentId.of("c1"), ThreadId.of("q1"), ThreadId.of("q1"),
        "a later comment", PersonId.of("dee")));
    SearchQuery byActivity = new SearchQuery("payroll", SearchSort.ACTIVITY, 10, null);
    assertThat(ids(index.search(byActivity, HR))).as("q2 was answered after d1 started")
        .containsExactly("q1", "q2", "d1");
    SearchQuery byRelevance = new SearchQuery("portal", SearchSort.RELEVANCE, 10, null);
    List<SearchHit> hits = index.search(byRelevance, HR).hits();
    assertThat(hits).extracting(h -> h.thread().value()).containsExactly("q2");
    assertThat(hits.get(0).score()).isPositive();
  }

  @Test
  void closingAndDuplicatesShowInStateFacetAndFilters() {
    corpus();
    apply(new ThreadClosed(ThreadId.of("q1"), "done", PersonId.of("root")),
        new ThreadMarkedDuplicate(ThreadId.of("d1"), ThreadId.of("q1"), PersonId.of("root")));
    assertThat(ids("payroll is:closed", HR)).containsExactlyInAnyOrder("q1", "d1");
    assertThat(ids("payroll is:duplicate", HR)).containsExactly("d1");
    assertThat(ids("payroll is:open", HR)).containsExactly("q2");
    Facet states = index.search(SearchQuery.of("payroll"), HR).facet("state").orElseThrow();
    assertThat(states.values()).containsExactlyInAnyOrder(new FacetValue("CLOSED", 1),
        new FacetValue("DUPLICATE", 1), new FacetValue("ANSWERED", 1));
    apply(new ThreadReopened(ThreadId.of("q1"), PersonId.of("root")));
    assertThat(ids("payroll is:open", HR)).containsExactlyInAnyOrder("q1", "q2");
  }

  @Test
  void facetsCountEveryReadableMatch() {
    corpus();
    SearchResults results = index.search(SearchQuery.of("payroll").limit(1), ALL);
    assertThat(results.totalHits()).isEqualTo(4);
    assertThat(results.facet("tag").orElseThrow().values()).first()
        .isEqualTo(new FacetValue("payroll", 4));
    assertThat(results.facet("tag").orElseThrow().values())
        .contains(new FacetValue("outage", 1), new FacetValue("portal", 1));
    assertThat(results.facet("space").orElseThrow().values())
        .containsExactly(new FacetValue("hr", 3), new FacetValue("eng", 1));
  }

  @Test
  void cursorPagesNeitherSkipNorRepeatInAnyOrder() {
    for (int i = 0; i < 37; i++) {
      apply(question("t" + i, i % 3 == 0 ? "eng" : "hr", "ana", "Invoice " + i,
          "invoice text " + "invoice ".repeat(i % 5), "billing"));
      if (i % 4 == 0) {
        apply(upVote("t" + i, "v"));
      }
    }
    for (SearchSort sort : SearchSort.values()) {
      List<String> seen = new ArrayList<>();
      SearchQuery query = new SearchQuery("invoice", sort, 5, null);
      SearchResults page = index.search(query, ALL);
      seen.addAll(ids(page));
      while (page.nextCursor() != null) {
        page = index.search(query.after(page.nextCursor()), ALL);
        seen.addAll(ids(page));
        assertThat(page.totalHits()).isEqualTo(37);
      }
      assertThat(seen).as("order %s", sort).hasSize(37).doesNotHaveDuplicates();
      List<String> all = ids(index.search(new SearchQuery("invoice", sort, 100, null), ALL));
      assertThat(seen).as("order %s", sort).isEqualTo(all);
    }
  }

  @Test
  void foreignOrMangledCursorsAreInvalidInput() {
    corpus();
    SearchResults first = index.search(SearchQuery.of("payroll").limit(1), HR);
    String cursor = first.nextCursor();
    assertThat(cursor).isNotNull();
    assertThatThrownBy(() -> index.search(
        new SearchQuery("payroll", SearchSort.NEWEST, 1, cursor), HR))
        .isInstanceOf(InvalidInputException.class);
    for (String bad : List.of("m3", "l1", "l1!!!", cursor + "AA", "l1AAAA")) {
      assertThatThrownBy(() -> index.search(SearchQuery.of("payroll").after(bad), HR))
          .as(bad).isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void snippetsAreEscapedAndMarkTheMatches() {
    apply(question("x1", "hr", "ana", "Script question",
        "Why does <script>alert('payroll')</script> & \"payroll\" run?", "html"));
    SearchHit hit = index.search(SearchQuery.of("payroll"), HR).hits().get(0);
    assertThat(hit.snippet()).doesNotContain("<script").doesNotContain("</script")
        .contains("&lt;script&gt;").contains("<mark>payroll</mark>")
        .contains("&amp;").contains("&quot;").contains("&#39;");
    assertThat(hit.snippet().replace("<mark>", "").replace("</mark>", ""))
        .doesNotContain("<").doesNotContain(">");
  }

  @Test
  void snippetPrefersTheBodyThenAnswersAndClipsLongText() {
    apply(question("x1", "hr", "ana", "Travel", "lorem ".repeat(200) + "visa " + "ipsum ".repeat(200)),
        answer("a1", "x1", "ask about the passport at the front desk"));
    String visa = index.search(SearchQuery.of("visa"), HR).hits().get(0).snippet();
    assertThat(visa).contains("<mark>visa</mark>").startsWith("\u2026").endsWith("\u2026");
    assertThat(visa.length()).isLessThan(Snippets.WINDOW + 40);
    String passport = index.search(SearchQuery.of("passport"), HR).hits().get(0).snippet();
    assertThat(passport).contains("<mark>passport</mark>");
  }

  @Test
  void similarQuestionsAreQuestionsOnlyAndRankTitleMatchesFirst() {
    apply(question("s1", "hr", "ana", "How do I reset my payroll portal password",
            "I forgot it", "portal"),
        question("s2", "hr", "ana", "Payroll calendar for next year", "When are pay days?"),
        Events.thread("s3", "hr", ThreadKind.DISCUSSION, "ana", "Reset payroll portal password",
            "discussion"),
        question("s4", "eng", "ana", "Reset payroll portal password", "hidden space"),
        question("s5", "hr", "ana", "Lunch menu", "soup"));
    List<SearchHit> similar = index.similarQuestions(SimilarQuery.of(
        "Resetting the password of the payroll portal", "", List.of(), 10), HR);
    assertThat(similar).extracting(h -> h.thread().value()).first().isEqualTo("s1");
    assertThat(similar).extracting(h -> h.thread().value())
        .doesNotContain("s3", "s4", "s5");
    List<SearchHit> within = index.similarQuestions(new SimilarQuery("payroll password", "",
        List.of(), 10, Set.of(ThreadId.of("s2"))), HR);
    assertThat(within).extracting(h -> h.thread().value()).containsExactly("s2");
    assertThat(index.similarQuestions(SimilarQuery.of("the of and", "", List.of(), 5), HR))
        .isEmpty();
  }

  @Test
  void suggestsTagsOfSimilarThreadsAndCompletesPrefixesInReadableSpaces() {
    apply(question("g1", "hr", "ana", "Payroll tax question", "tax on bonus", "payroll-tax"),
        question("g2", "hr", "ana", "Payroll tax deadline", "tax filing", "payroll-tax",
            "deadlines"),
        question("g3", "hr", "ana", "Parking", "garage", "parking"),
        question("g4", "eng", "ana", "Payment gateway", "stripe", "payments", "payroll-api"));
    List<TagSuggestion> suggestions = index.suggestTags("how is tax on my payroll computed", 3,
        HR);
    assertThat(suggestions).extracting(TagSuggestion::tag).first()
        .isEqualTo(Tag.of("payroll-tax"));
    assertThat(suggestions).extracting(TagSuggestion::tag).doesNotContain(Tag.of("payroll-api"));
    assertThat(index.completeTags("pa", 10, HR))
        .containsExactly(Tag.of("payroll-tax"), Tag.of("parking"));
    assertThat(index.completeTags("PAY", 10, ALL))
        .containsExactly(Tag.of("payroll-tax"), Tag.of("payments"), Tag.of("payroll-api"));
    assertThat(index.completeTags("", 1, HR)).containsExactly(Tag.of("payroll-tax"));
    assertThat(index.completeTags("zzz", 10, ALL)).isEmpty();
    assertThat(index.completeTags("pa", 10, Set.of())).isEmpty();
  }

  @Test
  void queriesOfOnlyStopWordsFindNothingAndHostileTextIsHandled() {
    corpus();
    assertThat(index.search(SearchQuery.of("the of and"), HR).totalHits()).isZero();
    for (String hostile : List.of("*", "pay*", "/.*/", "((((payroll))))", "payroll~2",
        "payroll^10", "field:value", "-", "\"", "\"\"", "a AND b OR c", "?")) {
      SearchResults results = index.search(SearchQuery.of(hostile), HR);
      assertThat(results.totalHits()).as(hostile).isGreaterThanOrEqualTo(0);
    }
    assertThat(ids("((((payroll))))", HR)).hasSize(3);
    assertThatThrownBy(() -> index.search(SearchQuery.of("tag:"), HR))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("tag:");
    assertThatThrownBy(() -> index.search(SearchQuery.of("is:everything"), HR))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void deletedAnswerThatWasAcceptedClearsAcceptance() {
    corpus();
    apply(new io.socialearn.api.event.PostDeleted(PostId.of("a1"), ThreadId.of("q2"), "spam",
        PersonId.of("root")));
    assertThat(ids("payroll is:accepted", HR)).isEmpty();
    assertThat(ids("payroll is:unanswered", HR)).containsExactlyInAnyOrder("q1", "q2", "d1");
    Set<String> seen = new HashSet<>(ids("payroll", HR));
    assertThat(seen).containsExactlyInAnyOrder("q1", "q2", "d1");
  }
}
