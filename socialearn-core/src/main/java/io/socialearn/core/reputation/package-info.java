/**
 * Reputation: the {@link io.socialearn.core.reputation.ReputationRules} a host chooses (Stack
 * Exchange's, a gentler workplace set, or its own) and the {@link
 * io.socialearn.core.reputation.ReputationLedger} projection that applies them.
 */
package io.socialearn.core.reputation;
