package io.socialearn.lucene;

import io.socialearn.api.search.Facet;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.search.TagSuggestion;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

/**
 * The read side of {@link LuceneSearchIndex}: runs searches, similar questions and tag queries
 * on a searcher, always restricted to the readable spaces. Thread-safe (stateless beyond its
 * thread-safe collaborators).
 */
final class IndexQueries {
  /** How many neighbours vote for suggested tags. */
  static final int SUGGESTION_NEIGHBOURS = 20;
  /** Up to how many matches a hits-only search counts exactly (Lucene's default threshold). */
  static final int HITS_ONLY_COUNT = 1_000;
  /** How many candidates the first stage of similar questions hands to the full query. */
  static final int SIMILAR_CANDIDATES = 30;
  /**
   * Up to this many hits asked for, similar questions go through the candidate stage (the
   * while-typing case); more are scored in one full pass, since a rescoring stage only helps with
   * far more candidates than hits (who-knows asks for 30 similar threads: with the two stages its
   * document model lost about 0.02 MRR in {@code eval experts}).
   */
  static final int TWO_STAGE_LIMIT = 10;
  /**
   * With an embedder, how many of a draft's best candidates by words are re-ranked by words and
   * meaning together (all of them if more hits are asked for).
   */
  static final int MEANING_DEPTH = SIMILAR_CANDIDATES;
  /** Gives drafts their vectors; null for none. */
  private final TextEmbedder embedder;

  private static final SearchResults NOTHING = new SearchResults(List.of(), 0,
      List.of(new Facet(Fields.TAG, List.of()), new Facet(Fields.SPACE, List.of()),
          new Facet(Fields.STATE, List.of())), null);

  private final org.apache.lucene.analysis.Analyzer analyzer;
  private final SearchQueries searchQueries;
  /** The words' term states in the large segments, kept across searches and refreshes. */
  private final SegmentTermStates termStates = new SegmentTermStates();
  private final DraftQueries draftQueries;
  /** Each open segment's figures per space, summed into the statistics of a viewer's threads. */
  private final ScopedStatistics.Cache statistics =
      new ScopedStatistics.Cache(ScopedStatistics.Cache.CAPACITY,
          ScopedStatistics.Cache.MIN_SEGMENT_DOCS);
  private final Snippets snippets;
  private final Map<SearchSort, Sort> sorts = new HashMap<>();
  /** Skips the votes order's blocks that cannot reach a page. */
  private final VoteBounds voteBounds;
  /**
   * The longest time allowed a search keeps as such (about 146 years): a longer one, which the
   * builder invites to never stop early, is cut to it, so it fits a long of nanoseconds and a
   * deadline set from it does not overflow.
   */
  static final Duration LONGEST_TIME_ALLOWED = Duration.ofNanos(Long.MAX_VALUE / 2);
  /** How long a search may look for matches before it returns what it found (partial). */
  private final long timeAllowedNanos;
  /** Documents a search scans before its time allowed is first checked. */
  private final int freeDocs;
  /** Takes part in a large search's scan; null to scan everything in the searching thread. */
  private final Executor helpers;
  /**
   * The postings (documents per field, summed over a search's words) from which a search by
   * relevance is shared with a helper thread; below it, handing pieces over costs more than it
   * saves. At 1,000,000 posts a common word has a few hundred thousand.
   */
  static final int PARALLEL_POSTINGS = 100_000;
  private final int parallelPostings;
  /** The global ordinals of the most recently searched reader. */
  private volatile GlobalOrdinals ordinals;
  /** Builds {@link #ordinals}, reusing the large segments' map; guarded by itself. */
  private final GlobalOrdinals.Builder ordinalsBuilder = new GlobalOrdinals.Builder();

  IndexQueries(org.apache.lucene.analysis.Analyzer analyzer, LiveValues votes,
      VoteBounds voteBounds, LiveValues activity, Duration timeAllowed, int freeDocs,
      Executor helpers, int parallelPostings, TextEmbedder embedder) {
    this.embedder = embedder;
    this.helpers = helpers;
    this.parallelPostings = parallelPostings;
    this.voteBounds = voteBounds;
    this.timeAllowedNanos = timeAllowed.compareTo(LONGEST_TIME_ALLOWED) > 0
        ? LONGEST_TIME_ALLOWED.toNanos() : timeAllowed.toNanos();
    this.freeDocs = freeDocs;
    this.analyzer = analyzer;
    this.searchQueries = new SearchQueries(analyzer, votes);
    this.draftQueries = new DraftQueries(analyzer);
    this.snippets = new Snippets(analyzer);
    SortField key = new SortField(Fields.KEY, SortField.Type.LONG, true);
    SortField newest = new SortField(Fields.CREATED_SEQ, SortField.Type.LONG, true);
    sorts.put(SearchSort.RELEVANCE, new Sort(SortField.FIELD_SCORE, key));
    sorts.put(SearchSort.NEWEST, new Sort(newest, key));
    sorts.put(SearchSort.VOTES, new Sort(
        new SortField(Fields.VOTES, voteBounds.comparatorSource(), true), newest, key));
    sorts.put(SearchSort.ACTIVITY, new Sort(
        new SortField(Fields.ACTIVITY, activity.comparatorSource(), true), key));
  }

  /** The global ordinals of {@code reader}: cached for the latest reader, built on its first use. */
  GlobalOrdinals ordinals(org.apache.lucene.index.IndexReader reader) throws IOException {
    GlobalOrdinals current = ordinals;
    var key = GlobalOrdinals.keyOf(reader);
    if (current != null && key != null && current.key == key) {
      return current;
    }
    if (key == null) {
      return GlobalOrdinals.of(reader);
    }
    synchronized (ordinalsBuilder) {
      current = ordinals;
      if (current == null || current.key != key) {
        current = ordinalsBuilder.build(reader);
        ordinals = current;
      }
      return current;
    }
  }

  /** The global ordinals last built, or null. For tests. */
  GlobalOrdinals lastOrdinals() {
    return ordinals;
  }

  /** The Lucene sort for an order; its last field is the unique thread key. */
  Sort sort(SearchSort sort) {
    return sorts.get(sort);
  }

  /** The statistics of the threads in {@code readable} on {@code searcher}'s reader. */
  ScopedStatistics statistics(IndexSearcher searcher, Set<SpaceId> readable) {
    return ScopedStatistics.of(searcher, readable, statistics);
  }

  SearchResults search(IndexSearcher whole, SearchQuery query, Set<SpaceId> readable)
      throws IOException {
    long deadline = BudgetedSearch.now() + timeAllowedNanos;
    UserQuery parsed = UserQueryParser.parse(query.text());
    Sort sort = sorts.get(query.sort());
    FieldDoc after = Cursors.decode(query.cursor(), query.sort(), sort);
    if (readable.isEmpty()) {
      return NOTHING;
    }
    IndexSearcher searcher = statistics(whole, readable).searcher();
    // Each word's states, looked up once for both the all-words query and the any-word fallback.
    Map<Term, TermStates> states = new HashMap<>();
    Function<Term, TermStates> lookUp = term -> states.computeIfAbsent(term, t -> {
      try {
        return termStates.states(searcher.getTopReaderContext(), t);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    SearchQueries.Built built = searchQueries.build(parsed, true, lookUp);
    if (built.query() == null) {
      return NOTHING;
    }
    SpaceRangesQuery access = SearchQueries.spaces(readable);
    long postings = 0;
    for (TermStates termStates : states.values()) {
      postings += termStates.docFreq();
    }
    // Phrases read positions: any phrase is worth sharing out.
    Executor helper = query.sort() == SearchSort.RELEVANCE
        && (postings >= parallelPostings || built.phrases() > 0) ? helpers : null;
    Page page = page(searcher, built.query(), access, sort, query, after, deadline, helper);
    if (page.total() == 0 && !page.partial() && built.scoringTerms() > 1) {
      built = searchQueries.build(parsed, false, lookUp);
      page = page(searcher, built.query(), access, sort, query, after, deadline, helper);
    }
    ScoreDoc[] docs = page.top().scoreDocs;
    int shown = Math.min(query.limit(), docs.length);
    List<SearchHit> hits = new ArrayList<>(shown);
    for (int i = 0; i < shown; i++) {
      hits.add(hit(searcher, docs[i], built.terms()));
    }
    String next = docs.length > query.limit()
        ? Cursors.encode(query.sort(), (FieldDoc) docs[shown - 1]) : null;
    return new SearchResults(hits, page.total(), page.facets(), next, page.lowerBound(),
        page.partial());
  }

  private record Page(TopDocs top, long total, List<Facet> facets, boolean lowerBound,
      boolean partial) {}

  /** The page of {@code query}'s matches among the threads in {@code access}'s spaces. */
  private Page page(IndexSearcher searcher, Query query, SpaceRangesQuery access, Sort sort,
      SearchQuery request, FieldDoc after, long deadline, Executor helper) throws IOException {
    TopFieldDocs docs;
    List<Facet> facets;
    boolean complete;
    if (request.hitsOnly()) {
      // Counting stops at the threshold, so Lucene may skip blocks that cannot reach the page.
      // The votes order skips the most when the newest threads fill the queue first.
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      if (request.sort() == SearchSort.VOTES) {
        leaves = voteBounds.newestFirst(leaves);
      }
      BudgetedSearch.Outcome<TopFieldDocs> top = BudgetedSearch.search(searcher, query, access,
          new TopFieldCollectorManager(sort, request.limit() + 1, after, HITS_ONLY_COUNT),
          deadline, freeDocs, leaves, helper, BudgetedSearch.PIECE);
      docs = top.result();
      facets = List.of();
      complete = top.complete();
    } else {
      TopFieldCollectorManager top = new TopFieldCollectorManager(sort, request.limit() + 1,
          after, Integer.MAX_VALUE);
      FacetCounts counts = new FacetCounts(ordinals(searcher.getIndexReader()), true, null,
          FacetCounts.MAX_VALUES);
      BudgetedSearch.Outcome<Both> both = BudgetedSearch.search(searcher, query, access,
          new BothManager(top, counts), deadline, freeDocs,
          searcher.getIndexReader().leaves(), helper, BudgetedSearch.PIECE);
      docs = both.result().top();
      facets = both.result().facets().facets();
      complete = both.complete();
    }
    if (request.sort() != SearchSort.RELEVANCE) {
      TopFieldCollector.populateScores(docs.scoreDocs, searcher, query);
    } else {
      for (ScoreDoc doc : docs.scoreDocs) {
        doc.score = (Float) ((FieldDoc) doc).fields[0];
      }
    }
    return new Page(docs, docs.totalHits.value, facets,
        docs.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO, !complete);
  }

  private SearchHit hit(IndexSearcher searcher, ScoreDoc scoreDoc, Set<String> terms)
      throws IOException {
    ThreadDoc doc = load(searcher, scoreDoc.doc);
    List<String> texts = new ArrayList<>();
    texts.add(doc.body);
    texts.addAll(doc.replyTexts());
    return new SearchHit(ThreadId.of(doc.id), SpaceId.of(doc.space), doc.title,
        scoreDoc.score, snippets.snippet(terms, texts));
  }

  private static ThreadDoc load(IndexSearcher searcher, int doc) throws IOException {
    var leaves = searcher.getIndexReader().leaves();
    var leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    return ThreadDoc.read(leaf.reader(), doc - leaf.docBase);
  }

  List<SearchHit> similar(IndexSearcher whole, SimilarQuery draft, Set<SpaceId> readable)
      throws IOException {
    if (readable.isEmpty()) {
      return List.of();
    }
    ScopedStatistics stats = statistics(whole, readable);
    IndexSearcher searcher = stats.searcher();
    DraftQueries.Draft like = draftQueries.similar(searcher, stats, draft.title(),
        draft.body(), draft.tags().stream().map(Tag::value).toList());
    if (like == null) {
      return List.of();
    }
    BooleanQuery.Builder filter = new BooleanQuery.Builder()
        .add(SearchQueries.spaces(readable), Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, ThreadKind.QUESTION.name())), Occur.FILTER);
    TopDocs top;
    // with an embedder, more candidates by words than asked for, to re-rank by meaning too
    int depth = embedder == null ? draft.limit() : Math.max(draft.limit(), MEANING_DEPTH);
    if (!draft.within().isEmpty() || draft.limit() > TWO_STAGE_LIMIT) {
      // A handful of given candidates, or many hits asked for: score with the full query.
      if (!draft.within().isEmpty()) {
        filter.add(new TermInSetQuery(Fields.ID,
            draft.within().stream().map(t -> new BytesRef(t.value())).toList()), Occur.FILTER);
      }
      top = searcher.search(SearchQueries.filtered(like.full(), filter.build()),
          new TopScoreDocCollectorManager(depth, null, depth));
    } else {
      // Two stages: the smaller query finds the best candidates (counting stops at their number,
      // so Lucene prunes early), then the full query scores only those.
      TopDocs found = SimilarCandidates.top(searcher, like.candidates(), readable,
          SIMILAR_CANDIDATES, draftQueries.lookups(searcher));
      top = CandidateScores.rescore(searcher, analyzer, like.fullClauses(), found,
          depth, CandidateScores.ANALYSE_LIMIT);
    }
    ScoreDoc[] ranked = top.scoreDocs;
    if (embedder != null && ranked.length > 1) {
      ranked = byMeaningToo(searcher, draft, ranked);
    }
    Set<String> terms = Set.copyOf(searchQueries.analyse(draft.title(), 64));
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < Math.min(draft.limit(), ranked.length); i++) {
      hits.add(hit(searcher, ranked[i], terms));
    }
    return hits;
  }

  /** {@code ranked} re-ranked by words and meaning ({@link Meaning#rerank}). */
  private ScoreDoc[] byMeaningToo(IndexSearcher searcher, SimilarQuery draft, ScoreDoc[] ranked)
      throws IOException {
    float[] vector = Meaning.embed(embedder, "a draft", draft.title(), draft.body());
    if (vector == null) {
      return ranked;
    }
    var leaves = searcher.getIndexReader().leaves();
    float[][] vectors = new float[ranked.length][];
    for (int i = 0; i < ranked.length; i++) {
      var leaf = leaves.get(ReaderUtil.subIndex(ranked[i].doc, leaves));
      vectors[i] = Meaning.read(leaf.reader(), ranked[i].doc - leaf.docBase);
    }
    return Meaning.rerank(ranked, vectors, vector);
  }

  List<TagSuggestion> suggestTags(IndexSearcher whole, String text, int limit,
      Set<SpaceId> readable) throws IOException {
    if (readable.isEmpty() || limit <= 0) {
      return List.of();
    }
    ScopedStatistics stats = statistics(whole, readable);
    IndexSearcher searcher = stats.searcher();
    Query like = draftQueries.like(searcher, stats, text);
    if (like == null) {
      return List.of();
    }
    TopDocs top = searcher.search(SearchQueries.filtered(like, SearchQueries.spaces(readable)),
        new TopScoreDocCollectorManager(SUGGESTION_NEIGHBOURS, null, SUGGESTION_NEIGHBOURS));
    Map<String, Double> weights = new HashMap<>();
    for (ScoreDoc scoreDoc : top.scoreDocs) {
      for (String tag : load(searcher, scoreDoc.doc).tags) {
        weights.merge(tag, (double) scoreDoc.score, Double::sum);
      }
    }
    return weights.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(e -> new TagSuggestion(new Tag(e.getKey()), e.getValue())).toList();
  }

  List<Tag> completeTags(IndexSearcher searcher, String prefix, int limit, Set<SpaceId> readable)
      throws IOException {
    String normal = prefix.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    if (readable.isEmpty() || limit <= 0 || normal.length() > Tag.MAX_LENGTH) {
      return List.of();
    }
    Query tags = normal.isEmpty() ? new MatchAllDocsQuery()
        : new PrefixQuery(new Term(Fields.TAG, normal));
    FacetCounts.Result counts = searcher.search(
        SearchQueries.filtered(tags, SearchQueries.spaces(readable)),
        new FacetCounts(ordinals(searcher.getIndexReader()), false, normal, limit));
    return counts.top().get(Fields.TAG).stream().map(e -> new Tag(e.getKey())).toList();
  }

  /** The top hits and the facet counts of one pass over the matches. */
  private record Both(TopFieldDocs top, FacetCounts.Result facets) {}

  /** Runs a top-hits collector and a facet counter side by side. */
  private record BothManager(TopFieldCollectorManager top, FacetCounts facets)
      implements CollectorManager<Collector, Both> {
    @Override
    public Collector newCollector() throws IOException {
      return MultiCollector.wrap(top.newCollector(), facets.newCollector());
    }

    @Override
    public Both reduce(java.util.Collection<Collector> collectors) throws IOException {
      List<TopFieldCollector> tops = new ArrayList<>();
      List<FacetCounts.Counter> counters = new ArrayList<>();
      for (Collector collector : collectors) {
        for (Collector inner : ((MultiCollector) collector).getCollectors()) {
          if (inner instanceof TopFieldCollector t) {
            tops.add(t);
          } else {
            counters.add((FacetCounts.Counter) inner);
          }
        }
      }
      return new Both(top.reduce(tops), facets.reduce(counters));
    }
  }
}
