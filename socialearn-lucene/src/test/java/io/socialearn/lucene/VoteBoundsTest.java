package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The votes order with block skipping ({@link VoteBounds}) against brute force, on a raw Lucene
 * index large enough for many blocks per segment: threads rewritten into later segments,
 * deleted, scores raised and lowered (above and below zero) between searches and between pages,
 * creation sequences that tie, small hit thresholds so skipping starts early, and the leaves
 * newest first as searches visit them. Also the live values' bounds themselves.
 */
class VoteBoundsTest {
  private static final String TAG = "tag";

  /** One thread of the model: its key, creation, tag and whether it is deleted. */
  private record Post(int key, long created, boolean tagged) {}

  @Property(tries = 60)
  void skippingSortEqualsBruteForceAcrossVotesDeletesAndPages(@ForAll long seed)
      throws IOException {
    Random random = new Random(seed);
    LiveValues votes = new LiveValues();
    VoteBounds bounds = new VoteBounds(votes);
    Sort sort = new Sort(new SortField(Fields.VOTES, bounds.comparatorSource(), true),
        new SortField(Fields.CREATED_SEQ, SortField.Type.LONG, true),
        new SortField(Fields.KEY, SortField.Type.LONG, true));
    Map<Integer, Post> live = new HashMap<>();
    int threads = 600 + random.nextInt(2400);
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(directory, config(random, bounds))) {
      for (int key = 0; key < threads; key++) {
        // creations mostly rise with the key, sometimes tie or go back
        long created = random.nextInt(8) == 0 ? key - random.nextInt(40) : key;
        Post thread = new Post(key, created, random.nextInt(3) != 0);
        live.put(key, thread);
        writer.addDocument(document(thread));
        if (random.nextInt(400) == 0) {
          writer.flush();
        }
      }
      DirectoryReader reader = DirectoryReader.open(writer);
      for (int round = 0; round < 6; round++) {
        // rewrite some threads into a later segment, delete others
        int changes = random.nextInt(threads / 4);
        for (int c = 0; c < changes; c++) {
          int key = random.nextInt(threads);
          Post thread = live.get(key);
          if (thread == null) {
            continue;
          }
          Term id = new Term(Fields.ID, Integer.toString(key));
          if (random.nextInt(5) == 0) {
            writer.deleteDocuments(id);
            live.remove(key);
          } else {
            writer.updateDocument(id, document(thread));
          }
        }
        DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
        if (newer != null) {
          reader.close();
          reader = newer;
        }
        vote(random, votes, threads, 1 + random.nextInt(40));
        IndexSearcher searcher = new IndexSearcher(reader);
        Query query = random.nextBoolean() ? new MatchAllDocsQuery()
            : new TermQuery(new Term(TAG, "yes"));
        boolean tagged = !(query instanceof MatchAllDocsQuery);
        int limit = 1 + random.nextInt(random.nextBoolean() ? 3 : 30);
        int threshold = 1 + random.nextInt(random.nextBoolean() ? 5 : 200);
        FieldDoc after = null;
        for (int page = 0; page < 4 || random.nextInt(4) != 0; page++) {
          TopFieldDocs docs = search(searcher, bounds, query, sort, limit, after, threshold);
          List<Integer> keys = keys(docs);
          List<Integer> want = model(live, votes, tagged, after);
          assertThat(keys).as("page %d after %s", page, after == null ? null
              : java.util.Arrays.toString(after.fields))
              .isEqualTo(want.subList(0, Math.min(limit, want.size())));
          if (keys.size() < limit) {
            break;
          }
          after = (FieldDoc) docs.scoreDocs[docs.scoreDocs.length - 1];
          if (random.nextInt(3) == 0) {
            // a vote between pages: the next page is what follows the cursor's values
            vote(random, votes, threads, 1 + random.nextInt(10));
          }
        }
      }
      reader.close();
    }
  }

  @Property(tries = 200)
  void boundsCoverEveryValue(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5000) int keys) {
    Random random = new Random(seed);
    LiveValues values = new LiveValues();
    long[] model = new long[keys];
    for (int i = 0; i < 3 * keys; i++) {
      int key = random.nextInt(keys);
      long value = random.nextInt(3) == 0 ? -random.nextInt(50) : random.nextInt(100);
      if (random.nextBoolean()) {
        values.add(key, value - 50);
        model[key] += value - 50;
      } else {
        values.set(key, value);
        model[key] = value;
      }
    }
    long[] bounds = values.bounds();
    for (int key = 0; key < keys; key++) {
      assertThat(values.get(key)).isEqualTo(model[key]);
      assertThat(values.bound(key)).as("key %d", key).isGreaterThanOrEqualTo(model[key])
          .isGreaterThanOrEqualTo(0);
      int block = key >>> LiveValues.BLOCK_SHIFT;
      assertThat(block < bounds.length ? bounds[block] : 0).isEqualTo(values.bound(key));
    }
  }

  private static IndexWriterConfig config(Random random, VoteBounds bounds) {
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
        .setMaxBufferedDocs(100 + random.nextInt(2000))
        .setMergedSegmentWarmer(bounds::warm);
    if (random.nextBoolean()) {
      config.setMergePolicy(NoMergePolicy.INSTANCE);
    } else {
      TieredMergePolicy merges = new TieredMergePolicy();
      merges.setSegmentsPerTier(2 + random.nextInt(4));
      config.setMergePolicy(merges);
    }
    return config;
  }

  private static Document document(Post thread) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, Integer.toString(thread.key()), Field.Store.NO));
    doc.add(new StringField(TAG, thread.tagged() ? "yes" : "no", Field.Store.NO));
    doc.add(new NumericDocValuesField(Fields.KEY, thread.key()));
    doc.add(new NumericDocValuesField(Fields.CREATED_SEQ, thread.created()));
    return doc;
  }

  /** Up and down votes, a few of them large, on random threads (deleted ones too). */
  private static void vote(Random random, LiveValues votes, int threads, int count) {
    for (int v = 0; v < count; v++) {
      int key = random.nextInt(threads);
      long delta = random.nextInt(4) == 0 ? -1 - random.nextInt(3) : 1 + random.nextInt(2);
      if (random.nextInt(10) == 0) {
        delta *= 20;
      }
      votes.add(key, delta);
    }
  }

  private static TopFieldDocs search(IndexSearcher searcher, VoteBounds bounds, Query query,
      Sort sort, int limit, FieldDoc after, int threshold) throws IOException {
    List<LeafReaderContext> leaves = bounds.newestFirst(searcher.getIndexReader().leaves());
    return BudgetedSearch.search(searcher, query, null,
        new TopFieldCollectorManager(sort, limit, after, threshold), Long.MAX_VALUE,
        Integer.MAX_VALUE, leaves).result();
  }

  /** The live threads in votes order, only those after {@code after}'s values if given. */
  private static List<Integer> model(Map<Integer, Post> live, LiveValues votes,
      boolean taggedOnly, FieldDoc after) {
    Comparator<Post> order = Comparator.<Post>comparingLong(t -> votes.get(t.key()))
        .thenComparingLong(Post::created).thenComparingLong(Post::key).reversed();
    List<Post> all = new ArrayList<>();
    for (Post thread : live.values()) {
      if (taggedOnly && !thread.tagged()) {
        continue;
      }
      if (after != null) {
        Post last = new Post((int) (long) (Long) after.fields[2],
            (Long) after.fields[1], true);
        long lastVotes = (Long) after.fields[0];
        int cmp = Long.compare(lastVotes, votes.get(thread.key()));
        if (cmp == 0) {
          cmp = Long.compare(last.created(), thread.created());
        }
        if (cmp == 0) {
          cmp = Long.compare(last.key(), thread.key());
        }
        if (cmp <= 0) {
          continue;
        }
      }
      all.add(thread);
    }
    all.sort(order);
    return all.stream().map(Post::key).toList();
  }

  private static List<Integer> keys(TopFieldDocs docs) {
    List<Integer> keys = new ArrayList<>();
    for (ScoreDoc doc : docs.scoreDocs) {
      keys.add((int) (long) (Long) ((FieldDoc) doc).fields[2]);
    }
    return keys;
  }
}
