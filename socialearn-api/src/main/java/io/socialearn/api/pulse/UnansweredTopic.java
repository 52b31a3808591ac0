package io.socialearn.api.pulse;

import io.socialearn.api.thread.Tag;

/**
 * A topic whose questions of the period go unanswered. Immutable.
 *
 * @param tag the topic
 * @param questions questions with this tag asked in the period
 * @param unanswered of these, those without an answer at the period's end
 * @param unansweredShare {@code unanswered / questions}
 */
public record UnansweredTopic(Tag tag, int questions, int unanswered, double unansweredShare) {}
