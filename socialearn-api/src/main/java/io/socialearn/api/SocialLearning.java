package io.socialearn.api;

import io.socialearn.api.command.Command;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseEntry;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.api.mentoring.Learner;
import io.socialearn.api.mentoring.Mentor;
import io.socialearn.api.mentoring.MentorMatching;
import io.socialearn.api.mentoring.MentoringConstraints;
import io.socialearn.api.people.ActivityItem;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.pulse.KnowledgeCapture;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.reputation.ReputationHistory;
import io.socialearn.api.reputation.TrustStatus;
import io.socialearn.api.reputation.VotingRing;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.search.TagSuggestion;
import io.socialearn.api.space.ExpertSession;
import io.socialearn.api.space.Membership;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.space.Space;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ArticleOrigin;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.FlaggedPost;
import io.socialearn.api.thread.Revision;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.ThreadSummary;
import java.util.List;
import java.util.Optional;

/**
 * socialearn as a host sees it: run commands, read what they made. Every call names the {@link
 * Viewer} it is made for, and every read shows only what that viewer may see: a thread in a
 * members-only space does not exist for a non-member, in any read.
 *
 * <p>Build one with {@code io.socialearn.core.SocialLearningEngine.builder()}. Implementations are
 * thread-safe; close it when the host shuts down.
 */
public interface SocialLearning extends AutoCloseable {

  /**
   * Validates, authorises and runs a command.
   *
   * @param actor who runs it
   * @param command what to do
   * @return the id of what the command created, or {@link Done}
   * @throws InvalidInputException if a field breaks a rule (nothing changes)
   * @throws NotFoundException if something it names does not exist for the actor
   * @throws ForbiddenException if the actor may not do this
   * @throws ConflictException if it clashes with the current state
   * @throws RateLimitedException if the actor does this too often
   */
  <R> R execute(Viewer actor, Command<R> command);

  /**
   * Reads a whole thread with its answers (accepted first, then by score, then oldest first) and
   * comments.
   *
   * @throws NotFoundException if it does not exist, was deleted, or the viewer may not read it
   */
  ThreadDetail thread(Viewer viewer, ThreadId thread);

  /**
   * Lists a space's threads in the given order, a page at a time.
   *
   * @throws NotFoundException if the space does not exist or the viewer may not read it
   */
  Page<ThreadSummary> threads(Viewer viewer, SpaceId space, ThreadSort sort, PageRequest page);

  /**
   * Lists what a person did (threads started, answers, comments), newest first, in the threads
   * the viewer may read.
   *
   * @throws NotFoundException if the person is unknown
   */
  Page<ActivityItem> activity(Viewer viewer, PersonId person, PageRequest page);

  /**
   * Returns a person's profile.
   *
   * @throws NotFoundException if the person is unknown
   */
  PersonProfile person(Viewer viewer, PersonId person);

  /**
   * A person's reputation and the changes that made it, oldest first. The score is public; the
   * changes list only those about posts the viewer may read.
   *
   * @throws NotFoundException if the person is unknown
   */
  ReputationHistory reputation(Viewer viewer, PersonId person);

  /**
   * A person's trust level, the privileges it unlocks and the figures it rests on.
   *
   * @throws NotFoundException if the person is unknown
   */
  TrustStatus trust(Viewer viewer, PersonId person);

  /**
   * The questions and answers with open flags in the spaces the viewer moderates (every space for
   * an administrator), the longest-waiting first; {@code ResolveFlags} resolves them.
   */
  List<FlaggedPost> flagQueue(Viewer viewer);

  /**
   * Pairs of people who vote mostly for each other, for moderators to look into; {@code
   * ReverseVotes} undoes such votes.
   *
   * @throws ForbiddenException unless the viewer is an administrator
   */
  List<VotingRing> votingRings(Viewer viewer);

  /** Lists the spaces the viewer may read, by name. */
  List<Space> spaces(Viewer viewer);

  /**
   * Returns one space.
   *
   * @throws NotFoundException if it does not exist or the viewer may not read it
   */
  Space space(Viewer viewer, SpaceId space);

  /**
   * Lists a space's members, owners first, then moderators, then members, each by id.
   *
   * @throws NotFoundException if it does not exist or the viewer may not read it
   */
  List<Membership> members(Viewer viewer, SpaceId space);

  /**
   * Lists every version of a thread's opening post or of an answer, oldest first.
   *
   * @throws NotFoundException if it does not exist or the viewer may not read it
   */
  List<Revision> revisions(Viewer viewer, ContentRef content);

  /**
   * Searches the threads the viewer may read: hits, total and facets count nothing else.
   *
   * @throws InvalidInputException if the query cannot be understood
   */
  SearchResults search(Viewer viewer, SearchQuery query);

  /** Searches the threads the viewer may read for {@code text}: the first {@code limit} hits. */
  default SearchResults search(Viewer viewer, String text, int limit) {
    return search(viewer, SearchQuery.of(text).limit(limit));
  }

  /**
   * The questions the viewer may read that a draft may duplicate, best first: what to show while
   * someone is still writing a question.
   */
  List<SearchHit> similarQuestions(Viewer viewer, SimilarQuery draft);

  /** Tags that threads like {@code text} carry, best first, from threads the viewer may read. */
  List<TagSuggestion> suggestTags(Viewer viewer, String text, int limit);

  /** Tags that start with {@code prefix}, most used first, from threads the viewer may read. */
  List<Tag> completeTags(Viewer viewer, String prefix, int limit);

  /**
   * The people who know about a question or topics, best first, with scores and reasons. Only
   * evidence the viewer may see counts: posts in spaces the viewer cannot read neither rank nor
   * explain anyone. A person whose accounts are linked as one person's is ranked on the
   * evidence of all of them together (their reasons count it all) and named once, under the
   * account that ranks best on its own of those that may be suggested (not one that was
   * closed, whose evidence still counts).
   *
   * @throws InvalidInputException if the query breaks a rule
   */
  List<ExpertCandidate> whoKnows(Viewer viewer, WhoKnowsQuery query);

  /**
   * Who could answer a question: who knows its text and tags as the viewer sees them, leaving
   * out its asker, people who answered it, people who are leaving or away and people already
   * asked as often today as the engine's routing allows, each under every account linked to
   * theirs; best first.
   *
   * @throws NotFoundException if the question does not exist or the viewer may not read it
   */
  List<ExpertCandidate> suggestAnswerers(Viewer viewer, ThreadId question, int limit);

  /**
   * Where an article promoted from a thread comes from (the answers it compiled that are not
   * deleted), or empty for any other thread and once the source thread is deleted.
   *
   * @throws NotFoundException if the thread does not exist or the viewer may not read it
   */
  Optional<ArticleOrigin> articleOrigin(Viewer viewer, ThreadId article);

  /**
   * An ask-the-expert session with its questions, most votes first, and whether it is scheduled,
   * live or ended.
   *
   * @throws NotFoundException if it does not exist or the viewer may not read its space
   */
  ExpertSession expertSession(Viewer viewer, SessionId session);

  /**
   * The ask-the-expert session a question was put to, if any: how hosts mark a session's threads
   * in lists and search results after it ended.
   *
   * @throws NotFoundException if the thread does not exist or the viewer may not read it
   */
  Optional<SessionId> sessionOf(Viewer viewer, ThreadId thread);

  /**
   * Whom the engine routed a question to when it was asked (empty when routing is off or nobody
   * fitted), best first: the record behind routing outcomes.
   *
   * @throws NotFoundException if the question does not exist or the viewer may not read it
   */
  List<PersonId> routedTo(Viewer viewer, ThreadId question);

  /**
   * The questions the engine routed to the viewer that still wait for them, newest first: an
   * expert's inbox of "asked of you". A question leaves it once the viewer answers it, an answer
   * is accepted, it is closed or deleted, or the viewer may no longer read its space.
   *
   * @param viewer whose inbox (their own person; empty for someone never asked)
   * @param page the page size and the cursor of the page before
   * @throws InvalidInputException if the cursor is not one this list gave
   */
  Page<ThreadSummary> questionsRoutedTo(Viewer viewer, PageRequest page);

  /**
   * A person's expertise in every topic with visible evidence, strongest first; each entry's
   * score is the sum of its evidence's weights. Evidence under any account linked to theirs
   * counts as theirs.
   *
   * @throws NotFoundException if the person is unknown
   */
  List<ExpertiseEntry> expertise(Viewer viewer, PersonId person);

  /**
   * Why a person knows a topic: the visible evidence, strongest first, with its weight after
   * recency decay; the score is their sum (0 with no evidence). Evidence under any account
   * linked to theirs counts as theirs.
   *
   * @throws NotFoundException if the person is unknown
   */
  ExpertiseEntry explain(Viewer viewer, PersonId person, Tag topic);

  /**
   * The pulse of a scope over a period, compared with the previous period: how questions fare,
   * trending and unanswered topics, help across org units, contributors and knowledge at risk.
   * Counts only threads the viewer may read; small groups are folded or suppressed and per-person
   * figures are shown only to the person and to roles the host allows.
   *
   * @throws NotFoundException if a space scope's space does not exist or the viewer may not read it
   * @throws ForbiddenException if an org-unit scope has fewer people than the minimum group size
   */
  PulseReport pulse(Viewer viewer, PulseScope scope, PulsePeriod period);

  /**
   * Pilot spaces side by side: one pulse per space over the same period, in the order given, so
   * that a department's pilot can be compared with another's before a wider roll-out.
   *
   * @throws InvalidInputException if no space or more than 20 are given
   * @throws NotFoundException if a space does not exist or the viewer may not read it
   */
  List<PulseReport> comparePilots(Viewer viewer, List<SpaceId> spaces, PulsePeriod period);

  /**
   * What to ask a person before they leave and who could take over their topics, from threads the
   * viewer may read. Per-person: only for the person themself and for roles the host allows.
   *
   * @throws NotFoundException if the person is unknown
   * @throws ForbiddenException if the viewer may not see per-person figures about them
   */
  KnowledgeCapture knowledgeCapture(Viewer viewer, PersonId person);

  /**
   * Pairs learners with mentors as an optimal assignment under capacities and constraints, with
   * the reasons for each pair; topics left empty are inferred from threads the viewer may read,
   * and a mentor's strength in a topic comes from their answers there. A person's questions and
   * answers under any of their linked accounts count as theirs. Deterministic for the same input
   * and log.
   *
   * @throws InvalidInputException if a person is listed twice on one side, under one account or
   *     two linked ones (rule {@code "unique"}), or has left (rule {@code "present"}, naming
   *     them), or a list is too long; people leaving or away may be paired
   * @throws NotFoundException if a person is unknown
   */
  MentorMatching matchMentors(Viewer viewer, List<Learner> learners, List<Mentor> mentors,
      MentoringConstraints constraints);

  /** The sequence of the last event applied to the read models. */
  long lastSequence();

  /** Closes the engine, its log and its index. */
  @Override
  void close();
}
