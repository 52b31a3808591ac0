/**
 * Not API: the reputation projection the engine folds, {@link
 * io.socialearn.core.internal.reputation.ReputationLedger}, which applies a host's {@link
 * io.socialearn.core.reputation.ReputationRules}; hosts read reputation through the engine.
 */
package io.socialearn.core.internal.reputation;
