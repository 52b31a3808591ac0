/**
 * Expertise: the {@link io.socialearn.core.expertise.ExpertiseModel} projection (per person and
 * topic, evidence with recency decay) and the "who knows" ranking that combines it with the search
 * index's document model.
 */
package io.socialearn.core.expertise;
