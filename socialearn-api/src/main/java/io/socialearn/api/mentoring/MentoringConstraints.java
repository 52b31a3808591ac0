package io.socialearn.api.mentoring;

/**
 * Rules for pairing learners with mentors. Immutable.
 *
 * @param avoidSameManager never pair two people who have the same manager (when the host gives
 *     managers); a person is never paired with themselves whatever this says
 * @param preferCrossDepartment prefer pairs from different org units (a bonus, not a rule)
 */
public record MentoringConstraints(boolean avoidSameManager, boolean preferCrossDepartment) {

  /** Same-manager pairs avoided, no preference about departments. */
  public static MentoringConstraints defaults() {
    return new MentoringConstraints(true, false);
  }

  /** Same-manager pairs avoided, pairs across departments preferred. */
  public static MentoringConstraints acrossDepartments() {
    return new MentoringConstraints(true, true);
  }
}
