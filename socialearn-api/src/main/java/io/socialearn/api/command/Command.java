package io.socialearn.api.command;

/**
 * A request to change something, run with {@link io.socialearn.api.SocialLearning#execute}.
 *
 * <p>The engine validates a command, checks that the actor may run it, and decides it into events
 * that it appends to the log. A command that fails any of these throws a {@link
 * io.socialearn.api.SocialearnException} and appends nothing.
 *
 * @param <R> what running the command returns: the id of what it created, or {@link
 *     io.socialearn.api.Done}
 */
public sealed interface Command<R>
    permits AcceptAnswer,
        AddComment,
        CastVote,
        CloseThread,
        CreateSpace,
        DeletePost,
        DeleteThread,
        EditPost,
        EditThread,
        JoinSpace,
        LeaveSpace,
        MarkDuplicate,
        PostAnswer,
        RegisterPerson,
        RemoveMember,
        ReopenThread,
        RetractVote,
        SetMemberRole,
        StartThread,
        UnacceptAnswer,
        UpdateProfile,
        LinkAccounts,
        ReverseVotes,
        RecordVisit,
        OfferBounty,
        AwardBounty,
        ExpireBounty,
        ApproveSuggestedEdit,
        MakeCommunityWiki,
        AdjustReputation,
        Endorse,
        PromoteToArticle,
        ConfigureSpace,
        ScheduleSession,
        AddToSession,
        RecordView,
        FlagPost,
        ResolveFlags {}
