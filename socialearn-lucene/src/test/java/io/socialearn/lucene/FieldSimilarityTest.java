package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class FieldSimilarityTest {
  private static final String SHORT = "payroll export";
  private static final String LONG = "payroll export fails with an error after the upgrade"
      + " of the accounting server last week";

  /** Score of the short text over the long one, for the same term, in {@code field}. */
  private static float shortOverLong(String field, Similarity similarity) throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
            .setSimilarity(similarity))) {
      for (String text : new String[] {SHORT, LONG}) {
        Document doc = new Document();
        doc.add(new TextField(field, text, Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        ScoreDoc[] hits = searcher.search(new TermQuery(new Term(field, "payroll")), 2).scoreDocs;
        assertThat(hits).hasSize(2);
        float shortScore = hits[0].doc == 0 ? hits[0].score : hits[1].score;
        float longScore = hits[0].doc == 0 ? hits[1].score : hits[0].score;
        return shortScore / longScore;
      }
    }
  }

  @Test
  void titlesAreNormalisedForLengthLessThanOtherFields() throws IOException {
    float plain = shortOverLong(Fields.TITLE, new BM25Similarity());
    float title = shortOverLong(Fields.TITLE, new FieldSimilarity());
    float body = shortOverLong(Fields.BODY, new FieldSimilarity());
    assertThat(plain).isGreaterThan(1f);
    assertThat(title).isGreaterThan(1f).isLessThan(plain);
    assertThat(body).isEqualTo(plain);
  }
}
