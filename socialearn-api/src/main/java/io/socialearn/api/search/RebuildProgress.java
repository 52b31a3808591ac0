package io.socialearn.api.search;

/**
 * Told how a search index rebuild advances: how many events of the log the new index has applied
 * and how many the log held when it last looked. Called on the rebuilding thread; keep it fast.
 */
@FunctionalInterface
public interface RebuildProgress {

  /** Reports that {@code applied} of {@code total} events are in the new index. */
  void onProgress(long applied, long total);

  /** A listener that ignores progress. */
  static RebuildProgress none() {
    return (applied, total) -> {};
  }
}
