package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.FlagReason;

/**
 * Flags a question or answer for the moderators of its space, who agree or decline with
 * {@link ResolveFlags}; flags they agree with count towards the flagger's trust level. Anyone who
 * may read the post may flag it, once while their flag is open, but not their own post (nor one
 * by an account linked to theirs, {@link LinkAccounts}); a flag for {@link
 * FlagReason#NEEDS_MODERATOR} needs a note saying what is wrong.
 *
 * @param target the question (thread) or answer
 * @param reason why
 * @param note what the flagger adds; null or empty for nothing
 */
public record FlagPost(ContentRef target, FlagReason reason, String note)
    implements Command<Done> {
  /** Checks that nothing required is missing; a null note becomes empty. */
  public FlagPost {
    Validate.required("target", target);
    Validate.required("reason", reason);
    note = note == null ? "" : note;
  }
}
