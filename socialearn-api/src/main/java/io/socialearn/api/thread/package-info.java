/**
 * Threads (questions, discussions, articles), their posts and comments, votes, tags and
 * revisions. Start from {@link io.socialearn.api.thread.ThreadDetail} for reading and from {@link
 * io.socialearn.api.command.StartThread} for writing.
 */
package io.socialearn.api.thread;
