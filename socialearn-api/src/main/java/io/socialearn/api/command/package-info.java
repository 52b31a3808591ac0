/**
 * Commands: every change a host can ask for, as immutable records run with {@link
 * io.socialearn.api.SocialLearning#execute}. Start from {@link io.socialearn.api.command.Command}.
 */
package io.socialearn.api.command;
