package io.socialearn.harness.eval;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.socialearn.lucene.TextEmbedder;

/**
 * The sentence-embedding model the evaluations give socialearn-lucene with {@code --meaning
 * minilm}: all-MiniLM-L6-v2 (Reimers and Gurevych's sentence-transformers, 384 dimensions,
 * Apache 2.0), quantized, run in process by LangChain4j on ONNX Runtime. Loaded once, on first
 * use. Thread-safe.
 */
public final class MiniLm implements TextEmbedder {
  private static volatile MiniLm instance;
  private final AllMiniLmL6V2QuantizedEmbeddingModel model =
      new AllMiniLmL6V2QuantizedEmbeddingModel();

  private MiniLm() {}

  /** The shared instance, loading the model on the first call. */
  public static MiniLm get() {
    MiniLm loaded = instance;
    if (loaded == null) {
      synchronized (MiniLm.class) {
        loaded = instance;
        if (loaded == null) {
          loaded = new MiniLm();
          instance = loaded;
        }
      }
    }
    return loaded;
  }

  @Override
  public String name() {
    return "all-MiniLM-L6-v2-q";
  }

  @Override
  public float[] embed(String text) {
    return model.embed(text).content().vector();
  }
}
