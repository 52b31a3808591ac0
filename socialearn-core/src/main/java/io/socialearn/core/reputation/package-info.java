/**
 * Reputation settings a host chooses: the {@link io.socialearn.core.reputation.ReputationRules}
 * (Stack Exchange's, a gentler workplace set, or its own) and the {@link
 * io.socialearn.core.reputation.TrustPolicy}; the engine applies them (hosts read reputation
 * through it).
 */
package io.socialearn.core.reputation;
