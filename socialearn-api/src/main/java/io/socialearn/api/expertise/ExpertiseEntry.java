package io.socialearn.api.expertise;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.Tag;
import java.util.List;

/**
 * How much a person knows about a topic, and why.
 *
 * @param person who
 * @param topic the topic
 * @param score the score; comparable across people for the same topic
 * @param evidence the evidence, strongest first
 */
public record ExpertiseEntry(
    PersonId person,
    Tag topic,
    double score,
    List<Evidence> evidence) {
  /** Checks that nothing required is missing, and copies collections. */
  public ExpertiseEntry {
    Validate.required("person", person);
    Validate.required("topic", topic);
    evidence = Validate.list("evidence", evidence);
  }
}
