package io.socialearn.harness.stackexchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void paragraphsListsCodeAndLinksBecomeCleanText() {
    String html = "<p>Hello &amp; <strong>welcome</strong>!</p>\n<ul>\n<li>one</li>\n"
        + "<li>two</li>\n</ul>\n<pre><code>x &lt; 1\n  y\n</code></pre>\n"
        + "<p>Use <code>ls</code>, see <a href=\"https://a.example/x\">the docs</a> or "
        + "<a href=\"https://b.example\">https://b.example</a>.<br>Bye<img src=\"i.png\" "
        + "alt=\"a cat\"></p>";
    assertThat(Html.toText(html)).isEqualTo("Hello & welcome!\n\n- one\n- two\n\n"
        + "```\nx < 1\n  y\n```\n\nUse `ls`, see [the docs](https://a.example/x) or "
        + "https://b.example.\nBye a cat");
  }

  @Test
  void entitiesAndStrayBracketsNeverFail() {
    assertThat(Html.toText("a &lt; b &#x41;&#66; &unknown; 3 < 4 &nbsp;x")).isEqualTo(
        "a < b AB &unknown; 3 < 4 x");
    assertThat(Html.toText("")).isEmpty();
    assertThat(Html.toText("<p></p>")).isEmpty();
  }

  @Test
  void droppedLinksLoseTheirTextToo() {
    assertThat(Html.toText("<p>see <a href=\"/q/1\">secret</a> and <a href=\"/x\">kept</a></p>",
        href -> href.startsWith("/q/"))).isEqualTo("see and [kept](/x)");
  }
}
