/**
 * Mentor matching: {@link io.socialearn.core.mentoring.MentorMatcher} pairs learners with mentors
 * as an optimal assignment (a min-cost flow) under capacities and constraints.
 */
package io.socialearn.core.mentoring;
