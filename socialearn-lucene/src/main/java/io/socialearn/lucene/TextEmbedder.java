package io.socialearn.lucene;

/**
 * A text embedding model a host may give the index ({@link LuceneSearch.Builder#embedder}) so
 * that similar questions match by meaning as well as by words: "how do I renew my residence
 * permit" and "extending my RP" share no stemmed word but mean the same thing.
 *
 * <p>With an embedder, each question's title and body are embedded when the question is written
 * to the index (and again when either is edited), and the vector is kept in the index beside the
 * thread. {@code similarQuestions} embeds the draft, still finds its candidates by words (BM25
 * over titles, bodies and replies), and ranks them by the sum of the two scores, each standardised
 * over the candidates (its z-score): words and meaning count equally. Without an embedder the
 * index ranks by words alone, as before.
 *
 * <p>An embedding costs what the model costs: a small sentence model on a CPU takes some
 * milliseconds per text, which a bulk import pays once per question and a draft once per call.
 * An embedder that throws, or returns a vector that is empty, not finite, or of another length
 * than the others, costs that thread (or that draft) its meaning, never an event: the thread is
 * indexed and found by its words.
 *
 * <p>Implementations must be thread-safe and deterministic (the same text gives the same vector),
 * since the index is a projection of the log and may be rebuilt from it.
 */
public interface TextEmbedder {
  /**
   * The most characters of a title and body given to {@link #embed}: about the 256 word pieces a
   * small sentence model reads; the rest of a long body would cost time for little meaning.
   */
  int MAX_CHARS = 1_000;

  /**
   * The model's name and version, recorded in the index: an index written with another embedder
   * (or none) is rebuilt from the log on open, as after a change of analyzer.
   *
   * @return a short stable name, for example {@code "all-MiniLM-L6-v2-q"}
   */
  String name();

  /**
   * The text's vector. Only the direction counts (similarity is the cosine).
   *
   * @param text a question's title and body, at most {@value #MAX_CHARS} characters
   * @return the same number of finite components for every text
   */
  float[] embed(String text);
}
