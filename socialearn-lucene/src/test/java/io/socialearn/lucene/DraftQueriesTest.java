package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.thread.ThreadKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The candidate query keeps its rarest clauses within a budget of postings, those in replies
 * only in a small index and with what titles and bodies leave.
 */
class DraftQueriesTest {
  @Test
  void theCandidateQueryKeepsTheRarestClausesWithinItsBudget() throws Exception {
    try (Analyzer analyzer = new EnglishAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer)
          .setSimilarity(new FieldSimilarity()).setMaxBufferedDocs(5))) {
        // "payroll" in 20 titles and no body, "badge" in 8 titles and 8 bodies, "pension" in 2
        // bodies and no title; both in the replies of 3 threads
        for (int i = 0; i < 20; i++) {
          ThreadDoc doc = new ThreadDoc("q" + i, i, "hr", ThreadKind.QUESTION, "ana", i + 1, 0);
          doc.title = "payroll" + (i < 8 ? " badge" : "");
          doc.body = (i < 8 ? "badge " : "") + (i < 2 ? "pension" : "");
          doc.tags = List.of();
          if (i < 3) {
            doc.answers.put("a" + i, new ThreadDoc.Answer("bo", "a pension badge"));
          }
          writer.addDocument(doc.toDocument(0, 0));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new FieldSimilarity());
        String title = "payroll badge";
        String body = "pension";
        assertThat(terms(new DraftQueries(analyzer).similar(searcher, title, body, List.of())))
            .as("the default budget binds only far beyond 20 documents; a small index's replies"
                + " choose candidates too")
            .containsExactly("title:payrol", "title:badg", "body:badg", "replies:badg",
                "body:pension", "replies:pension");
        assertThat(terms(new DraftQueries(analyzer, 18).similar(searcher, title, body,
            List.of()))).containsExactly("title:badg", "body:badg", "body:pension");
        assertThat(terms(new DraftQueries(analyzer, 1).similar(searcher, title, body,
            List.of()))).as("the rarest clause whatever its length")
            .containsExactly("body:pension");
        DraftQueries.Draft draft = new DraftQueries(analyzer).similar(searcher, title, body,
            List.of());
        assertThat(terms(DraftQueries.withinBudget(draft.fullClauses(), 21, true)))
            .as("replies only with what titles and bodies leave of the budget")
            .containsExactly("title:badg", "body:badg", "replies:badg", "body:pension");
        assertThat(terms(DraftQueries.withinBudget(draft.fullClauses(), 1_000, false)))
            .as("a large index: no replies")
            .containsExactly("title:payrol", "title:badg", "body:badg", "body:pension");
      }
    }
  }

  /** The candidate query's terms (stemmed), in its order, as field:text. */
  private static List<String> terms(DraftQueries.Draft draft) {
    return terms(draft.candidates());
  }

  private static List<String> terms(Query query) {
    List<String> terms = new ArrayList<>();
    for (BooleanClause clause : (BooleanQuery) query) {
      Term term = ((TermQuery) ((BoostQuery) clause.getQuery()).getQuery()).getTerm();
      terms.add(term.field() + ":" + term.text());
    }
    return terms;
  }
}
