package io.socialearn.api.pulse;

/**
 * How the questions asked in one period that socialearn routed to people fared, as known at the
 * period's end: whether someone who was asked answered, and whose answer was accepted. It tells
 * a manager whether asking people works (compare {@link #answeredShare()} with the period's
 * {@link PulseFigures#answeredShare()}), never who ignored a request.
 *
 * <p>A question counts as routed when a {@link io.socialearn.api.event.QuestionRouted} event
 * names it (the engine's routing policy records one as the question is asked); "asked" are the
 * people it names. Times are in minutes from the question's creation; a figure over no questions
 * is null; medians and p90 are as in {@link PulseFigures}. Privacy: what the people asked did
 * (how many of the asks they answered, the questions answered by or accepted from someone asked,
 * and how soon they answered) describes those people, so when fewer people than the minimum
 * group size were asked (but more than none) all of it is null: with one person asked it would
 * be that person's own rate. Immutable.
 *
 * @param routed questions asked in the period that were routed to at least one person
 * @param answered of these, questions with at least one answer (by anyone)
 * @param answeredShare {@code answered / routed}, or null
 * @param answeredByAsked of these, questions with an answer by someone asked, or null (privacy)
 * @param answeredByAskedShare {@code answeredByAsked / routed}, or null
 * @param acceptedFromAsked of these, questions whose accepted answer is by someone asked, or null
 *     (privacy)
 * @param acceptedFromAskedShare {@code acceptedFromAsked / routed}, or null
 * @param medianAskedAnswerMinutes over questions answered by someone asked, to the earliest such
 *     answer, or null (none, or privacy)
 * @param p90AskedAnswerMinutes over questions answered by someone asked, to the earliest such
 *     answer, or null (none, or privacy)
 * @param asks requests made: people asked, summed over the routed questions (a person asked
 *     under two linked accounts is asked once, and answers under either)
 * @param peopleAsked distinct people asked, one person's linked accounts counted as one
 * @param asksAnswered of the requests, those the person asked answered, or null (privacy)
 * @param asksAnsweredShare {@code asksAnswered / asks}, or null
 */
public record RoutingOutcomes(
    int routed,
    int answered,
    Double answeredShare,
    Integer answeredByAsked,
    Double answeredByAskedShare,
    Integer acceptedFromAsked,
    Double acceptedFromAskedShare,
    Double medianAskedAnswerMinutes,
    Double p90AskedAnswerMinutes,
    int asks,
    int peopleAsked,
    Integer asksAnswered,
    Double asksAnsweredShare) {

  /** No question routed: every count 0, every share and time null. */
  public static RoutingOutcomes none() {
    return new RoutingOutcomes(0, 0, null, 0, null, 0, null, null, null, 0, 0, 0, null);
  }
}
