package io.socialearn.harness.stackexchange;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns the HTML of a Stack Exchange post into clean text with light Markdown: paragraphs
 * separated by a blank line, list items as {@code - item}, code blocks fenced with {@code ```},
 * inline code in backticks, links as {@code [text](url)} (or just the text when it is the URL),
 * images as their alt text. Unknown tags are dropped and their text kept; entities are decoded.
 *
 * <p>It is not a general HTML parser: it reads the small, well-formed subset that Stack Exchange
 * stores, and never fails on anything else (a stray {@code <} is kept as text). Stateless and
 * thread-safe.
 */
public final class Html {
  private static final Map<String, String> ENTITIES = Map.ofEntries(
      Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
      Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ndash", "–"),
      Map.entry("mdash", "—"), Map.entry("hellip", "…"), Map.entry("rsquo", "’"),
      Map.entry("lsquo", "‘"), Map.entry("rdquo", "”"), Map.entry("ldquo", "“"),
      Map.entry("times", "×"), Map.entry("copy", "©"), Map.entry("deg", "°"));

  private Html() {}

  /** Converts {@code html} to clean text, keeping every link. */
  public static String toText(String html) {
    return toText(html, href -> false);
  }

  /**
   * Converts {@code html} to clean text, dropping every link (its text too) whose {@code href}
   * {@code dropLink} accepts.
   */
  public static String toText(String html, Predicate<String> dropLink) {
    Writer out = new Writer();
    int i = 0;
    int length = html.length();
    String linkHref = null;
    int linkStart = -1;
    int skipDepth = 0;
    while (i < length) {
      char c = html.charAt(i);
      int close = c == '<' ? html.indexOf('>', i) : -1;
      if (c != '<' || close < 0 || !looksLikeTag(html, i)) {
        if (skipDepth == 0) {
          int end = c == '<' ? i + 1 : nextTagStart(html, i + 1);
          out.text(decode(html.substring(i, end)));
          i = end;
        } else {
          i = c == '<' ? i + 1 : nextTagStart(html, i + 1);
        }
        continue;
      }
      String tag = html.substring(i + 1, close);
      i = close + 1;
      boolean end = tag.startsWith("/");
      String name = tagName(end ? tag.substring(1) : tag);
      if (name.equals("a")) {
        if (!end) {
          String href = attribute(tag, "href");
          if (href != null && dropLink.test(decode(href))) {
            skipDepth++;
            linkHref = null;
          } else {
            linkHref = href == null ? null : decode(href);
            linkStart = out.mark();
          }
        } else if (skipDepth > 0) {
          skipDepth--;
        } else if (linkHref != null) {
          String text = out.since(linkStart);
          if (!text.isBlank() && !text.strip().equals(linkHref)) {
            out.replaceSince(linkStart, "[" + text.strip() + "](" + linkHref + ")");
          } else if (text.isBlank()) {
            out.text(linkHref);
          }
          linkHref = null;
        }
        continue;
      }
      if (skipDepth > 0) {
        continue;
      }
      switch (name) {
        case "p", "div", "blockquote", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
            "dl", "tr" -> out.paragraph();
        case "br" -> out.lineBreak();
        case "hr" -> {
          out.paragraph();
          out.raw("---");
          out.paragraph();
        }
        case "li", "dt", "dd" -> {
          if (!end) {
            out.lineBreak();
            out.raw("- ");
          }
        }
        case "td", "th" -> out.text(" ");
        case "pre" -> {
          if (end) {
            out.endPre();
          } else {
            out.paragraph();
            out.startPre();
          }
        }
        case "code" -> {
          if (!out.inPre()) {
            out.raw("`");
          }
        }
        case "img" -> {
          String alt = attribute(tag, "alt");
          if (alt != null && !alt.isBlank()) {
            out.text(" " + decode(alt) + " ");
          }
        }
        default -> {
          // strong, em, sup, sub, kbd, strike, span and anything unknown: keep the text only
        }
      }
    }
    return out.result();
  }

  private static boolean looksLikeTag(String html, int at) {
    if (at + 1 >= html.length()) {
      return false;
    }
    char next = html.charAt(at + 1);
    return Character.isLetter(next) || next == '/' || next == '!';
  }

  private static int nextTagStart(String html, int from) {
    int next = html.indexOf('<', from);
    return next < 0 ? html.length() : next;
  }

  private static String tagName(String tag) {
    int end = 0;
    while (end < tag.length() && (Character.isLetterOrDigit(tag.charAt(end)))) {
      end++;
    }
    return tag.substring(0, end).toLowerCase(Locale.ROOT);
  }

  /** The value of {@code name="..."} (or single quotes) in a start tag, or null. */
  static String attribute(String tag, String name) {
    String lower = tag.toLowerCase(Locale.ROOT);
    int from = 0;
    while (true) {
      int at = lower.indexOf(name, from);
      if (at < 0) {
        return null;
      }
      int eq = at + name.length();
      while (eq < tag.length() && tag.charAt(eq) == ' ') {
        eq++;
      }
      boolean startsWord = at > 0 && Character.isWhitespace(tag.charAt(at - 1));
      if (startsWord && eq < tag.length() && tag.charAt(eq) == '=') {
        int v = eq + 1;
        while (v < tag.length() && tag.charAt(v) == ' ') {
          v++;
        }
        if (v < tag.length() && (tag.charAt(v) == '"' || tag.charAt(v) == '\'')) {
          int close = tag.indexOf(tag.charAt(v), v + 1);
          return close < 0 ? tag.substring(v + 1) : tag.substring(v + 1, close);
        }
        int stop = v;
        while (stop < tag.length() && !Character.isWhitespace(tag.charAt(stop))) {
          stop++;
        }
        return tag.substring(v, stop);
      }
      from = at + 1;
    }
  }

  /** Decodes named, decimal and hexadecimal character references; unknown ones stay as they are. */
  static String decode(String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (amp >= 0) {
      out.append(text, i, amp);
      int semi = text.indexOf(';', amp);
      String replacement = null;
      if (semi > amp + 1 && semi - amp <= 10) {
        String ref = text.substring(amp + 1, semi);
        replacement = reference(ref);
      }
      if (replacement == null) {
        out.append('&');
        i = amp + 1;
      } else {
        out.append(replacement);
        i = semi + 1;
      }
      amp = text.indexOf('&', i);
    }
    return out.append(text, i, text.length()).toString();
  }

  private static String reference(String ref) {
    try {
      if (ref.startsWith("#x") || ref.startsWith("#X")) {
        return Character.toString(Integer.parseInt(ref.substring(2), 16));
      }
      if (ref.startsWith("#")) {
        return Character.toString(Integer.parseInt(ref.substring(1)));
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return ENTITIES.get(ref);
  }

  /** Builds the text: collapses white space outside code blocks and keeps paragraphs apart. */
  private static final class Writer {
    private final StringBuilder out = new StringBuilder();
    private boolean pre;

    void text(String text) {
      if (pre) {
        out.append(text);
        return;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00a0') {
          if (out.length() > 0 && !endsWithSpace()) {
            out.append(' ');
          }
        } else {
          out.append(c);
        }
      }
    }

    void raw(String text) {
      out.append(text);
    }

    private boolean endsWithSpace() {
      char last = out.charAt(out.length() - 1);
      return last == ' ' || last == '\n';
    }

    void lineBreak() {
      trimTrailingSpaces();
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
    }

    void paragraph() {
      trimTrailingSpaces();
      if (out.length() == 0) {
        return;
      }
      lineBreak();
      if (out.length() < 2 || out.charAt(out.length() - 2) != '\n') {
        out.append('\n');
      }
    }

    private void trimTrailingSpaces() {
      while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
        out.setLength(out.length() - 1);
      }
    }

    void startPre() {
      out.append("```\n");
      pre = true;
    }

    void endPre() {
      pre = false;
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      out.append("```");
      paragraph();
    }

    boolean inPre() {
      return pre;
    }

    int mark() {
      return out.length();
    }

    String since(int mark) {
      return out.substring(Math.min(mark, out.length()));
    }

    void replaceSince(int mark, String text) {
      out.setLength(Math.min(mark, out.length()));
      out.append(text);
    }

    String result() {
      String text = out.toString().replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
      StringBuilder clean = new StringBuilder(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (!Character.isISOControl(c) || c == '\n' || c == '\t') {
          clean.append(c);
        }
      }
      return clean.toString().strip();
    }
  }
}
