package io.socialearn.core;

import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ConflictException;
import io.socialearn.api.ForbiddenException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.PromoteToArticle;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.thread.ArticleOrigin;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.VoteDirection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArticleTest {
  private final Fixture f = new Fixture();
  private final ThreadId question = f.engine.execute(ANA, StartThread.question(f.open,
      "How do expense claims work?", "What is the process?", "expenses"));
  private final PostId low = f.engine.execute(CY, new PostAnswer(question, "Ask your manager."));
  private final PostId accepted = f.engine.execute(BO, new PostAnswer(question,
      "File the claim in the portal within 30 days."));
  private final PostId voted = f.engine.execute(DEE, new PostAnswer(question,
      "Keep every receipt; scans are fine."));

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void theBestAnswersBecomeASearchableArticleThatCreditsAndLinksItsSources() {
    f.engine.execute(ANA, new AcceptAnswer(accepted));
    f.engine.execute(CY, new CastVote(voted, VoteDirection.UP));
    ThreadId article = f.engine.execute(ANA, new PromoteToArticle(question, List.of(),
        "Expense claims, step by step"));

    ThreadDetail detail = f.engine.thread(CY, article);
    assertThat(detail.summary().kind()).isEqualTo(ThreadKind.ARTICLE);
    assertThat(detail.summary().space()).isEqualTo(f.open);
    assertThat(detail.summary().tags()).extracting(t -> t.value()).containsExactly("expenses");
    assertThat(detail.body()).contains("File the claim in the portal", "(answer " + accepted
        + " by bo)", "Keep every receipt", "(answer " + voted + " by dee)")
        .doesNotContain("Ask your manager");
    assertThat(detail.body().indexOf("File the claim")).isLessThan(
        detail.body().indexOf("Keep every receipt"));
    assertThat(f.engine.articleOrigin(CY, article))
        .contains(new ArticleOrigin(question, List.of(accepted, voted)));
    assertThat(f.engine.articleOrigin(CY, question)).isEmpty();
    assertThat(f.engine.search(CY, "receipt scans", 5).hits()).extracting(SearchHit::thread)
        .contains(article);
  }

  @Test
  void namedAnswersMustBelongToTheThreadAndOnlyTheAuthorOrAModeratorPromotes() {
    ThreadId other = f.engine.execute(BO, StartThread.question(f.open, "Another question here",
        "?"));
    PostId elsewhere = f.engine.execute(CY, new PostAnswer(other, "Elsewhere."));
    long before = f.log.lastSequence();
    assertThatThrownBy(() -> f.engine.execute(ANA, new PromoteToArticle(question,
        List.of(low, elsewhere), "Mixed sources"))).isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("sameThread"));
    assertThatThrownBy(() -> f.engine.execute(CY, new PromoteToArticle(question, List.of(low),
        "Not mine to promote"))).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> f.engine.execute(ANA, new PromoteToArticle(question, List.of(),
        "Nothing good yet"))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("name the answers");
    assertThat(f.log.lastSequence()).isEqualTo(before);

    ThreadId article = f.engine.execute(Fixture.ADMIN, new PromoteToArticle(question,
        List.of(low), "Asking the manager"));
    assertThat(f.engine.articleOrigin(ANA, article).orElseThrow().answers()).containsExactly(low);
  }
}
