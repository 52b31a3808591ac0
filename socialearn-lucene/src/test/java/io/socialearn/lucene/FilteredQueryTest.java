package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/**
 * How a query is joined to the space filter: a conjunction flat beside it, a disjunction whole as
 * the one scoring clause (so Lucene may prune it), a query of another kind as a required clause.
 */
class FilteredQueryTest {
  private static final Query FILTER = new TermQuery(new Term(Fields.SPACE, "s"));
  private static final Query A = new TermQuery(new Term(Fields.BODY, "a"));
  private static final Query B = new TermQuery(new Term(Fields.BODY, "b"));

  @Test
  void aConjunctionTakesTheFilterAsOneMoreClause() {
    BooleanQuery all = new BooleanQuery.Builder().add(A, Occur.MUST).add(B, Occur.MUST).build();
    BooleanQuery filtered = (BooleanQuery) SearchQueries.filtered(all, FILTER);
    assertThat(filtered.clauses()).containsExactly(new BooleanClause(A, Occur.MUST),
        new BooleanClause(B, Occur.MUST), new BooleanClause(FILTER, Occur.FILTER));
  }

  @Test
  void aDisjunctionStaysWholeBesideTheFilter() {
    BooleanQuery any = new BooleanQuery.Builder().add(A, Occur.SHOULD).add(B, Occur.SHOULD)
        .setMinimumNumberShouldMatch(1).build();
    BooleanQuery filtered = (BooleanQuery) SearchQueries.filtered(any, FILTER);
    assertThat(filtered.clauses()).containsExactly(new BooleanClause(any, Occur.MUST),
        new BooleanClause(FILTER, Occur.FILTER));
    assertThat(filtered.getMinimumNumberShouldMatch()).isZero();
  }

  @Test
  void anyOtherQueryIsRequired() {
    assertThat(((BooleanQuery) SearchQueries.filtered(A, FILTER)).clauses()).isEqualTo(List.of(
        new BooleanClause(A, Occur.MUST), new BooleanClause(FILTER, Occur.FILTER)));
  }
}
