package io.socialearn.api.mentoring;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.Tag;
import java.util.Set;
import java.util.TreeSet;

/**
 * Someone willing to mentor. Immutable.
 *
 * @param person who
 * @param capacity how many learners they take, 1 to 100
 * @param topics what they offer; empty to infer it from their answers and skills (topics of
 *     their accepted and up-voted answers and their declared skills, under any of their linked
 *     accounts)
 */
public record Mentor(PersonId person, int capacity, Set<Tag> topics) {

  /** Checks and copies. */
  public Mentor {
    Validate.required("person", person);
    Validate.range("capacity", capacity, 1, 100);
    topics = Validate.set("topics", topics);
  }

  /** A mentor whose topics are inferred from their answers and declared skills. */
  public static Mentor inferred(PersonId person, int capacity) {
    return new Mentor(person, capacity, Set.of());
  }

  /** A mentor offering the given topics, each normalised as a {@link Tag}. */
  public static Mentor offering(PersonId person, int capacity, String... topics) {
    return new Mentor(person, capacity, tags(topics));
  }

  static Set<Tag> tags(String... topics) {
    Set<Tag> tags = new TreeSet<>();
    for (String topic : topics) {
      tags.add(Tag.of(topic));
    }
    return tags;
  }
}
