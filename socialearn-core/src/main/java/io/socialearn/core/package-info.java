/**
 * The socialearn engine. Start from {@link io.socialearn.core.SocialLearningEngine#builder()}.
 *
 * <p>Everything but the engine, its builder and its settings ({@link
 * io.socialearn.core.ContentLimits}, {@link io.socialearn.core.WriteRateLimit}) is package-private:
 * the deciders that turn commands into events, the state they fold into, and the access rules.
 */
package io.socialearn.core;
