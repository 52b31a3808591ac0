/**
 * socialearn's API: the vocabulary a host codes against. Start from {@link
 * io.socialearn.api.SocialLearning}; every call takes a {@link io.socialearn.api.Viewer}, and
 * every error is a {@link io.socialearn.api.SocialearnException}.
 *
 * <p>This module depends on the JDK alone. All value types are immutable records that check what
 * they are given.
 */
package io.socialearn.api;
