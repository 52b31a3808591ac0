package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.thread.ThreadKind;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Scoring candidates from their analysed text, or from the postings for long ones, gives the
 * scores and order of Lucene's own rescoring by the full draft query, across several segments.
 */
class CandidateScoresTest {
  private static final String[] WORDS = {"payroll", "deadline", "portal", "login", "expense",
      "travel", "laptop", "badge", "holiday", "contract", "pension", "training", "parking",
      "printer", "invoice", "the", "running", "runs"};

  @Test
  void analysedAndPostingsScoresMatchLuceneRescoring() throws Exception {
    Random random = new Random(5);
    try (Analyzer analyzer = new EnglishAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer)
          .setSimilarity(new FieldSimilarity()).setMaxBufferedDocs(7))) {
        for (int i = 0; i < 40; i++) {
          ThreadDoc doc = new ThreadDoc("q" + i, i, "hr", ThreadKind.QUESTION, "ana", i + 1, 0);
          doc.title = words(random, 1 + random.nextInt(6));
          doc.body = words(random, random.nextInt(30));
          doc.tags = List.of("t" + i % 4, "x" + i % 3);
          for (int a = 0; a < i % 4; a++) {
            doc.answers.put("a" + i + "-" + a, new ThreadDoc.Answer("bo", words(random, 9)));
          }
          if (i % 5 == 0) {
            doc.comments.put("c" + i, new ThreadDoc.Comment("q" + i, words(random, 4)));
          }
          writer.addDocument(doc.toDocument(0, 0));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(2);
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new FieldSimilarity());
        DraftQueries drafts = new DraftQueries(analyzer);
        for (int d = 0; d < 20; d++) {
          DraftQueries.Draft draft = drafts.similar(searcher, words(random, 3),
              words(random, 10) + " " + words(random, 10), List.of("t1", "x2", "t1"));
          TopDocs candidates = searcher.search(new MatchAllDocsQuery(), 40);
          TopDocs lucene = new QueryRescorer(draft.full()) {
            @Override
            protected float combine(float first, boolean matches, float second) {
              return matches ? second : 0f;
            }
          }.rescore(searcher, candidates, 10);
          for (int limit : new int[] {Integer.MAX_VALUE, 0, 100}) {
            TopDocs ours = CandidateScores.rescore(searcher, analyzer, draft.fullClauses(),
                candidates, 10, limit);
            DraftTexts.assertSameTop(ours, lucene);
          }
        }
      }
    }
  }

  private static String words(Random random, int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }
}
