package io.socialearn.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A disjunction-max query that, as the top-level scoring clause, skips the blocks of documents
 * whose maximum score is below the collector's minimum competitive score. Lucene's
 * disjunction-max query with a tie-breaker ignores the minimum competitive score and scores every
 * match: a one-word search of a common word scored every thread holding it in any field. (Its
 * own block boundaries follow only the clauses that can compete alone, here the title's, whose
 * postings of a word rare in titles form one block spanning the segment, so they cannot serve.)
 * This query does for it what Lucene's {@code ImpactsDISI} does for a term: before entering a
 * window of documents it bounds the score there by the fields' block maxima combined as the
 * disjunction-max combines scores, leaving out a field whose next match lies past the window
 * (see {@link SkippingScorer#advanceShallow}), and moves past the window if that bound cannot
 * compete. Only windows strictly below the minimum are skipped, so the hits, their order and
 * scores are the wrapped query's. Inside a conjunction or disjunction it iterates as the wrapped
 * query does, and gives Lucene's block-max conjunction and disjunction scorers the same windows
 * and bounds to skip by.
 */
final class BlockSkippingQuery extends Query {
  private final DisjunctionMaxQuery in;

  BlockSkippingQuery(DisjunctionMaxQuery in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /** The wrapped query. */
  DisjunctionMaxQuery wrapped() {
    return in;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    if (rewritten == in) {
      return this;
    }
    return rewritten instanceof DisjunctionMaxQuery max ? new BlockSkippingQuery(max) : rewritten;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight weight = in.createWeight(searcher, scoreMode, boost);
    if (scoreMode != ScoreMode.TOP_SCORES) {
      return weight;
    }
    return new SkippingWeight(this, weight);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "skipping(" + in.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && in.equals(((BlockSkippingQuery) other).in);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + in.hashCode();
  }

  private static final class SkippingWeight extends Weight {
    private final Weight in;

    SkippingWeight(Query query, Weight in) {
      super(query);
      this.in = in;
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      return in.explain(context, doc);
    }

    @Override
    public Matches matches(LeafReaderContext context, int doc) throws IOException {
      return in.matches(context, doc);
    }

    @Override
    public int count(LeafReaderContext context) throws IOException {
      return in.count(context);
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return in.isCacheable(ctx);
    }

    @Override
    public Scorer scorer(LeafReaderContext context) throws IOException {
      ScorerSupplier supplier = scorerSupplier(context);
      return supplier == null ? null : supplier.get(Long.MAX_VALUE);
    }

    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
      ScorerSupplier supplier = in.scorerSupplier(context);
      if (supplier == null) {
        return null;
      }
      Weight self = this;
      return new ScorerSupplier() {
        @Override
        public Scorer get(long leadCost) throws IOException {
          Scorer scorer = supplier.get(leadCost);
          if (scorer.twoPhaseIterator() != null) {
            return scorer;
          }
          List<Scorer> fields = new ArrayList<>();
          for (Scorable.ChildScorable child : scorer.getChildren()) {
            if (!(child.child instanceof Scorer field)) {
              return scorer;
            }
            fields.add(field);
          }
          // one field only: its term scorer skips by itself
          return fields.isEmpty() ? scorer : new SkippingScorer(self, scorer, fields);
        }

        @Override
        public long cost() {
          return supplier.cost();
        }

        @Override
        public void setTopLevelScoringClause() throws IOException {
          supplier.setTopLevelScoringClause();
        }
      };
    }
  }

  /** The wrapped scorer, with an iterator that skips windows below the minimum score. */
  static final class SkippingScorer extends Scorer {
    private final Scorer in;
    /** The disjunction's clauses (a field each), positioned by its iterator. */
    private final Scorer[] fields;
    private final DocIdSetIterator docs;
    private final DocIdSetIterator iterator;
    private float minCompetitive;
    /** The last document of the block last found competitive; -1 before the first. */
    private int upTo = -1;

    SkippingScorer(Weight weight, Scorer in, List<Scorer> fields) {
      super(weight);
      this.in = in;
      this.fields = fields.toArray(Scorer[]::new);
      this.docs = in.iterator();
      this.iterator = new DocIdSetIterator() {
        @Override
        public int docID() {
          return docs.docID();
        }

        @Override
        public int nextDoc() throws IOException {
          if (minCompetitive <= 0 || docs.docID() < upTo) {
            return docs.nextDoc();
          }
          return advance(docs.docID() + 1);
        }

        @Override
        public int advance(int target) throws IOException {
          if (minCompetitive <= 0) {
            return docs.advance(target);
          }
          int doc = docs.advance(competitive(target));
          // The document found may lie in a later block, not yet checked.
          while (doc != NO_MORE_DOCS && doc > upTo) {
            int next = competitive(doc);
            if (next == doc) {
              break;
            }
            doc = docs.advance(next);
          }
          return doc;
        }

        @Override
        public long cost() {
          return docs.cost();
        }
      };
    }

    /**
     * The first document at or after {@code target} in a window that can compete, or {@link
     * DocIdSetIterator#NO_MORE_DOCS}; sets {@link #upTo} to that window's end.
     */
    private int competitive(int target) throws IOException {
      if (target <= upTo) {
        return target;
      }
      while (true) {
        upTo = advanceShallow(target);
        if (in.getMaxScore(upTo) >= minCompetitive) {
          return target;
        }
        if (upTo == DocIdSetIterator.NO_MORE_DOCS) {
          return DocIdSetIterator.NO_MORE_DOCS;
        }
        target = upTo + 1;
      }
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      minCompetitive = minScore;
      in.setMinCompetitiveScore(minScore);
    }

    @Override
    public DocIdSetIterator iterator() {
      return iterator;
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return null;
    }

    /**
     * The end of the window from {@code target}: where the first block ends among the fields
     * at or before {@code target}; if every field is past it, just before the nearest one's next
     * match (a window with no match, which {@link #getMaxScore} bounds by 0). A field whose next
     * match lies past the window's end does not count in the disjunction-max's maximum over it.
     * A field ahead does not end the window early: windows as short as the gap to a field's next
     * match made Lucene's disjunction scorer recompute its bounds so often that an any-word
     * search took half as long again. A conjunction or disjunction holding this query skips by
     * the same windows.
     */
    @Override
    public int advanceShallow(int target) throws IOException {
      int end = DocIdSetIterator.NO_MORE_DOCS;
      int nextAhead = DocIdSetIterator.NO_MORE_DOCS;
      for (Scorer field : fields) {
        int doc = field.docID();
        if (doc <= target) {
          end = Math.min(end, field.advanceShallow(target));
        } else {
          nextAhead = Math.min(nextAhead, doc);
        }
      }
      return end == DocIdSetIterator.NO_MORE_DOCS && nextAhead != DocIdSetIterator.NO_MORE_DOCS
          ? nextAhead - 1 : end;
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public float smoothingScore(int docId) throws IOException {
      return in.smoothingScore(docId);
    }

    @Override
    public int docID() {
      return docs.docID();
    }

    @Override
    public Collection<ChildScorable> getChildren() {
      return List.of(new ChildScorable(in, "MUST"));
    }
  }
}
