package io.socialearn.lucene;

import io.socialearn.api.search.SearchIndex;
import io.socialearn.core.search.SearchIndexContract;

/** The Lucene index passes the contract every search index passes. */
class LuceneSearchIndexTest extends SearchIndexContract {
  @Override
  protected SearchIndex newIndex() {
    return LuceneSearch.inMemory();
  }
}
