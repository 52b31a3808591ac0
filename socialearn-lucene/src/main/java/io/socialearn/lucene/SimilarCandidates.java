package io.socialearn.lucene;

import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ThreadKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The first stage of similar questions: the best matches of the candidate disjunction among the
 * questions a viewer may read, found in one of two ways that give the same documents and scores.
 *
 * <p>Filtered inside the query, the disjunction is a clause of a conjunction, which Lucene scores
 * with WAND. Run on its own, a pure disjunction is scored with MaxScore, which skips far more; a
 * collector then drops each match outside the readable questions before it reaches the top
 * documents, so the minimum competitive score it reports comes from readable matches only and the
 * top is the same. The collector checks a match's space in the space doc values (against the
 * segment's ordinals of the readable spaces) before whether it is a question, rather than
 * advancing a filter query's scorer: opening that scorer in every segment (a term query per
 * space and the kind's) took about as long as the checks themselves. Dropping matches costs work
 * in proportion to how many are dropped, so this pays while the readable spaces hold at least
 * {@value #POST_FILTER_SHARE} of the documents; a smaller share leads the conjunction instead.
 * Measured on a 1,000,000-post index of {@code bench search}, CPU per draft in a collector
 * against in the query: 3.4 against 4.5 ms with 3-5% of the documents readable, 3.3 against 5.6
 * ms with 5-10%, the same at 2-3%, 3.5 against 2.8 ms at 1-2% (the collector's cost stays level,
 * the conjunction's grows with the share).
 */
final class SimilarCandidates {
  /** From this share of the documents in the readable spaces, the filter runs in a collector. */
  static final double POST_FILTER_SHARE = 0.025;

  private static final Term QUESTION = new Term(Fields.KIND, ThreadKind.QUESTION.name());

  private SimilarCandidates() {}

  /**
   * The {@code n} best matches of {@code disjunction} among the questions in the {@code
   * readable} spaces, the spaces' sizes looked up through {@code lookups} (a draft's, on {@code
   * searcher}).
   */
  static TopDocs top(IndexSearcher searcher, Query disjunction, Set<SpaceId> readable, int n,
      DraftQueries.TermLookups lookups) throws IOException {
    return top(searcher, disjunction, readable, n,
        postFilter(searcher.getIndexReader().maxDoc(), readable, lookups));
  }

  /** As above, with the way chosen: filtered in a collector, or inside the query. */
  static TopDocs top(IndexSearcher searcher, Query disjunction, Set<SpaceId> readable, int n,
      boolean postFilter) throws IOException {
    if (!postFilter) {
      // The disjunction stays nested as the one scoring clause beside the filter: Lucene then
      // scores it with WAND, which it does not for a disjunction flattened among filters.
      Query query = new BooleanQuery.Builder().add(disjunction, Occur.MUST)
          .add(SearchQueries.spaces(readable), Occur.FILTER)
          .add(new TermQuery(QUESTION), Occur.FILTER).build();
      return searcher.search(query, new TopScoreDocCollectorManager(n, null, n));
    }
    List<BytesRef> spaces = new ArrayList<>(readable.size());
    readable.forEach(space -> spaces.add(new BytesRef(space.value())));
    return searcher.search(disjunction, new Filtered(new TopScoreDocCollectorManager(n, null, n),
        spaces));
  }

  /**
   * Whether the readable spaces hold at least {@link #POST_FILTER_SHARE} of the documents
   * (deleted ones included, as an estimate) of an index of {@code maxDoc} documents. Stops
   * looking up spaces once they do, so a viewer who reads hundreds of spaces does not pay a term
   * lookup for each on every draft; a space's size is looked up through {@code lookups}, and so
   * once per reader while the term states cache has room.
   */
  static boolean postFilter(int maxDoc, Set<SpaceId> readable, DraftQueries.TermLookups lookups) {
    double bar = POST_FILTER_SHARE * Math.max(1, maxDoc);
    long inReadable = 0;
    for (SpaceId space : readable) {
      inReadable += lookups.docFreq(Fields.SPACE, space.value());
      if (inReadable >= bar) {
        return true;
      }
    }
    return false;
  }

  /** Top documents of the matches among the readable questions. */
  private record Filtered(TopScoreDocCollectorManager top, List<BytesRef> spaces)
      implements CollectorManager<Accepting, TopDocs> {
    @Override
    public Accepting newCollector() throws IOException {
      return new Accepting(top.newCollector(), spaces);
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

  /** Passes on only the questions in a readable space. */
  private static final class Accepting extends FilterCollector {
    private final TopScoreDocCollector top;
    private final List<BytesRef> spaces;

    Accepting(TopScoreDocCollector top, List<BytesRef> spaces) {
      super(top);
      this.top = top;
      this.spaces = spaces;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafReader reader = context.reader();
      SortedDocValues spaceOf = reader.getSortedDocValues(Fields.SPACE);
      FixedBitSet readable = spaceOf == null ? null : readableOrds(spaceOf, spaces);
      Terms kinds = reader.terms(Fields.KIND);
      TermsEnum kind = kinds == null ? null : kinds.iterator();
      if (readable == null || kind == null || !kind.seekExact(QUESTION.bytes())) {
        throw new CollectionTerminatedException(); // nothing readable in this segment
      }
      PostingsEnum questions = kind.postings(null, PostingsEnum.NONE);
      return new FilterLeafCollector(super.getLeafCollector(context)) {
        @Override
        public void collect(int doc) throws IOException {
          if (spaceOf.advanceExact(doc) && readable.get(spaceOf.ordValue())) {
            int at = questions.docID() < doc ? questions.advance(doc) : questions.docID();
            if (at == doc) {
              in.collect(doc);
            }
          }
        }
      };
    }

    /** The segment's ordinals of the readable spaces, or null if it holds none of them. */
    private static FixedBitSet readableOrds(SortedDocValues spaceOf, List<BytesRef> spaces)
        throws IOException {
      FixedBitSet ords = new FixedBitSet(Math.max(1, spaceOf.getValueCount()));
      boolean any = false;
      for (BytesRef space : spaces) {
        int ord = spaceOf.lookupTerm(space);
        if (ord >= 0) {
          ords.set(ord);
          any = true;
        }
      }
      return any ? ords : null;
    }
  }
}
