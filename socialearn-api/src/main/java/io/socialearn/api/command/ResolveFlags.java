package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.ContentRef;

/**
 * Resolves every open flag on a question or answer: a moderator of its space (or an
 * administrator, or someone trusted to moderate) agrees that the flags were right, or declines
 * them. Agreed flags count towards each flagger's trust level. Deleting or editing the post is a
 * separate command.
 *
 * @param target the flagged question (thread) or answer
 * @param agreed true if the flags were right
 */
public record ResolveFlags(ContentRef target, boolean agreed) implements Command<Done> {
  /** Checks that nothing required is missing. */
  public ResolveFlags {
    Validate.required("target", target);
  }
}
