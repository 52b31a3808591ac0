package io.socialearn.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Queries for "questions like this draft" and "tags for this text", built from the draft's own
 * words rather than from any query syntax.
 *
 * <p>A draft's title says what it is about, so each title term is searched in the candidates'
 * titles (weighted most), bodies and replies. Its body is long and noisy, so like Lucene's
 * MoreLikeThis only its {@value #MAX_BODY_TERMS} most informative terms are kept (term frequency
 * in the draft, damped, times inverse document frequency in the index), each weighted by how
 * informative it is. A candidate's replies (its answers and comments) count about as much as its
 * own body: whether an earlier thread is about the same thing shows in what was answered as well
 * as in what was asked ({@link #TITLE_TERM} and {@link #BODY_TERM} give the weights and how they
 * were chosen). The draft's tags match candidates' tags. Scores add up over fields (a BM25F-like
 * sum), so a candidate whose title and body both share a term ranks above one that has it once. The
 * clause count is bounded: at most {@value #MAX_TITLE_TERMS} + {@value #MAX_BODY_TERMS} terms
 * times three fields, plus the tags. Thread-safe.
 */
final class DraftQueries {
  static final int MAX_TITLE_TERMS = 24;
  static final int MAX_BODY_TERMS = 25;
  /** The body terms the candidate query keeps. */
  static final int CANDIDATE_BODY_TERMS = 6;
  /**
   * A title term in more than this share of the threads' titles does not choose candidates (as
   * MoreLikeThis's maximum document frequency); it still scores them in the full query.
   */
  static final double COMMON_TITLE_SHARE = 0.05;
  /** Below this many indexed documents every match is cheap to score: no title term is left out. */
  static final int COMMON_TITLE_MIN_THREADS = 1_000;
  /*
   * The weights of a draft term in a candidate's title, body and replies, per kind of draft term.
   * Chosen on the tuning split of `eval duplicates --links related` (251 questions of the two
   * Stack Exchange dumps that link an earlier question; no duplicate query and no SemEval
   * question), by coordinate ascent over single weights from the earlier 3/1/0.4 and 1/0.6/0.25:
   * pooled MRR 0.463 to 0.544, recall@10 0.605 to 0.680. Moving weight from titles to replies
   * gave most of it (title terms in replies 0.4 to 1.2 and body terms 0.25 to 1, titles 3 to
   * 1.5); bodies weighted more, k1, b, 50 body terms and title-bigram phrase clauses changed
   * MRR by less than 0.01 there and were left as they were. Asking for 10 hits (the two-stage
   * path, whose candidates then came from titles and bodies only) MRR went 0.449 to 0.488; with
   * replies choosing candidates too in a small index, 0.532 (see REPLY_CANDIDATE_DOCS).
   */
  /** A draft title term's weights in a candidate's title, body and replies. */
  static final FieldWeights TITLE_TERM = new FieldWeights(1.5f, 1f, 1.2f);
  /** A draft body term's weights (times its informativeness) in title, body and replies. */
  static final FieldWeights BODY_TERM = new FieldWeights(1f, 0.6f, 1f);
  private static final int MAX_ANALYSED = 10_000;
  private static final int MAX_TAGS = 10;

  /**
   * How many postings (documents, summed over its clauses) the candidate query may visit; see
   * {@link #withinBudget}. Chosen at 1,000,000 posts in {@code bench search}: see the README.
   */
  static final long CANDIDATE_POSTINGS = 150_000;
  /**
   * Up to this many documents in the index, a term's clause in replies also chooses candidates
   * (within what is left of the budget): on the tuning split (small sites) pages of 10 went
   * from MRR 0.488 to 0.532 (the full pass: 0.544), but at 1,000,000 posts it cost about 1 ms
   * more per draft at the median and 2 ms at the 99th percentile, even with the replies' share
   * of the budget cut to 5,000 postings: each clause is a lookup and a scorer per segment.
   */
  static final int REPLY_CANDIDATE_DOCS = 250_000;

  private final Analyzer analyzer;
  private final long candidatePostings;
  private final int cachedTerms;
  /** The term states of the reader most recently searched, shared by its drafts. */
  private volatile TermStatesCache termStates;

  DraftQueries(Analyzer analyzer) {
    this(analyzer, CANDIDATE_POSTINGS, TermStatesCache.CAPACITY);
  }

  /** With another budget of candidate postings, for tests and measurements. */
  DraftQueries(Analyzer analyzer, long candidatePostings) {
    this(analyzer, candidatePostings, TermStatesCache.CAPACITY);
  }

  /**
   * With another budget of candidate postings and another capacity of the term states cached
   * across drafts (0: none), for tests and measurements.
   */
  DraftQueries(Analyzer analyzer, long candidatePostings, int cachedTerms) {
    this.analyzer = analyzer;
    this.candidatePostings = candidatePostings;
    this.cachedTerms = cachedTerms;
  }

  /**
   * Term look-ups for one draft on {@code searcher}, through the cache of its reader's term
   * states (started anew when the reader is not the one cached: after a refresh).
   */
  TermLookups lookups(IndexSearcher searcher) {
    return lookups(searcher, null);
  }

  /**
   * As {@link #lookups(IndexSearcher)}, with the document frequencies that weigh a draft's terms
   * taken from {@code stats} (null: from the whole index).
   */
  TermLookups lookups(IndexSearcher searcher, ScopedStatistics stats) {
    if (cachedTerms <= 0) {
      return new TermLookups(searcher, null, stats);
    }
    TermStatesCache cache = TermStatesCache.forReader(termStates, searcher.getIndexReader(),
        cachedTerms);
    if (cache != termStates) {
      termStates = cache;
    }
    return new TermLookups(searcher, cache, stats);
  }

  /**
   * The two queries for a draft: {@code full} scores a candidate on everything above; {@code
   * candidates} is a smaller query (the title terms and the {@value #CANDIDATE_BODY_TERMS} most
   * informative body terms, within a budget of postings: see {@link #withinBudget}) that finds
   * the candidates to score fully.
   * Every candidate it finds matches {@code full}.
   */
  record Draft(Query candidates, List<Clause> fullClauses) {
    /**
     * The full query: the sum of {@link #fullClauses}. Built on demand, since the two-stage path
     * scores only the clauses found in its candidates and so looks up only their terms.
     */
    Query full() {
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      fullClauses.forEach(clause -> query.add(clause.query(), Occur.SHOULD));
      return query.build();
    }
  }

  /** How much a term counts in each text field of a candidate. */
  record FieldWeights(float title, float body, float replies) {}

  /**
   * One term clause of a full query: the query is the sum of its clauses' BM25 scores, so a
   * candidate can be scored clause by clause ({@link CandidateScores}).
   */
  record Clause(String field, String text, float boost, TermLookups lookups) {
    /** The term's states in every segment, looked up on first use. */
    TermStates states() {
      return lookups.states(new Term(field, text));
    }

    /** The clause as a boosted term query. */
    Query query() {
      return new BoostQuery(new TermQuery(new Term(field, text), states()), boost);
    }

    /** The same term with another boost. */
    Clause withBoost(float newBoost) {
      return new Clause(field, text, newBoost, lookups);
    }
  }

  /**
   * The draft's queries, or null if the draft holds no term the analyzer keeps; its body terms
   * weighed by their document frequencies in the whole index.
   */
  Draft similar(IndexSearcher searcher, String title, String body, List<String> tags) {
    return similar(searcher, null, title, body, tags);
  }

  /**
   * As above, the body terms weighed by their document frequencies in {@code stats} (null: in
   * the whole index). Which terms choose the candidates of a small page (very common title
   * terms, the budget of postings) is a matter of cost, so it goes by the whole index.
   */
  Draft similar(IndexSearcher searcher, ScopedStatistics stats, String title, String body,
      List<String> tags) {
    TermLookups reader = lookups(searcher, stats);
    List<Clause> fullClauses = new ArrayList<>();
    Map<String, Integer> titleTerms = counts(title);
    Map<String, Integer> bodyTerms = counts(body);
    List<Clause> candidates = new ArrayList<>();
    int docs = Math.max(1, searcher.getIndexReader().maxDoc());
    List<Clause> common = new ArrayList<>();
    for (String term : titleTerms.keySet().stream().limit(MAX_TITLE_TERMS).toList()) {
      addClauses(reader, term, 1f, TITLE_TERM, fullClauses);
      boolean isCommon = docs >= COMMON_TITLE_MIN_THREADS
          && reader.docFreq(Fields.TITLE, term) > COMMON_TITLE_SHARE * docs;
      addClauses(reader, term, 1f, TITLE_TERM, isCommon ? common : candidates);
    }
    List<Map.Entry<String, Double>> informative = informative(reader, bodyTerms,
        MAX_BODY_TERMS);
    for (int i = 0; i < informative.size(); i++) {
      Map.Entry<String, Double> term = informative.get(i);
      float weight = (float) term.getValue().doubleValue();
      addClauses(reader, term.getKey(), weight, BODY_TERM, fullClauses);
      if (i < CANDIDATE_BODY_TERMS) {
        addClauses(reader, term.getKey(), weight, BODY_TERM, candidates);
      }
    }
    List<Clause> tagClauses = new ArrayList<>();
    for (String tag : tags.stream().distinct().limit(MAX_TAGS).toList()) {
      tagClauses.add(reader.clause(Fields.TAG, tag, 0.5f));
    }
    fullClauses.addAll(tagClauses);
    // Only very common title terms: they must find the candidates after all; and a draft none of
    // whose words is in the index (or that has only stop words) finds them by its tags, as the
    // full query does.
    List<Clause> chosen = anyIndexed(candidates) ? candidates
        : anyIndexed(common) ? common : tagClauses;
    Query candidateQuery = withinBudget(chosen, candidatePostings, docs <= REPLY_CANDIDATE_DOCS);
    return fullClauses.isEmpty() ? null : new Draft(candidateQuery, List.copyOf(fullClauses));
  }

  /** Whether any of the clauses' terms is in some document. */
  private static boolean anyIndexed(List<Clause> clauses) {
    return clauses.stream().anyMatch(clause -> clause.states().docFreq() > 0);
  }

  /**
   * The disjunction of the rarest {@code clauses} whose postings add up to at most {@code
   * budget} documents: first of those in titles and bodies (the rarest indexed one always,
   * whatever its length), then, if {@code replies} (a small index: {@link
   * #REPLY_CANDIDATE_DOCS}), with what is left of the budget, of those in replies. Terms in no
   * document are left out, as they match nothing. The candidate stage visits matches in
   * proportion to its clauses' postings, so a draft of many common words would otherwise take
   * several times longer than a typical one.
   */
  static Query withinBudget(List<Clause> clauses, long budget, boolean replies) {
    Set<Clause> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    long left = keepRarest(clauses, false, budget, kept);
    if (replies) {
      keepRarest(clauses, true, left, kept);
    }
    // in the clauses' own order, so that the query does not depend on the budget's sorting
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (Clause clause : clauses) {
      if (kept.contains(clause)) {
        query.add(clause.query(), Occur.SHOULD);
      }
    }
    return query.build();
  }

  /**
   * Adds to {@code kept} the rarest of the clauses in replies (or in other fields) within {@code
   * budget}; returns what is left of it.
   */
  private static long keepRarest(List<Clause> clauses, boolean replies, long budget,
      Set<Clause> kept) {
    List<Clause> byLength = new ArrayList<>();
    for (Clause clause : clauses) {
      if (Fields.REPLIES.equals(clause.field()) == replies && clause.states().docFreq() > 0) {
        byLength.add(clause);
      }
    }
    byLength.sort(Comparator.comparingInt(clause -> clause.states().docFreq()));
    long left = budget;
    for (Clause clause : byLength) {
      if (clause.states().docFreq() > left && !(kept.isEmpty() && !replies)) {
        break;
      }
      left -= clause.states().docFreq();
      kept.add(clause);
    }
    return Math.max(0, left);
  }

  /**
   * The query for threads like a free text, for tag suggestion, its terms weighed by their
   * document frequencies in {@code stats} (null: in the whole index).
   */
  Query like(IndexSearcher searcher, ScopedStatistics stats, String text) {
    TermLookups reader = lookups(searcher, stats);
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    List<Map.Entry<String, Double>> terms = informative(reader, counts(text), MAX_BODY_TERMS);
    for (Map.Entry<String, Double> term : terms) {
      float weight = (float) term.getValue().doubleValue();
      builder.add(new BoostQuery(reader.query(Fields.TITLE, term.getKey()), 2f * weight),
          Occur.SHOULD);
      builder.add(new BoostQuery(reader.query(Fields.TAG_TEXT, term.getKey()), 2f * weight),
          Occur.SHOULD);
      builder.add(new BoostQuery(reader.query(Fields.BODY, term.getKey()), weight),
          Occur.SHOULD);
    }
    return terms.isEmpty() ? null : builder.build();
  }

  /** Notes the term's clauses in title, body and (if weighted) replies. */
  private static void addClauses(TermLookups reader, String term, float weight,
      FieldWeights fields, List<Clause> clauses) {
    clauses.add(reader.clause(Fields.TITLE, term, weight * fields.title()));
    clauses.add(reader.clause(Fields.BODY, term, weight * fields.body()));
    if (fields.replies() > 0) {
      clauses.add(reader.clause(Fields.REPLIES, term, weight * fields.replies()));
    }
  }

  /**
   * Looks each term up in the index at most once per draft, and once per reader for the terms
   * its {@link TermStatesCache} keeps: the document frequencies that pick the informative terms
   * and the term queries of both stages share the same {@link TermStates}, instead of seeking
   * every segment's terms dictionary again for each. Not thread-safe (the cache it shares is).
   */
  static final class TermLookups {
    private final IndexSearcher searcher;
    /** Shared with the other drafts on the same reader; null for none. */
    private final TermStatesCache shared;
    private final Map<Term, TermStates> states = new HashMap<>();
    /** Per field, a terms enum per segment (null where the field has no terms), reused. */
    private final Map<String, TermsEnum[]> enums = new HashMap<>();
    /** Weighs the draft's terms; null for the whole index's figures. */
    private final ScopedStatistics stats;

    TermLookups(IndexSearcher searcher, TermStatesCache shared, ScopedStatistics stats) {
      this.searcher = searcher;
      this.shared = shared;
      this.stats = stats;
    }

    /**
     * The term's states in every segment, as {@link TermStates#build} finds them, but seeking
     * one reused terms enum per segment and field rather than opening one per term.
     */
    TermStates states(Term term) {
      TermStates found = states.get(term);
      if (found == null) {
        found = shared == null ? null : shared.get(term);
        if (found == null) {
          try {
            found = build(term);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          if (shared != null) {
            shared.offer(term, found);
          }
        }
        states.put(term, found);
      }
      return found;
    }

    private TermStates build(Term term) throws IOException {
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      TermsEnum[] perLeaf = enums.get(term.field());
      if (perLeaf == null) {
        perLeaf = new TermsEnum[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
          Terms terms = leaf.reader().terms(term.field());
          perLeaf[leaf.ord] = terms == null ? null : terms.iterator();
        }
        enums.put(term.field(), perLeaf);
      }
      TermStates built = new TermStates(searcher.getTopReaderContext());
      for (LeafReaderContext leaf : leaves) {
        TermsEnum termsEnum = perLeaf[leaf.ord];
        if (termsEnum != null && termsEnum.seekExact(term.bytes())) {
          built.register(termsEnum.termState(), leaf.ord, termsEnum.docFreq(),
              termsEnum.totalTermFreq());
        }
      }
      return built;
    }

    int docFreq(String field, String text) {
      return states(new Term(field, text)).docFreq();
    }

    int numDocs() {
      return searcher.getIndexReader().numDocs();
    }

    /** The term's document frequency that weighs it: over {@code stats}' threads if given. */
    int weighingDocFreq(String field, String text) {
      return stats == null ? docFreq(field, text) : stats.docFreq(new Term(field, text));
    }

    /** The number of threads that weighs terms: {@code stats}' threads if given. */
    int weighingDocs() {
      return stats == null ? numDocs() : stats.docs();
    }

    Query query(String field, String text) {
      Term term = new Term(field, text);
      return new TermQuery(term, states(term));
    }

    Clause clause(String field, String text, float boost) {
      return new Clause(field, text, boost, this);
    }
  }

  /**
   * The {@code max} terms with the highest damped frequency times idf, each with a weight in
   * (0, 1] relative to the best, so the query stresses what sets the draft apart.
   */
  private static List<Map.Entry<String, Double>> informative(TermLookups reader,
      Map<String, Integer> counts, int max) {
    Map<String, Double> scores = new HashMap<>();
    long docs = Math.max(1, reader.weighingDocs());
    for (Map.Entry<String, Integer> term : counts.entrySet()) {
      int df = reader.weighingDocFreq(Fields.BODY, term.getKey())
          + reader.weighingDocFreq(Fields.TITLE, term.getKey());
      double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
      scores.put(term.getKey(), Math.sqrt(term.getValue()) * idf);
    }
    List<Map.Entry<String, Double>> best = scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(max).toList();
    double top = best.isEmpty() ? 1 : Math.max(1e-9, best.get(0).getValue());
    return best.stream().map(e -> Map.entry(e.getKey(), Math.max(0.1, e.getValue() / top)))
        .toList();
  }

  /** Each analysed term of {@code text} with its count, in order of first appearance. */
  private Map<String, Integer> counts(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (text.isBlank()) {
      return counts;
    }
    String analysed = text.length() > MAX_ANALYSED ? text.substring(0, MAX_ANALYSED) : text;
    countTerms(analyzer, Fields.BODY, analysed, counts);
    return counts;
  }

  /** Adds each term {@code analyzer} makes of {@code text} for {@code field} to {@code counts}. */
  static void countTerms(Analyzer analyzer, String field, String text,
      Map<String, Integer> counts) {
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        counts.merge(term.toString(), 1, Integer::sum);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
