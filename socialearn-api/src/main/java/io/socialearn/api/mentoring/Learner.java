package io.socialearn.api.mentoring;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.Tag;
import java.util.Set;

/**
 * Someone who wants a mentor. Immutable.
 *
 * @param person who
 * @param wantedTopics what they want to learn; empty to infer it from the tags of the questions
 *     they asked (under any of their linked accounts)
 */
public record Learner(PersonId person, Set<Tag> wantedTopics) {

  /** Checks and copies. */
  public Learner {
    Validate.required("person", person);
    wantedTopics = Validate.set("wantedTopics", wantedTopics);
  }

  /** A learner whose topics are inferred from what they asked. */
  public static Learner inferred(PersonId person) {
    return new Learner(person, Set.of());
  }

  /** A learner with declared topics, each normalised as a {@link Tag}. */
  public static Learner wanting(PersonId person, String... topics) {
    return new Learner(person, Mentor.tags(topics));
  }
}
