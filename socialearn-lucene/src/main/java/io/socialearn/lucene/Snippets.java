package io.socialearn.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Makes a hit's snippet: the passage of about {@value #WINDOW} characters holding the most of the
 * query's distinct terms (the earliest such passage, so a window showing every word of the query
 * beats one showing one word thrice), HTML-escaped, with each matched word in {@code <mark>}. The
 * words are found by running the index's analyzer over the text, so a stemmed query word marks
 * its other forms. Analysis stops once a passage holds every term (no later passage can be
 * chosen over it) and the passage's words are all read, and at most {@value #MAX_ANALYSED}
 * characters are analysed per hit over all its texts, so a long thread costs what a short one
 * does. Everything taken from the text goes through {@link #escape}; only the {@code <mark>} tags
 * and the ellipsis are added. Thread-safe (the analyzer's reuse strategy is per thread).
 */
final class Snippets {
  static final int WINDOW = 200;
  /** The most text analysed per hit, over all its texts, so a huge thread costs little. */
  static final int MAX_ANALYSED = 20_000;

  private final Analyzer analyzer;
  /** Whether analysis stops at the first window holding every term; off only in tests. */
  private final boolean stopEarly;

  Snippets(Analyzer analyzer) {
    this(analyzer, true);
  }

  /** With {@code stopEarly} false every text is analysed to its end (the reference for tests). */
  Snippets(Analyzer analyzer, boolean stopEarly) {
    this.analyzer = analyzer;
    this.stopEarly = stopEarly;
  }

  /** A matched word: its offsets in the text and which query term it is. */
  private record Match(int start, int end, int term) {}

  /** The best snippet among {@code texts} (in preference order), or the start of the first. */
  String snippet(Set<String> terms, List<String> texts) {
    if (!terms.isEmpty()) {
      CharArrayMap<Integer> ids = new CharArrayMap<>(terms.size(), false);
      for (String term : terms) {
        ids.put(term, ids.size());
      }
      int budget = MAX_ANALYSED;
      for (String text : texts) {
        if (budget <= 0) {
          break;
        }
        String analysed = text.length() > budget ? text.substring(0, budget) : text;
        budget -= analysed.length();
        List<Match> matches = matches(ids, analysed);
        if (!matches.isEmpty()) {
          return render(text, matches, ids.size());
        }
      }
    }
    String first = texts.isEmpty() ? "" : texts.get(0);
    return render(first, List.of(), 0);
  }

  /**
   * The matches in {@code text}, in order: all of them, or, once some window holds every term,
   * those up to the end of the first such window (the one {@link #render} then chooses).
   */
  private List<Match> matches(CharArrayMap<Integer> ids, String text) {
    List<Match> matches = new ArrayList<>();
    int[] inWindow = new int[ids.size()];
    int distinct = 0;
    int first = 0;
    int stopAfter = Integer.MAX_VALUE;
    try (TokenStream stream = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken() && offset.startOffset() <= stopAfter) {
        Integer id = ids.get(term.buffer(), 0, term.length());
        if (id == null) {
          continue;
        }
        Match match = new Match(offset.startOffset(), offset.endOffset(), id);
        matches.add(match);
        if (stopAfter != Integer.MAX_VALUE) {
          continue;
        }
        if (inWindow[id]++ == 0) {
          distinct++;
        }
        // the window starting at matches[first] holds matches[first..] up to WINDOW past it
        while (first < matches.size() && match.end() > matches.get(first).start() + WINDOW) {
          if (--inWindow[matches.get(first++).term()] == 0) {
            distinct--;
          }
        }
        if (distinct == ids.size() && stopEarly) {
          // no window before this one holds every term; read on to its end for the marks
          stopAfter = matches.get(first).start() + WINDOW;
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return matches;
  }

  private static String render(String text, List<Match> matches, int termCount) {
    int start = 0;
    if (!matches.isEmpty()) {
      // The earliest window that starts at a match and holds the most distinct terms.
      int best = 0;
      int bestCount = 0;
      boolean[] seen = new boolean[termCount];
      for (int i = 0; i < matches.size() && bestCount < termCount; i++) {
        Arrays.fill(seen, false);
        int count = 0;
        int limit = matches.get(i).start() + WINDOW;
        for (int j = i; j < matches.size() && matches.get(j).end() <= limit; j++) {
          if (!seen[matches.get(j).term()]) {
            seen[matches.get(j).term()] = true;
            count++;
          }
        }
        if (count > bestCount) {
          bestCount = count;
          best = i;
        }
      }
      int first = matches.get(best).start();
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
    for (Match match : matches) {
      if (match.start() < at || match.end() > end) {
        continue;
      }
      escape(text, at, match.start(), html);
      html.append("<mark>");
      escape(text, match.start(), match.end(), html);
      html.append("</mark>");
      at = match.end();
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
