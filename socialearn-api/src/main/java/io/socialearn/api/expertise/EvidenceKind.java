package io.socialearn.api.expertise;

/** Kinds of evidence that a person knows a topic. */
public enum EvidenceKind {
  /** An answer in the topic. */
  ANSWER,
  /** An up vote on such an answer. */
  ANSWER_UPVOTE,
  /** An accepted answer in the topic. */
  ACCEPTED_ANSWER,
  /** An answer to a question from another department. */
  CROSS_DEPARTMENT_ANSWER,
  /** A colleague's endorsement. */
  ENDORSEMENT,
  /** A skill the person declared (a weak prior). */
  DECLARED_SKILL,
  /** A question asked in the topic: a learner's signal, not expertise. */
  QUESTION_ASKED
}
