package io.socialearn.core;

import io.socialearn.api.NotFoundException;
import io.socialearn.api.Viewer;
import io.socialearn.api.people.PersonDirectory;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may see what. Every read and every command goes through here, so that a members-only
 * space stays invisible to non-members everywhere. Reads the state under the engine's lock.
 */
final class Access {
  private static final Logger log = LoggerFactory.getLogger(Access.class);

  private final EngineState state;
  private final PersonDirectory directory;

  Access(EngineState state, PersonDirectory directory) {
    this.state = state;
    this.directory = directory;
  }

  /** The person's profile: recorded, else from the host's directory, else null. */
  PersonProfile profileOf(PersonId person) {
    PersonProfile known = state.people.get(person);
    if (known != null || person.equals(PersonId.SYSTEM)) {
      return known;
    }
    PersonProfile found;
    try {
      found = directory.find(person).orElse(null);
    } catch (RuntimeException e) {
      log.warn("person directory failed to look up {}; treating them as unknown", person, e);
      return null;
    }
    // A directory that answers with someone else's profile would have the engine record it over
    // that person's own: it is treated as not knowing the one asked for.
    if (found != null && !found.id().equals(person)) {
      log.warn("person directory answered {} with the profile of {}; treating them as unknown",
          person, found.id());
      return null;
    }
    return found;
  }

  boolean canRead(Viewer viewer, SpaceRow space) {
    if (viewer.isAdministrator() || state.roleOf(space.id(), viewer.person()) != null) {
      return true;
    }
    if (space.visibility() == SpaceVisibility.MEMBERS_ONLY) {
      return false;
    }
    PersonProfile profile = profileOf(viewer.person());
    return profile != null && !profile.external();
  }

  boolean isModerator(Viewer viewer, SpaceId space) {
    if (viewer.isAdministrator()) {
      return true;
    }
    SpaceRole role = state.roleOf(space, viewer.person());
    return role != null && role.atLeast(SpaceRole.MODERATOR);
  }

  boolean isOwner(Viewer viewer, SpaceId space) {
    return viewer.isAdministrator() || state.roleOf(space, viewer.person()) == SpaceRole.OWNER;
  }

  Set<SpaceId> readableSpaces(Viewer viewer) {
    Set<SpaceId> readable = new HashSet<>();
    for (SpaceRow space : state.spaces.values()) {
      if (canRead(viewer, space)) {
        readable.add(space.id());
      }
    }
    return readable;
  }

  SpaceRow space(Viewer viewer, SpaceId id) {
    SpaceRow space = state.spaces.get(id);
    if (space == null || !canRead(viewer, space)) {
      throw new NotFoundException("space", id.value());
    }
    return space;
  }

  ThreadRow thread(Viewer viewer, ThreadId id) {
    ThreadRow thread = state.threads.get(id);
    if (thread == null || thread.deleted() || !canRead(viewer, state.spaces.get(thread.space()))) {
      throw new NotFoundException("thread", id.value());
    }
    return thread;
  }

  PostRow post(Viewer viewer, PostId id) {
    PostRow post = state.posts.get(id);
    if (post == null || post.deleted()) {
      throw new NotFoundException("post", id.value());
    }
    ThreadRow thread = state.threads.get(post.thread());
    if (thread.deleted() || !canRead(viewer, state.spaces.get(thread.space()))) {
      throw new NotFoundException("post", id.value());
    }
    return post;
  }

  /** The thread a content reference lives in, checking that the viewer may read it. */
  ThreadRow threadOf(Viewer viewer, ContentRef target) {
    if (target instanceof ThreadId t) {
      return thread(viewer, t);
    }
    return state.threads.get(post(viewer, (PostId) target).thread());
  }
}
