/**
 * The read-side vocabulary of reputation: {@link io.socialearn.api.reputation.ReputationScore},
 * and the {@link io.socialearn.api.reputation.ReputationChange} history that explains it.
 */
package io.socialearn.api.reputation;
