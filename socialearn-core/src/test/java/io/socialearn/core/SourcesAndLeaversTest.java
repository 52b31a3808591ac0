package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ConflictException;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.Endorse;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.PromoteToArticle;
import io.socialearn.api.command.ScheduleSession;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.command.UpdateProfile;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An article's links back lead only to what is still there; someone who has left is neither
 * a session's expert nor endorsed.
 */
class SourcesAndLeaversTest {
  @Test
  void anArticlesOriginLeavesOutDeletedSources() {
    try (Fixture f = new Fixture()) {
      ThreadId question = f.engine.execute(ANA, StartThread.question(f.open,
          "How do expense claims work?", "What is the process?", "expenses"));
      PostId kept = f.engine.execute(BO, new PostAnswer(question,
          "File the claim in the portal within 30 days."));
      PostId removed = f.engine.execute(DEE, new PostAnswer(question,
          "Keep every receipt; scans are fine."));
      ThreadId article = f.engine.execute(ANA, new PromoteToArticle(question,
          List.of(kept, removed), "Expense claims, step by step"));
      assertThat(f.engine.articleOrigin(CY, article).orElseThrow().answers())
          .containsExactly(kept, removed);
      f.engine.execute(DEE, new DeletePost(removed, "withdrawn"));
      assertThat(f.engine.articleOrigin(CY, article).orElseThrow().answers())
          .containsExactly(kept);
      f.engine.execute(ADMIN, new DeleteThread(question, "confidential"));
      assertThat(f.engine.articleOrigin(CY, article)).isEqualTo(Optional.empty());
    }
  }

  @Test
  void someoneWhoHasLeftIsNoSessionsExpertAndIsNotEndorsed() {
    try (Fixture f = new Fixture()) {
      PersonProfile cy = f.engine.person(ADMIN, PersonId.of("cy"));
      f.engine.execute(ADMIN, new UpdateProfile(cy.toBuilder()
          .status(PersonStatus.LEFT, LocalDate.of(2026, 1, 2)).build()));
      Instant start = f.clock.instant().plus(Duration.ofDays(1));
      long before = f.log.lastSequence();
      assertThatThrownBy(() -> f.engine.execute(BO, new ScheduleSession(f.payroll,
          PersonId.of("cy"), "Ask Cy about the pilot", start, start.plusSeconds(3600))))
          .isInstanceOf(ConflictException.class).hasMessageContaining("has left");
      assertThatThrownBy(() -> f.engine.execute(ANA, new Endorse(PersonId.of("cy"),
          Tag.of("payroll")))).isInstanceOf(ConflictException.class)
          .hasMessageContaining("has left");
      assertThat(f.log.lastSequence()).isEqualTo(before);
    }
  }
}
