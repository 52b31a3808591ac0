/**
 * The pulse of a community: how questions fare, which topics rise or go unanswered, who helps
 * whom across org units, who carries the answers and which knowledge rests on one person. Start
 * from {@link io.socialearn.api.pulse.PulseReport}, which {@code SocialLearning.pulse} returns for
 * a {@link io.socialearn.api.pulse.PulseScope} and a {@link io.socialearn.api.pulse.PulsePeriod},
 * and from {@link io.socialearn.api.pulse.KnowledgeCapture} for someone about to leave.
 */
package io.socialearn.api.pulse;
