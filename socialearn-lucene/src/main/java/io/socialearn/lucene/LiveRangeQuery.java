package io.socialearn.lucene;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Matches threads whose live value (for example the vote score) lies in {@code [min, max]}.
 * Checked per candidate in a second phase, so it costs little beside selective clauses; never
 * cached, since the values change without a new reader. Immutable.
 */
final class LiveRangeQuery extends Query {
  private final LiveValues values;
  private final long min;
  private final long max;

  LiveRangeQuery(LiveValues values, long min, long max) {
    this.values = values;
    this.min = min;
    this.max = max;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        NumericDocValues keys = DocValues.getNumeric(context.reader(), Fields.KEY);
        TwoPhaseIterator twoPhase = new TwoPhaseIterator(keys) {
          @Override
          public boolean matches() throws IOException {
            long value = values.get((int) keys.longValue());
            return value >= min && value <= max;
          }

          @Override
          public float matchCost() {
            return 4;
          }
        };
        return new ConstantScoreScorer(this, score(), scoreMode, twoPhase);
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "live[" + min + " TO " + max + "]";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && values == ((LiveRangeQuery) other).values
        && min == ((LiveRangeQuery) other).min && max == ((LiveRangeQuery) other).max;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), System.identityHashCode(values), min, max);
  }
}
