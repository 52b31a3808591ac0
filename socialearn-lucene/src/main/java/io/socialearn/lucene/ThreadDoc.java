package io.socialearn.lucene;

import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadState;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.BytesRef;

/**
 * Everything the index knows of one thread except its live vote score: what it folds events
 * into, what it keeps (as one binary doc value) to fold later events, and how it becomes a Lucene
 * document. Not thread-safe: owned by the applying thread until written.
 */
final class ThreadDoc {
  private static final int FORMAT = 1;

  final String id;
  final int key;
  final String space;
  final ThreadKind kind;
  final String author;
  final long createdSeq;
  final long createdMillis;
  long activitySeq;
  String title;
  String body;
  List<String> tags;
  boolean closed;
  boolean duplicate;
  String acceptedAnswer;
  /** Live answers by post id. */
  final Map<String, Answer> answers = new LinkedHashMap<>();
  /** Comments by comment id. */
  final Map<String, Comment> comments = new LinkedHashMap<>();
  /**
   * The question's vector from the index's {@link TextEmbedder} (kept as a doc value of its
   * own); null for none yet, other kinds of thread, or no embedder.
   */
  float[] meaning;

  /** An answer's author and text. */
  record Answer(String author, String body) {}

  /** A comment's target (thread or post id) and text. */
  record Comment(String target, String body) {}

  ThreadDoc(String id, int key, String space, ThreadKind kind, String author, long createdSeq,
      long createdMillis) {
    this.id = id;
    this.key = key;
    this.space = space;
    this.kind = kind;
    this.author = author;
    this.createdSeq = createdSeq;
    this.createdMillis = createdMillis;
    this.activitySeq = createdSeq;
  }

  ThreadState state() {
    if (duplicate) {
      return ThreadState.DUPLICATE;
    }
    if (closed) {
      return ThreadState.CLOSED;
    }
    return acceptedAnswer != null ? ThreadState.ANSWERED : ThreadState.OPEN;
  }

  /** The length of the thread's text, in chars: a measure of the memory it holds. */
  long textLength() {
    long length = title.length() + body.length();
    for (Answer answer : answers.values()) {
      length += answer.body().length();
    }
    for (Comment comment : comments.values()) {
      length += comment.body().length();
    }
    return length;
  }

  /**
   * About how much heap this thread holds, in bytes: two per char of text (an upper bound for
   * Java's strings) and a fixed share per object.
   */
  long memoryEstimate() {
    return 2 * textLength() + 400 + 160L * (answers.size() + comments.size() + tags.size())
        + (meaning == null ? 0 : 16 + 4L * meaning.length);
  }

  /** The answers' and comments' text, one value per post or comment. */
  List<String> replyTexts() {
    List<String> texts = new ArrayList<>(answers.size() + comments.size());
    answers.values().forEach(a -> texts.add(a.body()));
    comments.values().forEach(c -> texts.add(c.body()));
    return texts;
  }

  /**
   * The Lucene document: indexed text, filters, sort values and this state as a binary doc
   * value (read back without decompressing a block of other threads, as stored fields would).
   */
  Document toDocument(long votes, long voteSeq) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, id, Field.Store.NO));
    doc.add(new NumericDocValuesField(Fields.KEY, key));
    doc.add(new StringField(Fields.SPACE, space, Field.Store.NO));
    doc.add(new SortedDocValuesField(Fields.SPACE, new BytesRef(space)));
    doc.add(new StringField(Fields.KIND, kind.name(), Field.Store.NO));
    doc.add(new StringField(Fields.AUTHOR, author, Field.Store.NO));
    String state = state().name();
    doc.add(new StringField(Fields.STATE, state, Field.Store.NO));
    doc.add(new SortedDocValuesField(Fields.STATE, new BytesRef(state)));
    if (!answers.isEmpty()) {
      doc.add(new StringField(Fields.FLAG, Fields.FLAG_ANSWERED, Field.Store.NO));
    }
    if (acceptedAnswer != null) {
      doc.add(new StringField(Fields.FLAG, Fields.FLAG_ACCEPTED, Field.Store.NO));
    }
    for (String tag : tags) {
      doc.add(new StringField(Fields.TAG, tag, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(Fields.TAG, new BytesRef(tag)));
      doc.add(new TextField(Fields.TAG_TEXT, tag.replace('-', ' '), Field.Store.NO));
    }
    doc.add(new LongPoint(Fields.CREATED, createdMillis));
    doc.add(new NumericDocValuesField(Fields.CREATED_SEQ, createdSeq));
    doc.add(new NumericDocValuesField(Fields.ACTIVITY, activitySeq));
    doc.add(new NumericDocValuesField(Fields.VOTES, votes));
    doc.add(new NumericDocValuesField(Fields.VOTE_SEQ, voteSeq));
    doc.add(new TextField(Fields.TITLE, title, Field.Store.NO));
    doc.add(new TextField(Fields.BODY, body, Field.Store.NO));
    for (String reply : replyTexts()) {
      doc.add(new TextField(Fields.REPLIES, reply, Field.Store.NO));
    }
    // Every thread has each text field, if empty, so each field's norms are stored for every
    // document and read by position; when some threads lacked one (no replies yet, no tags),
    // reading a norm went through a sparse index first, a seventh of a typical search's time.
    // An empty field adds no terms, so statistics and scores are unchanged.
    if (tags.isEmpty()) {
      doc.add(new TextField(Fields.TAG_TEXT, "", Field.Store.NO));
    }
    if (answers.isEmpty() && comments.isEmpty()) {
      doc.add(new TextField(Fields.REPLIES, "", Field.Store.NO));
    }
    doc.add(new BinaryDocValuesField(Fields.STORED, new BytesRef(encode())));
    if (meaning != null) {
      doc.add(new BinaryDocValuesField(Fields.MEANING, Meaning.encode(meaning)));
    }
    return doc;
  }

  /**
   * This state in the binary format {@link #decode} reads: written straight into one array
   * sized for ASCII text (grown only for other text), since every write of a thread encodes it.
   */
  byte[] encode() {
    Encoder out = new Encoder(encodedSizeIfAscii());
    out.writeByte(FORMAT);
    out.writeString(id);
    out.writeInt(key);
    out.writeString(space);
    out.writeByte(kind.ordinal());
    out.writeString(author);
    out.writeLong(createdSeq);
    out.writeLong(createdMillis);
    out.writeLong(activitySeq);
    out.writeString(title);
    out.writeString(body);
    out.writeInt(tags.size());
    for (String tag : tags) {
      out.writeString(tag);
    }
    out.writeByte(closed ? 1 : 0);
    out.writeByte(duplicate ? 1 : 0);
    out.writeString(acceptedAnswer == null ? "" : acceptedAnswer);
    out.writeInt(answers.size());
    for (Map.Entry<String, Answer> answer : answers.entrySet()) {
      out.writeString(answer.getKey());
      out.writeString(answer.getValue().author());
      out.writeString(answer.getValue().body());
    }
    out.writeInt(comments.size());
    for (Map.Entry<String, Comment> comment : comments.entrySet()) {
      out.writeString(comment.getKey());
      out.writeString(comment.getValue().target());
      out.writeString(comment.getValue().body());
    }
    return out.bytes();
  }

  /** The length of {@link #encode()}'s bytes if every char is ASCII (one byte each). */
  int encodedSizeIfAscii() {
    long size = 1 + 4 + 1 + 3 * 8 + 4 + 2 + 4 + 4
        + 4L * (6 + tags.size() + 3 * answers.size() + 3 * comments.size())
        + id.length() + space.length() + author.length() + title.length() + body.length()
        + (acceptedAnswer == null ? 0 : acceptedAnswer.length());
    for (String tag : tags) {
      size += tag.length();
    }
    for (Map.Entry<String, Answer> answer : answers.entrySet()) {
      size += answer.getKey().length() + answer.getValue().author().length()
          + answer.getValue().body().length();
    }
    for (Map.Entry<String, Comment> comment : comments.entrySet()) {
      size += comment.getKey().length() + comment.getValue().target().length()
          + comment.getValue().body().length();
    }
    return (int) Math.min(Integer.MAX_VALUE - 16, size);
  }

  /**
   * Writes what {@link DataOutputStream} would (big-endian numbers, strings as an int length
   * and their UTF-8 bytes) into one growable array, without a stream or a byte array per string.
   */
  private static final class Encoder {
    private byte[] bytes;
    private int length;

    Encoder(int expected) {
      this.bytes = new byte[Math.max(16, expected)];
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
      }
    }

    void writeByte(int value) {
      ensure(1);
      bytes[length++] = (byte) value;
    }

    void writeInt(int value) {
      ensure(4);
      for (int shift = 24; shift >= 0; shift -= 8) {
        bytes[length++] = (byte) (value >>> shift);
      }
    }

    void writeLong(long value) {
      ensure(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        bytes[length++] = (byte) (value >>> shift);
      }
    }

    void writeString(String value) {
      int chars = value.length();
      ensure(4 + chars);
      int at = length + 4;
      for (int i = 0; i < chars; i++) {
        char c = value.charAt(i);
        if (c >= 0x80) {
          // not ASCII: the JDK's encoder (which replaces a lone surrogate as before)
          byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
          writeInt(utf8.length);
          ensure(utf8.length);
          System.arraycopy(utf8, 0, bytes, length, utf8.length);
          length += utf8.length;
          return;
        }
        bytes[at++] = (byte) c;
      }
      writeInt(chars);
      length = at;
    }

    byte[] bytes() {
      return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
  }

  /** The state of live document {@code doc} of {@code reader}. */
  static ThreadDoc read(LeafReader reader, int doc) throws IOException {
    BinaryDocValues values = DocValues.getBinary(reader, Fields.STORED);
    if (!values.advanceExact(doc)) {
      throw new IllegalStateException("thread document " + doc + " holds no state");
    }
    return decode(values.binaryValue());
  }

  static ThreadDoc decode(BytesRef stored) {
    try (DataInputStream in = new DataInputStream(
        new ByteArrayInputStream(stored.bytes, stored.offset, stored.length))) {
      int format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalStateException("stored thread format " + format + " is unknown");
      }
      ThreadDoc doc = new ThreadDoc(read(in), in.readInt(), read(in),
          ThreadKind.values()[in.readByte()], read(in), in.readLong(), in.readLong());
      doc.activitySeq = in.readLong();
      doc.title = read(in);
      doc.body = read(in);
      int tagCount = in.readInt();
      List<String> tags = new ArrayList<>(tagCount);
      for (int i = 0; i < tagCount; i++) {
        tags.add(read(in));
      }
      doc.tags = List.copyOf(tags);
      doc.closed = in.readBoolean();
      doc.duplicate = in.readBoolean();
      String accepted = read(in);
      doc.acceptedAnswer = accepted.isEmpty() ? null : accepted;
      int answerCount = in.readInt();
      for (int i = 0; i < answerCount; i++) {
        doc.answers.put(read(in), new Answer(read(in), read(in)));
      }
      int commentCount = in.readInt();
      for (int i = 0; i < commentCount; i++) {
        doc.comments.put(read(in), new Comment(read(in), read(in)));
      }
      return doc;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(DataInputStream in) throws IOException {
    byte[] utf8 = new byte[in.readInt()];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
