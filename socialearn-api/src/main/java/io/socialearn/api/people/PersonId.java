package io.socialearn.api.people;

import io.socialearn.api.Validate;

/**
 * A person, as the host's user store names them (an LDAP uid, an LMS user id).
 *
 * @param value 1 to 128 characters of letters, digits and {@code . _ - : @ +}
 */
public record PersonId(String value) {
  /** The id of the {@link io.socialearn.api.Viewer#system() system} actor. */
  public static final PersonId SYSTEM = new PersonId("@system");

  /** Validates the id; see {@link Validate#id(String, String)}. */
  public PersonId {
    Validate.id("personId", value);
  }

  /** Returns the id for {@code value}. */
  public static PersonId of(String value) {
    return new PersonId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
