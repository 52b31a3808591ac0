package io.socialearn.api.pulse;

import io.socialearn.api.thread.Tag;

/**
 * A topic asked about markedly more than its own baseline. Immutable.
 *
 * <p>The baseline is the tag's mean count of questions over the periods of the same length before
 * this one (at most four); the rise is significant when the count exceeds the baseline by at
 * least two Poisson standard deviations ({@code (count - baseline) / sqrt(max(baseline, 1)) >= 2})
 * and by at least {@code 3} questions.
 *
 * @param tag the topic
 * @param questions questions with this tag in the period
 * @param baseline the mean per earlier period
 * @param rise {@code questions - baseline}
 * @param ratio {@code questions / max(baseline, 1)}
 * @param zScore {@code rise / sqrt(max(baseline, 1))}
 */
public record TopicTrend(
    Tag tag, int questions, double baseline, double rise, double ratio, double zScore) {}
