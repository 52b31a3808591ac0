package io.socialearn.harness.stackexchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextTest {
  private final QueryText rules = new QueryText("site.example.com");

  @Test
  void stripsTheOldPossibleDuplicateBlock() {
    String body = "<blockquote>\n  <p><strong>Possible Duplicate:</strong><br>\n"
        + "  <a href=\"https://site.example.com/questions/7/x\">Original title</a></p>\n"
        + "</blockquote>\n<p>My own words.</p>";
    assertThat(rules.body(body)).isEqualTo("My own words.");
    assertThat(rules.body("<p><strong>Possible Duplicate:</strong> <a href=\"/q/3\">T</a></p>"
        + "<p>Rest.</p>")).isEqualTo("Rest.");
    assertThat(rules.body("<blockquote><p>This question already has an answer here:</p>"
        + "</blockquote><p>Rest.</p>")).isEqualTo("Rest.");
  }

  @Test
  void stripsEveryLinkToTheSitesQuestionsButKeepsOthers() {
    String body = "<p>Like <a href=\"https://site.example.com/questions/12/t\">this one</a>, "
        + "<a href=\"/a/5\">that answer</a>, https://site.example.com/q/9 and "
        + "<a href=\"https://other.example.org/questions/4\">elsewhere</a>.</p>";
    assertThat(rules.body(body)).isEqualTo(
        "Like , , and [elsewhere](https://other.example.org/questions/4).");
    assertThat(rules.isSiteQuestionLink("//site.example.com/questions/1")).isTrue();
    assertThat(rules.isSiteQuestionLink("https://site.example.com/users/1")).isFalse();
    assertThat(new QueryText(null).isSiteQuestionLink("https://any.example/questions/1"))
        .isTrue();
  }

  @Test
  void aDumpDirectoryNamedAfterItsSiteGivesTheHost() {
    assertThat(QueryText.hostOf("cardano.stackexchange.com")).isEqualTo(
        "cardano.stackexchange.com");
    assertThat(QueryText.hostOf("dump")).isNull();
  }
}
