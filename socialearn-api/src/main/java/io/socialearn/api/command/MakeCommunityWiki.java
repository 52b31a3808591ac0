package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.ContentRef;

/**
 * Makes a question or answer community wiki: owned by everyone, so that from now on votes on it
 * earn or cost its author no reputation (votes cast before keep counting, and an accept of a
 * community-wiki answer earns its author nothing), as on Stack Exchange. Run by the author or a
 * moderator (or the system); it cannot be undone.
 *
 * @param target the question (thread) or answer
 */
public record MakeCommunityWiki(
    ContentRef target) implements Command<Done> {
  /** Checks that nothing required is missing. */
  public MakeCommunityWiki {
    Validate.required("target", target);
  }
}
