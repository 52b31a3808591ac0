package io.socialearn.harness.stackexchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question's text as its asker wrote it, with everything that names the answer taken out: the
 * "Possible Duplicate" notice that older dumps put into bodies (and the newer "This question
 * already has an answer here" notice), and every link to a question (or answer) of the site.
 *
 * <p>Links count as the site's when they are relative ({@code /questions/12}) or point to the
 * site's host; when the host is unknown, a link to {@code /questions/N}, {@code /q/N} or {@code
 * /a/N} on any host is taken out, erring on the side of hiding the answer. Immutable and
 * thread-safe.
 */
public final class QueryText {
  /** A blockquote or paragraph that holds a duplicate notice. */
  private static final Pattern NOTICE = Pattern.compile(
      "<(blockquote|p|div)\\b[^>]*>(?:(?!</\\1>).)*?(possible duplicates?:?|already has (?:an )?"
          + "answers? here|exact duplicate:?)(?:(?!</\\1>).)*?</\\1>",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** A bare URL in text. */
  private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"')\\]]+");
  private static final Pattern QUESTION_PATH = Pattern.compile(
      "^/(?:questions|q|a)/\\d+(?:[/?#].*)?$", Pattern.CASE_INSENSITIVE);

  private final String siteHost;

  /**
   * Creates the rules for one site.
   *
   * @param siteHost the site's host, such as {@code cardano.stackexchange.com}, or null if unknown
   */
  public QueryText(String siteHost) {
    this.siteHost = siteHost == null ? null : siteHost.toLowerCase(Locale.ROOT);
  }

  /** The host of a dump directory named after its site, or null if the name is not a host. */
  public static String hostOf(String dumpDirectoryName) {
    return dumpDirectoryName.matches("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+") ? dumpDirectoryName : null;
  }

  /** The body's clean text without duplicate notices and without links to the site's questions. */
  public String body(String html) {
    String withoutNotices = NOTICE.matcher(html).replaceAll("");
    String text = Html.toText(withoutNotices, this::isSiteQuestionLink);
    Matcher bare = URL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (bare.find()) {
      bare.appendReplacement(out, isSiteQuestionLink(bare.group()) ? ""
          : Matcher.quoteReplacement(bare.group()));
    }
    bare.appendTail(out);
    // a removed link leaves the spaces around it; queries need no indentation
    return out.toString().replaceAll("[ \\t]{2,}", " ").strip();
  }

  /** Whether {@code href} links to a question or answer of the site. */
  public boolean isSiteQuestionLink(String href) {
    String trimmed = href.strip();
    if (trimmed.startsWith("//")) {
      trimmed = "https:" + trimmed;
    }
    URI uri;
    try {
      uri = new URI(trimmed.replace(" ", "%20"));
    } catch (URISyntaxException e) {
      return false;
    }
    String path = uri.getRawPath();
    if (path == null || !QUESTION_PATH.matcher(path).matches()) {
      return false;
    }
    String host = uri.getHost();
    return host == null || siteHost == null || host.toLowerCase(Locale.ROOT).equals(siteHost)
        || host.toLowerCase(Locale.ROOT).equals("www." + siteHost);
  }
}
