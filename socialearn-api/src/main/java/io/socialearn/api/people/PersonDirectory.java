package io.socialearn.api.people;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SPI: the host's own user store (LDAP, the LMS's users), which stays the source of people.
 *
 * <p>When someone socialearn has not seen yet acts, the engine asks the directory for their
 * profile and records it; a person the directory does not know cannot act. Implementations must
 * be thread-safe and should be fast (cache if the store is remote).
 */
@FunctionalInterface
public interface PersonDirectory {

  /** Returns the profile of {@code id}, or empty if the store does not know them. */
  Optional<PersonProfile> find(PersonId id);

  /** A directory that knows nobody: people are registered only by command. */
  static PersonDirectory none() {
    return id -> Optional.empty();
  }

  /** A fixed directory of the given profiles, for tests and demos. */
  static PersonDirectory of(Collection<PersonProfile> profiles) {
    Map<PersonId, PersonProfile> byId = Map.copyOf(
        profiles.stream().collect(Collectors.toMap(PersonProfile::id, Function.identity())));
    return id -> Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }
}
