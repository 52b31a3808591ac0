package io.socialearn.api.event;

/**
 * Something that happened, as recorded in the {@link EventLog}. Events are facts: they are never
 * changed or removed, and every read model is a fold over them.
 *
 * <p>Events name the people involved (a vote's voter and the author voted on) so that a
 * projection can fold them without looking anything up.
 */
public sealed interface DomainEvent
    permits AcceptanceRevoked,
        AnswerAccepted,
        AnswerPosted,
        CommentAdded,
        MemberRemoved,
        MemberRoleSet,
        PersonRegistered,
        PostDeleted,
        PostEdited,
        ProfileUpdated,
        SpaceCreated,
        ThreadClosed,
        ThreadDeleted,
        ThreadEdited,
        ThreadMarkedDuplicate,
        ThreadReopened,
        ThreadStarted,
        VoteCast,
        VoteRetracted,
        AccountsLinked,
        VotesReversed,
        PersonVisited,
        BountyOffered,
        BountyAwarded,
        SuggestedEditApproved,
        MadeCommunityWiki,
        ReputationAdjusted,
        PersonEndorsed,
        QuestionRouted,
        ArticlePromoted,
        SpaceConfigured,
        SessionScheduled,
        QuestionAddedToSession,
        ThreadViewed,
        PostFlagged,
        FlagsResolved {}
