package io.socialearn.api.pulse;

import io.socialearn.api.Validate;
import java.util.List;

/**
 * The pulse of a scope over a period, compared with the previous period: a plain value that
 * serialises to JSON (and to CSV, table by table, with {@code io.socialearn.core.pulse.PulseCsv}).
 *
 * <p>It is a fold of the event log up to {@link #lastSequence()}, so it is reproducible, and it
 * counts only threads the viewer may read. Groups smaller than {@link #minimumGroupSize()} people
 * are folded or suppressed (see {@link HelpMatrix}); per-person figures are shown only to the
 * person and to roles the host allows. Immutable.
 *
 * @param scope what it covers
 * @param period the period
 * @param previousPeriod the period of the same length before it
 * @param lastSequence the last event the report reflects
 * @param minimumGroupSize the smallest group of people shown on its own
 * @param current the figures of the period
 * @param previous the figures of the previous period
 * @param backlog the unanswered open questions at the period's end, oldest first (at most 50)
 * @param trendingTopics topics rising against their baseline, most significant first (at most 20)
 * @param unansweredTopics topics with at least 3 questions in the period, the most often
 *     unanswered first (at most 20)
 * @param help who answers whom across org units in the period
 * @param contributors who took part in the period
 * @param previousContributors who took part in the previous period
 * @param knowledgeAtRisk topics with a bus factor of 1 and at least 3 accepted answers, those whose
 *     holder is leaving first, then by accepted answers (at most 50)
 */
public record PulseReport(
    PulseScope scope,
    PulsePeriod period,
    PulsePeriod previousPeriod,
    long lastSequence,
    int minimumGroupSize,
    PulseFigures current,
    PulseFigures previous,
    List<BacklogQuestion> backlog,
    List<TopicTrend> trendingTopics,
    List<UnansweredTopic> unansweredTopics,
    HelpMatrix help,
    Contributors contributors,
    Contributors previousContributors,
    List<TopicRisk> knowledgeAtRisk) {

  /** Checks that nothing is missing (a report read back from JSON, say), and copies the lists. */
  public PulseReport {
    Validate.required("scope", scope);
    Validate.required("period", period);
    Validate.required("previousPeriod", previousPeriod);
    Validate.required("current", current);
    Validate.required("previous", previous);
    Validate.required("help", help);
    Validate.required("contributors", contributors);
    Validate.required("previousContributors", previousContributors);
    backlog = Validate.list("backlog", backlog);
    trendingTopics = Validate.list("trendingTopics", trendingTopics);
    unansweredTopics = Validate.list("unansweredTopics", unansweredTopics);
    knowledgeAtRisk = Validate.list("knowledgeAtRisk", knowledgeAtRisk);
  }
}
