/**
 * The {@link io.socialearn.api.search.SearchIndex} SPI and its request and result types. Every
 * search is made on behalf of a viewer and returns only threads the viewer may read.
 */
package io.socialearn.api.search;
