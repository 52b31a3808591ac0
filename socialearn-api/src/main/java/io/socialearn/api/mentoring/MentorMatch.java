package io.socialearn.api.mentoring;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.Tag;
import java.util.List;

/**
 * One learner paired with one mentor, and why. Immutable.
 *
 * @param learner the learner
 * @param mentor the mentor
 * @param sharedTopics the learner's wanted topics the mentor offers, in name order
 * @param score how good the pair is (higher is better); the matching maximises the total
 * @param reasons sentences saying why, for people to read
 */
public record MentorMatch(
    PersonId learner, PersonId mentor, List<Tag> sharedTopics, int score, List<String> reasons) {

  /** Checks that both people are given, and copies the lists. */
  public MentorMatch {
    Validate.required("learner", learner);
    Validate.required("mentor", mentor);
    sharedTopics = Validate.list("sharedTopics", sharedTopics);
    reasons = Validate.list("reasons", reasons);
  }
}
