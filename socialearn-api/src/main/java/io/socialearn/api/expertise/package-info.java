/**
 * The read-side vocabulary of expertise: {@link io.socialearn.api.expertise.ExpertiseEntry} (a
 * person, a topic, a score) and the {@link io.socialearn.api.expertise.Evidence} that explains it.
 */
package io.socialearn.api.expertise;
