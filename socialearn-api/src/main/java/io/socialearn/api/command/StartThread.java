package io.socialearn.api.command;

import io.socialearn.api.Validate;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import java.util.List;

/**
 * Starts a thread: asks a question, opens a discussion or publishes an article.
 *
 * @param space where; the actor must be allowed to post there
 * @param kind question, discussion or article
 * @param title the title
 * @param body the opening post (Markdown)
 * @param tags topic tags, each at most once
 */
public record StartThread(
    SpaceId space,
    ThreadKind kind,
    String title,
    String body,
    List<Tag> tags) implements Command<ThreadId> {
  /** Checks that nothing required is missing, and copies collections. */
  public StartThread {
    Validate.required("space", space);
    Validate.required("kind", kind);
    Validate.required("title", title);
    Validate.required("body", body);
    tags = Validate.list("tags", tags);
  }

  /** Asks a question; {@code tags} are normalised with {@link Tag#of(String)}. */
  public static StartThread question(SpaceId space, String title, String body, String... tags) {
    return new StartThread(space, ThreadKind.QUESTION, title, body, tagsOf(tags));
  }

  /** Opens a discussion; {@code tags} are normalised with {@link Tag#of(String)}. */
  public static StartThread discussion(SpaceId space, String title, String body, String... tags) {
    return new StartThread(space, ThreadKind.DISCUSSION, title, body, tagsOf(tags));
  }

  /** Publishes an article; {@code tags} are normalised with {@link Tag#of(String)}. */
  public static StartThread article(SpaceId space, String title, String body, String... tags) {
    return new StartThread(space, ThreadKind.ARTICLE, title, body, tagsOf(tags));
  }

  static List<Tag> tagsOf(String... tags) {
    return java.util.Arrays.stream(tags).map(Tag::of).toList();
  }
}
