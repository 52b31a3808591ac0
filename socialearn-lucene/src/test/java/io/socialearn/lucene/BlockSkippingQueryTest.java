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
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A one-word search through {@link BlockSkippingQuery} finds the page of hits, in the same order
 * with the same scores, that the disjunction-max query alone finds, while scoring fewer
 * threads; and inside a conjunction or disjunction it changes nothing.
 */
class BlockSkippingQueryTest {
  private static final String[] WORDS = {"payroll", "leave", "vpn", "laptop", "expense",
      "travel", "badge", "printer", "wiki", "holiday", "pension", "parking"};

  @Property(tries = 25)
  void topHitsAreTheDisjunctionMaxQuerysOwn(@ForAll @IntRange(min = 0, max = 100_000) int seed)
      throws IOException {
    Random random = new Random(seed);
    try (ByteBuffersDirectory dir = index(random, 2_000 + random.nextInt(6_000),
        random.nextBoolean())) {
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = searcher(reader);
        for (int round = 0; round < 6; round++) {
          String word = WORDS[random.nextInt(WORDS.length)];
          Query plain = unwrapped(word);
          Query skipping = SearchQueries.anyField(word);
          int k = 1 + random.nextInt(30);
          assertSameHits(searcher.search(skipping, new TopScoreDocCollectorManager(k, 1)),
              searcher.search(plain, new TopScoreDocCollectorManager(k, 1)));
          // as a search sorts: relevance, then the thread key
          Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(Fields.KEY,
              SortField.Type.LONG));
          assertSameHits(searcher.search(skipping, new TopFieldCollectorManager(sort, k, null, 1)),
              searcher.search(plain, new TopFieldCollectorManager(sort, k, null, 1)));
          // exact counts (no skipping asked for) are the same too
          assertThat(searcher.count(skipping)).isEqualTo(searcher.count(plain));
          // within a conjunction and a disjunction, the wrapper is transparent
          String other = WORDS[random.nextInt(WORDS.length)];
          for (boolean all : new boolean[] {true, false}) {
            var both = new org.apache.lucene.search.BooleanQuery.Builder();
            var bothPlain = new org.apache.lucene.search.BooleanQuery.Builder();
            var occur = all ? org.apache.lucene.search.BooleanClause.Occur.MUST
                : org.apache.lucene.search.BooleanClause.Occur.SHOULD;
            both.add(skipping, occur).add(SearchQueries.anyField(other), occur);
            bothPlain.add(plain, occur).add(unwrapped(other), occur);
            assertSameHits(searcher.search(both.build(), new TopScoreDocCollectorManager(k, 1)),
                searcher.search(bothPlain.build(), new TopScoreDocCollectorManager(k, 1)));
          }
        }
      }
    }
  }

  @Test
  void scoresFewerThreadsThanTheDisjunctionMaxQuery() throws IOException {
    // "payroll" is in most bodies, and in the titles of a few early threads only: once those
    // fill the page, no block of bodies alone can reach it.
    Random random = new Random(7);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
          .setSimilarity(new FieldSimilarity()))) {
        for (int key = 0; key < 20_000; key++) {
          Document doc = new Document();
          doc.add(new TextField(Fields.TITLE, key < 1_000 && key % 50 == 0 ? "payroll help"
              : "filler" + random.nextInt(2_000), Field.Store.NO));
          doc.add(new TextField(Fields.BODY, random.nextInt(10) < 8 ? "payroll and more"
              : "nothing here", Field.Store.NO));
          writer.addDocument(doc);
        }
        writer.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = searcher(reader);
        TopDocs plain = searcher.search(unwrapped("payroll"),
            new TopScoreDocCollectorManager(10, 1));
        TopDocs skipping = searcher.search(SearchQueries.anyField("payroll"),
            new TopScoreDocCollectorManager(10, 1));
        assertSameHits(skipping, plain);
        // A collector counts every thread it is handed, so a smaller count means skipped blocks.
        assertThat(plain.totalHits.value).isEqualTo(searcher.count(unwrapped("payroll")));
        assertThat(skipping.totalHits.value).isLessThan(plain.totalHits.value / 4);
      }
    }
  }

  private static Query unwrapped(String word) {
    return ((BlockSkippingQuery) SearchQueries.anyField(word)).wrapped();
  }

  private static IndexSearcher searcher(DirectoryReader reader) {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setQueryCache(null);
    searcher.setSimilarity(new FieldSimilarity());
    return searcher;
  }

  private static void assertSameHits(TopDocs actual, TopDocs expected) {
    assertThat(actual.scoreDocs).hasSameSizeAs(expected.scoreDocs);
    for (int i = 0; i < expected.scoreDocs.length; i++) {
      ScoreDoc a = actual.scoreDocs[i];
      ScoreDoc e = expected.scoreDocs[i];
      assertThat(a.doc).as("hit %d", i).isEqualTo(e.doc);
      if (e instanceof FieldDoc field) {
        assertThat(((FieldDoc) a).fields).as("sort values of hit %d", i)
            .isEqualTo(field.fields);
      } else {
        assertThat(a.score).as("score of hit %d", i).isEqualTo(e.score);
      }
    }
  }

  /**
   * {@code threads} threads: the first words are common in bodies and replies and rare in titles
   * and tags, as a community's most frequent words are; the replies field is often absent.
   */
  private static ByteBuffersDirectory index(Random random, int threads, boolean oneSegment)
      throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
        .setSimilarity(new FieldSimilarity());
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      for (int key = 0; key < threads; key++) {
        Document doc = new Document();
        doc.add(new TextField(Fields.TITLE, words(random, 1 + random.nextInt(6), 0.001),
            Field.Store.NO));
        doc.add(new TextField(Fields.TAG_TEXT, words(random, random.nextInt(3), 0.002),
            Field.Store.NO));
        doc.add(new TextField(Fields.BODY, words(random, 5 + random.nextInt(60), 0.3),
            Field.Store.NO));
        if (random.nextInt(3) == 0) {
          doc.add(new TextField(Fields.REPLIES, words(random, 5 + random.nextInt(80), 0.3),
              Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(Fields.KEY, key));
        writer.addDocument(doc);
        if (!oneSegment && random.nextInt(2_000) == 0) {
          writer.commit();
        }
      }
      if (oneSegment) {
        writer.forceMerge(1);
      }
    }
    return dir;
  }

  /**
   * {@code n} words, each a vocabulary word with probability {@code common} (the first ones
   * likelier), else one of many rare fillers.
   */
  private static String words(Random random, int n, double common) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (random.nextDouble() < common) {
        int w = (int) Math.min(WORDS.length - 1, Math.abs(random.nextGaussian()) * 4);
        text.append(WORDS[w]);
      } else {
        text.append("filler").append(random.nextInt(2_000));
      }
      text.append(' ');
    }
    return text.toString();
  }
}
