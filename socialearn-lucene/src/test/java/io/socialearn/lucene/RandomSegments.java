package io.socialearn.lucene;

import java.io.IOException;
import java.util.Random;
import java.util.function.BiFunction;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.util.BytesRef;

/**
 * Random histories of threads written into an index, for tests of code that works segment by
 * segment: several segments, with updated and deleted threads between the live ones.
 */
final class RandomSegments {
  private RandomSegments() {}

  /**
   * A thread document as the index keys it: its id ({@code key % ids}), key and space (one of
   * {@code spaces}, at random); the caller adds its text.
   */
  static Document thread(Random random, int key, int ids, int spaces) {
    Document doc = new Document();
    String space = "s" + random.nextInt(spaces);
    doc.add(new StringField(Fields.ID, "t" + key % ids, Field.Store.NO));
    doc.add(new NumericDocValuesField(Fields.KEY, key));
    doc.add(new StringField(Fields.SPACE, space, Field.Store.NO));
    doc.add(new SortedDocValuesField(Fields.SPACE, new BytesRef(space)));
    return doc;
  }

  /** A writer's config, merging or not at random, sorted by space as the index is if asked. */
  static IndexWriterConfig config(Random random, boolean sorted) {
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
        .setMergePolicy(random.nextBoolean() ? NoMergePolicy.INSTANCE : new TieredMergePolicy());
    if (sorted) {
      config.setIndexSort(LuceneSearchIndex.INDEX_SORT);
    }
    return config;
  }

  /**
   * Writes 1 to {@code maxThreads} versions of threads {@code thread} makes (the {@code key}th
   * replacing thread {@code key % ids}), committing one time in {@code commitOneIn} and deleting
   * a random thread one time in 30, then commits.
   */
  static void write(IndexWriter writer, Random random, int maxThreads, int ids, int commitOneIn,
      BiFunction<Random, Integer, Document> thread) throws IOException {
    int threads = 1 + random.nextInt(maxThreads);
    for (int key = 0; key < threads; key++) {
      writer.updateDocument(new Term(Fields.ID, "t" + key % ids), thread.apply(random, key));
      if (random.nextInt(commitOneIn) == 0) {
        writer.commit();
      }
      if (random.nextInt(30) == 0) {
        writer.deleteDocuments(new Term(Fields.ID, "t" + random.nextInt(ids)));
      }
    }
    writer.commit();
  }
}
