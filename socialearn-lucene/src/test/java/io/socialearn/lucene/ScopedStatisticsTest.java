package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.space.SpaceId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.SmallFloat;

/**
 * The statistics of a viewer's readable threads are those of the live documents in the readable
 * spaces, counted one document at a time here: in segments sorted by space or not, with updated
 * and deleted threads among the live ones, with and without a cache, and the same after every
 * superseded version is merged away.
 */
class ScopedStatisticsTest {
  private static final int SPACES = 5;
  private static final String[] WORDS = {"payroll", "tax", "leave", "pension", "rota"};

  @Property(tries = 40)
  void countTheLiveDocumentsOfTheReadableSpacesOnly(
      @ForAll @IntRange(min = 0, max = 10_000) int seed, @ForAll boolean sorted)
      throws IOException {
    Random random = new Random(seed);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = RandomSegments.config(random, sorted);
      List<Set<SpaceId>> scopes = new ArrayList<>();
      // a viewer who reads every space: each segment read whole
      Set<SpaceId> everything = new HashSet<>();
      for (int i = 0; i < SPACES; i++) {
        everything.add(SpaceId.of("s" + i));
      }
      scopes.add(everything);
      for (int round = 0; round < 6; round++) {
        Set<SpaceId> spaces = new HashSet<>();
        int n = 1 + random.nextInt(SPACES + 1);
        for (int i = 0; i < n; i++) {
          // one more space than any thread is in: a readable space with no threads
          spaces.add(SpaceId.of("s" + random.nextInt(SPACES + 1)));
        }
        scopes.add(spaces);
      }
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        RandomSegments.write(writer, random, 200, 30, 20, ScopedStatisticsTest::thread);
        List<List<Object>> before = new ArrayList<>();
        // the figures of the last reader, after the later deletions (empty: none changed)
        List<List<Object>> last = new ArrayList<>();
        // every segment's terms kept, whatever its size
        ScopedStatistics.Cache cache = new ScopedStatistics.Cache(1 << 20, 0);
        // one only ever asked for whole segments, which then keep no term's counts per run
        ScopedStatistics.Cache wholes = new ScopedStatistics.Cache(1 << 20, 0);
        // one with room for a term or two: the rest counted within the readable runs
        ScopedStatistics.Cache tiny = new ScopedStatistics.Cache(300, 0);
        DirectoryReader reader = DirectoryReader.open(dir);
        DirectoryReader later;
        try {
          IndexSearcher searcher = new IndexSearcher(reader);
          for (Set<SpaceId> scope : scopes) {
            List<Object> counted = counted(searcher, scope);
            assertThat(figures(ScopedStatistics.of(searcher, scope, null)))
                .as("counted document by document").isEqualTo(counted);
            // twice through the cache: once counting, once from what it kept
            assertThat(figures(ScopedStatistics.of(searcher, scope, cache))).isEqualTo(counted);
            assertThat(figures(ScopedStatistics.of(searcher, scope, cache))).isEqualTo(counted);
            assertThat(figures(ScopedStatistics.of(searcher, scope, tiny))).isEqualTo(counted);
            assertThat(tiny.size()).isLessThanOrEqualTo(300);
            before.add(counted);
          }
          assertThat(figures(ScopedStatistics.of(searcher, everything, wholes)))
              .isEqualTo(before.get(0));
          if (sorted && readsPartOfASegment(reader, scopes)) {
            assertThat(cache.size()).as("terms counted per run and kept").isPositive();
          }
          assertThat(cache.segments()).isEqualTo(sorted ? reader.leaves().size() : 0);
          // more deletions: a new reader of the same segments counts only what was deleted since
          for (int i = 0; i < 5; i++) {
            writer.deleteDocuments(new Term(Fields.ID, "t" + random.nextInt(30)));
          }
          writer.commit();
          later = DirectoryReader.openIfChanged(reader);
          if (later != null) {
            IndexSearcher next = new IndexSearcher(later);
            for (Set<SpaceId> scope : scopes) {
              assertThat(figures(ScopedStatistics.of(next, scope, cache)))
                  .as("after more deletions").isEqualTo(counted(next, scope));
            }
          }
          // the earlier reader's figures are still its own
          for (int i = 0; i < scopes.size(); i++) {
            assertThat(figures(ScopedStatistics.of(searcher, scopes.get(i), cache)))
                .isEqualTo(before.get(i));
          }
        } finally {
          reader.close();
        }
        if (later != null) {
          // the first reader closed, its segments live on in the later one
          try (DirectoryReader open = later) {
            IndexSearcher next = new IndexSearcher(open);
            for (Set<SpaceId> scope : scopes) {
              List<Object> counted = counted(next, scope);
              assertThat(figures(ScopedStatistics.of(next, scope, cache)))
                  .as("after the first reader closed").isEqualTo(counted);
              assertThat(figures(ScopedStatistics.of(next, scope, null))).isEqualTo(counted);
              last.add(counted);
            }
            assertThat(figures(ScopedStatistics.of(next, everything, wholes)))
                .as("whole segments after the first reader closed").isEqualTo(last.get(0));
          }
        }
        assertThat(cache.size()).as("dropped with the segments' readers").isZero();
        assertThat(cache.segments()).isZero();
        assertThat(wholes.segments()).isZero();
        writer.forceMerge(1);
        writer.commit();
        try (DirectoryReader merged = DirectoryReader.open(dir)) {
          IndexSearcher searcher = new IndexSearcher(merged);
          for (int i = 0; i < scopes.size(); i++) {
            assertThat(figures(ScopedStatistics.of(searcher, scopes.get(i), null)))
                .as("the same once deleted versions are merged away")
                .isEqualTo(last.isEmpty() ? before.get(i) : last.get(i));
          }
        }
      }
    }
  }

  @Property
  void findTheDeletedDocumentsOfAnyLiveDocs(@ForAll @IntRange(min = 0, max = 300) int maxDoc,
      @ForAll @IntRange(min = 0, max = 10_000) int seed) {
    Random random = new Random(seed);
    FixedBitSet live = new FixedBitSet(maxDoc);
    List<Integer> deleted = new ArrayList<>();
    int density = 1 + random.nextInt(4);
    for (int doc = 0; doc < maxDoc; doc++) {
      if (random.nextInt(density) == 0) {
        live.set(doc);
      } else {
        deleted.add(doc);
      }
    }
    int[] expected = deleted.stream().mapToInt(Integer::intValue).toArray();
    assertThat(ScopedStatistics.Deleted.deletedDocs(live)).as("a bit set").isEqualTo(expected);
    Bits other = new Bits() {
      @Override
      public boolean get(int index) {
        return live.get(index);
      }

      @Override
      public int length() {
        return live.length();
      }
    };
    assertThat(ScopedStatistics.Deleted.deletedDocs(other)).as("other bits").isEqualTo(expected);
  }

  /** Whether some scope reads some, not all, of the spaces with threads in some segment. */
  private static boolean readsPartOfASegment(DirectoryReader reader, List<Set<SpaceId>> scopes)
      throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      Set<SpaceId> present = new HashSet<>();
      SortedDocValues space = leaf.reader().getSortedDocValues(Fields.SPACE);
      for (int doc = space.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS;
          doc = space.nextDoc()) {
        present.add(SpaceId.of(space.lookupOrd(space.ordValue()).utf8ToString()));
      }
      for (Set<SpaceId> scope : scopes) {
        if (!scope.containsAll(present) && present.stream().anyMatch(scope::contains)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every word's document frequency in title and body, each field's figures, the docs. */
  private static List<Object> figures(ScopedStatistics stats) {
    List<Object> figures = new ArrayList<>();
    for (String word : WORDS) {
      figures.add(stats.docFreq(new Term(Fields.BODY, word)));
      figures.add(stats.docFreq(new Term(Fields.TITLE, word)));
    }
    for (String tag : WORDS) {
      figures.add(stats.docFreq(new Term(Fields.TAG, tag)));
    }
    for (String field : List.of(Fields.TITLE, Fields.BODY, Fields.TAG)) {
      CollectionStatistics collection = stats.collectionStatistics(field);
      figures.add(List.of(collection.docCount(), collection.sumTotalTermFreq()));
    }
    figures.add(stats.docs());
    return figures;
  }

  /** The same figures, counted by visiting each live document of the readable spaces. */
  private static List<Object> counted(IndexSearcher searcher, Set<SpaceId> scope)
      throws IOException {
    List<BytesRef> spaces = scope.stream().map(s -> new BytesRef(s.value())).toList();
    List<Object> figures = new ArrayList<>();
    for (String word : WORDS) {
      figures.add(count(searcher, new Term(Fields.BODY, word), spaces));
      figures.add(count(searcher, new Term(Fields.TITLE, word), spaces));
    }
    for (String tag : WORDS) {
      figures.add(count(searcher, new Term(Fields.TAG, tag), spaces));
    }
    long[][] fields = new long[3][2];
    long docs = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      SortedDocValues space = leaf.reader().getSortedDocValues(Fields.SPACE);
      NumericDocValues title = leaf.reader().getNormValues(Fields.TITLE);
      NumericDocValues body = leaf.reader().getNormValues(Fields.BODY);
      SortedSetDocValues tags = leaf.reader().getSortedSetDocValues(Fields.TAG);
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if ((live != null && !live.get(doc)) || !space.advanceExact(doc)
            || !spaces.contains(space.lookupOrd(space.ordValue()))) {
          continue;
        }
        docs++;
        if (title != null && title.advanceExact(doc)) {
          fields[0][0]++;
          fields[0][1] += SmallFloat.byte4ToInt((byte) title.longValue());
        }
        if (body != null && body.advanceExact(doc)) {
          fields[1][0]++;
          fields[1][1] += SmallFloat.byte4ToInt((byte) body.longValue());
        }
        if (tags != null && tags.advanceExact(doc)) {
          fields[2][0]++;
          fields[2][1] += tags.docValueCount();
        }
      }
    }
    for (long[] field : fields) {
      long count = Math.max(1, field[0]);
      figures.add(List.of(count, Math.max(count, field[1])));
    }
    figures.add((int) docs);
    return figures;
  }

  private static int count(IndexSearcher searcher, Term term, List<BytesRef> spaces)
      throws IOException {
    return searcher.count(new BooleanQuery.Builder().add(new TermQuery(term), Occur.MUST)
        .add(new TermInSetQuery(Fields.SPACE, spaces), Occur.FILTER).build());
  }

  private static Document thread(Random random, int key) {
    Document doc = RandomSegments.thread(random, key, 30, SPACES);
    doc.add(new TextField(Fields.TITLE, words(random, 1 + random.nextInt(4)), Field.Store.NO));
    if (random.nextInt(4) > 0) {
      // some threads without a body, so a field's count differs from the threads'
      doc.add(new TextField(Fields.BODY, words(random, 1 + random.nextInt(60)), Field.Store.NO));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      String tag = WORDS[random.nextInt(WORDS.length)];
      doc.add(new StringField(Fields.TAG, tag, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(Fields.TAG, new BytesRef(tag)));
    }
    return doc;
  }

  private static String words(Random random, int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return text.toString().strip();
  }
}
