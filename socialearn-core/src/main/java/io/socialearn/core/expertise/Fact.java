package io.socialearn.core.expertise;

import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;

/**
 * One piece of evidence as the model holds it. Its topics are its thread's current tags, or
 * {@code topic} for evidence about no thread (an endorsement, a declared skill). Mutable only in
 * {@link #live}; identity matters (removal finds it by reference). Up votes are held as entries
 * of {@link Votes}; a fact is made of one only to feed the sums or for a read. An answer's
 * record ({@link ExpertiseModel.AnswerInfo}) is its answer's fact, and a thread's record ({@link
 * ExpertiseModel.ThreadInfo}) its question's.
 */
class Fact {
  private static final EvidenceKind[] KINDS = EvidenceKind.values();
  /** The bit of {@link #code} that says the fact decays; the bits below it, its kind. */
  private static final int DECAYS = 0x40;
  private static final int ANSWER = EvidenceKind.ANSWER.ordinal();
  private static final int UPVOTE = EvidenceKind.ANSWER_UPVOTE.ordinal();

  static {
    if (KINDS.length > DECAYS) {
      throw new AssertionError(KINDS.length + " kinds of evidence do not fit a fact's byte");
    }
  }

  /**
   * The kind's ordinal, or-ed with {@link #DECAYS} if the fact decays: one byte, not a
   * reference and a boolean (with the other small fields, 8 bytes less for each of a million
   * answers' records, which are facts too).
   */
  private final byte code;
  final PersonId person;
  final ContentRef source;
  final long at;
  boolean live = true;
  /**
   * The model's record of the fact's thread (null for evidence about no thread), set when the
   * fact is made: its id and space are the fact's ({@link #thread}, {@link #space}), kept there
   * rather than in each fact, and its tags need no lookup. Set once: by the constructor, or by a
   * thread's record (which is its question's fact) to itself.
   */
  ExpertiseModel.ThreadInfo threadInfo;

  /**
   * A fact about {@code threadInfo}'s thread (null for none). Its weight is not kept: it is its
   * kind's weight in the model's settings ({@link ExpertiseModel#base}).
   */
  Fact(EvidenceKind kind, PersonId person, ExpertiseModel.ThreadInfo threadInfo,
      ContentRef source, long at, boolean decays) {
    this.code = (byte) (kind.ordinal() | (decays ? DECAYS : 0));
    this.person = person;
    this.threadInfo = threadInfo;
    this.source = source;
    this.at = at;
  }

  /** The kind of evidence. */
  final EvidenceKind kind() {
    return KINDS[code & (DECAYS - 1)];
  }

  /** Whether its weight decays with its age (all but declared skills). */
  final boolean decays() {
    return (code & DECAYS) != 0;
  }

  /**
   * A fact about {@code threadInfo}'s thread (null for none), from {@code from} (null for none)
   * and on {@code topic} for evidence about no thread (else null): a fact with neither holds no
   * field for them (8 bytes less for each of a million answers' and threads' records, which are
   * facts too).
   */
  static Fact of(EvidenceKind kind, PersonId person, ExpertiseModel.ThreadInfo threadInfo,
      ContentRef source, PersonId from, long at, Tag topic, boolean decays) {
    return from == null && topic == null ? new Fact(kind, person, threadInfo, source, at, decays)
        : new Related(kind, person, threadInfo, source, from, at, topic, decays);
  }

  /** Who the evidence is from (the endorser, the asker of a question from another department). */
  PersonId from() {
    return null;
  }

  /** The topic of evidence about no thread, else null. */
  Tag topic() {
    return null;
  }

  /** A fact from someone, or on a topic of its own. */
  private static final class Related extends Fact {
    private final PersonId from;
    private final Tag topic;

    Related(EvidenceKind kind, PersonId person, ExpertiseModel.ThreadInfo threadInfo,
        ContentRef source, PersonId from, long at, Tag topic, boolean decays) {
      super(kind, person, threadInfo, source, at, decays);
      this.from = from;
      this.topic = topic;
    }

    @Override
    PersonId from() {
      return from;
    }

    @Override
    Tag topic() {
      return topic;
    }
  }

  /** The thread the fact is about, or null. */
  ThreadId thread() {
    return threadInfo == null ? null : threadInfo.id();
  }

  /** The space whose readers may see it; null for evidence outside spaces. */
  SpaceId space() {
    return threadInfo == null ? null : threadInfo.space();
  }

  /** Whether this is an answer: the activity signals count answers only. */
  boolean isAnswer() {
    return (code & (DECAYS - 1)) == ANSWER;
  }

  /** Whether this is an up vote, which the model holds in {@link Votes} rather than as a fact. */
  boolean isUpvote() {
    return (code & (DECAYS - 1)) == UPVOTE;
  }

  /**
   * Whether the model holds this fact in another form rather than as itself in its lists: an up
   * vote (in {@link Votes}) or an answer across departments (a flag of its answer's record); such
   * facts are made afresh when read, and fed to the sums like any.
   */
  boolean isHeldElsewhere() {
    EvidenceKind kind = kind();
    return kind == EvidenceKind.ANSWER_UPVOTE || kind == EvidenceKind.CROSS_DEPARTMENT_ANSWER;
  }

  /** Whether this is a vote or an accept, which an evaluation may cut off by day. */
  boolean isVoteLike() {
    EvidenceKind kind = kind();
    return kind == EvidenceKind.ANSWER_UPVOTE || kind == EvidenceKind.ACCEPTED_ANSWER;
  }
}
