package io.socialearn.lucene;

import static io.socialearn.lucene.DraftTexts.words;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.thread.ThreadKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Term states kept across drafts give the queries, statistics and scores of looking every term
 * up again, also for drafts in parallel; a refresh (a new reader) starts a new cache, so a new
 * post's terms count at once.
 */
class TermStatesCacheTest {
  @Test
  void cachedDraftsMatchUncachedOnesAcrossRefreshes() throws Exception {
    Random random = new Random(23);
    try (Analyzer analyzer = new EnglishAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer)
            .setSimilarity(new FieldSimilarity()).setMaxBufferedDocs(9))) {
      for (int i = 0; i < 60; i++) {
        writer.addDocument(thread(i, words(random, 1 + random.nextInt(5)),
            words(random, random.nextInt(25)), random));
      }
      DraftQueries cached = new DraftQueries(analyzer);
      DraftQueries small = new DraftQueries(analyzer, DraftQueries.CANDIDATE_POSTINGS, 5);
      DraftQueries uncached = new DraftQueries(analyzer, DraftQueries.CANDIDATE_POSTINGS, 0);
      DirectoryReader reader = DirectoryReader.open(writer);
      try {
        for (int round = 0; round < 3; round++) {
          assertThat(reader.leaves()).hasSizeGreaterThan(2);
          IndexSearcher searcher = new IndexSearcher(reader);
          searcher.setSimilarity(new FieldSimilarity());
          for (int d = 0; d < 15; d++) {
            String title = words(random, 3);
            String body = words(random, 8) + " " + words(random, 8);
            DraftQueries.Draft expected = uncached.similar(searcher, title, body, List.of("t1"));
            for (DraftQueries drafts : List.of(cached, small)) {
              assertSame(searcher, analyzer, drafts.similar(searcher, title, body,
                  List.of("t1")), expected);
            }
          }
          // a new post with a word no thread had, then a refresh: its statistics count at once
          writer.addDocument(thread(100 + round, "quarantine rota", "quarantine rota", random));
          DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
          assertThat(newer).isNotNull();
          reader.close();
          reader = newer;
          IndexSearcher refreshed = new IndexSearcher(reader);
          refreshed.setSimilarity(new FieldSimilarity());
          DraftQueries.Draft draft = cached.similar(refreshed, "quarantine rota", "", List.of());
          assertThat(titleStates(draft, "quarantin").docFreq()).isEqualTo(round + 1);
          assertSame(refreshed, analyzer, draft,
              uncached.similar(refreshed, "quarantine rota", "", List.of()));
        }
      } finally {
        reader.close();
      }
    }
  }

  @Test
  void draftsOnOneReaderShareTheirTermStatesUpToTheCapacity() throws Exception {
    try (Analyzer analyzer = new EnglishAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        writer.addDocument(thread(0, "payroll deadline", "payroll login", new Random(1)));
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (int capacity : new int[] {0, 1, TermStatesCache.CAPACITY}) {
          DraftQueries drafts = new DraftQueries(analyzer, DraftQueries.CANDIDATE_POSTINGS,
              capacity);
          DraftQueries.Draft first = drafts.similar(searcher, "payroll", "", List.of());
          DraftQueries.Draft second = drafts.similar(searcher, "payroll deadline", "",
              List.of());
          int shared = 0;
          for (String field : List.of(Fields.TITLE, Fields.BODY, Fields.REPLIES)) {
            shared += states(first, field, "payrol") == states(second, field, "payrol") ? 1 : 0;
          }
          assertThat(shared).as("payroll's three clauses looked up once with capacity "
              + capacity).isEqualTo(Math.min(3, capacity));
        }
        TermStatesCache cache = TermStatesCache.forReader(null, reader, 4);
        assertThat(TermStatesCache.forReader(cache, reader, 4)).isSameAs(cache);
      }
    }
  }

  @Test
  void draftsInParallelShareOneCacheSafely() throws Exception {
    Random random = new Random(29);
    try (Analyzer analyzer = new EnglishAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer)
          .setSimilarity(new FieldSimilarity()).setMaxBufferedDocs(11))) {
        for (int i = 0; i < 80; i++) {
          writer.addDocument(thread(i, words(random, 1 + random.nextInt(5)),
              words(random, random.nextInt(25)), random));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new FieldSimilarity());
        DraftQueries shared = new DraftQueries(analyzer, DraftQueries.CANDIDATE_POSTINGS, 40);
        DraftQueries uncached = new DraftQueries(analyzer, DraftQueries.CANDIDATE_POSTINGS, 0);
        List<String[]> drafts = new ArrayList<>();
        for (int d = 0; d < 120; d++) {
          drafts.add(new String[] {words(random, 3), words(random, 12)});
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
          List<Future<?>> done = new ArrayList<>();
          for (int t = 0; t < 4; t++) {
            int first = t;
            done.add(pool.submit(() -> {
              for (int d = first; d < drafts.size(); d += 2) {
                String[] draft = drafts.get(d);
                assertSame(searcher, analyzer, shared.similar(searcher, draft[0], draft[1],
                    List.of()), uncached.similar(searcher, draft[0], draft[1], List.of()));
              }
              return null;
            }));
          }
          for (Future<?> each : done) {
            each.get();
          }
        } finally {
          pool.shutdownNow();
        }
      }
    }
  }

  /** Same candidate query, same full clauses with the same statistics, same rescored top. */
  private static void assertSame(IndexSearcher searcher, Analyzer analyzer,
      DraftQueries.Draft actual, DraftQueries.Draft expected) throws IOException {
    assertThat(actual.candidates()).isEqualTo(expected.candidates());
    assertThat(actual.fullClauses()).hasSameSizeAs(expected.fullClauses());
    for (int i = 0; i < actual.fullClauses().size(); i++) {
      DraftQueries.Clause a = actual.fullClauses().get(i);
      DraftQueries.Clause e = expected.fullClauses().get(i);
      assertThat(List.of(a.field(), a.text(), a.boost()))
          .isEqualTo(List.of(e.field(), e.text(), e.boost()));
      assertThat(a.states().docFreq()).isEqualTo(e.states().docFreq());
      assertThat(a.states().totalTermFreq()).isEqualTo(e.states().totalTermFreq());
    }
    TopDocs all = searcher.search(new MatchAllDocsQuery(), 1_000);
    TopDocs ours = CandidateScores.rescore(searcher, analyzer, actual.fullClauses(), all, 10,
        CandidateScores.ANALYSE_LIMIT);
    TopDocs theirs = CandidateScores.rescore(searcher, analyzer, expected.fullClauses(), all, 10,
        CandidateScores.ANALYSE_LIMIT);
    assertThat(docsAndScores(ours)).isEqualTo(docsAndScores(theirs)).isNotEmpty();
    TopDocs found = searcher.search(actual.candidates(), 10);
    assertThat(docsAndScores(found))
        .isEqualTo(docsAndScores(searcher.search(expected.candidates(), 10)));
  }

  private static List<String> docsAndScores(TopDocs top) {
    List<String> out = new ArrayList<>();
    for (var doc : top.scoreDocs) {
      out.add(doc.doc + "=" + doc.score);
    }
    return out;
  }

  private static TermStates titleStates(DraftQueries.Draft draft, String text) {
    return states(draft, Fields.TITLE, text);
  }

  private static TermStates states(DraftQueries.Draft draft, String field, String text) {
    return draft.fullClauses().stream()
        .filter(c -> c.field().equals(field) && c.text().equals(text))
        .findFirst().orElseThrow().states();
  }

  private static org.apache.lucene.document.Document thread(int i, String title, String body,
      Random random) {
    ThreadDoc doc = new ThreadDoc("q" + i, i, "hr", ThreadKind.QUESTION, "ana", i + 1, 0);
    doc.title = title;
    doc.body = body;
    doc.tags = List.of("t" + i % 3);
    if (i % 3 == 0) {
      doc.answers.put("a" + i, new ThreadDoc.Answer("bo", words(random, 6)));
    }
    return doc.toDocument(0, 0);
  }
}
