/**
 * The socialearn {@link io.socialearn.api.search.SearchIndex} on Apache Lucene: thread search that
 * filters by the viewer's spaces inside Lucene, similar questions and tag suggestion.
 */
package io.socialearn.lucene;
