package io.socialearn.lucene;

import static io.socialearn.lucene.DraftTexts.words;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ThreadKind;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The candidate stage's two ways, the readable questions checked in a collector and filtered
 * inside the query, find what Lucene's filtered query finds with the same scores, across
 * segments with deletions and threads that are not questions, for readable spaces holding few or
 * many of the threads (or none).
 */
class SimilarCandidatesTest {
  @Test
  void filteringInACollectorFindsWhatTheFilteredQueryFinds() throws Exception {
    Random random = new Random(17);
    try (Analyzer analyzer = new EnglishAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      indexThreadsInSkewedSpaces(dir, analyzer, random);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(3);
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new FieldSimilarity());
        DraftQueries drafts = new DraftQueries(analyzer);
        int postFilterable = 0;
        int leadsWithFilter = 0;
        for (int d = 0; d < 60; d++) {
          Set<SpaceId> readable = new HashSet<>();
          int spaces = 1 + random.nextInt(4);
          while (readable.size() < spaces) {
            // s10 is in no segment
            readable.add(SpaceId.of("s" + random.nextInt(11)));
          }
          Query filter = new BooleanQuery.Builder()
              .add(SearchQueries.spaces(readable), Occur.FILTER)
              .add(new TermQuery(new Term(Fields.KIND, ThreadKind.QUESTION.name())),
                  Occur.FILTER)
              .build();
          DraftQueries.Draft draft = drafts.similar(searcher, words(random, 3),
              words(random, 12), List.of());
          TopDocs lucene = searcher.search(new BooleanQuery.Builder()
              .add(draft.candidates(), Occur.MUST).add(filter, Occur.FILTER).build(), 30);
          TopDocs inQuery = SimilarCandidates.top(searcher, draft.candidates(), readable, 30,
              false);
          TopDocs inCollector = SimilarCandidates.top(searcher, draft.candidates(), readable, 30,
              true);
          assertThat(lucene.scoreDocs).isNotEmpty();
          DraftTexts.assertSameTop(inQuery, lucene);
          DraftTexts.assertSameTop(inCollector, lucene);
          if (SimilarCandidates.postFilter(reader.maxDoc(), readable,
              drafts.lookups(searcher))) {
            postFilterable++;
          } else {
            leadsWithFilter++;
          }
        }
        assertThat(postFilterable).as("drafts whose readable spaces hold many threads")
            .isPositive();
        assertThat(leadsWithFilter).as("drafts whose readable spaces hold few threads")
            .isPositive();
      }
    }
  }

  /** 1,500 threads over several segments, some deleted; space s0 holds about half, s9 1%. */
  private static void indexThreadsInSkewedSpaces(ByteBuffersDirectory dir, Analyzer analyzer,
      Random random) throws Exception {
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setMaxBufferedDocs(150);
    try (IndexWriter writer = new IndexWriter(dir, config.setSimilarity(new FieldSimilarity()))) {
      for (int i = 0; i < 1_500; i++) {
        String space = "s" + Math.min(9, (int) (-Math.log(random.nextDouble()) * 1.5));
        ThreadKind kind = i % 7 == 0 ? ThreadKind.DISCUSSION : ThreadKind.QUESTION;
        ThreadDoc doc = new ThreadDoc("q" + i, i, space, kind, "ana", i + 1, 0);
        doc.title = words(random, 2 + random.nextInt(6));
        doc.body = words(random, 5 + random.nextInt(40));
        doc.tags = List.of("t" + i % 4);
        writer.addDocument(doc.toDocument(0, 0));
        if (i % 11 == 0 && i > 0) {
          writer.deleteDocuments(new Term(Fields.ID, "q" + random.nextInt(i)));
        }
      }
    }
  }
}
