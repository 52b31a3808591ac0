package io.socialearn.harness.stackexchange;

import java.util.Comparator;
import java.util.Iterator;
import java.util.PriorityQueue;

/**
 * Puts a nearly sorted stream of dump items into time order with a bounded look-ahead: an item
 * leaves once the stream has shown an item {@code slackMillis} later, or the buffer is full, or the
 * stream ends. Dump files list rows by id, which follows time closely; the look-ahead absorbs the
 * small disorder (and the shift of day-dated votes to their post's creation). Not thread-safe.
 */
final class ReorderingSource {
  static final Comparator<Item> ORDER = Comparator.comparingLong(Item::time)
      .thenComparingInt(Item::stream).thenComparingLong(Item::seq);

  private final Iterator<Item> source;
  private final long slackMillis;
  private final int capacity;
  private final PriorityQueue<Item> queue = new PriorityQueue<>(ORDER);
  private long latestSeen = Long.MIN_VALUE;

  ReorderingSource(Iterator<Item> source, long slackMillis, int capacity) {
    this.source = source;
    this.slackMillis = slackMillis;
    this.capacity = capacity;
  }

  /** The earliest item that may leave now, or null when the stream is done. */
  Item peek() {
    while (source.hasNext() && queue.size() < capacity
        && (queue.isEmpty() || queue.peek().time() > latestSeen - slackMillis)) {
      Item item = source.next();
      queue.add(item);
      latestSeen = Math.max(latestSeen, item.time());
    }
    return queue.peek();
  }

  /** Removes and returns the item {@link #peek()} returned. */
  Item poll() {
    peek();
    return queue.poll();
  }
}
