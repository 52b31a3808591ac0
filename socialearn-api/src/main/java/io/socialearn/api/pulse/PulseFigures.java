package io.socialearn.api.pulse;

import io.socialearn.api.Validate;

/**
 * How the questions asked in one period fared, as known at the period's end: answers posted and
 * accepts made after the end do not count, so new activity never changes a past period's
 * figures. What the pulse keeps of a question is its present state, not its history, though: a
 * question's accept later moved to another answer or taken back, a question closed, reopened or
 * marked a duplicate later, and content deleted later show in past periods as they stand now.
 *
 * <p>Times are in minutes from a question's creation; a figure over no questions is null. The
 * median of an even count is the mean of the middle two; p90 is the nearest-rank 90th percentile.
 * Immutable.
 *
 * @param questions questions asked in the period
 * @param answered of these, questions with at least one answer
 * @param answeredShare {@code answered / questions}, or null
 * @param accepted of these, questions with an accepted answer
 * @param acceptedShare {@code accepted / questions}, or null
 * @param medianFirstAnswerMinutes over answered questions, to the earliest answer
 * @param p90FirstAnswerMinutes over answered questions, to the earliest answer
 * @param medianAcceptedAnswerMinutes over accepted questions, to the accepted answer's posting
 * @param p90AcceptedAnswerMinutes over accepted questions, to the accepted answer's posting
 * @param answers answers posted in the period (to questions of any age)
 * @param backlog questions open now without any answer at the period's end, asked at any time
 *     before
 * @param routing how those of the period's questions that were routed to people fared
 */
public record PulseFigures(
    int questions,
    int answered,
    Double answeredShare,
    int accepted,
    Double acceptedShare,
    Double medianFirstAnswerMinutes,
    Double p90FirstAnswerMinutes,
    Double medianAcceptedAnswerMinutes,
    Double p90AcceptedAnswerMinutes,
    int answers,
    int backlog,
    RoutingOutcomes routing) {

  /** Checks that the routing outcomes are given ({@link RoutingOutcomes#none()} for none). */
  public PulseFigures {
    Validate.required("routing", routing);
  }
}
