package io.socialearn.api.search;

import io.socialearn.api.event.RecordedEvent;
import java.io.Closeable;
import java.util.List;

/**
 * SPI: a full-text index of threads, kept as a projection of the event log.
 *
 * <p>The engine feeds it every recorded batch in sequence order through {@link #apply}, and on
 * start-up replays the log from {@link #checkpoint()} + 1, so an index that persists its
 * checkpoint catches up after a crash. Implementations must be thread-safe; {@link #apply} is
 * called by one thread at a time. socialearn-lucene provides the production one; the engine's
 * built-in default is a small in-memory index.
 */
public interface SearchIndex extends Closeable {

  /** A short name of the implementation and its schema, for logs. */
  String name();

  /** The sequence of the last event applied, or 0. */
  long checkpoint();

  /** Applies a batch of events, in sequence order, each with a sequence above the checkpoint. */
  void apply(List<RecordedEvent> events);

  /** Searches the threads in the request's readable spaces. */
  SearchResults search(SearchRequest request);

  /** Releases the index's resources. */
  @Override
  void close();
}
