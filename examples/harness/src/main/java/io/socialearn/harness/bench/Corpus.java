package io.socialearn.harness.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded synthetic Q&A corpus: pseudo-words drawn with a Zipf-like skew, so a few words are
 * common and most are rare, as in real text; spaces and tags likewise. Not thread-safe.
 */
final class Corpus {
  static final int SPACES = 50;
  static final int TAGS = 2_000;
  private static final String[] SYLLABLES = {"ka", "lo", "mi", "ter", "pa", "ven", "ro", "sal",
      "dun", "fi", "gor", "ble", "tra", "ni", "os", "qua", "rem", "zu", "xe", "chi", "bar",
      "nel", "sto", "ment"};
  private static final String[] STOP = {"the", "a", "of", "to", "and", "in", "is", "how", "do",
      "i", "my", "with", "for", "on", "it"};

  private final Random random;
  private final String[] vocabulary;

  Corpus(long seed, int vocabularySize) {
    this.random = new Random(seed);
    this.vocabulary = new String[vocabularySize];
    Random words = new Random(seed ^ 0x5DEECE66DL);
    for (int i = 0; i < vocabularySize; i++) {
      StringBuilder word = new StringBuilder();
      int syllables = 2 + words.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        word.append(SYLLABLES[words.nextInt(SYLLABLES.length)]);
      }
      for (int rest = i; rest > 0; rest /= 26) {
        word.append((char) ('a' + rest % 26));
      }
      vocabulary[i] = word.toString();
    }
  }

  Random random() {
    return random;
  }

  /** A rank in {@code [0, n)} skewed toward 0 (roughly Zipf with exponent 1). */
  int skewed(int n) {
    return skewed(random, n);
  }

  private static int skewed(Random random, int n) {
    return (int) Math.min(n - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(n + 1)) - 1));
  }

  String text(int minWords, int maxWords) {
    return text(random, minWords, maxWords);
  }

  /** As {@link #text(int, int)}, drawn by {@code random} instead of the corpus's generator. */
  String text(Random random, int minWords, int maxWords) {
    int n = minWords + random.nextInt(maxWords - minWords + 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(random.nextInt(4) == 0 ? STOP[random.nextInt(STOP.length)]
          : vocabulary[skewed(random, vocabulary.length)]);
    }
    return text.toString();
  }

  String space() {
    return "space-" + skewed(SPACES);
  }

  List<String> tags() {
    int n = 1 + random.nextInt(3);
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String tag = "tag-" + skewed(TAGS);
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return tags;
  }
}
