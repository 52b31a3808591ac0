package io.socialearn.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Scores a few candidates by a sum of term clauses exactly as Lucene's {@code BooleanQuery} of
 * boosted {@code TermQuery}s would (the same similarity, statistics and norms), without opening
 * every clause's postings in every segment that holds a candidate: a candidate's term
 * frequencies come from analysing its stored text with the index's analyzer, which is what the
 * index counted. A candidate with more than {@link #ANALYSE_LIMIT} chars of text is scored from
 * the postings instead, as analysing it would cost more. Thread-safe (stateless).
 */
final class CandidateScores {
  /**
   * The text, in chars, up to which a candidate is analysed rather than read from postings (both
   * give the same frequencies). Measured with {@code bench search --only similar}: on the
   * quantumcomputing dump, whose threads run to several thousand chars, analysing up to 20,000
   * chars took 7-8.5 ms a draft at p50 and 2,000 took 3.3-3.5 ms; on the 1,000,000-post synthetic
   * index, with short threads in many segments, 2,000 was level with 20,000 and reading every
   * candidate from postings was slower (p99 15-17 ms against 11).
   */
  static final int ANALYSE_LIMIT = 2_000;

  private CandidateScores() {}

  /**
   * The {@code limit} best of {@code candidates} by the sum of {@code clauses}, best first,
   * ties by document; a candidate no clause matches scores 0.
   */
  static TopDocs rescore(IndexSearcher searcher, Analyzer analyzer,
      List<DraftQueries.Clause> clauses, TopDocs candidates, int limit, int analyseLimit)
      throws IOException {
    List<DraftQueries.Clause> merged = merge(clauses);
    Map<String, CharArrayMap<Integer>> clauseIndexes = clauseIndexes(merged);
    // Built for a clause only once a candidate holds its term: the statistics of a term in no
    // candidate (often most of the replies' terms) are never looked up.
    Similarity.SimScorer[] scorers = new Similarity.SimScorer[merged.size()];
    ScoreDoc[] docs = candidates.scoreDocs.clone();
    Arrays.sort(docs, Comparator.comparingInt(d -> d.doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    ScoreDoc[] scored = new ScoreDoc[docs.length];
    for (int from = 0; from < docs.length; ) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[from].doc, leaves));
      int to = from;
      while (to < docs.length && docs[to].doc < leaf.docBase + leaf.reader().maxDoc()) {
        to++;
      }
      // frequencies[candidate][clause]; 0 if the clause's term is not in the candidate
      int[][] frequencies = new int[to - from][];
      List<Integer> tooLong = new ArrayList<>();
      for (int c = from; c < to; c++) {
        ThreadDoc thread = ThreadDoc.read(leaf.reader(), docs[c].doc - leaf.docBase);
        if (thread.textLength() > analyseLimit) {
          frequencies[c - from] = new int[merged.size()];
          tooLong.add(c);
        } else {
          frequencies[c - from] = analysed(analyzer, thread, clauseIndexes, merged.size());
        }
      }
      if (!tooLong.isEmpty()) {
        fromPostings(leaf, merged, docs, tooLong, from, frequencies);
      }
      for (int c = from; c < to; c++) {
        int doc = docs[c].doc - leaf.docBase;
        double sum = 0;
        for (int i = 0; i < merged.size(); i++) {
          int frequency = frequencies[c - from][i];
          if (frequency > 0) {
            if (scorers[i] == null) {
              scorers[i] = scorer(searcher, merged.get(i));
            }
            sum += scorers[i].score(frequency, norm(leaf.reader(), merged.get(i).field(), doc));
          }
        }
        scored[c] = new ScoreDoc(docs[c].doc, (float) sum);
      }
      from = to;
    }
    Arrays.sort(scored, Comparator.comparingDouble((ScoreDoc d) -> -d.score)
        .thenComparingInt(d -> d.doc));
    return new TopDocs(candidates.totalHits,
        Arrays.copyOf(scored, Math.min(limit, scored.length)));
  }

  /** How Lucene would score the clause's term (which some candidate holds, so it is indexed). */
  private static Similarity.SimScorer scorer(IndexSearcher searcher, DraftQueries.Clause clause)
      throws IOException {
    CollectionStatistics collection = searcher.collectionStatistics(clause.field());
    TermStatistics term = searcher.termStatistics(new Term(clause.field(), clause.text()),
        clause.states().docFreq(), clause.states().totalTermFreq());
    return searcher.getSimilarity().scorer(clause.boost(), collection, term);
  }

  /** Clauses on the same term as one, with the boosts summed (as BooleanQuery rewrites them). */
  private static List<DraftQueries.Clause> merge(List<DraftQueries.Clause> clauses) {
    Map<Term, DraftQueries.Clause> byTerm = new LinkedHashMap<>();
    for (DraftQueries.Clause clause : clauses) {
      byTerm.merge(new Term(clause.field(), clause.text()), clause,
          (a, b) -> a.withBoost(a.boost() + b.boost()));
    }
    return List.copyOf(byTerm.values());
  }

  /** The norm Lucene's scorer would use: 1 without norms, 0 for a document without the field. */
  private static long norm(LeafReader reader, String field, int doc) throws IOException {
    NumericDocValues norms = reader.getNormValues(field);
    if (norms == null) {
      return 1L;
    }
    return norms.advanceExact(doc) ? norms.longValue() : 0L;
  }

  /**
   * Per field, each clause's term with the clause's index in {@code clauses}: a candidate's
   * tokens are looked up in it as they come, so only the clauses' terms are counted and no token
   * becomes a string.
   */
  private static Map<String, CharArrayMap<Integer>> clauseIndexes(
      List<DraftQueries.Clause> clauses) {
    Map<String, CharArrayMap<Integer>> indexes = new HashMap<>();
    for (int i = 0; i < clauses.size(); i++) {
      DraftQueries.Clause clause = clauses.get(i);
      indexes.computeIfAbsent(clause.field(), field -> new CharArrayMap<>(16, false))
          .put(clause.text(), i);
    }
    return indexes;
  }

  /** Each clause's term frequency in the thread, counted by analysing its text. */
  private static int[] analysed(Analyzer analyzer, ThreadDoc thread,
      Map<String, CharArrayMap<Integer>> clauseIndexes, int clauses) {
    int[] frequencies = new int[clauses];
    for (Map.Entry<String, CharArrayMap<Integer>> field : clauseIndexes.entrySet()) {
      CharArrayMap<Integer> index = field.getValue();
      if (Fields.TAG.equals(field.getKey())) {
        // exact terms, indexed without frequencies: each counts once
        for (String tag : thread.tags) {
          Integer i = index.get(tag);
          if (i != null) {
            frequencies[i] = 1;
          }
        }
        continue;
      }
      List<String> texts = switch (field.getKey()) {
        case Fields.TITLE -> List.of(thread.title);
        case Fields.BODY -> List.of(thread.body);
        case Fields.REPLIES -> thread.replyTexts();
        default -> throw new IllegalStateException("no text kept for field " + field.getKey());
      };
      for (String text : texts) {
        count(analyzer, field.getKey(), text, index, frequencies);
      }
    }
    return frequencies;
  }

  /** Adds one to a clause's frequency for each token of {@code text} that is its term. */
  private static void count(Analyzer analyzer, String field, String text,
      CharArrayMap<Integer> index, int[] frequencies) {
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        Integer i = index.get(term.buffer(), 0, term.length());
        if (i != null) {
          frequencies[i]++;
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fills in the frequencies of long candidates {@code which} (sorted) from the postings. */
  private static void fromPostings(LeafReaderContext leaf, List<DraftQueries.Clause> clauses,
      ScoreDoc[] docs, List<Integer> which, int from, int[][] frequencies) throws IOException {
    for (int i = 0; i < clauses.size(); i++) {
      DraftQueries.Clause clause = clauses.get(i);
      TermState state = clause.states().get(leaf);
      Terms terms = leaf.reader().terms(clause.field());
      if (state == null || terms == null) {
        continue;
      }
      TermsEnum termsEnum = terms.iterator();
      termsEnum.seekExact(new BytesRef(clause.text()), state);
      PostingsEnum postings = termsEnum.postings(null, PostingsEnum.FREQS);
      for (int c : which) {
        int doc = docs[c].doc - leaf.docBase;
        int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
        if (at == doc) {
          frequencies[c - from][i] = postings.freq();
        }
      }
    }
  }
}
