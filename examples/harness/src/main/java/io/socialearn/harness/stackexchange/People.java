package io.socialearn.harness.stackexchange;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.UpdateProfile;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The people of an import: dump users ({@code u17}), anonymous authors of posts and comments with
 * no user ({@code anon-p12}, {@code anon-c34}), synthetic voters ({@code voter-3}) and the site's
 * moderators. Registers each through the public API the first time they are needed. Not
 * thread-safe.
 */
final class People {
  static final PersonId MODERATORS = PersonId.of("site-moderators");
  static final PersonId READER = PersonId.of("harness-reader");

  private final Commands commands;
  private final Set<Integer> users = new HashSet<>();
  private final Set<Integer> placeholders = new HashSet<>();
  private int voters;
  private Consumer<PersonId> onUser = id -> {};

  People(Commands commands) {
    this.commands = commands;
  }

  /** Runs {@code hook} right after each dump user (not anonymous, synthetic or staff) is registered. */
  void onUserRegistered(Consumer<PersonId> hook) {
    this.onUser = hook;
  }

  /** Registers the moderators and the reader that evaluations query as. */
  void registerStaff() {
    register(MODERATORS, "Site moderators", "people.staff");
    register(READER, "Evaluation reader", "people.staff");
  }

  /** A dump user's row: registers them, or names the placeholder made when they acted first. */
  void userRow(int userId, String displayName) {
    PersonId id = userId(userId);
    String name = nameOr(displayName, "user" + userId);
    if (placeholders.remove(userId)) {
      commands.run("people.renamed", Viewer.system(),
          new UpdateProfile(PersonProfile.builder(id).displayName(name).build()));
    } else if (users.add(userId)) {
      register(id, name, "people.users");
      onUser.accept(id);
    }
  }

  /**
   * The author of a post or comment: the dump user if there is one (registered now under a
   * placeholder name if their row has not come, or never comes because they were deleted), else a
   * new anonymous person named {@code anonId}.
   */
  PersonId author(int userId, String displayName, String anonId) {
    if (userId == PostIndex.NO_USER) {
      PersonId id = PersonId.of(anonId);
      register(id, nameOr(displayName, "Anonymous"), "people.anonymous");
      return id;
    }
    if (users.add(userId)) {
      placeholders.add(userId);
      register(userId(userId), nameOr(displayName, "user" + userId), "people.beforeTheirRow");
      onUser.accept(userId(userId));
    }
    return userId(userId);
  }

  /** The {@code k}-th synthetic voter (1-based), registered if new; never an author. */
  PersonId voter(int k) {
    while (voters < k) {
      voters++;
      register(PersonId.of("voter-" + voters), "Voter " + voters, "people.syntheticVoters");
    }
    return PersonId.of("voter-" + k);
  }

  static PersonId userId(int userId) {
    return PersonId.of("u" + userId);
  }

  private void register(PersonId id, String name, String counter) {
    commands.run(counter, Viewer.system(),
        new RegisterPerson(PersonProfile.builder(id).displayName(name).build()));
  }

  private static String nameOr(String name, String fallback) {
    if (name == null) {
      return fallback;
    }
    StringBuilder clean = new StringBuilder();
    name.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
    String stripped = clean.toString().strip();
    if (stripped.isEmpty()) {
      return fallback;
    }
    return stripped.codePointCount(0, stripped.length()) <= 200 ? stripped
        : stripped.substring(0, stripped.offsetByCodePoints(0, 200));
  }
}
