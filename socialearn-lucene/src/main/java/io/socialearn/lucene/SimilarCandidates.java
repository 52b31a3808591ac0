package io.socialearn.lucene;

import io.socialearn.api.space.SpaceId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * The first stage of similar questions: the best matches of the candidate disjunction among the
 * questions a viewer may read, found in one of two ways that give the same documents and scores.
 *
 * <p>Filtered inside the query, the disjunction is a clause of a conjunction, which Lucene scores
 * with WAND. Run on its own, a pure disjunction is scored with MaxScore, which skips far more; a
 * collector then drops each match the filter rejects before it reaches the top documents, so the
 * minimum competitive score it reports comes from readable matches only and the top is the same.
 * Dropping matches costs work in proportion to how many are dropped, so this pays while the
 * readable spaces hold at least {@value #POST_FILTER_SHARE} of the documents (measured at
 * 1,000,000 posts in {@code bench search}: from a twentieth up, the filtered collector took 13-45%
 * less CPU; below, the two cost the same); a smaller share leads the conjunction instead.
 * Thread-safe (stateless).
 */
final class SimilarCandidates {
  /** From this share of the documents in the readable spaces, the filter runs in a collector. */
  static final double POST_FILTER_SHARE = 0.05;

  private SimilarCandidates() {}

  /** The {@code n} best matches of {@code disjunction} that {@code filter} accepts. */
  static TopDocs top(IndexSearcher searcher, Query disjunction, Query filter,
      Set<SpaceId> readable, int n) throws IOException {
    return top(searcher, disjunction, filter, n, postFilter(searcher.getIndexReader(), readable));
  }

  /** As above, with the way chosen: filtered in a collector, or inside the query. */
  static TopDocs top(IndexSearcher searcher, Query disjunction, Query filter, int n,
      boolean postFilter) throws IOException {
    if (!postFilter) {
      // The disjunction stays nested as the one scoring clause beside the filter: Lucene then
      // scores it with WAND, which it does not for a disjunction flattened among filters.
      Query query = new BooleanQuery.Builder().add(disjunction, Occur.MUST)
          .add(filter, Occur.FILTER).build();
      return searcher.search(query, new TopScoreDocCollectorManager(n, null, n));
    }
    // Without the query cache: checking a few matches is cheaper than caching a whole segment's
    // bitset for a set of spaces that the next viewer may not share.
    IndexSearcher uncached = new IndexSearcher(searcher.getIndexReader());
    uncached.setQueryCache(null);
    Weight accepts = uncached.createWeight(uncached.rewrite(filter),
        ScoreMode.COMPLETE_NO_SCORES, 1f);
    return searcher.search(disjunction, new Filtered(new TopScoreDocCollectorManager(n, null, n),
        accepts));
  }

  /**
   * Whether the readable spaces hold at least {@link #POST_FILTER_SHARE} of the documents
   * (deleted ones included, as an estimate). Stops looking up spaces once they do, so a viewer
   * who reads hundreds of spaces does not pay a term lookup for each on every draft.
   */
  static boolean postFilter(IndexReader reader, Set<SpaceId> readable) throws IOException {
    double bar = POST_FILTER_SHARE * Math.max(1, reader.maxDoc());
    long inReadable = 0;
    for (SpaceId space : readable) {
      inReadable += reader.docFreq(new Term(Fields.SPACE, space.value()));
      if (inReadable >= bar) {
        return true;
      }
    }
    return false;
  }

  /** Top documents of the matches a filter accepts. */
  private record Filtered(TopScoreDocCollectorManager top, Weight accepts)
      implements CollectorManager<Accepting, TopDocs> {
    @Override
    public Accepting newCollector() throws IOException {
      return new Accepting(top.newCollector(), accepts);
    }

    @Override
    public TopDocs reduce(Collection<Accepting> collectors) throws IOException {
      List<TopScoreDocCollector> tops = new ArrayList<>(collectors.size());
      for (Accepting collector : collectors) {
        tops.add(collector.top);
      }
      return top.reduce(tops);
    }
  }

  /** Passes on only the documents the filter accepts. */
  private static final class Accepting extends FilterCollector {
    private final TopScoreDocCollector top;
    private final Weight accepts;

    Accepting(TopScoreDocCollector top, Weight accepts) {
      super(top);
      this.top = top;
      this.accepts = accepts;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      Scorer filter = accepts.scorer(context);
      if (filter == null) {
        throw new CollectionTerminatedException(); // nothing readable in this segment
      }
      DocIdSetIterator accepted = filter.iterator();
      return new FilterLeafCollector(super.getLeafCollector(context)) {
        @Override
        public void collect(int doc) throws IOException {
          int at = accepted.docID() < doc ? accepted.advance(doc) : accepted.docID();
          if (at == doc) {
            in.collect(doc);
          }
        }
      };
    }
  }
}
