package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.space.SpaceId;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;

/** The query parser: what it understands, what it rejects, and that it never fails otherwise. */
class UserQueryParserTest {
  private static LuceneSearchIndex index;

  @BeforeContainer
  static void openIndex() {
    index = LuceneSearch.inMemory();
    index.apply(new Events().record(Events.question("q1", "hr", "ana", "Payroll deadline",
        "When is payroll due?", "payroll")));
  }

  @AfterContainer
  static void closeIndex() {
    index.close();
  }

  @Test
  void understandsEveryOperator() {
    UserQuery query = UserQueryParser.parse(
        "payroll \"due date\" tag:Payroll author:ana space:hr is:unanswered score:>=3"
            + " created:>2024-01-01 -draft -tag:old -\"old news\" foo:bar");
    assertThat(query.clauses()).containsExactly(
        new UserQuery.Word("payroll", false),
        new UserQuery.Phrase("due date", false),
        new UserQuery.Term(Fields.TAG, "payroll", false),
        new UserQuery.Term(Fields.AUTHOR, "ana", false),
        new UserQuery.Term(Fields.SPACE, "hr", false),
        new UserQuery.Is(UserQuery.Flag.UNANSWERED, false),
        new UserQuery.Score(3, Long.MAX_VALUE, false),
        new UserQuery.Created(1704153600000L, Long.MAX_VALUE, false),
        new UserQuery.Word("draft", true),
        new UserQuery.Term(Fields.TAG, "old", true),
        new UserQuery.Phrase("old news", true),
        new UserQuery.Word("foo:bar", false));
  }

  @Test
  void comparisonsOfScore() {
    assertThat(UserQueryParser.parse("score:5").clauses())
        .containsExactly(new UserQuery.Score(5, 5, false));
    assertThat(UserQueryParser.parse("score:>5").clauses())
        .containsExactly(new UserQuery.Score(6, Long.MAX_VALUE, false));
    assertThat(UserQueryParser.parse("score:<-2").clauses())
        .containsExactly(new UserQuery.Score(Long.MIN_VALUE, -3, false));
    assertThat(UserQueryParser.parse("score:<=0").clauses())
        .containsExactly(new UserQuery.Score(Long.MIN_VALUE, 0, false));
  }

  @Test
  void badOperatorValuesAreInvalidInputNamingTheProblem() {
    for (String bad : List.of("tag:", "is:", "author:", "score:", "created:", "is:everything",
        "score:>=many", "score:99999999999", "created:2024-13-01", "created:>yesterday",
        "created:+999999999-12-31", "tag:-x", "tag:a_b", "author:a/b", "space:%")) {
      assertThatThrownBy(() -> UserQueryParser.parse(bad)).as(bad)
          .isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).field()).isIn("text", "tag",
              "personId", "spaceId"));
    }
  }

  @Test
  void blankTooLongAndControlCharactersAreInvalidInput() {
    for (String bad : List.of("", "   ", "a\u0000b", "x".repeat(1_001))) {
      assertThatThrownBy(() -> UserQueryParser.parse(bad))
          .isInstanceOf(InvalidInputException.class);
    }
    assertThatThrownBy(() -> UserQueryParser.parse(null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void longPastesKeepTheirFirstWordsAndManyOperatorsAreRejected() {
    String paste = "word ".repeat(190);
    assertThat(UserQueryParser.parse(paste).clauses()).hasSize(UserQueryParser.MAX_WORDS);
    assertThatThrownBy(() -> UserQueryParser.parse("tag:x ".repeat(17)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> UserQueryParser.parse("\"a\" ".repeat(17)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Property(tries = 500)
  void anyStringParsesOrIsInvalidInput(@ForAll("queryLike") String text) {
    try {
      UserQueryParser.parse(text);
    } catch (InvalidInputException expected) {
      assertThat(expected.field()).isNotBlank();
    }
  }

  @Property(tries = 300)
  void anySearchAnswersOrIsInvalidInput(@ForAll("queryLike") String text) {
    try {
      SearchQuery query = SearchQuery.of(text);
      assertThat(index.search(query, Set.of(SpaceId.of("hr"))).totalHits())
          .isBetween(0L, 1L);
    } catch (InvalidInputException expected) {
      assertThat(expected.field()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> queryLike() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.strings().withChars("\"-:()*?~^<>=/\\ ").ofMaxLength(8),
        Arbitraries.of("tag:", "is:", "score:", "created:", "author:", "space:", "-", "\"",
            "payroll", "the", "tag:payroll", "is:question", "score:>=", "created:>2024-01-0",
            "\u0000", "\t", " ", "((", "))", "\uD83D\uDE00", "\uD800"));
    return pieces.list().ofMaxSize(30).map(list -> String.join("", list));
  }
}
