package io.socialearn.api.pulse;

/** How loudly a topic at risk is flagged. */
public enum RiskLevel {
  /** One person holds most of the topic's accepted answers. */
  WATCH,
  /** That person is leaving or has left. */
  HIGH
}
