package io.socialearn.api.people;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What socialearn knows of a person: mostly a copy of what the host's user store says.
 *
 * <p>Immutable. Build one with {@link #builder(PersonId)}.
 *
 * @param id who this is
 * @param displayName the name shown to others, 1 to 200 characters
 * @param orgUnit the department or org unit, empty if unknown
 * @param title the job title, empty if unknown
 * @param location the site or city, empty if unknown
 * @param declaredSkills the skills the person declared, as topic tags (a weak expertise prior),
 *     kept in alphabetical order
 * @param external whether the person is an external contact (a guest): guests see only the
 *     spaces they were invited to
 * @param status active, leaving, left or away
 * @param leavingOn the day a leaving person leaves, or null
 * @param manager the person's manager, or null if the host gives no org chart
 */
public record PersonProfile(
    PersonId id,
    String displayName,
    String orgUnit,
    String title,
    String location,
    Set<Tag> declaredSkills,
    boolean external,
    PersonStatus status,
    LocalDate leavingOn,
    PersonId manager) {

  /** Validates and copies. */
  public PersonProfile {
    Validate.required("id", id);
    displayName = Validate.text("displayName", displayName, 200);
    orgUnit = optionalText("orgUnit", orgUnit);
    title = optionalText("title", title);
    location = optionalText("location", location);
    // Sorted, so that the profile (and every event holding it) is written the same way each time.
    declaredSkills = Collections.unmodifiableSortedSet(
        new TreeSet<>(Validate.set("declaredSkills", declaredSkills)));
    Validate.required("status", status);
    if (leavingOn != null && (status == PersonStatus.ACTIVE || status == PersonStatus.AWAY)) {
      throw new InvalidInputException("leavingOn", "onlyWhenLeaving",
          "leavingOn is set but status is " + status + "; use LEAVING or LEFT");
    }
    if (id.equals(manager)) {
      throw new InvalidInputException("manager", "notSelf",
          "a person cannot be their own manager");
    }
  }

  private static String optionalText(String field, String value) {
    return value == null || value.isBlank() ? "" : Validate.text(field, value, 200);
  }

  /** The day a leaving person leaves, if known. */
  public Optional<LocalDate> leavingDate() {
    return Optional.ofNullable(leavingOn);
  }

  /** The person's manager, if the host gave one. */
  public Optional<PersonId> managerId() {
    return Optional.ofNullable(manager);
  }

  /** Starts a builder for a profile of {@code id}; a display name is required. */
  public static Builder builder(PersonId id) {
    return new Builder(id);
  }

  /** Starts a builder with every field of this profile, to change a few. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.displayName = displayName;
    b.orgUnit = orgUnit;
    b.title = title;
    b.location = location;
    b.skills.addAll(declaredSkills);
    b.external = external;
    b.status = status;
    b.leavingOn = leavingOn;
    b.manager = manager;
    return b;
  }

  /** Builds a {@link PersonProfile}. Not thread-safe. */
  public static final class Builder {
    private final PersonId id;
    private String displayName;
    private String orgUnit = "";
    private String title = "";
    private String location = "";
    private final Set<Tag> skills = new TreeSet<>();
    private boolean external;
    private PersonStatus status = PersonStatus.ACTIVE;
    private LocalDate leavingOn;
    private PersonId manager;

    private Builder(PersonId id) {
      this.id = Validate.required("id", id);
    }

    /** Sets the name shown to others. */
    public Builder displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    /** Sets the department or org unit. */
    public Builder orgUnit(String orgUnit) {
      this.orgUnit = orgUnit;
      return this;
    }

    /** Sets the job title. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** Sets the site or city. */
    public Builder location(String location) {
      this.location = location;
      return this;
    }

    /**
     * Adds declared skills, each normalised as a {@link Tag}.
     *
     * @throws InvalidInputException if one is not a tag (the builder keeps the skills it had)
     */
    public Builder skills(String... skills) {
      List<Tag> tags = new ArrayList<>();
      for (String s : Validate.required("skills", skills)) {
        tags.add(Tag.of(s));
      }
      this.skills.addAll(tags);
      return this;
    }

    /**
     * Replaces the declared skills.
     *
     * @throws InvalidInputException if {@code skills} or one of them is null (the builder keeps
     *     the skills it had)
     */
    public Builder skills(Collection<Tag> skills) {
      Set<Tag> checked = Validate.set("skills", skills);
      this.skills.clear();
      this.skills.addAll(checked);
      return this;
    }

    /** Marks the person as an external contact (a guest). */
    public Builder external(boolean external) {
      this.external = external;
      return this;
    }

    /** Sets the status; for LEAVING or LEFT, {@code leavingOn} may be given. */
    public Builder status(PersonStatus status, LocalDate leavingOn) {
      this.status = status;
      this.leavingOn = leavingOn;
      return this;
    }

    /** Sets the person's manager. */
    public Builder manager(PersonId manager) {
      this.manager = manager;
      return this;
    }

    /**
     * Builds the profile.
     *
     * @throws io.socialearn.api.InvalidInputException naming the first field that is wrong
     */
    public PersonProfile build() {
      return new PersonProfile(id, displayName, orgUnit, title, location, skills, external,
          status, leavingOn, manager);
    }
  }
}
