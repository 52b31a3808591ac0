package io.socialearn.core.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.socialearn.api.ConflictException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.PendingAppend;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.core.json.SocialearnJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventLog} in a directory of append-only segment files: the embedded default, durable
 * without a database.
 *
 * <p>Open one with {@link #open(Path)} or {@link #builder(Path)}; it takes the directory's lock
 * (a second opener, in this process or another, gets an {@link EventLogException}) until {@link
 * #close()}. Each event is one record framed with its length, a CRC32C checksum and its sequence
 * (see {@code RecordFormat}); the event itself is the JSON of {@link SocialearnJson}, which names
 * its stable type, so that an event written before a field was added still reads. A segment
 * holds about {@link Builder#segmentSize} bytes before the next one starts.
 *
 * <p>When an append returns depends on the {@link Durability} mode, which states what a crash can
 * lose; the default, {@link Durability#GROUP}, returns once the batch is forced to disk and
 * shares each force among the appends that arrive meanwhile. On open, a torn tail left by a crash
 * (an incomplete batch, a record cut short or damaged after the last forced data) is truncated
 * with a WARN that names the file and offset; damage that a crash cannot explain is reported as
 * an {@link EventLogException} and never skipped. A segment the log has rolled past is sealed (a
 * small checksummed file beside it with its last sequence, size and index), and opening reads
 * only the seals and the last segment's records: a record damaged inside a sealed segment is
 * refused when it is read rather than on open.
 *
 * <p>If a write or a force fails (a full disk, an I/O error), the append throws an {@link
 * EventLogException}, the batches that were not yet acknowledged are cut from the file, and the
 * log stays usable: later appends and reopening work. Appending threads must not be interrupted:
 * an interrupt during a disk operation closes the file (a JDK rule), after which the log refuses
 * appends until it is reopened.
 *
 * <p>Thread-safe. {@link #lastSequence()} counts appends that are written and waiting for their
 * force; {@link #readFrom} first waits for those to settle, then returns a stream fixed at that
 * end, unaffected by later appends. Close the streams it returns: each holds an open file.
 */
public final class FileEventLog implements EventLog {
  private static final Logger log = LoggerFactory.getLogger(FileEventLog.class);
  private static final long DEFAULT_SEGMENT_SIZE = 64L << 20;
  private static final long MIN_SEGMENT_SIZE = 4L << 10;
  private static final long MAX_SEGMENT_SIZE = 1L << 30;
  private static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(10);
  /**
   * How far ahead of the last record a segment is filled with zeros, at most: a force then writes
   * data into blocks the file already has, and on file systems such as ext4 need not also commit
   * the file's new size and block map to the journal (PostgreSQL zero-fills its WAL segments for
   * the same reason). Measured here on a quiet disk, 16 KiB write+force loops: 120-139 against
   * 178-271 µs at the median. The force after a fill writes the zeros too, so fills are large and
   * rare: filling 1 MiB at a time put that force in the loop's p99 (1.1 ms against 0.2 ms), 8 MiB
   * did not (0.3 ms).
   */
  private static final int DEFAULT_PREALLOCATION = 8 << 20;
  /** The smallest fill: a segment fills ahead by about its own size, from this up. */
  private static final int MIN_FILL = 64 << 10;
  /** The longest a group's leader waits for its group's appends before forcing: 0.5 ms. */
  private static final long MAX_GATHER_NANOS = 500_000;

  /** A written position: the channel, the last sequence written to it and the end offset. */
  private record Tail(FileChannel channel, long sequence, long position) {}

  /** An appender parked until the sequence {@code target} is forced. */
  private static final class Waiter {
    final Thread thread = Thread.currentThread();
    final long target;
    /** Set before the thread is unparked: it should look at the log's state again. */
    volatile boolean woken;
    /** The next one to wake, which this one wakes once it runs. Set before {@link #woken}. */
    Waiter next;

    /** Wakes this waiter's thread. */
    void wake() {
      woken = true;
      LockSupport.unpark(thread);
    }

    Waiter(long target) {
      this.target = target;
    }
  }

  private final Storage storage;
  private final Durability durability;
  private final long segmentSize;
  private final int preallocation;
  private final long flushIntervalNanos;
  private final ObjectWriter jsonWriter;
  private final ObjectReader jsonReader;
  /** The first buffer of a point read: a few records' worth; it grows for a larger one. */
  private static final int POINT_READ_BUFFER = 64 << 10;

  private final ReentrantLock writeLock = new ReentrantLock();
  /** The segment being written. Guarded by writeLock. */
  private Segment segment;
  /** Its channel. Guarded by writeLock. */
  private FileChannel channel;
  /** Its size, counting {@link #pending}: where the next frame goes. Guarded by writeLock. */
  private long position;
  /** Where the bytes written to the file end: {@link #position} less the pending bytes. */
  private long fileEnd;
  /**
   * The segment file's size: past {@link #fileEnd} it holds zeros written ahead of the records
   * (see {@link #DEFAULT_PREALLOCATION}), cut off when the segment is closed or rolled. Guarded by
   * writeLock.
   */
  private long allocated;
  /**
   * Whether a roll failed after it may have created the next segment's file: the next append
   * rolls first, since records past that file's first sequence in the old segment would leave a
   * log that does not open. Guarded by writeLock.
   */
  private boolean rollDue;
  /** Reused to build frames (SYNC and FAST). Guarded by writeLock. */
  private ByteBuffer frames = ByteBuffer.allocate(4 << 10);
  /**
   * GROUP mode: the frames appended since the group's leader last wrote, which it writes to the
   * file with one call just before its force; so an append costs a copy under the lock, not a
   * system call. They belong at {@link #fileEnd}. Guarded by writeLock.
   */
  private ByteBuffer pending = ByteBuffer.allocate(64 << 10);
  /** Every segment, oldest first; replaced on each roll. Written under writeLock. */
  private volatile List<Segment> segments;
  /** The last sequence written (maybe not yet forced). Written under writeLock. */
  private volatile long written;
  /** What the next force covers. Written under writeLock. */
  private volatile Tail tail;
  /** Whether {@link #close()} was called. Written under writeLock. */
  private volatile boolean closed;

  private final Object commit = new Object();
  /** The last sequence known forced. Written under commit. */
  private volatile long durable;
  /** Where the forced data ends. Guarded by commit. */
  private Tail durableTail;
  /** Whether a caller is forcing for the group. Guarded by commit. */
  private boolean forcing;
  /**
   * Appenders parked until their batch is forced, in arrival order. Each is unparked on its own
   * once its batch is settled, so that a force wakes its group at once instead of one by one
   * through a monitor. Guarded by commit.
   */
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  /** How many times unforced batches were cut after a failure. Written under commit. */
  private volatile long rollbacks;
  /**
   * The last sequence kept by each rollback, in order: rollback {@code k} (from 1) kept up to
   * {@code cuts.get(k - 1)}. Non-decreasing, because only unforced data is cut. Guarded by commit.
   */
  private final List<Long> cuts = new ArrayList<>();
  /** Why the last rollback happened. Guarded by commit. */
  private IOException lastFailure;
  /** What failed then, naming the file: "cannot write to the event log file ...". */
  private String lastFailureWhat = "";
  /** Set when the log can no longer append safely. Guarded by commit. */
  private EventLogException broken;

  /**
   * Appends (batches, not records) in the last forced group (GROUP mode): how many the next
   * leader expects to arrive, so that it waits briefly for them instead of forcing one append
   * while the rest of a closed group of callers is still waking from the previous force.
   */
  private volatile long lastGroup;
  /** How many appends were written (GROUP mode), cut ones included. Written under writeLock. */
  private volatile long appendsWritten;
  /** The value {@link #appendsWritten} had when the last group force's data was written. */
  private volatile long appendsForced;
  /** How long the last group force took, in nanoseconds; bounds the leader's wait. */
  private volatile long lastForceNanos;
  /** The leader waiting for its group to be written, or null. */
  private volatile Thread gathering;
  /** The sequence that leader waits to see written; set before {@link #gathering}. */
  private volatile long gatherGoal;

  private final Thread flusher;

  private FileEventLog(Storage storage, Recovery.Result recovered, Builder settings) {
    this.storage = storage;
    this.durability = settings.durability;
    this.segmentSize = settings.segmentSize;
    this.preallocation = settings.preallocation;
    this.flushIntervalNanos = settings.flushInterval.toNanos();
    this.jsonWriter = EventJson.WRITER;
    this.jsonReader = EventJson.READER;
    this.segments = List.copyOf(recovered.segments());
    this.segment = recovered.segments().get(recovered.segments().size() - 1);
    this.channel = recovered.tailChannel();
    this.position = recovered.tailSize();
    this.fileEnd = position;
    this.allocated = position;
    this.written = recovered.lastSequence();
    this.durable = recovered.lastSequence();
    this.tail = new Tail(channel, written, position);
    this.durableTail = tail;
    if (durability == Durability.FAST) {
      flusher = new Thread(this::flushLoop, "socialearn-filelog-flusher " + storage.describe(""));
      flusher.setDaemon(true);
      flusher.start();
    } else {
      flusher = null;
    }
  }

  /**
   * Opens (or creates) the log in {@code directory} with the defaults: {@link Durability#GROUP},
   * 64 MiB segments.
   *
   * @param directory the log's directory; created if missing
   * @return the open log
   * @throws EventLogException if the directory cannot be created or read, is locked by another
   *     opener, or holds a corrupt log
   */
  public static FileEventLog open(Path directory) {
    return builder(directory).build();
  }

  /**
   * Starts configuring a log in {@code directory}.
   *
   * @param directory the log's directory; created if missing when the log is built
   * @return a builder with the defaults
   */
  public static Builder builder(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new Builder(directory, null);
  }

  /** A builder over a given storage, for tests that inject faults. */
  static Builder builder(Storage storage) {
    return new Builder(null, Objects.requireNonNull(storage, "storage"));
  }

  /**
   * Appends a batch atomically, if the log still ends at {@code expectedLastSequence}, and returns
   * when the {@link Durability} mode says so. Thread-safe.
   *
   * @param expectedLastSequence the sequence the caller last saw, or 0 for an empty log
   * @param events the events, at least one and none null
   * @param timestamp the time stamped on each of them
   * @return the events as recorded, with their sequences, in order
   * @throws ConflictException if the log does not end at {@code expectedLastSequence}; nothing is
   *     appended
   * @throws InvalidInputException if an argument is null or negative, the batch is empty or holds
   *     a null, or an event's JSON exceeds 16 MiB
   * @throws EventLogException if the log is closed or cannot write; nothing is appended
   */
  @Override
  public List<RecordedEvent> append(
      long expectedLastSequence, List<DomainEvent> events, Instant timestamp) {
    PendingAppend pending = appendPending(expectedLastSequence, events, timestamp);
    pending.awaitDurable();
    return pending.events();
  }

  /**
   * Appends a batch as {@link #append} does but, in GROUP mode, returns before the group's force:
   * {@link PendingAppend#awaitDurable()} waits for it (leading the force if nobody else does).
   * In SYNC mode the batch is forced before this returns; in FAST mode, as {@link #append}, it
   * is acknowledged before its force. Thread-safe.
   *
   * @throws io.socialearn.api.ConflictException if the log has moved past {@code
   *     expectedLastSequence}; nothing is appended
   * @throws EventLogException if the log is closed or cannot write; nothing is appended
   */
  @Override
  public PendingAppend appendPending(
      long expectedLastSequence, List<DomainEvent> events, Instant timestamp) {
    List<DomainEvent> batch = AppendBatches.validated(expectedLastSequence, events, timestamp);
    if (closed) {
      throw closedException();
    }
    checkExpected(expectedLastSequence);
    byte[][] payloads = new byte[batch.size()][];
    int bytes = 0;
    for (int i = 0; i < payloads.length; i++) {
      payloads[i] = json(batch.get(i), i);
      bytes += RecordFormat.frameSize(payloads[i].length);
    }
    long target;
    long rollbacksSeen;
    long appendNumber;
    writeLock.lock();
    try {
      ensureWritable();
      checkExpected(expectedLastSequence);
      if (position > 0 && (rollDue || position + bytes > segmentSize)) {
        roll();
      }
      long first = written + 1;
      boolean grouped = durability == Durability.GROUP;
      ByteBuffer buffer = grouped ? pendingRoom(bytes) : frameBuffer(bytes);
      long watermark = durable;
      long offset = position;
      for (int i = 0; i < payloads.length; i++) {
        segment.written(first + i, offset);
        RecordFormat.put(buffer, first + i, i == payloads.length - 1, watermark, timestamp,
            payloads[i]);
        offset += RecordFormat.frameSize(payloads[i].length);
      }
      if (!grouped) {
        buffer.flip();
        try {
          while (buffer.hasRemaining()) {
            channel.write(buffer, position + buffer.position());
          }
          if (durability == Durability.SYNC) {
            channel.force(false);
          }
        } catch (IOException e) {
          throw undoWrite(e);
        }
        fileEnd = offset;
        preallocate();
      }
      position = offset;
      written = first + payloads.length - 1;
      target = written;
      appendNumber = ++appendsWritten;
      if (!grouped) {
        tail = new Tail(channel, written, position);
      }
      synchronized (commit) {
        rollbacksSeen = rollbacks;
        if (durability == Durability.SYNC) {
          advance(tail);
        }
      }
    } finally {
      writeLock.unlock();
    }
    Thread leader = gathering;
    if (leader != null && appendNumber >= gatherGoal) {
      LockSupport.unpark(leader);
    }
    List<RecordedEvent> recorded = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      recorded.add(new RecordedEvent(target - batch.size() + 1 + i, timestamp, batch.get(i)));
    }
    if (durability != Durability.GROUP) {
      return PendingAppend.durable(recorded);
    }
    List<RecordedEvent> appended = List.copyOf(recorded);
    return new PendingAppend() {
      @Override
      public List<RecordedEvent> events() {
        return appended;
      }

      @Override
      public void awaitDurable() {
        FileEventLog.this.awaitDurable(target, rollbacksSeen);
      }
    };
  }

  /**
   * Reads every event with a sequence of at least {@code fromSequence}, in order. Thread-safe.
   * Appends still being forced when it is called are waited for; the stream then ends where the
   * log ended, unaffected by later appends. A {@code fromSequence} below 1 is read as 1.
   *
   * @param fromSequence the first sequence wanted
   * @return the events, read lazily from disk; close the stream to release its file
   * @throws EventLogException if the log is closed; while streaming, if a record is damaged
   */
  @Override
  public Stream<RecordedEvent> readFrom(long fromSequence) {
    if (closed) {
      throw closedException();
    }
    long end = settledEnd();
    long from = Math.max(1, fromSequence);
    if (from > end) {
      return Stream.empty();
    }
    LogCursor cursor = new LogCursor(storage, segments, SharedIds.pooling(jsonReader), from,
        end);
    return StreamSupport.stream(cursor, false).onClose(cursor::close);
  }

  /**
   * Reads the one event with {@code sequence}: a point read from the nearest indexed offset, for
   * text the read models leave on disk. Thread-safe.
   *
   * @param sequence the sequence wanted, from 1 to {@link #lastSequence()}
   * @return the event
   * @throws EventLogException if the log is closed, holds no such sequence, or the record is
   *     damaged
   */
  @Override
  public RecordedEvent read(long sequence) {
    if (closed) {
      throw closedException();
    }
    long end = settledEnd();
    if (sequence < 1 || sequence > end) {
      throw new EventLogException("the event log holds sequences 1 to " + end + ", not "
          + sequence);
    }
    LogCursor cursor = new LogCursor(storage, segments, jsonReader, sequence, sequence,
        POINT_READ_BUFFER);
    try {
      RecordedEvent[] found = new RecordedEvent[1];
      cursor.tryAdvance(e -> found[0] = e);
      return found[0];
    } finally {
      cursor.close();
    }
  }

  /**
   * The sequence of the last event written, or 0 if the log is empty; it may count a batch whose
   * append has not returned yet. Thread-safe; still answers after {@link #close()}.
   *
   * @return the last sequence
   */
  @Override
  public long lastSequence() {
    return written;
  }

  /**
   * The durability mode the log was built with. Thread-safe.
   *
   * @return the mode
   */
  public Durability durability() {
    return durability;
  }

  /**
   * Forces what is written, waits for appends in flight, and releases the files and the directory
   * lock. Later appends and reads throw {@link EventLogException}. Thread-safe and idempotent.
   */
  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (flusher != null) {
        LockSupport.unpark(flusher);
      }
      if (durability == Durability.GROUP) {
        writePending(false);
      }
      try {
        trimPreallocation();
      } catch (IOException e) {
        log.warn("event log {}: cannot cut the zeros written ahead of the records from {}; the"
            + " next open does", describe(), segment.name(), e);
      }
      try {
        channel.force(false);
        synchronized (commit) {
          advance(tail);
          signal(false);
        }
      } catch (IOException e) {
        log.error("event log {}: the final force failed; appends in flight fail", describe(), e);
        synchronized (commit) {
          recordRollback(durable, e, "cannot force the event log file "
              + storage.describe(segment.name()));
        }
      }
      try {
        channel.close();
      } catch (IOException e) {
        log.warn("event log {}: closing the segment failed", describe(), e);
      }
      try {
        storage.close();
      } catch (IOException e) {
        log.warn("event log {}: releasing the directory lock failed", describe(), e);
      }
    } finally {
      writeLock.unlock();
    }
    if (flusher != null) {
      boolean interrupted = false;
      while (flusher.isAlive()) {
        try {
          flusher.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Describes the log for debugging. Thread-safe.
   *
   * @return the directory, the durability mode and the last sequence
   */
  @Override
  public String toString() {
    return "FileEventLog[" + describe() + ", " + durability + ", lastSequence=" + written
        + (closed ? ", closed]" : "]");
  }

  private String describe() {
    return storage.describe("");
  }

  private byte[] json(DomainEvent event, int index) {
    byte[] bytes;
    try {
      bytes = jsonWriter.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new EventLogException("cannot write events[" + index + "] as JSON: " + e, e);
    }
    if (bytes.length > RecordFormat.MAX_PAYLOAD) {
      throw new InvalidInputException("events", "maxSize", "events[" + index + "] is "
          + bytes.length + " bytes as JSON; the event log takes at most "
          + RecordFormat.MAX_PAYLOAD);
    }
    return bytes;
  }

  private void checkExpected(long expected) {
    long last = written;
    if (expected != last) {
      throw new ConflictException("the event log ends at sequence " + last
          + ", not at the expected sequence " + expected + "; read the newer events and retry");
    }
  }

  private EventLogException closedException() {
    return new EventLogException("the event log in " + describe() + " is closed");
  }

  /** Called under writeLock. */
  private void ensureWritable() {
    if (closed) {
      throw closedException();
    }
    synchronized (commit) {
      if (broken != null) {
        throw new EventLogException("the event log in " + describe()
            + " refuses appends after an earlier failure; reopen it: " + broken.getMessage(),
            broken);
      }
    }
  }

  /** Called under writeLock. */
  private ByteBuffer frameBuffer(int bytes) {
    if (frames.capacity() < bytes) {
      frames = ByteBuffer.allocate(Math.max(bytes, frames.capacity() * 2));
    }
    frames.clear();
    return frames;
  }

  /** Room for {@code bytes} more in {@link #pending}. Called under writeLock. */
  private ByteBuffer pendingRoom(int bytes) {
    if (pending.remaining() < bytes) {
      ByteBuffer larger = ByteBuffer.allocate(Math.max(pending.position() + bytes,
          pending.capacity() * 2));
      pending.flip();
      larger.put(pending);
      pending = larger;
    }
    return pending;
  }

  /**
   * GROUP mode: writes the pending frames to the file and returns what a force then covers. On a
   * failed write, cuts every unforced append (they fail) and returns null. Called under
   * writeLock.
   *
   * @param leader whether the caller leads the group's force, which the cut then ends
   */
  private Tail writePending(boolean leader) {
    if (pending.position() == 0) {
      return tail;
    }
    pending.flip();
    try {
      while (pending.hasRemaining()) {
        channel.write(pending, fileEnd + pending.position());
      }
    } catch (IOException e) {
      cutUnforced(e, leader, "cannot write to the event log file "
          + storage.describe(segment.name()));
      return null;
    }
    pending.clear();
    fileEnd = position;
    preallocate();
    tail = new Tail(channel, written, position);
    return tail;
  }

  /**
   * After a write that moved {@link #fileEnd}: fills the segment with zeros ahead of it when less
   * than half a step is left, up to the segment size; a step is about the segment's size so far,
   * from {@link #MIN_FILL} up to the preallocation, so a small log writes few zeros. Best
   * effort: a failure (a full disk) only means the next writes extend the file themselves, and
   * reports nothing. Called under writeLock.
   */
  private void preallocate() {
    allocated = Math.max(allocated, fileEnd);
    if (preallocation == 0) {
      return;
    }
    long step = Math.min(preallocation, Math.max(MIN_FILL, Long.highestOneBit(fileEnd)));
    if (allocated - fileEnd >= step / 2) {
      return;
    }
    long goal = Math.min(segmentSize, (fileEnd / step + 2) * step);
    if (goal <= allocated) {
      return;
    }
    ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(goal - allocated, 1 << 20));
    try {
      while (allocated < goal) {
        zeros.clear().limit((int) Math.min(zeros.capacity(), goal - allocated));
        while (zeros.hasRemaining()) {
          allocated += channel.write(zeros, allocated);
        }
      }
    } catch (IOException e) {
      log.debug("event log {}: cannot fill {} ahead of its records: {}", describe(),
          segment.name(), e.toString());
    }
  }

  /**
   * Cuts the zeros written ahead of the records off the segment file, before it is closed or
   * rolled, so that a segment no longer written ends with its last record. Called under
   * writeLock.
   */
  private void trimPreallocation() throws IOException {
    if (allocated > fileEnd) {
      channel.truncate(fileEnd);
      allocated = fileEnd;
    }
  }

  /**
   * Cuts what was not forced (and the pending frames) after {@code failure}, so that the file
   * ends at the last force again; the appends cut fail. Called under writeLock.
   *
   * @param leader whether the caller leads the group's force, which this ends
   */
  private void cutUnforced(IOException failure, boolean leader, String what) {
    log.error("event log {}: {}; the appends after sequence {} fail", describe(), what, durable,
        failure);
    Tail keep;
    synchronized (commit) {
      keep = durableTail;
    }
    pending.clear();
    segment.forgetAfter(keep.sequence());
    try {
      channel.truncate(keep.position());
      position = keep.position();
      allocated = position;
    } catch (IOException e) {
      breakLog("cutting unforced appends from " + storage.describe(segment.name())
          + " failed", e);
    }
    fileEnd = position;
    written = keep.sequence();
    tail = new Tail(channel, written, position);
    synchronized (commit) {
      if (leader) {
        forcing = false;
      }
      recordRollback(keep.sequence(), failure, what);
    }
  }

  /** Cuts a failed write from the file. Called under writeLock; returns what to throw. */
  private EventLogException undoWrite(IOException cause) {
    segment.forgetAfter(written);
    try {
      channel.truncate(position);
      allocated = position;
    } catch (IOException e) {
      cause.addSuppressed(e);
      breakLog("cutting a failed write from " + storage.describe(segment.name()) + " failed", e);
    }
    return new EventLogException("cannot append to the event log file "
        + storage.describe(segment.name()) + ": " + cause + "; nothing was appended", cause);
  }

  /** Starts a new segment. Called under writeLock. */
  private void roll() {
    if (durability == Durability.GROUP && writePending(false) == null) {
      IOException failure;
      synchronized (commit) {
        failure = lastFailure;
      }
      throw new EventLogException("cannot write to the event log file "
          + storage.describe(segment.name()) + " before starting the next: " + failure
          + "; nothing was appended", failure);
    }
    try {
      trimPreallocation();
    } catch (IOException e) {
      throw new EventLogException("cannot cut the zeros written ahead of the records from the"
          + " event log file " + storage.describe(segment.name()) + " before starting the next: "
          + e + "; nothing was appended", e);
    }
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new EventLogException("cannot force the event log file "
          + storage.describe(segment.name()) + " before starting the next: " + e
          + "; nothing was appended", e);
    }
    synchronized (commit) {
      // Forced: no later cut may take the log back behind the next segment's file.
      advance(tail);
      signal(false);
    }
    Segment next = new Segment(written + 1);
    FileChannel fresh;
    rollDue = true;
    try {
      fresh = storage.openWrite(next.name());
    } catch (IOException e) {
      throw new EventLogException("cannot create the event log file "
          + storage.describe(next.name()) + ": " + e + "; nothing was appended", e);
    }
    try {
      storage.syncDirectory();
    } catch (IOException e) {
      closeQuietly(fresh);
      throw new EventLogException("cannot sync the event log directory " + describe()
          + " after creating " + next.name() + ": " + e + "; nothing was appended", e);
    }
    rollDue = false;
    FileChannel old = channel;
    Segment sealed = segment;
    long sealedSize = fileEnd;
    List<Segment> all = new ArrayList<>(segments);
    all.add(next);
    segments = List.copyOf(all);
    segment = next;
    channel = fresh;
    position = 0;
    fileEnd = 0;
    allocated = 0;
    tail = new Tail(fresh, written, 0);
    synchronized (commit) {
      durable = written;
      durableTail = tail;
      signal(false);
    }
    closeQuietly(old);
    Recovery.writeSeal(storage, sealed, next.firstSequence() - 1, sealedSize);
  }

  /**
   * Waits until {@code target} is forced, leading the force when nobody else does; otherwise
   * parked until a force, a rollback or a free leadership concerns it.
   */
  private void awaitDurable(long target, long rollbacksSeen) {
    boolean interrupted = false;
    try {
      while (true) {
        // Without the lock: durable first, then rollbacks, since a rollback is counted before
        // the sequences it cut can be forced again.
        if (durable >= target && rollbacks == rollbacksSeen) {
          return;
        }
        Waiter waiter = null;
        synchronized (commit) {
          // A rollback since this batch was written cut it unless it kept it, whatever was
          // forced later: the sequences it had may now belong to another batch.
          if (rollbacks != rollbacksSeen && cuts.get((int) rollbacksSeen) < target) {
            throw new EventLogException(lastFailureWhat + ": " + lastFailure
                + "; nothing was appended", lastFailure);
          }
          if (durable >= target) {
            return;
          }
          if (forcing) {
            waiter = new Waiter(target);
            waiters.add(waiter);
          } else {
            forcing = true;
          }
        }
        if (waiter == null) {
          leadForce();
          continue;
        }
        while (!waiter.woken) {
          LockSupport.park(this);
          if (Thread.interrupted()) {
            interrupted = true;
          }
        }
        if (waiter.next != null) {
          waiter.next.wake();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Waits, as the group's leader, until as many appends as the last group held are written
   * since its force, or half the last force's time (at most {@link #MAX_GATHER_NANOS}) has
   * passed. Without it, a closed group of callers splits in two: the first one back after a
   * force leads the next force alone while the others are still waking, and they all wait a
   * whole force more. A lone caller (a last group of one) never waits.
   */
  private void gather() {
    long expected = lastGroup;
    long goal = appendsForced + expected;
    if (expected <= 1 || appendsWritten >= goal) {
      return;
    }
    long deadline = System.nanoTime() + Math.min(MAX_GATHER_NANOS, lastForceNanos / 2);
    gatherGoal = goal;
    gathering = Thread.currentThread();
    try {
      while (appendsWritten < goal && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        LockSupport.parkNanos(this, left);
      }
    } finally {
      gathering = null;
    }
  }

  /**
   * Writes the pending frames and forces them for the whole group; on failure cuts what was not
   * forced.
   */
  private void leadForce() {
    gather();
    Tail snapshot;
    long appends;
    long rollbacksAtSnapshot;
    writeLock.lock();
    try {
      snapshot = writePending(true);
      appends = appendsWritten;
      rollbacksAtSnapshot = rollbacks;
    } finally {
      writeLock.unlock();
    }
    if (snapshot == null) {
      return;
    }
    IOException failure = null;
    long began = System.nanoTime();
    try {
      snapshot.channel().force(false);
    } catch (IOException e) {
      failure = e;
    }
    if (failure == null) {
      lastForceNanos = System.nanoTime() - began;
      synchronized (commit) {
        lastGroup = Math.max(0, appends - appendsForced);
        appendsForced = appends;
        // A roll or close that failed to write meanwhile cut the file back to the last force:
        // what this force covered may be gone, and its sequences may go to other batches.
        if (rollbacks == rollbacksAtSnapshot) {
          advance(snapshot);
        }
        forcing = false;
        signal(false);
      }
      return;
    }
    writeLock.lock();
    try {
      synchronized (commit) {
        if (durable >= snapshot.sequence()) {
          // A roll or close forced the data and closed the channel under us.
          forcing = false;
          signal(false);
          return;
        }
      }
      cutUnforced(failure, true, "cannot force the event log file "
          + storage.describe(segment.name()));
    } finally {
      writeLock.unlock();
    }
  }

  /** Records that the batches after {@code kept} were cut. Called under commit. */
  private void recordRollback(long kept, IOException failure, String what) {
    lastFailureWhat = what;
    cuts.add(kept);
    lastFailure = failure;
    rollbacks++;
    signal(true);
  }

  /**
   * Wakes the readers waiting on the monitor and the parked appenders this concerns: all of them
   * if {@code all} (a rollback or a broken log), else those whose batch is forced, and, when no
   * force is being led, the first other one, to lead the next. The appenders wake in a chain,
   * each waking the next once it runs, so that they come back to append one after another
   * rather than all at once into each other's conflicts. Called under commit.
   */
  private void signal(boolean all) {
    commit.notifyAll();
    boolean leaderWanted = !forcing;
    Waiter first = null;
    Waiter last = null;
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter waiter = it.next();
      boolean settled = all || waiter.target <= durable;
      if (settled || leaderWanted) {
        leaderWanted &= settled;
        it.remove();
        if (last == null) {
          first = waiter;
        } else {
          last.next = waiter;
        }
        last = waiter;
      }
    }
    if (first != null) {
      first.wake();
    }
  }

  /** Records that {@code forced} is on disk. Called under commit. */
  private void advance(Tail forced) {
    if (forced.sequence() > durable) {
      durable = forced.sequence();
      durableTail = forced;
    }
  }

  private void breakLog(String what, IOException e) {
    log.error("event log {}: {}; it refuses appends until reopened", describe(), what, e);
    synchronized (commit) {
      broken = new EventLogException(what + ": " + e, e);
      signal(true);
    }
  }

  /** The end a new reader sees: the last sequence, once the appends in flight are settled. */
  private long settledEnd() {
    long target = written;
    if (durability != Durability.GROUP) {
      return target;
    }
    long rollbacksSeen;
    synchronized (commit) {
      rollbacksSeen = rollbacks;
    }
    // Waits as an appender does, leading the force if nobody does: the batches in flight may
    // belong to a caller that is reading before it waits (appendPending).
    try {
      awaitDurable(target, rollbacksSeen);
    } catch (EventLogException e) {
      // Cut by a failure, or the log broke or closed: the reader sees what is durable.
    }
    synchronized (commit) {
      return Math.min(target, durable);
    }
  }

  /** FAST mode: forces what was written at least every flush interval. */
  private void flushLoop() {
    while (!closed) {
      LockSupport.parkNanos(this, flushIntervalNanos);
      Tail snapshot = tail;
      if (closed || snapshot.sequence() <= durable) {
        continue;
      }
      try {
        snapshot.channel().force(false);
        synchronized (commit) {
          advance(snapshot);
        }
      } catch (IOException e) {
        if (closed || durable >= snapshot.sequence()) {
          continue;
        }
        breakLog("the background force of " + storage.describe(segment()) + " failed; appends"
            + " acknowledged since sequence " + durable + " may not be durable", e);
        return;
      }
    }
  }

  private String segment() {
    writeLock.lock();
    try {
      return segment.name();
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(FileChannel toClose) {
    try {
      toClose.close();
    } catch (IOException e) {
      log.warn("closing an event log file failed", e);
    }
  }

  /**
   * Configures a {@link FileEventLog}. Not thread-safe; {@link #build()} may be called once per
   * directory at a time (the directory lock refuses a second open log).
   */
  public static final class Builder {
    private final Path directory;
    private final Storage storage;
    private Durability durability = Durability.GROUP;
    private long segmentSize = DEFAULT_SEGMENT_SIZE;
    private int preallocation = DEFAULT_PREALLOCATION;
    private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;

    private Builder(Path directory, Storage storage) {
      this.directory = directory;
      this.storage = storage;
    }

    /**
     * Sets when appends are acknowledged; the default is {@link Durability#GROUP}.
     *
     * @param mode the durability mode
     * @return this builder
     */
    public Builder durability(Durability mode) {
      this.durability = Validate.required("durability", mode);
      return this;
    }

    /**
     * Sets the size after which a new segment file starts; a batch is never split, so a segment
     * can exceed it by one batch. The default is 64 MiB.
     *
     * @param bytes between 4 KiB and 1 GiB
     * @return this builder
     * @throws InvalidInputException if out of range
     */
    public Builder segmentSize(long bytes) {
      if (bytes < MIN_SEGMENT_SIZE || bytes > MAX_SEGMENT_SIZE) {
        throw new InvalidInputException("segmentSize", "range", "segmentSize must be between "
            + MIN_SEGMENT_SIZE + " and " + MAX_SEGMENT_SIZE + " bytes, was " + bytes);
      }
      this.segmentSize = bytes;
      return this;
    }

    /**
     * Sets how far ahead of its records a segment is filled with zeros (0: not at all), for
     * tests on simulated disks.
     */
    Builder preallocation(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("preallocation " + bytes);
      }
      this.preallocation = bytes;
      return this;
    }

    /**
     * Sets how often {@link Durability#FAST} forces in the background: the longest a power
     * loss can reach back. Ignored by the other modes. The default is 10 ms.
     *
     * @param interval between 1 ms and 10 s
     * @return this builder
     * @throws InvalidInputException if null or out of range
     */
    public Builder flushInterval(Duration interval) {
      Validate.required("flushInterval", interval);
      if (interval.compareTo(Duration.ofMillis(1)) < 0
          || interval.compareTo(Duration.ofSeconds(10)) > 0) {
        throw new InvalidInputException("flushInterval", "range",
            "flushInterval must be between 1 ms and 10 s, was " + interval);
      }
      this.flushInterval = interval;
      return this;
    }

    /**
     * Opens the log: locks the directory, checks the records and truncates a torn tail.
     *
     * @return the open log
     * @throws EventLogException if the directory cannot be created or read, is locked by another
     *     opener, or holds a corrupt log
     */
    public FileEventLog build() {
      Storage opened = storage != null ? storage : DiskStorage.open(directory);
      try {
        return new FileEventLog(opened, Recovery.run(opened), this);
      } catch (IOException e) {
        closeStorage(opened, e);
        throw new EventLogException("cannot open the event log in " + opened.describe("")
            + ": " + e, e);
      } catch (RuntimeException | Error e) {
        closeStorage(opened, e);
        throw e;
      }
    }

    private static void closeStorage(Storage opened, Throwable failure) {
      try {
        opened.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
