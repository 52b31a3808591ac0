package io.socialearn.core.log;

import com.fasterxml.jackson.databind.ObjectReader;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.RecordedEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * Reads the records of a {@link FileEventLog} from one sequence to another, across segments,
 * checking each record's checksum and sequence as it goes. Not thread-safe: one stream's worth.
 */
final class LogCursor extends Spliterators.AbstractSpliterator<RecordedEvent> {
  private static final int BUFFER = 256 << 10;

  private final Storage storage;
  private final List<Segment> segments;
  private final ObjectReader json;
  private final long end;
  private final int bufferSize;
  private long next;
  private int segmentIndex;
  private FileChannel channel;
  private FrameReader reader;
  /** The sequence the reader's next frame must carry. */
  private long due;

  LogCursor(Storage storage, List<Segment> segments, ObjectReader json, long from, long end) {
    this(storage, segments, json, from, end, BUFFER);
  }

  /** A cursor whose reads start with a buffer of {@code bufferSize} bytes (it grows as needed). */
  LogCursor(Storage storage, List<Segment> segments, ObjectReader json, long from, long end,
      int bufferSize) {
    super(end - from + 1, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
    this.bufferSize = bufferSize;
    this.storage = storage;
    this.segments = segments;
    this.json = json;
    this.next = from;
    this.end = end;
  }

  @Override
  public boolean tryAdvance(Consumer<? super RecordedEvent> action) {
    if (next > end) {
      close();
      return false;
    }
    try {
      if (reader == null) {
        start();
      }
      while (true) {
        if (!reader.next()) {
          if (reader.problem() != null) {
            throw corrupt(reader.offset(), reader.problem());
          }
          if (segmentIndex + 1 >= segments.size()) {
            throw corrupt(reader.offset(), "the log ends before sequence " + next);
          }
          openSegment(segmentIndex + 1, segments.get(segmentIndex + 1).firstSequence(), 0);
          continue;
        }
        ByteBuffer buffer = reader.buffer();
        int at = reader.frameAt();
        long sequence = RecordFormat.sequence(buffer, at);
        if (sequence != due) {
          throw corrupt(reader.offset(), "sequence " + sequence + " where " + due + " was due");
        }
        due++;
        if (sequence < next) {
          continue;
        }
        DomainEvent event = json.readValue(buffer.array(), RecordFormat.payloadAt(at),
            RecordFormat.payloadLength(buffer, at));
        RecordedEvent recorded = new RecordedEvent(sequence, RecordFormat.timestamp(buffer, at),
            event);
        next++;
        action.accept(recorded);
        return true;
      }
    } catch (IOException e) {
      EventLogException failure = new EventLogException("cannot read the event log at sequence "
          + next + " from " + currentFile() + ": " + e, e);
      close();
      throw failure;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void start() throws IOException {
    int low = 0;
    int high = segments.size() - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (segments.get(mid).firstSequence() <= next) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    long[] seek = segments.get(low).seek(next);
    openSegment(low, seek[0], seek[1]);
  }

  private void openSegment(int index, long firstDue, long offset) throws IOException {
    closeChannel();
    segmentIndex = index;
    channel = storage.openRead(segments.get(index).name());
    long left = channel.size() - offset;
    reader = new FrameReader(channel, offset, (int) Math.min(bufferSize, Math.max(left, 4096)));
    due = firstDue;
  }

  private EventLogException corrupt(long offset, String problem) {
    return new EventLogException("event log corrupt: " + currentFile() + " at offset " + offset
        + ": " + problem + " (reading sequence " + next + ")");
  }

  private String currentFile() {
    return storage.describe(segments.get(segmentIndex).name());
  }

  /** Closes the open segment file, if any. Idempotent. */
  void close() {
    closeChannel();
    next = Long.MAX_VALUE;
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Read-only: nothing to lose.
      }
      channel = null;
    }
  }
}
