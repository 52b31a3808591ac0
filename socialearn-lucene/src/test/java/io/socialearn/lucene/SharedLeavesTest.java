package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A {@link BudgetedSearch} that hands pieces of leaves to a helper finds what one thread finds,
 * however small the pieces and however the helper behaves: it runs at once and takes every
 * piece, never starts (the searching thread cancels it), refuses the task, or is a real thread
 * racing the searching one.
 */
class SharedLeavesTest {
  private static final String[] WORDS = {"payroll", "leave", "vpn", "laptop", "expense", "wiki"};

  @Property(tries = 20)
  void everyHelperGivesTheHitsOfOneThread(@ForAll @IntRange(min = 0, max = 100_000) int seed)
      throws Exception {
    Random random = new Random(seed);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<Runnable> neverRun = new ArrayList<>();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      index(dir, random, 2 + random.nextInt(6), 300);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new FieldSimilarity());
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(Fields.KEY,
            SortField.Type.LONG));
        List<java.util.concurrent.Executor> helpers = List.of(
            SharedLeavesTest::runFirst,
            neverRun::add,
            task -> {
              throw new RejectedExecutionException("busy");
            },
            pool);
        for (int q = 0; q < 6; q++) {
          Query query = SearchQueries.anyField(WORDS[random.nextInt(WORDS.length)]);
          SpaceRangesQuery within = SearchQueries.spaces(List.of(
              io.socialearn.api.space.SpaceId.of("s" + random.nextInt(3)),
              io.socialearn.api.space.SpaceId.of("s" + random.nextInt(3))));
          int threshold = random.nextBoolean() ? Integer.MAX_VALUE : 5;
          int hits = 1 + random.nextInt(20);
          TopFieldDocs alone = BudgetedSearch.search(searcher, query, within,
              new TopFieldCollectorManager(sort, hits, null, threshold), Long.MAX_VALUE >> 1,
              Integer.MAX_VALUE, reader.leaves(), null, BudgetedSearch.PIECE).result();
          // pieces from a few documents (many per leaf, cut inside runs) to whole leaves
          int piece = random.nextBoolean() ? 1 + random.nextInt(40) : BudgetedSearch.PIECE;
          for (var helper : helpers) {
            var shared = BudgetedSearch.search(searcher, query, within,
                new TopFieldCollectorManager(sort, hits, null, threshold),
                BudgetedSearch.now() + 60_000_000_000L, Integer.MAX_VALUE, reader.leaves(),
                helper, piece);
            assertThat(shared.complete()).isTrue();
            TopFieldDocs docs = shared.result();
            assertThat(docs.scoreDocs).hasSameSizeAs(alone.scoreDocs);
            for (int i = 0; i < docs.scoreDocs.length; i++) {
              assertThat(docs.scoreDocs[i].doc).isEqualTo(alone.scoreDocs[i].doc);
              assertThat(((FieldDoc) docs.scoreDocs[i]).fields)
                  .isEqualTo(((FieldDoc) alone.scoreDocs[i]).fields);
            }
            if (threshold == Integer.MAX_VALUE) {
              assertThat(docs.totalHits).isEqualTo(alone.totalHits);
            }
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @org.junit.jupiter.api.Test
  void aFailureInEitherThreadReachesTheSearchingThread() throws Exception {
    Random random = new Random(5);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      index(dir, random, 4, 100);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(Fields.KEY,
            SortField.Type.LONG));
        Query failing = new FailingOnLeaf(SearchQueries.anyField("payroll"), 2);
        List<java.util.concurrent.Executor> helpers = List.of(
            SharedLeavesTest::runFirst,
            task -> { },
            pool);
        for (var helper : helpers) {
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> BudgetedSearch.search(
              searcher, failing, null, new TopFieldCollectorManager(sort, 10, null, 1),
              BudgetedSearch.now() + 60_000_000_000L, Integer.MAX_VALUE, reader.leaves(),
              helper, 1 + random.nextInt(50)))
              .isInstanceOf(IllegalStateException.class).hasMessage("segment 2 is unreadable");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A query that fails when scored in one segment. */
  private static final class FailingOnLeaf extends Query {
    private final Query in;
    private final int ord;

    FailingOnLeaf(Query in, int ord) {
      this.in = in;
      this.ord = ord;
    }

    @Override
    public org.apache.lucene.search.Weight createWeight(IndexSearcher searcher,
        org.apache.lucene.search.ScoreMode scoreMode, float boost) throws IOException {
      return new org.apache.lucene.search.FilterWeight(
          searcher.createWeight(searcher.rewrite(in), scoreMode, boost)) {
        @Override
        public org.apache.lucene.search.BulkScorer bulkScorer(
            org.apache.lucene.index.LeafReaderContext context) throws IOException {
          if (context.ord == ord) {
            throw new IllegalStateException("segment " + ord + " is unreadable");
          }
          return super.bulkScorer(context);
        }
      };
    }

    @Override
    public void visit(org.apache.lucene.search.QueryVisitor visitor) {
      in.visit(visitor);
    }

    @Override
    public String toString(String field) {
      return "failing(" + in + ")";
    }

    @Override
    public boolean equals(Object other) {
      return other == this;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** Runs the task to its end in a thread of its own before returning: it takes every piece. */
  private static void runFirst(Runnable task) {
    Thread first = new Thread(task);
    first.start();
    try {
      first.join();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code segments} segments, sorted as the index sorts, of 1 to {@code most} threads each. */
  private static void index(ByteBuffersDirectory dir, Random random, int segments, int most)
      throws IOException {
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
        .setMergePolicy(NoMergePolicy.INSTANCE).setIndexSort(LuceneSearchIndex.INDEX_SORT))) {
      for (int s = 0; s < segments; s++) {
        for (int i = 0; i < 1 + random.nextInt(most); i++) {
          writer.addDocument(thread(random, s * 1_000 + i));
        }
        writer.flush();
      }
    }
  }

  private static Document thread(Random random, int key) {
    Document doc = new Document();
    String space = "s" + random.nextInt(3);
    doc.add(new StringField(Fields.SPACE, space, Field.Store.NO));
    doc.add(new SortedDocValuesField(Fields.SPACE, new BytesRef(space)));
    doc.add(new NumericDocValuesField(Fields.KEY, key));
    for (String field : List.of(Fields.TITLE, Fields.TAG_TEXT, Fields.BODY, Fields.REPLIES)) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < random.nextInt(10); i++) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      doc.add(new TextField(field, text.toString(), Field.Store.NO));
    }
    return doc;
  }
}
