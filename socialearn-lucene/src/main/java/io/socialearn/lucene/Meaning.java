package io.socialearn.lucene;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Questions' vectors from a {@link TextEmbedder}: what text is embedded, how a vector is kept in
 * the index, and how similar questions' word scores and meaning are put together. Stateless.
 */
final class Meaning {
  /** The most characters of a title and body embedded ({@link TextEmbedder#MAX_CHARS}). */
  static final int MAX_CHARS = TextEmbedder.MAX_CHARS;
  private static final System.Logger log = System.getLogger(Meaning.class.getName());
  /** Embeddings that failed in this process, for {@link #failed}. */
  private static final AtomicLong FAILURES = new AtomicLong();

  private Meaning() {}

  /** The text embedded for a question or a draft: its title, then its body, clipped. */
  static String text(String title, String body) {
    String text = (title.strip() + "\n" + body.strip()).strip();
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
  }

  /**
   * The vector of {@code title} and {@code body}, or null if there is no text or the embedder
   * failed (logged: the thread or draft is then matched by its words alone).
   */
  static float[] embed(TextEmbedder embedder, String what, String title, String body) {
    String text = text(title, body);
    if (text.isEmpty()) {
      return null;
    }
    float[] vector;
    try {
      vector = embedder.embed(text);
    } catch (RuntimeException e) {
      failed(embedder.name() + " failed on " + what, e);
      return null;
    }
    String problem = problem(vector);
    if (problem != null) {
      failed(embedder.name() + " returned " + problem + " for " + what, null);
      return null;
    }
    return vector.clone();
  }

  /**
   * Logs a failure: the 1st, 10th, 100th... of the process, so that a model down during a bulk
   * import does not write a stack trace per question.
   */
  private static void failed(String what, Throwable cause) {
    long n = FAILURES.incrementAndGet();
    long power = 1;
    while (power < n) {
      power *= 10;
    }
    if (power == n) {
      log.log(Level.WARNING, "embedder " + what + "; it is matched by its words alone (failure "
          + n + " of this process; logged at 1, 10, 100, ...)", cause);
    }
  }

  /** What is wrong with a vector, or null: it must be non-empty, finite and not all zero. */
  static String problem(float[] vector) {
    if (vector == null || vector.length == 0) {
      return "no vector";
    }
    boolean nonZero = false;
    for (float x : vector) {
      if (!Float.isFinite(x)) {
        return "a vector with a component that is not finite";
      }
      nonZero |= x != 0;
    }
    return nonZero ? null : "a zero vector";
  }

  /** The vector as doc-value bytes: its components as big-endian floats. */
  static BytesRef encode(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * vector.length);
    for (float x : vector) {
      bytes.putFloat(x);
    }
    return new BytesRef(bytes.array());
  }

  static float[] decode(BytesRef bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
    float[] vector = new float[bytes.length / 4];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = in.getFloat();
    }
    return vector;
  }

  /** The vector kept for live document {@code doc} of {@code reader}, or null if none. */
  static float[] read(LeafReader reader, int doc) throws IOException {
    BinaryDocValues values = DocValues.getBinary(reader, Fields.MEANING);
    return values.advanceExact(doc) ? decode(values.binaryValue()) : null;
  }

  /** The cosine of two vectors of the same length. */
  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      aa += (double) a[i] * a[i];
      bb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(aa * bb);
  }

  /**
   * {@code hits} (scored by words) re-ranked by words and meaning: each hit is ranked by the
   * z-score of its word score among the hits plus the z-score of its vector's cosine with {@code
   * draft} among the hits that have a vector of the draft's length (0, the average, for those
   * that have none). Ties keep the word order. Its score becomes the logistic function of that
   * sum, between 0 and 1, so that scores stay positive, as a relevance that callers divide by
   * the best one's (who knows credits similar threads so) expects. Unchanged if fewer than two
   * hits have a vector.
   *
   * @param vectors each hit's vector, or null
   */
  static ScoreDoc[] rerank(ScoreDoc[] hits, float[][] vectors, float[] draft) {
    double[] cosines = new double[hits.length];
    boolean[] has = new boolean[hits.length];
    int with = 0;
    for (int i = 0; i < hits.length; i++) {
      if (vectors[i] != null && vectors[i].length == draft.length) {
        cosines[i] = cosine(vectors[i], draft);
        has[i] = Double.isFinite(cosines[i]);
        with += has[i] ? 1 : 0;
      }
    }
    if (with < 2) {
      return hits;
    }
    double[] words = new double[hits.length];
    for (int i = 0; i < hits.length; i++) {
      words[i] = hits[i].score;
    }
    double[] wordZ = standardised(words, null);
    double[] meaningZ = standardised(cosines, has);
    Integer[] order = new Integer[hits.length];
    double[] fused = new double[hits.length];
    for (int i = 0; i < hits.length; i++) {
      order[i] = i;
      fused[i] = wordZ[i] + (has[i] ? meaningZ[i] : 0);
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -fused[i])
        .thenComparingInt(i -> i));
    ScoreDoc[] out = new ScoreDoc[hits.length];
    for (int i = 0; i < hits.length; i++) {
      ScoreDoc hit = hits[order[i]];
      out[i] = new ScoreDoc(hit.doc, (float) (1 / (1 + Math.exp(-fused[order[i]]))),
          hit.shardIndex);
    }
    return out;
  }

  /**
   * Each value's z-score among the values where {@code counted} is true (all if null); 0 where
   * they do not vary.
   */
  static double[] standardised(double[] values, boolean[] counted) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (counted == null || counted[i]) {
        sum += values[i];
        n++;
      }
    }
    double mean = sum / n;
    double squares = 0;
    for (int i = 0; i < values.length; i++) {
      if (counted == null || counted[i]) {
        squares += (values[i] - mean) * (values[i] - mean);
      }
    }
    double sd = Math.sqrt(squares / n);
    double[] z = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      z[i] = sd > 1e-12 ? (values[i] - mean) / sd : 0;
    }
    return z;
  }
}
