package io.socialearn.api.search;

import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import java.io.Closeable;
import java.util.List;
import java.util.Set;

/**
 * SPI: a full-text index of threads, kept as a projection of the event log.
 *
 * <p>The engine feeds it every recorded batch in sequence order through {@link #apply}, and on
 * start-up replays the log from {@link #checkpoint()} + 1, so an index that persists its
 * checkpoint catches up after a crash. Every query method takes the spaces the viewer may read,
 * worked out by the engine: an index must never return, count or facet a thread from any other
 * space. Implementations must be thread-safe; {@link #apply} is called by one thread at a time.
 * socialearn-lucene provides the production index; the engine's built-in default is a small
 * in-memory one.
 */
public interface SearchIndex extends Closeable {

  /** A short name of the implementation and its schema version, for logs. */
  String name();

  /** The sequence of the last event applied, or 0. */
  long checkpoint();

  /** Applies a batch of events, in sequence order; events at or below the checkpoint are skipped. */
  void apply(List<RecordedEvent> events);

  /**
   * Searches the threads in {@code readableSpaces}.
   *
   * @throws io.socialearn.api.InvalidInputException if the query text cannot be understood or the
   *     cursor is not one this index handed out
   */
  SearchResults search(SearchQuery query, Set<SpaceId> readableSpaces);

  /** The questions in {@code readableSpaces} most like a draft, best first. */
  List<SearchHit> similarQuestions(SimilarQuery query, Set<SpaceId> readableSpaces);

  /** Tags that threads like {@code text} carry, weighted by their similarity, best first. */
  List<TagSuggestion> suggestTags(String text, int limit, Set<SpaceId> readableSpaces);

  /** Tags used in {@code readableSpaces} that start with {@code prefix}, most used first. */
  List<Tag> completeTags(String prefix, int limit, Set<SpaceId> readableSpaces);

  /** Releases the index's resources. */
  @Override
  void close();
}
