package io.socialearn.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * The threads in any of some spaces, as runs of document numbers. In a segment sorted by space
 * first ({@link LuceneSearchIndex#INDEX_SORT}) the threads of one space are consecutive
 * documents: from the first document of its postings, as many as the term's document frequency
 * (which counts deleted documents too, as the postings do). So the filter costs one term look-up
 * per space and segment, and skipping to a document is a comparison, where a {@link
 * TermInSetQuery} would read every readable thread's posting into a bit set on each search. A
 * segment not sorted so (none that this code writes) gets the postings-or-doc-values filter
 * instead. Matches with a constant score; not cached (building it is cheaper than a look-up).
 */
final class SpaceRangesQuery extends Query {
  private final String field;
  /** The spaces, sorted and distinct. */
  private final List<BytesRef> spaces;

  SpaceRangesQuery(String field, Collection<BytesRef> spaces) {
    this.field = field;
    this.spaces = List.copyOf(new TreeSet<>(spaces));
  }

  /**
   * The runs of documents that hold {@code spaces} (sorted, distinct) in a segment sorted by
   * {@code field} first: their starts and ends (exclusive) in document order, or null if the
   * segment is not sorted so.
   */
  static int[][] runs(LeafReader reader, String field, List<BytesRef> spaces) throws IOException {
    if (!runsOf(field, reader.getMetaData().getSort())) {
      return null;
    }
    Terms terms = reader.terms(field);
    if (terms == null) {
      return new int[][] {new int[0], new int[0]};
    }
    TermsEnum termsEnum = terms.iterator();
    List<int[]> runs = new ArrayList<>();
    PostingsEnum postings = null;
    for (BytesRef space : spaces) {
      if (termsEnum.seekExact(space)) {
        postings = termsEnum.postings(postings, PostingsEnum.NONE);
        int first = postings.nextDoc();
        runs.add(new int[] {first, first + termsEnum.docFreq()});
      }
    }
    runs.sort((a, b) -> Integer.compare(a[0], b[0]));
    int[] starts = new int[runs.size()];
    int[] ends = new int[runs.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = runs.get(i)[0];
      ends[i] = runs.get(i)[1];
    }
    return new int[][] {starts, ends};
  }

  /** The field of the spaces. */
  String field() {
    return field;
  }

  /** The spaces, sorted and distinct. */
  List<BytesRef> spaces() {
    return spaces;
  }

  /** Whether a segment with this sort holds each value of {@code field} in consecutive docs. */
  static boolean runsOf(String field, Sort sort) {
    if (sort == null || sort.getSort().length == 0) {
      return false;
    }
    SortField first = sort.getSort()[0];
    return first.getField().equals(field) && first.getType() == SortField.Type.STRING;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    return new ConstantScoreWeight(this, boost) {
      private Weight unsorted;

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        if (!runsOf(field, context.reader().getMetaData().getSort())) {
          return unsortedWeight().scorerSupplier(context);
        }
        int[][] runs = runs(context.reader(), field, spaces);
        if (runs[0].length == 0) {
          return null;
        }
        int[] starts = runs[0];
        int[] ends = runs[1];
        long cost = 0;
        for (int i = 0; i < starts.length; i++) {
          cost += ends[i] - starts[i];
        }
        long total = cost;
        Weight weight = this;
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) {
            return new ConstantScoreScorer(weight, score(), scoreMode,
                new RunsIterator(starts, ends, total));
          }

          @Override
          public long cost() {
            return total;
          }
        };
      }

      private Weight unsortedWeight() throws IOException {
        if (unsorted == null) {
          Query postingsOrValues = new IndexOrDocValuesQuery(new TermInSetQuery(field, spaces),
              SortedDocValuesField.newSlowSetQuery(field, spaces));
          unsorted = searcher.createWeight(searcher.rewrite(postingsOrValues), scoreMode,
              boost);
        }
        return unsorted;
      }

      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = scorerSupplier(context);
        return supplier == null ? null : supplier.get(Long.MAX_VALUE);
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false;
      }
    };
  }

  /** The documents of sorted, disjoint runs {@code [starts[i], ends[i])}. */
  static final class RunsIterator extends DocIdSetIterator {
    private final int[] starts;
    private final int[] ends;
    private final long cost;
    private int run;
    private int doc = -1;

    RunsIterator(int[] starts, int[] ends, long cost) {
      this.starts = starts;
      this.ends = ends;
      this.cost = cost;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      return doc == NO_MORE_DOCS ? doc : advance(doc + 1);
    }

    @Override
    public int advance(int target) {
      while (run < starts.length && ends[run] <= target) {
        run++;
      }
      doc = run == starts.length ? NO_MORE_DOCS : Math.max(target, starts[run]);
      return doc;
    }

    @Override
    public long cost() {
      return cost;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(field)) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public String toString(String defaultField) {
    return field + ":runs" + spaces.stream().map(BytesRef::utf8ToString).toList();
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && field.equals(((SpaceRangesQuery) other).field)
        && spaces.equals(((SpaceRangesQuery) other).spaces);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * classHash() + field.hashCode()) + Arrays.hashCode(spaces.toArray());
  }
}
