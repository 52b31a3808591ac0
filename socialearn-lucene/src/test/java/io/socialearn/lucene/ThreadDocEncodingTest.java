package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.thread.ThreadKind;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.util.BytesRef;

/**
 * A thread's state is written in the same bytes as the {@link DataOutputStream} format that
 * indexes of this schema already hold (so they stay readable without a rebuild), and read back
 * whole, for ASCII, Latin-1, CJK, supplementary and lone-surrogate text alike.
 */
class ThreadDocEncodingTest {
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.of("", "caf\u00e9", "\u7d66\u4e0e", "\uD83D\uDE00 ok", "lone \uD800 x"));
  }

  @Property(tries = 300)
  void encodesAsTheStreamFormatAndDecodesBack(@ForAll("texts") String title,
      @ForAll("texts") String body, @ForAll("texts") String answer,
      @ForAll("texts") String comment, @ForAll boolean closed) throws IOException {
    ThreadDoc doc = new ThreadDoc("q1", 7, "hr", ThreadKind.QUESTION, "ana", 3, 1_700_000L);
    doc.activitySeq = 9;
    doc.title = title;
    doc.body = body;
    doc.tags = List.of("payroll", "d\u00e4tes");
    doc.closed = closed;
    doc.acceptedAnswer = closed ? "a1" : null;
    doc.answers.put("a1", new ThreadDoc.Answer("bo", answer));
    doc.answers.put("a2", new ThreadDoc.Answer("cy", body + answer));
    doc.comments.put("c1", new ThreadDoc.Comment("a1", comment));

    byte[] encoded = doc.encode();

    assertThat(encoded).isEqualTo(streamFormat(doc));
    ThreadDoc back = ThreadDoc.decode(new BytesRef(encoded));
    assertThat(back.encode()).isEqualTo(encoded);
    assertThat(back.title).isEqualTo(new String(title.getBytes(StandardCharsets.UTF_8),
        StandardCharsets.UTF_8));
    assertThat(back.answers.keySet()).containsExactly("a1", "a2");
    assertThat(back.acceptedAnswer).isEqualTo(doc.acceptedAnswer);
    assertThat(back.activitySeq).isEqualTo(9);
  }

  @Property(tries = 100)
  void asciiStateIsSizedExactlyUpFront(@ForAll("texts") String text) {
    String ascii = text.chars().filter(c -> c < 0x80).collect(StringBuilder::new,
        StringBuilder::appendCodePoint, StringBuilder::append).toString();
    ThreadDoc doc = new ThreadDoc("q2", 1, "it", ThreadKind.DISCUSSION, "bo", 1, 0);
    doc.title = ascii;
    doc.body = ascii + ascii;
    doc.tags = List.of("vpn");
    doc.answers.put("a9", new ThreadDoc.Answer("cy", ascii));
    doc.comments.put("c9", new ThreadDoc.Comment("q2", "+1"));

    assertThat(doc.encode()).hasSize(doc.encodedSizeIfAscii());
  }

  /** The format as {@code DataOutputStream} wrote it before: the reference. */
  private static byte[] streamFormat(ThreadDoc doc) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      write(out, doc.id);
      out.writeInt(doc.key);
      write(out, doc.space);
      out.writeByte(doc.kind.ordinal());
      write(out, doc.author);
      out.writeLong(doc.createdSeq);
      out.writeLong(doc.createdMillis);
      out.writeLong(doc.activitySeq);
      write(out, doc.title);
      write(out, doc.body);
      out.writeInt(doc.tags.size());
      for (String tag : doc.tags) {
        write(out, tag);
      }
      out.writeBoolean(doc.closed);
      out.writeBoolean(doc.duplicate);
      write(out, doc.acceptedAnswer == null ? "" : doc.acceptedAnswer);
      out.writeInt(doc.answers.size());
      for (Map.Entry<String, ThreadDoc.Answer> answer : doc.answers.entrySet()) {
        write(out, answer.getKey());
        write(out, answer.getValue().author());
        write(out, answer.getValue().body());
      }
      out.writeInt(doc.comments.size());
      for (Map.Entry<String, ThreadDoc.Comment> comment : doc.comments.entrySet()) {
        write(out, comment.getKey());
        write(out, comment.getValue().target());
        write(out, comment.getValue().body());
      }
    }
    return bytes.toByteArray();
  }

  private static void write(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }
}
