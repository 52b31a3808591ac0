package io.socialearn.api.pulse;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan to keep what someone knows before they leave: their topics (those where they wrote more
 * than half of the accepted answers), the questions worth asking them, and who could take over.
 * Counts only threads the viewer may read. Immutable.
 *
 * @param person whose knowledge
 * @param leaving whether they are marked as leaving or gone, under any of their linked accounts
 * @param leavingOn their last day, if known (the earliest, if several accounts give one)
 * @param topics their topics, as {@link TopicRisk}s with them as holder, most accepted answers
 *     first
 * @param questionsToAsk unanswered questions in their topics, then questions only they answered
 *     (under any of their linked accounts), each group most read first, then most voted; at
 *     most 20
 * @param successors for each topic, up to three people who are not leaving (under any of their
 *     linked accounts), by accepted answers then answers in it
 */
public record KnowledgeCapture(
    PersonId person,
    boolean leaving,
    LocalDate leavingOn,
    List<TopicRisk> topics,
    List<CaptureQuestion> questionsToAsk,
    List<Successor> successors) {

  /** Checks that the person is given, and copies the lists. */
  public KnowledgeCapture {
    Validate.required("person", person);
    topics = Validate.list("topics", topics);
    questionsToAsk = Validate.list("questionsToAsk", questionsToAsk);
    successors = Validate.list("successors", successors);
  }
}
