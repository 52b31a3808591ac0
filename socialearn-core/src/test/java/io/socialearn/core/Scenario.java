package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.SocialearnException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.ApproveSuggestedEdit;
import io.socialearn.api.command.MakeCommunityWiki;
import io.socialearn.api.command.AddComment;
import io.socialearn.api.command.AddToSession;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CloseThread;
import io.socialearn.api.command.Command;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.EditPost;
import io.socialearn.api.command.EditThread;
import io.socialearn.api.command.JoinSpace;
import io.socialearn.api.command.LeaveSpace;
import io.socialearn.api.command.LinkAccounts;
import io.socialearn.api.command.MarkDuplicate;
import io.socialearn.api.command.FlagPost;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RecordView;
import io.socialearn.api.command.PromoteToArticle;
import io.socialearn.api.command.RemoveMember;
import io.socialearn.api.command.ResolveFlags;
import io.socialearn.api.command.ReopenThread;
import io.socialearn.api.command.RetractVote;
import io.socialearn.api.command.ScheduleSession;
import io.socialearn.api.command.ReverseVotes;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.command.UnacceptAnswer;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.FlagReason;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a random sequence of commands, valid and invalid, against a {@link Fixture}, and checks
 * after each rejected one that it left no trace in the log or the read models.
 */
final class Scenario {
  /** What a step does; the indexes pick among the people, threads and posts made so far. */
  enum Op {
    ASK, ANSWER, COMMENT, VOTE_UP, VOTE_DOWN, RETRACT, ACCEPT, UNACCEPT, CLOSE, REOPEN,
    DUPLICATE, EDIT_THREAD, EDIT_POST, DELETE_THREAD, DELETE_POST, JOIN, LEAVE, INVITE, REMOVE,
    BAD_TITLE, BAD_TAGS, LINK, REVERSE, PROMOTE, SCHEDULE, ADD_TO_SESSION, SUGGEST_EDIT,
    COMMUNITY_WIKI, VIEW, FLAG, RESOLVE_FLAGS
  }

  /** One step: an operation, who does it, two picks, and which space it aims at. */
  record Step(Op op, int actor, int first, int second, boolean inPrivateSpace) {}

  static final List<Viewer> ACTORS = List.of(Fixture.ANA, Fixture.BO, Fixture.CY, Fixture.DEE,
      Fixture.GUS, Fixture.ADMIN);

  final Fixture fixture = new Fixture();
  final List<ThreadId> threads = new ArrayList<>();
  final List<PostId> posts = new ArrayList<>();
  final List<SessionId> sessions = new ArrayList<>();
  int accepted;
  int rejected;

  void run(List<Step> steps) {
    for (Step step : steps) {
      fixture.clock.advance(Duration.ofMinutes(7));
      Viewer actor = ACTORS.get(step.actor() % ACTORS.size());
      Command<?> command = command(step);
      if (command == null) {
        continue;
      }
      long before = fixture.log.lastSequence();
      String stateBefore = fixture.engine.stateContents().toString();
      try {
        Object result = fixture.engine.execute(actor, command);
        if (result instanceof ThreadId t) {
          threads.add(t);
        } else if (result instanceof PostId p) {
          posts.add(p);
        } else if (result instanceof SessionId x) {
          sessions.add(x);
        }
        accepted++;
      } catch (SocialearnException e) {
        rejected++;
        assertThat(fixture.log.lastSequence()).as("log after rejected %s", command)
            .isEqualTo(before);
        assertThat(fixture.engine.lastSequence()).isEqualTo(before);
        assertThat(fixture.engine.stateContents().toString()).isEqualTo(stateBefore);
      }
    }
  }

  private Command<?> command(Step s) {
    SpaceId space = s.inPrivateSpace() ? fixture.payroll : fixture.open;
    ThreadId thread = pick(threads, s.first());
    PostId post = pick(posts, s.first());
    ContentRef target = s.second() % 2 == 0 || post == null ? thread : post;
    String tag = List.of("payroll", "tax", "java", "hr").get(s.second() % 4);
    return switch (s.op()) {
      case ASK -> StartThread.question(space, "Question about " + tag + " #" + s.second(),
          "What should I know about " + tag + "?", tag);
      case BAD_TITLE -> StartThread.question(space, "?", "too short a title");
      case BAD_TAGS -> new StartThread(space, io.socialearn.api.thread.ThreadKind.DISCUSSION,
          "Tags twice over", "body", List.of(Tag.of(tag), Tag.of(tag)));
      case ANSWER -> thread == null ? null : new PostAnswer(thread, "Answer " + s.second());
      case COMMENT -> target == null ? null : new AddComment(target, "Comment " + s.second());
      case VOTE_UP -> target == null ? null : new CastVote(target, VoteDirection.UP);
      case VOTE_DOWN -> target == null ? null : new CastVote(target, VoteDirection.DOWN);
      case RETRACT -> target == null ? null : new RetractVote(target);
      case ACCEPT -> post == null ? null : new AcceptAnswer(post);
      case UNACCEPT -> thread == null ? null : new UnacceptAnswer(thread);
      case CLOSE -> thread == null ? null : new CloseThread(thread, "");
      case REOPEN -> thread == null ? null : new ReopenThread(thread);
      case DUPLICATE -> thread == null ? null
          : new MarkDuplicate(thread, pick(threads, s.second()));
      case EDIT_THREAD -> thread == null ? null : new EditThread(thread,
          "Edited question " + s.second(), "Edited body " + s.second(), List.of(Tag.of(tag)), "");
      case EDIT_POST -> post == null ? null : new EditPost(post, "Edited answer " + s.second(), "");
      case DELETE_THREAD -> thread == null ? null : new DeleteThread(thread, "");
      case DELETE_POST -> post == null ? null : new DeletePost(post, "");
      case JOIN -> new JoinSpace(space);
      case LEAVE -> new LeaveSpace(space);
      case INVITE -> new SetMemberRole(space, ACTORS.get(s.second() % ACTORS.size()).person(),
          SpaceRole.values()[s.first() % SpaceRole.values().length]);
      case REMOVE -> new RemoveMember(space, ACTORS.get(s.second() % ACTORS.size()).person());
      case LINK -> new LinkAccounts(ACTORS.get(s.first() % ACTORS.size()).person(),
          ACTORS.get(s.second() % ACTORS.size()).person());
      case SCHEDULE -> new ScheduleSession(space, ACTORS.get(s.second() % ACTORS.size()).person(),
          "Session number " + s.second(), fixture.clock.instant(),
          fixture.clock.instant().plusSeconds(3600));
      case ADD_TO_SESSION -> sessions.isEmpty() || thread == null ? null
          : new AddToSession(pick(sessions, s.second()), thread);
      case PROMOTE -> thread == null ? null : new PromoteToArticle(thread,
          post == null || s.second() % 3 == 0 ? List.of() : List.of(post), "Article " + s.second());
      case SUGGEST_EDIT -> target == null ? null : new ApproveSuggestedEdit(target,
          ACTORS.get(s.second() % ACTORS.size()).person(),
          s.second() % 3 == 0 ? null : "Suggested text " + s.second(), "");
      case COMMUNITY_WIKI -> target == null ? null : new MakeCommunityWiki(target);
      case VIEW -> thread == null ? null : new RecordView(thread);
      case FLAG -> target == null ? null : new FlagPost(target,
          FlagReason.values()[s.second() % FlagReason.values().length],
          s.second() % 2 == 0 ? "" : "Note " + s.second());
      case RESOLVE_FLAGS -> target == null ? null : new ResolveFlags(target, s.second() % 2 == 0);
      case REVERSE -> new ReverseVotes(ACTORS.get(s.first() % ACTORS.size()).person(),
          ACTORS.get(s.second() % ACTORS.size()).person(), "ring");
    };
  }

  private static <T> T pick(List<T> list, int index) {
    return list.isEmpty() ? null : list.get(index % list.size());
  }

  /** Up votes minus down votes per target, folded from the log's vote events alone. */
  Map<ContentRef, Integer> foldVotes() {
    Map<ContentRef, Integer> totals = new java.util.HashMap<>();
    try (var events = fixture.log.readFrom(1)) {
      events.forEach(r -> {
        if (r.event() instanceof io.socialearn.api.event.VoteCast v) {
          totals.merge(v.target(), v.direction().value(), Integer::sum);
        } else if (r.event() instanceof io.socialearn.api.event.VoteRetracted v) {
          totals.merge(v.target(), -v.direction().value(), Integer::sum);
        }
      });
    }
    return totals;
  }
}
