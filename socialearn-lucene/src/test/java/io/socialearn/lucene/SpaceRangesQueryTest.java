package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The space filter as runs of documents matches exactly what the spaces' postings match: in
 * segments sorted by space (several, with updated and deleted threads between the live ones, as
 * the index writes them) and in segments not sorted so, alone, beside a scoring clause, and as
 * the scope of a {@link BudgetedSearch} that scores a query only within the runs.
 */
class SpaceRangesQueryTest {
  private static final int SPACES = 6;

  @Property(tries = 40)
  void matchesWhatTheSpacesPostingsMatch(@ForAll @IntRange(min = 0, max = 10_000) int seed,
      @ForAll boolean sorted) throws IOException {
    Random random = new Random(seed);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = RandomSegments.config(random, sorted);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        RandomSegments.write(writer, random, 300, 40, 25, SpaceRangesQueryTest::thread);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        for (int round = 0; round < 8; round++) {
          Set<BytesRef> spaces = new TreeSet<>();
          int n = random.nextInt(SPACES + 2);
          for (int i = 0; i < n; i++) {
            // one more space than any thread is in: a readable space with no threads
            spaces.add(new BytesRef("s" + random.nextInt(SPACES + 1)));
          }
          Query runs = new SpaceRangesQuery(Fields.SPACE, spaces);
          Query postings = new TermInSetQuery(Fields.SPACE, spaces);
          assertThat(docs(searcher, runs)).isEqualTo(docs(searcher, postings));
          Query word = new TermQuery(new Term("word", "w" + random.nextInt(3)));
          assertThat(docs(searcher, and(word, runs))).isEqualTo(docs(searcher, and(word,
              postings)));
          // a search scoring the word only within the spaces' runs finds the same threads
          List<Integer> within = new ArrayList<>();
          for (ScoreDoc doc : BudgetedSearch.search(searcher, word, (SpaceRangesQuery) runs,
              new TopScoreDocCollectorManager(reader.maxDoc() + 1, null, Integer.MAX_VALUE),
              Long.MAX_VALUE, 0).result().scoreDocs) {
            within.add(doc.doc);
          }
          within.sort(null);
          assertThat(within).isEqualTo(docs(searcher, and(word, postings)));
        }
      }
    }
  }

  @Test
  void readsRunsOnlyFromSegmentsSortedBySpaceFirst() {
    assertThat(SpaceRangesQuery.runsOf(Fields.SPACE, LuceneSearchIndex.INDEX_SORT)).isTrue();
    assertThat(SpaceRangesQuery.runsOf(Fields.SPACE, null)).isFalse();
    assertThat(SpaceRangesQuery.runsOf(Fields.SPACE, new Sort(
        LuceneSearchIndex.INDEX_SORT.getSort()[1], LuceneSearchIndex.INDEX_SORT.getSort()[0])))
        .isFalse();
  }

  @Test
  void equalForTheSameSpacesInAnyOrder() {
    Query one = new SpaceRangesQuery(Fields.SPACE, List.of(new BytesRef("b"), new BytesRef("a")));
    Query other = new SpaceRangesQuery(Fields.SPACE, List.of(new BytesRef("a"), new BytesRef("b"),
        new BytesRef("a")));
    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one).isNotEqualTo(new SpaceRangesQuery(Fields.SPACE, List.of(new BytesRef("a"))));
  }

  private static Document thread(Random random, int key) {
    Document doc = RandomSegments.thread(random, key, 40, SPACES);
    doc.add(new StringField("word", "w" + random.nextInt(3), Field.Store.NO));
    return doc;
  }

  private static Query and(Query scoring, Query filter) {
    return new BooleanQuery.Builder().add(scoring, Occur.MUST).add(filter, Occur.FILTER).build();
  }

  private static List<Integer> docs(IndexSearcher searcher, Query query) throws IOException {
    List<Integer> docs = new ArrayList<>();
    for (ScoreDoc doc : searcher.search(new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), Occur.MUST).add(query, Occur.FILTER).build(),
        Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
      docs.add(doc.doc);
    }
    docs.sort(null);
    return docs;
  }
}
