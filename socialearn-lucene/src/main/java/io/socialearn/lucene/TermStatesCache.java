package io.socialearn.lucene;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;

/**
 * The states of terms in one top-level reader (each segment's term state, the document frequency
 * and the total term frequency), kept across the drafts searched on that reader. A draft looks
 * up its title terms and every body term in several fields, each a seek in every segment's terms
 * dictionary; most of a draft's words are common ones that earlier drafts looked up already.
 * A refresh opens a new reader, whose statistics differ, so a cache belongs to one reader (by its
 * cache key) and is replaced by a new, empty one for the next: see {@link #forReader}. It holds
 * at most its capacity in terms; past that, a term is looked up as if there were no cache (the
 * first terms cached are the ones many drafts share). Thread-safe.
 */
final class TermStatesCache {
  /**
   * The most terms a cache holds. A term in every segment of a 1,000,000-post index (17-19
   * segments) takes about 1.5 KB with its segments' states, a rare one a few hundred bytes.
   */
  static final int CAPACITY = 16_384;

  private final IndexReader.CacheKey key;
  private final int capacity;
  private final ConcurrentHashMap<Term, TermStates> states = new ConcurrentHashMap<>();

  private TermStatesCache(IndexReader.CacheKey key, int capacity) {
    this.key = key;
    this.capacity = capacity;
  }

  /**
   * {@code current} if it belongs to {@code reader}, else a new, empty cache for it; null if the
   * reader has no cache key (then nothing is kept across drafts).
   */
  static TermStatesCache forReader(TermStatesCache current, IndexReader reader, int capacity) {
    IndexReader.CacheKey key = GlobalOrdinals.keyOf(reader);
    if (key == null) {
      return null;
    }
    return current != null && current.key == key ? current : new TermStatesCache(key, capacity);
  }

  /** The term's cached states, or null. */
  TermStates get(Term term) {
    return states.get(term);
  }

  /** Keeps the term's states (built on this cache's reader) unless the cache is full. */
  void offer(Term term, TermStates termStates) {
    if (states.size() < capacity) {
      states.putIfAbsent(term, termStates);
    }
  }

  /** How many terms the cache holds. */
  int size() {
    return states.size();
  }
}
