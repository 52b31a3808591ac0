package io.socialearn.lucene;

import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    return 2 * textLength() + 400 + 160L * (answers.size() + comments.size() + tags.size());
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
    doc.add(new BinaryDocValuesField(Fields.STORED, new BytesRef(encode())));
    return doc;
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + body.length());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      write(out, id);
      out.writeInt(key);
      write(out, space);
      out.writeByte(kind.ordinal());
      write(out, author);
      out.writeLong(createdSeq);
      out.writeLong(createdMillis);
      out.writeLong(activitySeq);
      write(out, title);
      write(out, body);
      out.writeInt(tags.size());
      for (String tag : tags) {
        write(out, tag);
      }
      out.writeBoolean(closed);
      out.writeBoolean(duplicate);
      write(out, acceptedAnswer == null ? "" : acceptedAnswer);
      out.writeInt(answers.size());
      for (Map.Entry<String, Answer> answer : answers.entrySet()) {
        write(out, answer.getKey());
        write(out, answer.getValue().author());
        write(out, answer.getValue().body());
      }
      out.writeInt(comments.size());
      for (Map.Entry<String, Comment> comment : comments.entrySet()) {
        write(out, comment.getKey());
        write(out, comment.getValue().target());
        write(out, comment.getValue().body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
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

  private static void write(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String read(DataInputStream in) throws IOException {
    byte[] utf8 = new byte[in.readInt()];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
