package io.socialearn.harness.stackexchange;

import io.socialearn.api.spi.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An id generator the importer tells which id to hand out next, so that imported threads, posts
 * and comments carry ids derived from the dump's ({@code q12}, {@code a34}, {@code c56}) and stay
 * recognisable in the log. Without a preset it counts ({@code space-1}). Thread-safe.
 */
public final class PresetIds implements IdGenerator {
  private final AtomicLong counter = new AtomicLong();
  private volatile String next;

  /** The id the next {@link #newId} call returns (once); null to count instead. */
  public void preset(String id) {
    this.next = id;
  }

  @Override
  public synchronized String newId(String kind) {
    String id = next;
    next = null;
    return id != null ? id : kind + "-" + counter.incrementAndGet();
  }
}
