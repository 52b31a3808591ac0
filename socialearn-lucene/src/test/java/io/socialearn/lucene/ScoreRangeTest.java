package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.space.SpaceId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * score: takes whole numbers within a billion of 0: Long.MIN_VALUE, whose absolute value
 * overflows, is out of range like any other, and never turns a filter into one of everything.
 */
class ScoreRangeTest {
  @Test
  void scoreAtLongMinValueIsOutOfRangeLikeAnyOtherHugeNumber() {
    assertThatThrownBy(() -> UserQueryParser.parse("score:<-9223372036854775807"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> UserQueryParser.parse("score:<-9223372036854775808"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void scoreBelowTheLowestPossibleMatchesNothing() {
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      index.apply(new Events().record(
          Events.question("q1", "pub", "ana", "Payroll question", "body", "payroll"),
          Events.question("q2", "pub", "ana", "Travel question", "body", "travel")));
      assertThatThrownBy(() -> index.search(new SearchQuery("score:<-9223372036854775808",
          SearchSort.NEWEST, 10, null), Set.of(SpaceId.of("pub"))))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("out of range");
      long total = index.search(new SearchQuery("score:<-1000000000", SearchSort.NEWEST, 10,
          null), Set.of(SpaceId.of("pub"))).totalHits();
      assertThat(total).as("threads with a score below -1,000,000,000").isZero();
      assertThat(index.search(new SearchQuery("score:>-1000000000", SearchSort.NEWEST, 10,
          null), Set.of(SpaceId.of("pub"))).totalHits()).isEqualTo(2);
    }
  }
}
