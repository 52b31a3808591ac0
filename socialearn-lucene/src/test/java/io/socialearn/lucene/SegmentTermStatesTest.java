package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The term states kept per segment are those Lucene looks up, through updates, deletes, merges
 * and refreshes, whatever the capacity; a query given them finds and scores as one that looks
 * them up; and a segment's states go when the segment is closed.
 */
class SegmentTermStatesTest {
  private static final String[] FIELDS = {Fields.TITLE, Fields.BODY, Fields.REPLIES};

  @Property(tries = 30)
  void keptStatesAreTheLookedUpOnes(@ForAll @IntRange(min = 0, max = 100_000) int seed)
      throws IOException {
    Random random = new Random(seed);
    SegmentTermStates kept = new SegmentTermStates(random.nextInt(200), 1 + random.nextInt(40));
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
            .setSimilarity(new FieldSimilarity())
            .setMergePolicy(random.nextBoolean() ? NoMergePolicy.INSTANCE
                : new TieredMergePolicy()))) {
      DirectoryReader reader = null;
      try {
        for (int round = 0; round < 6; round++) {
          int threads = random.nextInt(150);
          for (int i = 0; i < threads; i++) {
            String id = "t" + random.nextInt(200);
            if (random.nextInt(8) == 0) {
              writer.deleteDocuments(new Term(Fields.ID, id));
            } else {
              writer.updateDocument(new Term(Fields.ID, id), thread(random, id));
            }
            if (random.nextInt(60) == 0) {
              writer.flush();
            }
          }
          DirectoryReader next = reader == null ? DirectoryReader.open(writer)
              : DirectoryReader.openIfChanged(reader, writer);
          if (next != null) {
            if (reader != null) {
              reader.close();
            }
            reader = next;
          }
          IndexSearcher searcher = new IndexSearcher(reader);
          searcher.setSimilarity(new FieldSimilarity());
          searcher.setQueryCache(null);
          for (int q = 0; q < 12; q++) {
            Term term = new Term(FIELDS[random.nextInt(FIELDS.length)], word(random));
            TermStates expected = TermStates.build(searcher, term, true);
            TermStates actual = kept.states(searcher.getTopReaderContext(), term);
            assertThat(actual.docFreq()).as("docFreq of %s", term).isEqualTo(expected.docFreq());
            assertThat(actual.totalTermFreq()).isEqualTo(expected.totalTermFreq());
            for (LeafReaderContext leaf : reader.leaves()) {
              assertThat(actual.get(leaf) != null).as("%s in segment %d", term, leaf.ord)
                  .isEqualTo(expected.get(leaf) != null);
            }
            assertSameHits(searcher.search(new TermQuery(term, actual), 20),
                searcher.search(new TermQuery(term), 20));
          }
        }
      } finally {
        if (reader != null) {
          reader.close();
        }
      }
    }
  }

  @Test
  void aClosedSegmentsStatesAreForgotten() throws IOException {
    Random random = new Random(3);
    SegmentTermStates kept = new SegmentTermStates(10_000, 1);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      // four segments, too few for the default merge policy to merge by itself
      for (int segment = 0; segment < 4; segment++) {
        for (int i = 0; i < 50; i++) {
          writer.addDocument(thread(random, "t" + segment + "-" + i));
        }
        writer.flush();
      }
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        assertThat(reader.leaves()).hasSize(4);
        kept.states(reader.getContext(), new Term(Fields.BODY, "payroll"));
        kept.states(reader.getContext(), new Term(Fields.TITLE, "leave"));
        assertThat(kept.size()).isEqualTo(8);
      }
      // the four segments are merged into one and the reader holding them is closed
      writer.forceMerge(1);
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        assertThat(reader.leaves()).hasSize(1);
        assertThat(kept.size()).isZero();
        kept.states(reader.getContext(), new Term(Fields.BODY, "payroll"));
        assertThat(kept.size()).isEqualTo(1);
      }
    }
  }

  private static void assertSameHits(TopDocs actual, TopDocs expected) {
    assertThat(actual.totalHits).isEqualTo(expected.totalHits);
    assertThat(actual.scoreDocs).hasSameSizeAs(expected.scoreDocs);
    for (int i = 0; i < expected.scoreDocs.length; i++) {
      ScoreDoc a = actual.scoreDocs[i];
      ScoreDoc e = expected.scoreDocs[i];
      assertThat(a.doc).isEqualTo(e.doc);
      assertThat(a.score).isEqualTo(e.score);
    }
  }

  private static Document thread(Random random, String id) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, id, Field.Store.NO));
    for (String field : FIELDS) {
      StringBuilder text = new StringBuilder();
      int words = random.nextInt(12);
      for (int i = 0; i < words; i++) {
        text.append(word(random)).append(' ');
      }
      doc.add(new TextField(field, text.toString(), Field.Store.NO));
    }
    return doc;
  }

  /** A word of a small vocabulary, some common, some rare, some never indexed. */
  private static String word(Random random) {
    String[] common = {"payroll", "leave", "vpn", "laptop", "expense"};
    return random.nextInt(3) == 0 ? common[random.nextInt(common.length)]
        : "w" + random.nextInt(random.nextInt(3) == 0 ? 400 : 40);
  }
}
