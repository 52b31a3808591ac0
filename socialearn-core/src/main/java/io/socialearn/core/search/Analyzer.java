package io.socialearn.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into search terms. Stateless and thread-safe.
 *
 * <p>A term is a run of Unicode letters, digits and combining marks, lower-cased with {@link
 * Locale#ROOT}. A run of {@code +} and {@code #} right after a term stays part of it when no letter
 * or digit follows, so {@code C++} and {@code C#} are the terms {@code c++} and {@code c#}, while
 * {@code a+b} is {@code a} and {@code b}. Everything else separates terms. The classic English
 * stop words ({@code the}, {@code of}, ...) are dropped.
 */
final class Analyzer {
  /** The stop words dropped from text and queries: Lucene's classic English set. */
  static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
      "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
      "they", "this", "to", "was", "will", "with");

  private Analyzer() {}

  /** Returns the terms of {@code text}, in order, repeats kept. */
  static List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    int length = text.length();
    int i = 0;
    while (i < length) {
      int codePoint = text.codePointAt(i);
      if (!isWordPart(codePoint)) {
        i += Character.charCount(codePoint);
        continue;
      }
      int start = i;
      while (i < length && isWordPart(codePoint = text.codePointAt(i))) {
        i += Character.charCount(codePoint);
      }
      int end = i;
      while (i < length && (text.charAt(i) == '+' || text.charAt(i) == '#')) {
        i++;
      }
      if (i > end && (i == length || !isWordPart(text.codePointAt(i)))) {
        end = i;
      }
      String term = text.substring(start, end).toLowerCase(Locale.ROOT);
      if (!STOP_WORDS.contains(term)) {
        terms.add(term);
      }
    }
    return terms;
  }

  private static boolean isWordPart(int codePoint) {
    if (Character.isLetterOrDigit(codePoint)) {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }
}
