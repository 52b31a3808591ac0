package io.socialearn.api.spi;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SPI: makes the ids of new spaces, threads, posts and comments. Ids end up in events, so a replay
 * never calls the generator: any unique ids will do. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface IdGenerator {

  /**
   * Returns a new id, unique among all ids this generator made, 1 to 128 characters of letters,
   * digits and {@code . _ - : @ +}.
   *
   * @param kind what the id is for: {@code "space"}, {@code "thread"}, {@code "post"} or {@code
   *     "comment"}; a generator may use it as a prefix
   */
  String newId(String kind);

  /** Random UUIDs: the default. */
  static IdGenerator randomUuids() {
    return kind -> UUID.randomUUID().toString();
  }

  /**
   * Readable, counted ids such as {@code thread-7}, unique within one generator: for tests, demos
   * and imports that replay into a fresh log.
   */
  static IdGenerator sequential() {
    AtomicLong next = new AtomicLong();
    return kind -> Objects.requireNonNull(kind, "kind") + "-" + next.incrementAndGet();
  }
}
