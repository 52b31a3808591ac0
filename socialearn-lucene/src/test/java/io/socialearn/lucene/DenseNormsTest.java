package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.thread.ThreadKind;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Every thread's document has a norm in each text field, replies and tags included when a
 * thread has none, while the empty fields add nothing to the statistics scores are made of.
 */
class DenseNormsTest {
  @Test
  void everyThreadHasANormInEachTextFieldAndScoresAreUnchanged() throws IOException {
    ThreadDoc bare = thread("q1", List.of());
    ThreadDoc full = thread("q2", List.of("payroll"));
    full.answers.put("a1", new ThreadDoc.Answer("bo", "run the payroll report first"));
    ThreadDoc answeredOnly = thread("q3", List.of("leave"));
    answeredOnly.comments.put("c1", new ThreadDoc.Comment("q3", "payroll closes friday"));
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new EnglishAnalyzer())
          .setSimilarity(new FieldSimilarity()))) {
        for (ThreadDoc doc : List.of(bare, full, answeredOnly)) {
          writer.addDocument(doc.toDocument(0, 0));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        LeafReader leaf = reader.leaves().get(0).reader();
        for (String field : List.of(Fields.TITLE, Fields.TAG_TEXT, Fields.BODY,
            Fields.REPLIES)) {
          NumericDocValues norms = leaf.getNormValues(field);
          int withNorm = 0;
          while (norms.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
            withNorm++;
          }
          assertThat(withNorm).as("documents with a %s norm", field).isEqualTo(3);
        }
        // only the threads with replies (or tags) count in the fields' statistics
        assertThat(leaf.terms(Fields.REPLIES).getDocCount()).isEqualTo(2);
        assertThat(leaf.terms(Fields.TAG_TEXT).getDocCount()).isEqualTo(2);
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new FieldSimilarity());
        TopDocs hits = searcher.search(new TermQuery(new Term(Fields.REPLIES, "payrol")), 10);
        assertThat(hits.totalHits.value).isEqualTo(2);
      }
    }
  }

  private static ThreadDoc thread(String id, List<String> tags) {
    ThreadDoc doc = new ThreadDoc(id, id.hashCode() & 0xff, "hr", ThreadKind.QUESTION, "ana", 1,
        1_700_000L);
    doc.title = "payroll question " + id;
    doc.body = "how do i close the payroll";
    doc.tags = tags;
    return doc;
  }
}
