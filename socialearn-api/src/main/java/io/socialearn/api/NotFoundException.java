package io.socialearn.api;

import java.util.Objects;

/**
 * Something named by id does not exist, or the viewer may not know that it exists.
 *
 * <p>A thread in a members-only space is reported as not found to a non-member, exactly as a
 * thread that never existed, so that the error itself reveals nothing.
 */
public final class NotFoundException extends SocialearnException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String id;

  /**
   * Creates the exception.
   *
   * @param kind what was looked for, for example {@code "thread"}
   * @param id the id that was not found
   */
  public NotFoundException(String kind, String id) {
    super(Objects.requireNonNull(kind, "kind") + " not found: " + Objects.requireNonNull(id, "id"));
    this.kind = kind;
    this.id = id;
  }

  /** What was looked for, for example {@code "thread"}, {@code "person"} or {@code "space"}. */
  public String kind() {
    return kind;
  }

  /** The id that was not found. */
  public String id() {
    return id;
  }
}
