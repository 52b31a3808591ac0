/**
 * The engine's built-in {@link io.socialearn.api.search.SearchIndex}: {@link
 * io.socialearn.core.search.MemorySearchIndex}, a small in-memory BM25 index used when the host
 * wires no Lucene index.
 */
package io.socialearn.core.search;
