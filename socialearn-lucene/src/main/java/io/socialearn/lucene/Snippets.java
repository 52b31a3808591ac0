package io.socialearn.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Makes a hit's snippet: the passage of about {@value #WINDOW} characters holding the most query
 * terms, HTML-escaped, with each matched word in {@code <mark>}. The words are found by running
 * the index's analyzer over the text, so a stemmed query word marks its other forms. Everything
 * taken from the text goes through {@link #escape}; only the {@code <mark>} tags and the ellipsis
 * are added. Thread-safe (the analyzer's reuse strategy is per thread).
 */
final class Snippets {
  static final int WINDOW = 200;
  /** The most text analysed per field, so a huge post costs little. */
  private static final int MAX_ANALYSED = 20_000;

  private final Analyzer analyzer;

  Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The best snippet among {@code texts} (in preference order), or the start of the first. */
  String snippet(Set<String> terms, List<String> texts) {
    for (String text : texts) {
      if (!terms.isEmpty()) {
        List<int[]> matches = matches(terms, text);
        if (!matches.isEmpty()) {
          return render(text, matches);
        }
      }
    }
    String first = texts.isEmpty() ? "" : texts.get(0);
    return render(first, List.of());
  }

  private List<int[]> matches(Set<String> terms, String text) {
    String analysed = text.length() > MAX_ANALYSED ? text.substring(0, MAX_ANALYSED) : text;
    List<int[]> matches = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(Fields.BODY, analysed)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (terms.contains(term.toString())) {
          matches.add(new int[] {offset.startOffset(), offset.endOffset()});
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return matches;
  }

  private static String render(String text, List<int[]> matches) {
    int start = 0;
    if (!matches.isEmpty()) {
      // The window that starts at a match and covers the most matches.
      int best = 0;
      int bestCount = 0;
      for (int i = 0; i < matches.size(); i++) {
        int count = 0;
        for (int j = i; j < matches.size() && matches.get(j)[1] <= matches.get(i)[0] + WINDOW; j++) {
          count++;
        }
        if (count > bestCount) {
          bestCount = count;
          best = i;
        }
      }
      int first = matches.get(best)[0];
      start = Math.max(0, first - WINDOW / 4);
      int space = text.indexOf(' ', start);
      if (start > 0 && space >= 0 && space < first) {
        start = space + 1;
      }
    }
    int end = Math.min(text.length(), start + WINDOW);
    if (end < text.length()) {
      int space = text.lastIndexOf(' ', end);
      if (space > start + WINDOW / 2) {
        end = space;
      }
    }
    if (start > 0 && start < text.length() && Character.isLowSurrogate(text.charAt(start))) {
      start--;
    }
    if (end > start && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    StringBuilder html = new StringBuilder(WINDOW + 64);
    if (start > 0) {
      html.append("\u2026");
    }
    int at = start;
    for (int[] match : matches) {
      if (match[0] < at || match[1] > end) {
        continue;
      }
      escape(text, at, match[0], html);
      html.append("<mark>");
      escape(text, match[0], match[1], html);
      html.append("</mark>");
      at = match[1];
    }
    escape(text, at, end, html);
    if (end < text.length()) {
      html.append("\u2026");
    }
    return html.toString().strip();
  }

  /** Appends {@code text[from, to)} with {@code & < > " '} as entities. */
  static void escape(String text, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
