package io.socialearn.core.log;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * The on-disk frame of one event record, version {@value #VERSION_JSON}. Stateless and
 * thread-safe.
 *
 * <pre>
 * offset size field
 *      0    4 length of the body (everything after the checksum), big-endian
 *      4    4 CRC32C of the body
 *      8    8 sequence
 *     16    1 record format version: 1 = the event as JSON (SocialearnJson, with its "type")
 *     17    1 flags: bit 0 set on the last record of an appended batch
 *     18    8 watermark: the highest sequence known durable when this record was written
 *     26    8 timestamp, seconds since the epoch
 *     34    4 timestamp, nanoseconds
 *     38    n the event, UTF-8 JSON
 * </pre>
 *
 * <p>The batch flag makes batches atomic on recovery: records after the last complete batch are
 * a torn tail. The watermark tells a torn tail from corruption: a damaged record followed by a
 * valid one whose watermark covers it had been forced to disk, so a crash cannot explain it.
 */
final class RecordFormat {
  /** Bytes before the body: length and checksum. */
  static final int PREFIX = 8;
  /** Bytes of the body before the payload. */
  static final int BODY_FIXED = 30;
  /** The smallest frame. */
  static final int MIN_FRAME = PREFIX + BODY_FIXED;
  /** The largest payload accepted, 16 MiB. */
  static final int MAX_PAYLOAD = 16 << 20;
  /** Record format: the event as JSON. */
  static final byte VERSION_JSON = 1;
  /** Flag: the last record of a batch. */
  static final byte FLAG_BATCH_END = 1;

  static final int SEQUENCE_AT = 8;
  static final int VERSION_AT = 16;
  static final int FLAGS_AT = 17;
  static final int WATERMARK_AT = 18;
  static final int SECONDS_AT = 26;
  static final int NANOS_AT = 34;

  private RecordFormat() {}

  /** The frame size for a payload of {@code payloadLength} bytes. */
  static int frameSize(int payloadLength) {
    return MIN_FRAME + payloadLength;
  }

  /** Writes one frame at {@code out}'s position, advancing it. */
  static void put(ByteBuffer out, long sequence, boolean batchEnd, long watermark,
      Instant timestamp, byte[] payload) {
    int start = out.position();
    out.putInt(BODY_FIXED + payload.length);
    out.putInt(0);
    out.putLong(sequence);
    out.put(VERSION_JSON);
    out.put(batchEnd ? FLAG_BATCH_END : 0);
    out.putLong(watermark);
    out.putLong(timestamp.getEpochSecond());
    out.putInt(timestamp.getNano());
    out.put(payload);
    out.putInt(start + 4, checksum(out, start + PREFIX, out.position() - start - PREFIX));
  }

  /** The CRC32C of {@code length} bytes of {@code buffer} from {@code from}. */
  static int checksum(ByteBuffer buffer, int from, int length) {
    CRC32C crc = new CRC32C();
    ByteBuffer slice = buffer.duplicate();
    slice.limit(from + length).position(from);
    crc.update(slice);
    return (int) crc.getValue();
  }

  /**
   * Checks the frame at {@code at}, which has {@code available} bytes from there on.
   *
   * @return null if it is whole and valid, else why not; {@link #TRUNCATED} if it is cut short
   */
  static String problem(ByteBuffer buffer, int at, int available) {
    if (available < PREFIX) {
      return TRUNCATED;
    }
    int length = buffer.getInt(at);
    if (length < BODY_FIXED || length > BODY_FIXED + MAX_PAYLOAD) {
      return "impossible record length " + length;
    }
    if (available < PREFIX + length) {
      return TRUNCATED;
    }
    if (buffer.getInt(at + 4) != checksum(buffer, at + PREFIX, length)) {
      return "checksum mismatch";
    }
    return null;
  }

  /** The reason {@link #problem} gives for a frame cut short by the end of the file. */
  static final String TRUNCATED = "record cut short by the end of the file";

  /** The total size of the valid frame at {@code at}. */
  static int frameLength(ByteBuffer buffer, int at) {
    return PREFIX + buffer.getInt(at);
  }

  static long sequence(ByteBuffer buffer, int at) {
    return buffer.getLong(at + SEQUENCE_AT);
  }

  static byte version(ByteBuffer buffer, int at) {
    return buffer.get(at + VERSION_AT);
  }

  static boolean batchEnd(ByteBuffer buffer, int at) {
    return (buffer.get(at + FLAGS_AT) & FLAG_BATCH_END) != 0;
  }

  static long watermark(ByteBuffer buffer, int at) {
    return buffer.getLong(at + WATERMARK_AT);
  }

  static Instant timestamp(ByteBuffer buffer, int at) {
    return Instant.ofEpochSecond(buffer.getLong(at + SECONDS_AT), buffer.getInt(at + NANOS_AT));
  }

  /** Where the payload of the frame at {@code at} starts. */
  static int payloadAt(int at) {
    return at + MIN_FRAME;
  }

  /** The payload length of the valid frame at {@code at}. */
  static int payloadLength(ByteBuffer buffer, int at) {
    return buffer.getInt(at) - BODY_FIXED;
  }
}
