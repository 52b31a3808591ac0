package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ConflictException;
import io.socialearn.api.ForbiddenException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.NotFoundException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.AddComment;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CloseThread;
import io.socialearn.api.command.Command;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.EditPost;
import io.socialearn.api.command.EditThread;
import io.socialearn.api.command.MarkDuplicate;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.ReopenThread;
import io.socialearn.api.command.RetractVote;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.command.UnacceptAnswer;
import io.socialearn.api.thread.CommentView;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.PostView;
import io.socialearn.api.thread.Revision;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadState;
import io.socialearn.api.thread.VoteDirection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadRulesTest {
  private final Fixture f = new Fixture();
  private final ThreadId question = f.engine.execute(ANA, StartThread.question(f.open,
      "How is overtime taxed?", "Which table applies in December?", "Payroll", "tax"));

  @AfterEach
  void close() {
    f.close();
  }

  /** Runs a command that must fail and checks that it appended nothing. */
  private void assertRejected(Viewer actor, Command<?> command, Class<? extends Exception> type,
      String messagePart) {
    long before = f.log.lastSequence();
    assertThatThrownBy(() -> f.engine.execute(actor, command)).isInstanceOf(type)
        .hasMessageContaining(messagePart);
    assertThat(f.log.lastSequence()).isEqualTo(before);
    assertThat(f.engine.lastSequence()).isEqualTo(before);
  }

  @Test
  void askedQuestionIsOpenWithNormalisedTagsAndAFirstRevision() {
    ThreadDetail detail = f.engine.thread(DEE, question);
    assertThat(detail.summary().state()).isEqualTo(ThreadState.OPEN);
    assertThat(detail.summary().tags()).containsExactly(Tag.of("payroll"), Tag.of("tax"));
    assertThat(detail.summary().author().value()).isEqualTo("ana");
    assertThat(f.engine.revisions(DEE, question)).singleElement()
        .satisfies(r -> assertThat(r.number()).isEqualTo(1));
  }

  @Test
  void titleBodyAndTagsAreChecked() {
    assertRejected(ANA, StartThread.question(f.open, "x".repeat(201), "body"),
        InvalidInputException.class, "title is 201 characters long; at most 200");
    assertRejected(ANA, StartThread.question(f.open, "Hi", "body"), InvalidInputException.class,
        "at least 5");
    assertRejected(ANA, StartThread.question(f.open, "A fine title", "   "),
        InvalidInputException.class, "body must not be blank");
    assertRejected(ANA, StartThread.question(f.open, "A fine title", "body", "a", "b", "c", "d",
        "e", "f"), InvalidInputException.class, "at most 5");
    assertRejected(ANA, StartThread.question(f.open, "A fine title", "body", "java", "Java"),
        InvalidInputException.class, "only once");
    assertThatThrownBy(() -> Tag.of("c++ & more")).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).rule()).isEqualTo("tagCharacters"));
    assertThatThrownBy(() -> f.engine.execute(ANA, StartThread.question(f.open, "x".repeat(201),
        "body"))).isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("title");
          assertThat(e.rule()).isEqualTo("maxLength");
        });
  }

  @Test
  void nobodyVotesOnTheirOwnPost() {
    assertRejected(ANA, new CastVote(question, VoteDirection.UP), ForbiddenException.class,
        "own post");
    PostId answer = f.engine.execute(BO, new PostAnswer(question, "January's table."));
    assertRejected(BO, new CastVote(answer, VoteDirection.UP), ForbiddenException.class,
        "own post");
  }

  @Test
  void onePersonOneVoteWhichCanBeChangedAndUndone() {
    f.engine.execute(BO, new CastVote(question, VoteDirection.UP));
    assertThat(f.engine.thread(BO, question).summary().score()).isEqualTo(1);
    assertThat(f.engine.thread(BO, question).viewerVote()).isEqualTo(VoteDirection.UP);
    assertRejected(BO, new CastVote(question, VoteDirection.UP), ConflictException.class,
        "already");

    f.engine.execute(BO, new CastVote(question, VoteDirection.DOWN));
    assertThat(f.engine.thread(BO, question).summary().score()).isEqualTo(-1);
    f.engine.execute(CY, new CastVote(question, VoteDirection.DOWN));
    assertThat(f.engine.thread(BO, question).summary().score()).isEqualTo(-2);

    f.engine.execute(BO, new RetractVote(question));
    assertThat(f.engine.thread(BO, question).summary().score()).isEqualTo(-1);
    assertThat(f.engine.thread(BO, question).viewerVote()).isNull();
    assertRejected(BO, new RetractVote(question), ConflictException.class, "no vote");
  }

  @Test
  void onlyTheAskerOrAModeratorAcceptsAndAcceptingAnotherMovesIt() {
    PostId first = f.engine.execute(BO, new PostAnswer(question, "January's table."));
    PostId second = f.engine.execute(CY, new PostAnswer(question, "December's table."));
    assertRejected(BO, new AcceptAnswer(first), ForbiddenException.class, "author or a moderator");

    f.engine.execute(ANA, new AcceptAnswer(second));
    assertThat(f.engine.thread(DEE, question).summary().acceptedAnswer()).isEqualTo(second);
    assertThat(f.engine.thread(DEE, question).summary().state()).isEqualTo(ThreadState.ANSWERED);
    assertRejected(ANA, new AcceptAnswer(second), ConflictException.class, "accepted already");

    f.engine.execute(ANA, new AcceptAnswer(first));
    ThreadDetail detail = f.engine.thread(DEE, question);
    assertThat(detail.acceptedAnswer()).map(PostView::id).contains(first);
    assertThat(detail.answers()).filteredOn(PostView::accepted).hasSize(1);

    f.engine.execute(ADMIN, new UnacceptAnswer(question));
    assertThat(f.engine.thread(DEE, question).summary().state()).isEqualTo(ThreadState.OPEN);
    assertRejected(ANA, new UnacceptAnswer(question), ConflictException.class, "no accepted");
  }

  @Test
  void discussionsTakeNoAcceptedAnswer() {
    ThreadId discussion = f.engine.execute(ANA, StartThread.discussion(f.open,
        "Four-day weeks, anyone?", "Has any team tried it?"));
    PostId reply = f.engine.execute(BO, new PostAnswer(discussion, "We did, in spring."));
    assertRejected(ANA, new AcceptAnswer(reply), ConflictException.class, "only questions");
  }

  @Test
  void answersComeAcceptedFirstThenByScoreThenOldestFirst() {
    PostId oldLow = f.engine.execute(BO, new PostAnswer(question, "first, unvoted"));
    f.clock.advance(Duration.ofMinutes(1));
    PostId high = f.engine.execute(CY, new PostAnswer(question, "second, voted up twice"));
    f.clock.advance(Duration.ofMinutes(1));
    PostId newLow = f.engine.execute(DEE, new PostAnswer(question, "third, unvoted"));
    f.clock.advance(Duration.ofMinutes(1));
    PostId accepted = f.engine.execute(BO, new PostAnswer(question, "fourth, accepted"));
    f.engine.execute(ANA, new CastVote(high, VoteDirection.UP));
    f.engine.execute(BO, new CastVote(high, VoteDirection.UP));
    f.engine.execute(ANA, new CastVote(newLow, VoteDirection.DOWN));
    f.engine.execute(ANA, new AcceptAnswer(accepted));

    assertThat(f.engine.thread(DEE, question).answers()).extracting(PostView::id)
        .containsExactly(accepted, high, oldLow, newLow);
  }

  @Test
  void closedAndDuplicateThreadsTakeNoAnswersUntilAModeratorReopens() {
    f.engine.execute(ANA, new CloseThread(question, "solved elsewhere"));
    assertRejected(BO, new PostAnswer(question, "late answer"), ConflictException.class,
        "takes no answers");
    assertRejected(ANA, new ReopenThread(question), ForbiddenException.class, "moderators");
    f.engine.execute(ADMIN, new ReopenThread(question));
    f.engine.execute(BO, new PostAnswer(question, "now it works"));

    ThreadId older = f.engine.execute(DEE, StartThread.question(f.open, "Overtime tax rules?",
        "same question, asked before"));
    f.engine.execute(ANA, new MarkDuplicate(question, older));
    ThreadDetail detail = f.engine.thread(BO, question);
    assertThat(detail.summary().state()).isEqualTo(ThreadState.DUPLICATE);
    assertThat(detail.summary().duplicateOf()).isEqualTo(older);
    assertRejected(BO, new PostAnswer(question, "another"), ConflictException.class,
        "takes no answers");
    assertRejected(ADMIN, new MarkDuplicate(older, question), ConflictException.class, "cycle");
    assertRejected(ADMIN, new MarkDuplicate(older, older), InvalidInputException.class, "itself");
  }

  @Test
  void editsKeepEveryRevision() {
    f.engine.execute(ANA, new EditThread(question, "How is December overtime taxed?",
        "Which tax table applies to hours worked in December?", List.of(Tag.of("payroll")),
        "clearer"));
    assertRejected(BO, new EditThread(question, "Hijacked title here", "body", List.of(), ""),
        ForbiddenException.class, "EDIT_OTHERS_POSTS, which this site grants by role only");
    assertRejected(ANA, new EditThread(question, "How is December overtime taxed?",
        "Which tax table applies to hours worked in December?", List.of(Tag.of("payroll")), ""),
        ConflictException.class, "changes nothing");

    List<Revision> revisions = f.engine.revisions(DEE, question);
    assertThat(revisions).extracting(Revision::number).containsExactly(1, 2);
    assertThat(revisions.get(0).title()).isEqualTo("How is overtime taxed?");
    assertThat(revisions.get(1).reason()).isEqualTo("clearer");
    ThreadDetail detail = f.engine.thread(DEE, question);
    assertThat(detail.title()).isEqualTo("How is December overtime taxed?");
    assertThat(detail.editedAt()).isNotNull();

    PostId answer = f.engine.execute(BO, new PostAnswer(question, "January's table."));
    f.engine.execute(BO, new EditPost(answer, "January's table, because pay runs late.", ""));
    assertThat(f.engine.revisions(DEE, answer)).hasSize(2);
    assertThat(f.engine.thread(DEE, question).answers().get(0).body())
        .isEqualTo("January's table, because pay runs late.");
  }

  @Test
  void commentsAttachToThreadsAndAnswers() {
    PostId answer = f.engine.execute(BO, new PostAnswer(question, "January's table."));
    f.engine.execute(CY, new AddComment(question, "Good question."));
    f.engine.execute(ANA, new AddComment(answer, "Thanks!"));
    assertRejected(ANA, new AddComment(answer, "x".repeat(1001)), InvalidInputException.class,
        "at most 1000");
    ThreadDetail detail = f.engine.thread(DEE, question);
    assertThat(detail.comments()).singleElement()
        .satisfies(c -> assertThat(c.body()).isEqualTo("Good question."));
    assertThat(detail.answers().get(0).comments()).singleElement()
        .satisfies(c -> assertThat(c.author().value()).isEqualTo("ana"));
  }

  @Test
  void aBodyIsItsLastEditsWithThatEditsTimeAndAnUneditedOneHasNone() {
    PostId answer = f.engine.execute(BO, new PostAnswer(question, "January's table."));
    PostId other = f.engine.execute(CY, new PostAnswer(question, "Ask payroll."));
    ThreadDetail before = f.engine.thread(DEE, question);
    assertThat(before.editedAt()).isNull();
    assertThat(before.answers()).extracting(PostView::editedAt).containsOnlyNulls();
    f.clock.advance(Duration.ofHours(2));
    f.engine.execute(BO, new EditPost(answer, "January's table, mostly.", ""));
    f.clock.advance(Duration.ofHours(3));
    Instant last = f.clock.instant();
    f.engine.execute(BO, new EditPost(answer, "January's table, because pay runs late.", ""));
    f.engine.execute(ANA, new EditThread(question, "How is December overtime taxed?",
        "Which table for December hours?", List.of(Tag.of("payroll")), ""));
    ThreadDetail after = f.engine.thread(DEE, question);
    assertThat(after.body()).isEqualTo("Which table for December hours?");
    assertThat(after.editedAt()).isEqualTo(last);
    PostView edited = after.answers().stream().filter(p -> p.id().equals(answer)).findFirst()
        .orElseThrow();
    assertThat(edited.body()).isEqualTo("January's table, because pay runs late.");
    assertThat(edited.editedAt()).isEqualTo(last);
    PostView untouched = after.answers().stream().filter(p -> p.id().equals(other)).findFirst()
        .orElseThrow();
    assertThat(untouched.body()).isEqualTo("Ask payroll.");
    assertThat(untouched.editedAt()).isNull();
    try (SocialLearningEngine replayed = f.replay()) {
      assertThat(replayed.thread(DEE, question)).isEqualTo(after);
    }
  }

  @Test
  void commentsAreReadBackFromTheLogInOrderWithTheirAuthorsAndTimes() {
    PostId answer = f.engine.execute(BO, new PostAnswer(question, "January's table."));
    f.clock.advance(Duration.ofMinutes(3));
    Instant first = f.clock.instant();
    f.engine.execute(CY, new AddComment(answer, "Which January?"));
    f.clock.advance(Duration.ofMinutes(5));
    f.engine.execute(ANA, new AddComment(question, "On the question."));
    f.engine.execute(BO, new AddComment(answer, "This one."));
    List<CommentView> shown = f.engine.thread(DEE, question).answers().get(0).comments();
    assertThat(shown).extracting(CommentView::body).containsExactly("Which January?", "This one.");
    assertThat(shown).extracting(c -> c.author().value()).containsExactly("cy", "bo");
    assertThat(shown).extracting(CommentView::createdAt)
        .containsExactly(first, first.plus(Duration.ofMinutes(5)));
    assertThat(shown).extracting(CommentView::target).containsOnly(answer);
    assertThat(shown.get(0).id()).isNotEqualTo(shown.get(1).id());
    try (SocialLearningEngine replayed = f.replay()) {
      assertThat(replayed.thread(DEE, question)).isEqualTo(f.engine.thread(DEE, question));
    }
  }

  @Test
  void deletingTheAcceptedAnswerRevokesTheAcceptAndHidesIt() {
    PostId answer = f.engine.execute(BO, new PostAnswer(question, "January's table."));
    f.engine.execute(ANA, new AcceptAnswer(answer));
    assertRejected(CY, new DeletePost(answer, ""), ForbiddenException.class, "author or");
    f.engine.execute(BO, new DeletePost(answer, "wrong after all"));

    ThreadDetail detail = f.engine.thread(DEE, question);
    assertThat(detail.answers()).isEmpty();
    assertThat(detail.summary().answerCount()).isZero();
    assertThat(detail.summary().state()).isEqualTo(ThreadState.OPEN);
    assertRejected(ANA, new CastVote(answer, VoteDirection.UP), NotFoundException.class,
        "post not found");
  }

  @Test
  void anAuthorDeletesAThreadOnlyWhileItHasNoAnswers() {
    f.engine.execute(BO, new PostAnswer(question, "January's table."));
    assertRejected(ANA, new DeleteThread(question, ""), ForbiddenException.class, "moderator");
    f.engine.execute(ADMIN, new DeleteThread(question, "spam"));
    assertThatThrownBy(() -> f.engine.thread(ANA, question))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theSystemCannotAuthorContent() {
    assertRejected(Viewer.system(), StartThread.question(f.open, "A system question", "body"),
        ForbiddenException.class, "system viewer");
  }
}
