package io.socialearn.lucene;

import io.socialearn.api.search.SearchIndex;
import io.socialearn.core.HiddenContentProperties;

/**
 * {@link HiddenContentProperties} through the Lucene index: what an outsider is shown (who knows,
 * search hits and similar questions, with their scores) does not change with what a members-only
 * space holds, nor with when Lucene merged away the superseded versions of threads, since scores
 * are taken over the viewer's readable, live threads ({@link ScopedStatistics}).
 */
class LuceneHiddenContentProperties extends HiddenContentProperties {
  @Override
  protected SearchIndex newSearchIndex() {
    return LuceneSearch.inMemory();
  }
}
