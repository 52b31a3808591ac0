package io.socialearn.api.thread;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import java.time.Instant;
import java.util.List;

/**
 * A question or answer with open flags, as a moderator's queue shows it.
 *
 * @param target the flagged question (its thread) or answer
 * @param thread the thread it belongs to
 * @param space the space the thread is in
 * @param flags the open flags, oldest first, one per person
 */
public record FlaggedPost(
    ContentRef target, ThreadId thread, SpaceId space, List<Flag> flags) {
  /** Checks that nothing required is missing, and copies the list. */
  public FlaggedPost {
    Validate.required("target", target);
    Validate.required("thread", thread);
    Validate.required("space", space);
    flags = Validate.list("flags", flags);
  }

  /**
   * One person's open flag.
   *
   * @param by who flagged
   * @param reason why
   * @param note what they added (empty if nothing)
   * @param at when
   */
  public record Flag(PersonId by, FlagReason reason, String note, Instant at) {
    /** Checks that nothing required is missing. */
    public Flag {
      Validate.required("by", by);
      Validate.required("reason", reason);
      Validate.required("note", note);
      Validate.required("at", at);
    }
  }
}
