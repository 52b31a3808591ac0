package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ContentRef;

/**
 * Approves an edit that someone without the privilege to edit others' posts suggested: the edit
 * becomes a revision credited to the suggester, and the suggester earns the reputation rules'
 * reward for an approved edit. Run by the reviewer: the post's author, a moderator, someone
 * with the privilege to edit others' posts, or the system (for example an importer). The suggester may not be the post's author (authors
 * edit their own posts directly).
 *
 * <p>{@code body} is the text the suggestion makes of the post, which must differ from the
 * current one. It may be null only when the suggested text is already in place, as when a host
 * imports history from another system that kept who suggested an edit but not the text: then
 * the suggester is credited and no revision is added.
 *
 * @param target the question (thread) or answer the edit changes
 * @param suggestedBy who suggested the edit
 * @param body the edited body, or null when it is already in place
 * @param reason the suggester's note; may be empty
 */
public record ApproveSuggestedEdit(
    ContentRef target,
    PersonId suggestedBy,
    String body,
    String reason) implements Command<Done> {
  /** Checks that nothing required is missing. */
  public ApproveSuggestedEdit {
    Validate.required("target", target);
    Validate.required("suggestedBy", suggestedBy);
    Validate.required("reason", reason);
  }
}
