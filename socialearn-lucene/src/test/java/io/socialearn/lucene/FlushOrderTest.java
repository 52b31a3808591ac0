package io.socialearn.lucene;

import static io.socialearn.lucene.Events.question;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.thread.ThreadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Changed threads are handed to Lucene in the index sort's order (space as UTF-8 bytes, then
 * key), so a flushed segment is already sorted and Lucene does not re-sort its postings.
 */
class FlushOrderTest {
  /** Spaces whose UTF-16 order differs from their UTF-8 byte order (the last two). */
  private static final String[] SPACES = {"hr", "it", "Zeta", "a", "\uFFFF", "\uD83D\uDE00"};

  private static final Comparator<ThreadDoc> INDEX_ORDER = Comparator
      .comparing((ThreadDoc d) -> new BytesRef(d.space)).thenComparingInt(d -> d.key);

  @Property
  void threadsComeInSpaceBytesThenKeyOrder(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 5) Integer> spaces) {
    List<ThreadDoc> docs = new ArrayList<>();
    for (int i = 0; i < spaces.size(); i++) {
      // keys descending, so that order by key alone is the reverse of the given one
      docs.add(new ThreadDoc("t" + i, spaces.size() - i, SPACES[spaces.get(i)],
          ThreadKind.QUESTION, "ana", i + 1, i));
    }
    List<ThreadDoc> ordered = EventFolder.inIndexOrder(docs);
    assertThat(ordered).containsExactlyInAnyOrderElementsOf(docs).isSortedAccordingTo(INDEX_ORDER);
  }

  @Test
  void aFlushWritesTheChangedThreadsInTheIndexSortsOrder() throws Exception {
    Events events = new Events();
    List<DomainEvent> started = new ArrayList<>();
    String[] order = {"it", "x.y", "hr", "Zeta", "it", "a", "hr", "x.y"};
    for (int i = 0; i < order.length; i++) {
      started.add(question("q" + i, order[i], "ana", "Title " + i, "Body " + i));
    }
    // no index sort here: document numbers show the order the folder wrote them in
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new EnglishAnalyzer()))) {
      SearcherManager searchers = new SearcherManager(writer, null);
      EventFolder folder = new EventFolder(writer, searchers, new LiveValues(), new LiveValues(),
          new LiveValues(), 0, 0, null);
      for (RecordedEvent recorded : events.record(started.toArray(new DomainEvent[0]))) {
        folder.fold(recorded);
      }
      folder.flushDirty();
      writer.commit();
      searchers.close();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSize(1);
        LeafReader leaf = reader.leaves().get(0).reader();
        SortedDocValues space = leaf.getSortedDocValues(Fields.SPACE);
        NumericDocValues key = leaf.getNumericDocValues(Fields.KEY);
        List<String> written = new ArrayList<>();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
          assertThat(space.advanceExact(doc) && key.advanceExact(doc)).isTrue();
          written.add(space.lookupOrd(space.ordValue()).utf8ToString() + "/" + key.longValue());
        }
        // keys are given in fold order from 0; bytes put capitals before small letters
        assertThat(written).containsExactly("Zeta/3", "a/5", "hr/2", "hr/6", "it/0", "it/4",
            "x.y/1", "x.y/7");
      }
    }
  }
}
