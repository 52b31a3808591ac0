/**
 * Mentoring: learners paired with mentors by topic, capacity and organisational distance. Start
 * from {@code SocialLearning.matchMentors} with {@link io.socialearn.api.mentoring.Learner}s,
 * {@link io.socialearn.api.mentoring.Mentor}s and {@link
 * io.socialearn.api.mentoring.MentoringConstraints}; it returns a {@link
 * io.socialearn.api.mentoring.MentorMatching}.
 */
package io.socialearn.api.mentoring;
