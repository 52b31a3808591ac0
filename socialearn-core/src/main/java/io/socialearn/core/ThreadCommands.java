package io.socialearn.core;

import io.socialearn.api.ConflictException;
import io.socialearn.api.ForbiddenException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.NotFoundException;
import io.socialearn.api.Validate;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.AddComment;
import io.socialearn.api.command.ApproveSuggestedEdit;
import io.socialearn.api.command.AwardBounty;
import io.socialearn.api.command.ExpireBounty;
import io.socialearn.api.command.FlagPost;
import io.socialearn.api.command.MakeCommunityWiki;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CloseThread;
import io.socialearn.api.command.Command;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.EditPost;
import io.socialearn.api.command.EditThread;
import io.socialearn.api.command.MarkDuplicate;
import io.socialearn.api.command.OfferBounty;
import io.socialearn.api.command.PromoteToArticle;
import io.socialearn.api.command.RecordView;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.ReopenThread;
import io.socialearn.api.command.ResolveFlags;
import io.socialearn.api.command.RetractVote;
import io.socialearn.api.command.ReverseVotes;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.command.UnacceptAnswer;
import io.socialearn.api.event.AcceptanceRevoked;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.ArticlePromoted;
import io.socialearn.api.event.BountyAwarded;
import io.socialearn.api.event.BountyOffered;
import io.socialearn.api.event.CommentAdded;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.FlagsResolved;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.PostEdited;
import io.socialearn.api.event.PostFlagged;
import io.socialearn.api.event.SuggestedEditApproved;
import io.socialearn.api.event.MadeCommunityWiki;
import io.socialearn.api.event.ThreadClosed;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadMarkedDuplicate;
import io.socialearn.api.event.ThreadReopened;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.ThreadViewed;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.event.VotesReversed;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.reputation.Privilege;
import io.socialearn.api.spi.IdGenerator;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.thread.CommentId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.FlagReason;
import io.socialearn.api.thread.FlaggedPost;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadState;
import io.socialearn.api.thread.VoteDirection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Decides the commands on threads, posts, comments, votes and moderation. */
final class ThreadCommands {
  private final EngineState state;
  private final Access access;
  private final Trust trust;
  private final IdGenerator ids;
  private final ContentLimits limits;
  private final AntiGamingPolicy antiGaming;

  ThreadCommands(EngineState state, Access access, Trust trust, IdGenerator ids,
      ContentLimits limits, AntiGamingPolicy antiGaming) {
    this.state = state;
    this.access = access;
    this.trust = trust;
    this.ids = ids;
    this.limits = limits;
    this.antiGaming = antiGaming;
  }

  /** Asks the generator for an id and checks it, so that a bad generator fails loudly. */
  static String newId(IdGenerator ids, String kind) {
    String id = ids.newId(kind);
    try {
      return Validate.id(kind + "Id", id);
    } catch (InvalidInputException e) {
      throw new IllegalStateException("the IdGenerator made an invalid " + kind + " id: "
          + e.getMessage(), e);
    }
  }

  /**
   * Refuses a generated id something holds already ({@code taken}): an id made twice would
   * replace what holds it, so a generator that repeats one (IdGenerator.sequential() over a log
   * that is not fresh, say) fails loudly instead, and nothing is recorded.
   */
  static void requireUnused(Object id, boolean taken, String kind) {
    if (taken) {
      throw new IllegalStateException("the IdGenerator made " + kind + " id " + id
          + ", which is in use already: ids must be unique over the log's whole life");
    }
  }

  Decision decide(Actor who, Command<?> command, List<DomainEvent> events, Instant now) {
    if (command instanceof StartThread c) {
      return start(who, c, events);
    } else if (command instanceof EditThread c) {
      return editThread(who, c, events);
    } else if (command instanceof PostAnswer c) {
      return answer(who, c, events);
    } else if (command instanceof EditPost c) {
      return editPost(who, c, events);
    } else if (command instanceof AddComment c) {
      return comment(who, c, events);
    } else if (command instanceof CastVote c) {
      return vote(who, c, events, now);
    } else if (command instanceof RetractVote c) {
      return retract(who, c, events);
    } else if (command instanceof AcceptAnswer c) {
      return accept(who, c, events);
    } else if (command instanceof UnacceptAnswer c) {
      return unaccept(who, c, events);
    } else if (command instanceof CloseThread c) {
      return close(who, c, events);
    } else if (command instanceof ReopenThread c) {
      return reopen(who, c, events);
    } else if (command instanceof MarkDuplicate c) {
      return markDuplicate(who, c, events);
    } else if (command instanceof DeleteThread c) {
      return deleteThread(who, c, events);
    } else if (command instanceof DeletePost c) {
      return deletePost(who, c, events);
    } else if (command instanceof ReverseVotes c) {
      return reverseVotes(who, c, events);
    } else if (command instanceof RecordView c) {
      who.requirePerson("view");
      ThreadRow thread = access.thread(who.viewer(), c.thread());
      if (events.isEmpty()
          && state.hasRead(thread.id(), who.person())) {
        return new Decision(List.of(), null);
      }
      events.add(new ThreadViewed(thread.id(), who.person()));
      return new Decision(events, null);
    } else if (command instanceof PromoteToArticle c) {
      return promote(who, c, events);
    } else if (command instanceof OfferBounty c) {
      return offerBounty(who, c, events);
    } else if (command instanceof AwardBounty c) {
      return awardBounty(who, c, events);
    } else if (command instanceof ExpireBounty c) {
      return expireBounty(who, c, events);
    } else if (command instanceof ApproveSuggestedEdit c) {
      return approveSuggestedEdit(who, c, events);
    } else if (command instanceof MakeCommunityWiki c) {
      return makeCommunityWiki(who, c, events);
    } else if (command instanceof FlagPost c) {
      return flag(who, c, events);
    } else if (command instanceof ResolveFlags c) {
      return resolveFlags(who, c, events);
    }
    throw new IllegalStateException("no decider for " + command.getClass().getName());
  }

  private Decision start(Actor who, StartThread c, List<DomainEvent> events) {
    who.requirePerson("start a thread");
    access.space(who.viewer(), c.space());
    String title = title(c.title());
    String body = body(c.body());
    List<Tag> tags = tags(c.tags());
    trust.checkLinks(who, body);
    ThreadId thread = ThreadId.of(newId(ids, "thread"));
    requireUnused(thread, state.threads.code(thread) >= 0, "thread");
    events.add(new ThreadStarted(thread, c.space(), c.kind(), title, body, tags, who.person()));
    return new Decision(events, thread);
  }

  private Decision editThread(Actor who, EditThread c, List<DomainEvent> events) {
    who.requirePerson("edit");
    ThreadRow thread = access.thread(who.viewer(), c.thread());
    requireEditor(who, thread.author(), thread);
    String title = title(c.title());
    String body = body(c.body());
    List<Tag> tags = tags(c.tags());
    trust.checkLinks(who, body);
    if (title.equals(thread.title()) && body.equals(state.body(thread))
        && tags.equals(thread.tags())) {
      throw new ConflictException("the edit of thread " + thread.id() + " changes nothing");
    }
    events.add(new ThreadEdited(thread.id(), title, body, tags, who.person(), reason(c.reason())));
    return new Decision(events, null);
  }

  private Decision answer(Actor who, PostAnswer c, List<DomainEvent> events) {
    who.requirePerson("answer");
    ThreadRow thread = access.thread(who.viewer(), c.thread());
    if (!thread.closure().takesAnswers()) {
      throw new ConflictException("thread " + thread.id() + " is " + thread.closure()
          + " and takes no answers");
    }
    String body = body(c.body());
    trust.checkLinks(who, body);
    PostId post = PostId.of(newId(ids, "post"));
    requireUnused(post, state.posts.code(post) >= 0, "post");
    events.add(new AnswerPosted(post, thread.id(), body, who.person()));
    return new Decision(events, post);
  }

  private Decision editPost(Actor who, EditPost c, List<DomainEvent> events) {
    who.requirePerson("edit");
    PostRow post = access.post(who.viewer(), c.post());
    ThreadRow thread = state.threads.get(post.thread());
    requireEditor(who, post.author(), thread);
    String body = body(c.body());
    trust.checkLinks(who, body);
    if (body.equals(state.body(post))) {
      throw new ConflictException("the edit of post " + post.id() + " changes nothing");
    }
    events.add(new PostEdited(post.id(), thread.id(), body, who.person(), reason(c.reason())));
    return new Decision(events, null);
  }

  private Decision comment(Actor who, AddComment c, List<DomainEvent> events) {
    who.requirePerson("comment");
    ThreadRow thread = access.threadOf(who.viewer(), c.target());
    String body = Validate.text("body", c.body(), limits.maxCommentLength());
    trust.checkLinks(who, body);
    CommentId comment = CommentId.of(newId(ids, "comment"));
    events.add(new CommentAdded(comment, c.target(), thread.id(), body, who.person()));
    return new Decision(events, comment);
  }

  private Decision vote(Actor who, CastVote c, List<DomainEvent> events, Instant now) {
    who.requirePerson("vote");
    ThreadRow thread = access.threadOf(who.viewer(), c.target());
    PersonId author = state.authorOf(c.target());
    if (author.equals(who.person())) {
      throw new ForbiddenException("vote", "nobody votes on their own post");
    }
    if (!state.spaces.get(thread.space()).features().voting()) {
      throw new ForbiddenException("vote", "voting is off in space " + thread.space());
    }
    if (c.direction() == VoteDirection.DOWN) {
      trust.require(who, Privilege.VOTE_DOWN, "vote down");
    }
    if (state.samePerson(who.person(), author)) {
      throw new ForbiddenException("vote",
          "linked accounts of one person may not vote for each other");
    }
    VoteDirection previous = currentVote(c.target(), who.person());
    if (previous == c.direction()) {
      throw new ConflictException(who.person() + " voted " + previous + " on " + c.target()
          + " already");
    }
    if (previous != null) {
      events.add(new VoteRetracted(c.target(), thread.id(), who.person(), previous, author));
    }
    events.add(new VoteCast(c.target(), thread.id(), who.person(), c.direction(), author));
    if (c.direction() == VoteDirection.UP && !antiGaming.isOff()) {
      reverseIfSerial(who.person(), author, c.target(), now, events);
    }
    return new Decision(events, null);
  }

  /**
   * Reverses the run of up votes from {@code voter} on {@code author}'s posts if the vote just
   * added completes one: the votes are retracted and a {@link VotesReversed} says why.
   */
  private void reverseIfSerial(PersonId voter, PersonId author, ContentRef newTarget,
      Instant now, List<DomainEvent> events) {
    Instant since = now.minus(antiGaming.window());
    List<ContentRef> run = new ArrayList<>();
    for (int target : state.upvotesAfter(voter, author, since)) {
      run.add(state.contentAt(target));
    }
    run.add(newTarget);
    if (run.size() < antiGaming.serialVotes()) {
      return;
    }
    for (ContentRef target : run) {
      events.add(new VoteRetracted(target, threadIdOf(target), voter, VoteDirection.UP, author));
    }
    events.add(new VotesReversed(voter, author, run.size(), "serial voting: " + run.size()
        + " up votes within " + antiGaming.window(), PersonId.SYSTEM));
  }

  private Decision promote(Actor who, PromoteToArticle c, List<DomainEvent> events) {
    who.requirePerson("promote to an article");
    ThreadRow source = access.thread(who.viewer(), c.source());
    requireAuthorOrModerator(who, source.author(), source, "promote to an article");
    String title = title(c.title());
    List<PostRow> answers = new ArrayList<>();
    if (c.answers().isEmpty()) {
      answers.addAll(bestAnswers(source));
    } else {
      Validate.range("answers", c.answers().size(), 1, 10);
      for (PostId id : c.answers()) {
        PostRow post = access.post(who.viewer(), id);
        if (!post.thread().equals(source.id())) {
          throw new InvalidInputException("answers", "sameThread",
              "answer " + id + " does not belong to thread " + source.id());
        }
        if (answers.contains(post)) {
          throw new InvalidInputException("answers", "unique", "answer " + id + " is listed twice");
        }
        answers.add(post);
      }
    }
    if (answers.isEmpty()) {
      throw new ConflictException("thread " + source.id()
          + " has no accepted or up-voted answer to promote; name the answers");
    }
    StringBuilder body = new StringBuilder("Compiled from the thread \"").append(source.title())
        .append("\" (").append(source.id()).append(").\n");
    for (PostRow answer : answers) {
      body.append("\n---\n\n").append(state.body(answer)).append("\n\n(answer ").append(answer.id())
          .append(" by ").append(answer.author()).append(")\n");
    }
    ThreadId article = ThreadId.of(newId(ids, "thread"));
    requireUnused(article, state.threads.code(article) >= 0, "thread");
    events.add(new ThreadStarted(article, source.space(), ThreadKind.ARTICLE, title,
        body(body.toString()), source.tags(), who.person()));
    events.add(new ArticlePromoted(article, source.id(),
        answers.stream().map(PostRow::id).toList()));
    return new Decision(events, article);
  }

  /** The accepted answer, then up-voted answers by score, at most 3. */
  private List<PostRow> bestAnswers(ThreadRow thread) {
    List<PostRow> best = new ArrayList<>();
    if (thread.accepted() != null) {
      best.add(state.posts.get(thread.accepted()));
    }
    state.answersOf(thread.id()).stream().map(state.posts::get)
        .filter(p -> !p.deleted() && p.score() > 0 && !p.id().equals(thread.accepted()))
        .sorted(Comparator.comparingInt(PostRow::score).reversed()
            .thenComparingLong(PostRow::createdSeq))
        .limit(3 - best.size()).forEach(best::add);
    return best;
  }

  private Decision offerBounty(Actor who, OfferBounty c, List<DomainEvent> events) {
    who.requirePerson("offer a bounty");
    ThreadRow thread = access.thread(who.viewer(), c.question());
    Validate.range("amount", c.amount(), 50, 500);
    if (thread.kind() != ThreadKind.QUESTION || !thread.closure().takesAnswers()) {
      throw new ConflictException("thread " + thread.id() + " is not an open question");
    }
    if (state.openBounties.containsKey(thread.id())) {
      throw new ConflictException("question " + thread.id() + " has an open bounty already");
    }
    int reputation = trust.reputationOf(who.person());
    if (reputation < c.amount()) {
      throw new ForbiddenException("offer bounty", "a bounty of " + c.amount()
          + " needs that much reputation; " + who.person() + " has " + reputation);
    }
    events.add(new BountyOffered(thread.id(), who.person(), c.amount()));
    return new Decision(events, null);
  }

  private Decision awardBounty(Actor who, AwardBounty c, List<DomainEvent> events) {
    who.requirePerson("award a bounty");
    PostRow post = access.post(who.viewer(), c.answer());
    EngineState.OpenBounty bounty = state.openBounties.get(post.thread());
    if (bounty == null) {
      throw new ConflictException("question " + post.thread() + " has no open bounty");
    }
    if (!bounty.offeredBy().equals(who.person())) {
      throw new ForbiddenException("award bounty", "only " + bounty.offeredBy()
          + ", who offered it, awards this bounty");
    }
    if (state.samePerson(post.author(), who.person())) {
      throw new ForbiddenException("award bounty", "a bounty cannot go to one's own answer, nor"
          + " to an account linked to one's own");
    }
    events.add(new BountyAwarded(post.thread(), post.id(), who.person(), post.author(),
        bounty.amount()));
    return new Decision(events, null);
  }

  private Decision expireBounty(Actor who, ExpireBounty c, List<DomainEvent> events) {
    if (!who.viewer().isAdministrator()) {
      throw new ForbiddenException("expire bounty", "only administrators and the system end a"
          + " lapsed bounty");
    }
    PostRow post = access.post(who.viewer(), c.answer());
    EngineState.OpenBounty bounty = state.openBounties.get(post.thread());
    if (bounty == null) {
      throw new ConflictException("question " + post.thread() + " has no open bounty");
    }
    if (state.samePerson(post.author(), bounty.offeredBy())) {
      throw new ForbiddenException("expire bounty", "a bounty cannot go to its offerer's answer,"
          + " nor to an account linked to the offerer's");
    }
    events.add(new BountyAwarded(post.thread(), post.id(), who.person(), post.author(),
        bounty.amount() / 2));
    return new Decision(events, null);
  }

  /**
   * An approved suggested edit: the edit (if it carries text) as a revision by the suggester, and
   * the approval, which the reputation rules reward.
   */
  private Decision approveSuggestedEdit(Actor who, ApproveSuggestedEdit c,
      List<DomainEvent> events) {
    ThreadRow thread = access.threadOf(who.viewer(), c.target());
    PersonId author = state.authorOf(c.target());
    if (!who.viewer().isSystem()) {
      requireEditor(who, author, thread);
    }
    if (state.samePerson(c.suggestedBy(), author)) {
      throw new InvalidInputException("suggestedBy", "notAuthor", "suggestedBy: "
          + c.suggestedBy() + " wrote " + c.target()
          + " (or an account linked to theirs did) and edits it directly; suggestions come"
          + " from others");
    }
    if (state.samePerson(c.suggestedBy(), who.person())) {
      throw new ForbiddenException("approve suggested edit", "nobody approves their own"
          + " suggestion, nor one of an account linked to theirs");
    }
    if (!state.people.containsKey(c.suggestedBy())) {
      throw new NotFoundException("person", c.suggestedBy().value());
    }
    String reason = reason(c.reason());
    if (c.body() != null) {
      String body = body(c.body());
      // Whoever approves puts the text in: links in it need their privilege, as in an edit.
      trust.checkLinks(who, body);
      if (c.target() instanceof PostId id) {
        PostRow post = state.posts.get(id);
        if (body.equals(state.body(post))) {
          throw new ConflictException("the suggested edit of post " + id + " changes nothing");
        }
        events.add(new PostEdited(id, thread.id(), body, c.suggestedBy(), reason));
      } else {
        if (body.equals(state.body(thread))) {
          throw new ConflictException("the suggested edit of thread " + thread.id()
              + " changes nothing");
        }
        events.add(new ThreadEdited(thread.id(), thread.title(), body, thread.tags(),
            c.suggestedBy(), reason));
      }
    }
    events.add(new SuggestedEditApproved(c.target(), thread.id(), c.suggestedBy(),
        who.person()));
    return new Decision(events, null);
  }

  private Decision makeCommunityWiki(Actor who, MakeCommunityWiki c, List<DomainEvent> events) {
    ThreadRow thread = access.threadOf(who.viewer(), c.target());
    if (!who.viewer().isSystem()) {
      requireAuthorOrModerator(who, state.authorOf(c.target()), thread, "make community wiki");
    }
    if (trust.isCommunityWiki(c.target())) {
      throw new ConflictException(c.target() + " is community wiki already");
    }
    events.add(new MadeCommunityWiki(c.target(), thread.id(), who.person()));
    return new Decision(events, null);
  }

  private Decision flag(Actor who, FlagPost c, List<DomainEvent> events) {
    who.requirePerson("flag");
    ThreadRow thread = access.threadOf(who.viewer(), c.target());
    if (state.samePerson(who.person(), state.authorOf(c.target()))) {
      throw new InvalidInputException("target", "notOwn", "nobody flags their own post, nor one"
          + " by an account linked to theirs");
    }
    String note = c.note().isBlank() ? ""
        : Validate.text("note", c.note(), limits.maxDescriptionLength());
    if (c.reason() == FlagReason.NEEDS_MODERATOR && note.isEmpty()) {
      throw new InvalidInputException("note", "required",
          "a flag for a moderator's attention must say what is wrong");
    }
    for (FlaggedPost.Flag open : state.openFlags.getOrDefault(c.target(), List.of())) {
      if (open.by().equals(who.person())) {
        throw new ConflictException(who.person() + " has an open flag on " + c.target()
            + " already");
      }
    }
    events.add(new PostFlagged(c.target(), thread.id(), who.person(), c.reason(), note));
    return new Decision(events, null);
  }

  private Decision resolveFlags(Actor who, ResolveFlags c, List<DomainEvent> events) {
    ThreadRow thread = access.threadOf(who.viewer(), c.target());
    if (!moderates(who, thread)) {
      throw new ForbiddenException("resolve flags", "only a moderator of the space resolves flags");
    }
    List<FlaggedPost.Flag> open = state.openFlags.get(c.target());
    if (open == null) {
      throw new ConflictException(c.target() + " has no open flags");
    }
    events.add(new FlagsResolved(c.target(), thread.id(), who.person(), c.agreed(),
        open.stream().map(FlaggedPost.Flag::by).toList()));
    return new Decision(events, null);
  }

  private Decision reverseVotes(Actor who, ReverseVotes c, List<DomainEvent> events) {
    if (!who.viewer().isAdministrator()) {
      throw new ForbiddenException("reverse votes", "only administrators reverse votes");
    }
    String reason = Validate.text("reason", c.reason(), limits.maxDescriptionLength());
    List<ContentRef> standing = state.standingUpvotes(c.voter(), c.author());
    if (standing.isEmpty()) {
      throw new ConflictException(c.voter() + " has no standing up votes on posts by "
          + c.author());
    }
    for (ContentRef target : standing) {
      events.add(new VoteRetracted(target, threadIdOf(target), c.voter(), VoteDirection.UP,
          c.author()));
    }
    events.add(new VotesReversed(c.voter(), c.author(), standing.size(), reason, who.person()));
    return new Decision(events, null);
  }

  private ThreadId threadIdOf(ContentRef target) {
    return target instanceof ThreadId t ? t : state.posts.get((PostId) target).thread();
  }

  private Decision retract(Actor who, RetractVote c, List<DomainEvent> events) {
    who.requirePerson("vote");
    ThreadRow thread = access.threadOf(who.viewer(), c.target());
    VoteDirection previous = currentVote(c.target(), who.person());
    if (previous == null) {
      throw new ConflictException(who.person() + " has no vote on " + c.target() + " to retract");
    }
    events.add(new VoteRetracted(c.target(), thread.id(), who.person(), previous,
        state.authorOf(c.target())));
    return new Decision(events, null);
  }

  private VoteDirection currentVote(ContentRef target, PersonId voter) {
    return state.voteOf(target, voter);
  }

  private Decision accept(Actor who, AcceptAnswer c, List<DomainEvent> events) {
    PostRow post = access.post(who.viewer(), c.answer());
    ThreadRow thread = state.threads.get(post.thread());
    if (thread.kind() != ThreadKind.QUESTION) {
      throw new ConflictException("thread " + thread.id() + " is a " + thread.kind()
          + "; only questions take an accepted answer");
    }
    requireAuthorOrModerator(who, thread.author(), thread, "accept");
    // Accepting one's own answer to one's own question earns nothing; anything else that puts
    // one person on both sides of an accept (a moderator's own answer to someone else's
    // question, an answer by the asker's other account) is refused.
    if (!post.author().equals(thread.author())
        && (state.samePerson(post.author(), thread.author())
            || state.samePerson(post.author(), who.person()))) {
      throw new ForbiddenException("accept", "nobody accepts an answer of their own, or of an"
          + " account linked to theirs, for someone else's question or for their own under"
          + " another account");
    }
    if (post.id().equals(thread.accepted())) {
      throw new ConflictException("post " + post.id() + " is accepted already");
    }
    if (thread.accepted() != null) {
      events.add(new AcceptanceRevoked(thread.id(), thread.accepted(), who.person(),
          state.posts.get(thread.accepted()).author()));
    }
    events.add(new AnswerAccepted(thread.id(), post.id(), who.person(), post.author()));
    return new Decision(events, null);
  }

  private Decision unaccept(Actor who, UnacceptAnswer c, List<DomainEvent> events) {
    ThreadRow thread = access.thread(who.viewer(), c.thread());
    requireAuthorOrModerator(who, thread.author(), thread, "unaccept");
    if (thread.accepted() == null) {
      throw new ConflictException("thread " + thread.id() + " has no accepted answer");
    }
    events.add(new AcceptanceRevoked(thread.id(), thread.accepted(), who.person(),
        state.posts.get(thread.accepted()).author()));
    return new Decision(events, null);
  }

  private Decision close(Actor who, CloseThread c, List<DomainEvent> events) {
    ThreadRow thread = access.thread(who.viewer(), c.thread());
    requireAuthorOrModerator(who, thread.author(), thread, "close");
    if (!thread.closure().takesAnswers()) {
      throw new ConflictException("thread " + thread.id() + " is " + thread.closure() + " already");
    }
    events.add(new ThreadClosed(thread.id(), reason(c.reason()), who.person()));
    return new Decision(events, null);
  }

  private Decision reopen(Actor who, ReopenThread c, List<DomainEvent> events) {
    ThreadRow thread = access.thread(who.viewer(), c.thread());
    if (!moderates(who, thread)) {
      throw new ForbiddenException("reopen", "only moderators reopen threads");
    }
    if (thread.closure() == ThreadState.OPEN) {
      throw new ConflictException("thread " + thread.id() + " is open already");
    }
    events.add(new ThreadReopened(thread.id(), who.person()));
    return new Decision(events, null);
  }

  private Decision markDuplicate(Actor who, MarkDuplicate c, List<DomainEvent> events) {
    ThreadRow duplicate = access.thread(who.viewer(), c.duplicate());
    ThreadRow original = access.thread(who.viewer(), c.original());
    if (duplicate.id().equals(original.id())) {
      throw new InvalidInputException("original", "notSelf",
          "a thread cannot be a duplicate of itself");
    }
    requireAuthorOrModerator(who, duplicate.author(), duplicate, "mark duplicate");
    // Whoever reads the duplicate is pointed at the original: it must be theirs to read too.
    if (!original.space().equals(duplicate.space())
        && state.spaces.get(original.space()).visibility() == SpaceVisibility.MEMBERS_ONLY) {
      throw new ForbiddenException("mark duplicate", "the original is in members-only space "
          + original.space() + ", which not everyone who reads " + duplicate.id() + " may read");
    }
    if (duplicate.closure() == ThreadState.DUPLICATE) {
      throw new ConflictException("thread " + duplicate.id() + " is a duplicate already");
    }
    if (duplicateChainReaches(original, duplicate.id())) {
      throw new ConflictException("thread " + original.id() + " is itself marked a duplicate of "
          + duplicate.id() + "; that would make a cycle");
    }
    events.add(new ThreadMarkedDuplicate(duplicate.id(), original.id(), who.person()));
    return new Decision(events, null);
  }

  private boolean duplicateChainReaches(ThreadRow from, ThreadId target) {
    Set<ThreadId> seen = new HashSet<>();
    ThreadRow row = from;
    while (row != null && row.duplicateOf() != null && seen.add(row.id())) {
      if (row.duplicateOf().equals(target)) {
        return true;
      }
      row = state.threads.get(row.duplicateOf());
    }
    return false;
  }

  private Decision deleteThread(Actor who, DeleteThread c, List<DomainEvent> events) {
    ThreadRow thread = access.thread(who.viewer(), c.thread());
    boolean moderator = moderates(who, thread);
    if (!moderator) {
      if (!thread.author().equals(who.person())) {
        throw new ForbiddenException("delete", "only the author or a moderator deletes a thread");
      }
      if (thread.answerCount() > 0) {
        throw new ForbiddenException("delete",
            "a thread with answers can be deleted only by a moderator");
      }
    }
    events.add(new ThreadDeleted(thread.id(), reason(c.reason()), who.person()));
    return new Decision(events, null);
  }

  private Decision deletePost(Actor who, DeletePost c, List<DomainEvent> events) {
    PostRow post = access.post(who.viewer(), c.post());
    ThreadRow thread = state.threads.get(post.thread());
    requireAuthorOrModerator(who, post.author(), thread, "delete");
    if (post.id().equals(thread.accepted())) {
      events.add(new AcceptanceRevoked(thread.id(), post.id(), who.person(), post.author()));
    }
    events.add(new PostDeleted(post.id(), thread.id(), reason(c.reason()), who.person()));
    return new Decision(events, null);
  }

  private void requireAuthorOrModerator(Actor who, PersonId author, ThreadRow thread,
      String action) {
    if (!author.equals(who.person()) && !moderates(who, thread)) {
      throw new ForbiddenException(action, "only the author or a moderator of the space may "
          + action);
    }
  }

  /** A moderator of the space, an administrator, or someone trusted to moderate. */
  private boolean moderates(Actor who, ThreadRow thread) {
    return access.isModerator(who.viewer(), thread.space())
        || (who.profile() != null && trust.has(who, Privilege.MODERATE));
  }

  /** The author, a moderator, or someone trusted to edit others' posts. */
  private void requireEditor(Actor who, PersonId author, ThreadRow thread) {
    if (author.equals(who.person()) || moderates(who, thread)) {
      return;
    }
    trust.require(who, Privilege.EDIT_OTHERS_POSTS, "edit");
  }

  private String title(String title) {
    return Validate.text("title", title, limits.minTitleLength(), limits.maxTitleLength());
  }

  private String body(String body) {
    return Validate.text("body", body, limits.maxBodyLength());
  }

  private String reason(String reason) {
    return reason == null || reason.isBlank() ? ""
        : Validate.text("reason", reason, limits.maxDescriptionLength());
  }

  private List<Tag> tags(List<Tag> tags) {
    if (tags.size() > limits.maxTags()) {
      throw new InvalidInputException("tags", "maxCount",
          tags.size() + " tags given; at most " + limits.maxTags() + " are allowed");
    }
    if (new HashSet<>(tags).size() != tags.size()) {
      throw new InvalidInputException("tags", "unique", "each tag may be given only once");
    }
    return tags;
  }
}
