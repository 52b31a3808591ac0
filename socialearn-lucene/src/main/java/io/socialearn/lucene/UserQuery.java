package io.socialearn.lucene;

import java.util.List;

/**
 * A search as {@link UserQueryParser} understood it: words, phrases and operators, each possibly
 * negated. Immutable.
 *
 * @param clauses the clauses in the order typed
 */
record UserQuery(List<Clause> clauses) {
  UserQuery {
    clauses = List.copyOf(clauses);
  }

  /** One part of the query; {@code negated} if it was written with a leading minus. */
  sealed interface Clause {
    boolean negated();
  }

  /** A bare word, analysed like the text. */
  record Word(String text, boolean negated) implements Clause {}

  /** A quoted phrase: its words in order. */
  record Phrase(String text, boolean negated) implements Clause {}

  /** An exact-value filter: {@code tag:}, {@code author:}, {@code space:}. */
  record Term(String field, String value, boolean negated) implements Clause {}

  /** {@code is:question}, {@code is:answered} and so on. */
  record Is(Flag flag, boolean negated) implements Clause {}

  /** {@code score:>=n}: the live vote score within {@code [min, max]}. */
  record Score(long min, long max, boolean negated) implements Clause {}

  /** {@code created:>date}: creation time within {@code [fromMillis, toMillis]}. */
  record Created(long fromMillis, long toMillis, boolean negated) implements Clause {}

  /** The values {@code is:} takes. */
  enum Flag {
    QUESTION, DISCUSSION, ARTICLE, ANSWERED, UNANSWERED, ACCEPTED, OPEN, CLOSED, DUPLICATE
  }
}
