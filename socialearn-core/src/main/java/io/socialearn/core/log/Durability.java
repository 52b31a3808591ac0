package io.socialearn.core.log;

/**
 * When a {@link FileEventLog} acknowledges an append, and so what a crash can lose.
 *
 * <p>Each mode states its loss window for two kinds of crash: a <em>process crash</em> (the JVM
 * dies, {@code kill -9}, an out-of-memory kill; the operating system keeps running and writes back
 * its page cache) and a <em>power loss</em> (or kernel crash: whatever the disk had not made
 * durable is gone). The windows assume a disk that honours {@code fsync}; a disk or virtual
 * machine that acknowledges a flush it did not perform voids every guarantee, as it does for
 * SQLite or PostgreSQL. In every mode a batch is recovered whole or not at all, and an append that
 * threw was not acknowledged.
 */
public enum Durability {

  /**
   * Each append forces the segment file to disk ({@code FileChannel.force}) before it returns,
   * one force per append, appends serialised. Loss window: none for acknowledged appends, on a
   * process crash or a power loss. Like SQLite's {@code synchronous=FULL}. The slowest mode under
   * concurrency: throughput is one append per disk flush.
   */
  SYNC,

  /**
   * Group commit, the default: an append returns only after a force that covers it, and appends
   * that arrive while a force is running are written meanwhile and covered together by the next
   * one (one caller leads the force, the others wait for it). Loss window: none for acknowledged
   * appends, on a process crash or a power loss; the same guarantee as {@link #SYNC}, with
   * throughput that grows with the number of concurrent appenders.
   */
  GROUP,

  /**
   * An append returns once its bytes are handed to the operating system (written, not forced); a
   * background thread forces the segment at least every {@code flushInterval} (see {@link
   * FileEventLog.Builder#flushInterval}). Loss window: nothing on a process crash; on a power
   * loss, the appends acknowledged during at most the last flush interval plus the duration of
   * one force. If a background force fails, the log refuses further appends until it is
   * reopened, because appends already acknowledged may not be durable.
   */
  FAST
}
