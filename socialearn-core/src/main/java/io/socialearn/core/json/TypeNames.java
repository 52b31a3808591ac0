package io.socialearn.core.json;

import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.AddComment;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CloseThread;
import io.socialearn.api.command.Command;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.EditPost;
import io.socialearn.api.command.EditThread;
import io.socialearn.api.command.JoinSpace;
import io.socialearn.api.command.LeaveSpace;
import io.socialearn.api.command.MarkDuplicate;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.RemoveMember;
import io.socialearn.api.command.ReopenThread;
import io.socialearn.api.command.RetractVote;
import io.socialearn.api.command.ReverseVotes;
import io.socialearn.api.command.LinkAccounts;
import io.socialearn.api.command.RecordVisit;
import io.socialearn.api.command.Endorse;
import io.socialearn.api.command.OfferBounty;
import io.socialearn.api.command.AwardBounty;
import io.socialearn.api.command.ApproveSuggestedEdit;
import io.socialearn.api.command.ExpireBounty;
import io.socialearn.api.command.MakeCommunityWiki;
import io.socialearn.api.command.AdjustReputation;
import io.socialearn.api.command.PromoteToArticle;
import io.socialearn.api.command.ConfigureSpace;
import io.socialearn.api.command.ScheduleSession;
import io.socialearn.api.command.RecordView;
import io.socialearn.api.command.FlagPost;
import io.socialearn.api.command.ResolveFlags;
import io.socialearn.api.command.AddToSession;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.command.UnacceptAnswer;
import io.socialearn.api.command.UpdateProfile;
import io.socialearn.api.event.AcceptanceRevoked;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.CommentAdded;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.MemberRemoved;
import io.socialearn.api.event.MemberRoleSet;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.PostEdited;
import io.socialearn.api.event.ProfileUpdated;
import io.socialearn.api.event.SpaceCreated;
import io.socialearn.api.event.ThreadClosed;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadMarkedDuplicate;
import io.socialearn.api.event.ThreadReopened;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.event.VotesReversed;
import io.socialearn.api.event.AccountsLinked;
import io.socialearn.api.event.PersonVisited;
import io.socialearn.api.event.PersonEndorsed;
import io.socialearn.api.event.BountyOffered;
import io.socialearn.api.event.BountyAwarded;
import io.socialearn.api.event.SuggestedEditApproved;
import io.socialearn.api.event.MadeCommunityWiki;
import io.socialearn.api.event.ReputationAdjusted;
import io.socialearn.api.event.QuestionRouted;
import io.socialearn.api.event.ArticlePromoted;
import io.socialearn.api.event.SpaceConfigured;
import io.socialearn.api.event.SessionScheduled;
import io.socialearn.api.event.ThreadViewed;
import io.socialearn.api.event.PostFlagged;
import io.socialearn.api.event.FlagsResolved;
import io.socialearn.api.event.QuestionAddedToSession;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one table of stable JSON type names: events, commands and the two kinds of content a
 * {@link ContentRef} points at.
 *
 * <p>These names are written into stored events; never rename one. A new event or command needs
 * a new row here, and class initialisation fails (naming the missing classes) until it has one,
 * so that no type is ever written under Jackson's fallback name. Immutable and thread-safe.
 */
final class TypeNames {

  /** Event class to type name, in the order of the table below. */
  static final Map<Class<?>, String> EVENTS;

  /** Command class to type name. */
  static final Map<Class<?>, String> COMMANDS;

  /** ContentRef kind to the key that wraps its id. */
  static final Map<Class<?>, String> CONTENT_REFS;

  static {
    Map<Class<?>, String> events = new LinkedHashMap<>();
    events.put(PersonRegistered.class, "person.registered");
    events.put(ProfileUpdated.class, "profile.updated");
    events.put(SpaceCreated.class, "space.created");
    events.put(MemberRoleSet.class, "member.role-set");
    events.put(MemberRemoved.class, "member.removed");
    events.put(ThreadStarted.class, "thread.started");
    events.put(ThreadEdited.class, "thread.edited");
    events.put(ThreadClosed.class, "thread.closed");
    events.put(ThreadReopened.class, "thread.reopened");
    events.put(ThreadMarkedDuplicate.class, "thread.marked-duplicate");
    events.put(ThreadDeleted.class, "thread.deleted");
    events.put(AnswerPosted.class, "answer.posted");
    events.put(PostEdited.class, "post.edited");
    events.put(PostDeleted.class, "post.deleted");
    events.put(CommentAdded.class, "comment.added");
    events.put(AnswerAccepted.class, "answer.accepted");
    events.put(AcceptanceRevoked.class, "acceptance.revoked");
    events.put(VoteCast.class, "vote.cast");
    events.put(VoteRetracted.class, "vote.retracted");
    events.put(VotesReversed.class, "votes.reversed");
    events.put(AccountsLinked.class, "accounts.linked");
    events.put(PersonVisited.class, "person.visited");
    events.put(PersonEndorsed.class, "person.endorsed");
    events.put(BountyOffered.class, "bounty.offered");
    events.put(BountyAwarded.class, "bounty.awarded");
    events.put(SuggestedEditApproved.class, "suggested-edit.approved");
    events.put(MadeCommunityWiki.class, "community-wiki.made");
    events.put(ReputationAdjusted.class, "reputation.adjusted");
    events.put(QuestionRouted.class, "question.routed");
    events.put(ArticlePromoted.class, "article.promoted");
    events.put(SpaceConfigured.class, "space.configured");
    events.put(SessionScheduled.class, "session.scheduled");
    events.put(ThreadViewed.class, "thread.viewed");
    events.put(PostFlagged.class, "post.flagged");
    events.put(FlagsResolved.class, "flags.resolved");
    events.put(QuestionAddedToSession.class, "session.question-added");
    EVENTS = checked(DomainEvent.class, events);

    Map<Class<?>, String> commands = new LinkedHashMap<>();
    commands.put(RegisterPerson.class, "register-person");
    commands.put(UpdateProfile.class, "update-profile");
    commands.put(CreateSpace.class, "create-space");
    commands.put(JoinSpace.class, "join-space");
    commands.put(LeaveSpace.class, "leave-space");
    commands.put(SetMemberRole.class, "set-member-role");
    commands.put(RemoveMember.class, "remove-member");
    commands.put(StartThread.class, "start-thread");
    commands.put(EditThread.class, "edit-thread");
    commands.put(CloseThread.class, "close-thread");
    commands.put(ReopenThread.class, "reopen-thread");
    commands.put(MarkDuplicate.class, "mark-duplicate");
    commands.put(DeleteThread.class, "delete-thread");
    commands.put(PostAnswer.class, "post-answer");
    commands.put(EditPost.class, "edit-post");
    commands.put(DeletePost.class, "delete-post");
    commands.put(AddComment.class, "add-comment");
    commands.put(AcceptAnswer.class, "accept-answer");
    commands.put(UnacceptAnswer.class, "unaccept-answer");
    commands.put(CastVote.class, "cast-vote");
    commands.put(RetractVote.class, "retract-vote");
    commands.put(ReverseVotes.class, "reverse-votes");
    commands.put(LinkAccounts.class, "link-accounts");
    commands.put(RecordVisit.class, "record-visit");
    commands.put(Endorse.class, "endorse-person");
    commands.put(OfferBounty.class, "offer-bounty");
    commands.put(AwardBounty.class, "award-bounty");
    commands.put(ExpireBounty.class, "expire-bounty");
    commands.put(ApproveSuggestedEdit.class, "approve-suggested-edit");
    commands.put(MakeCommunityWiki.class, "make-community-wiki");
    commands.put(AdjustReputation.class, "adjust-reputation");
    commands.put(PromoteToArticle.class, "promote-to-article");
    commands.put(ConfigureSpace.class, "configure-space");
    commands.put(ScheduleSession.class, "schedule-session");
    commands.put(RecordView.class, "record-view");
    commands.put(FlagPost.class, "flag-post");
    commands.put(ResolveFlags.class, "resolve-flags");
    commands.put(AddToSession.class, "add-to-session");
    COMMANDS = checked(Command.class, commands);

    Map<Class<?>, String> refs = new LinkedHashMap<>();
    refs.put(ThreadId.class, "thread");
    refs.put(PostId.class, "post");
    CONTENT_REFS = checked(ContentRef.class, refs);
  }

  private TypeNames() {}

  /** Returns the type name of {@code type}, or {@code null} if the table has none. */
  static String nameOf(Class<?> type) {
    String name = EVENTS.get(type);
    if (name == null) {
      name = COMMANDS.get(type);
    }
    if (name == null) {
      name = CONTENT_REFS.get(type);
    }
    return name;
  }

  /** Checks that {@code table} names exactly the permitted subclasses of {@code base}, uniquely. */
  private static Map<Class<?>, String> checked(Class<?> base, Map<Class<?>, String> table) {
    Set<Class<?>> permitted = new HashSet<>(Arrays.asList(base.getPermittedSubclasses()));
    if (!permitted.equals(table.keySet())) {
      Set<String> missing = new TreeSet<>();
      permitted.stream().filter(c -> !table.containsKey(c)).forEach(c -> missing.add(c.getName()));
      Set<String> extra = new TreeSet<>();
      table.keySet().stream().filter(c -> !permitted.contains(c)).forEach(c -> extra.add(c.getName()));
      throw new IllegalStateException("JSON type names for " + base.getName()
          + " are out of date with its permitted subclasses; without a name: " + missing
          + "; not permitted: " + extra + ". Update " + TypeNames.class.getName());
    }
    if (new HashSet<>(table.values()).size() != table.size()) {
      throw new IllegalStateException("duplicate JSON type name for " + base.getName() + ": "
          + table.values());
    }
    return Collections.unmodifiableMap(table);
  }
}
