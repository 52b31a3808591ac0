package io.socialearn.api.search;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.util.List;
import java.util.Set;

/**
 * A draft question, to find the questions it may duplicate before it is posted. Immutable.
 *
 * @param title the draft's title, possibly empty while the person is still typing the body
 * @param body the draft's body, possibly empty
 * @param tags the draft's tags
 * @param limit the most questions to return, 1 to 100
 * @param within if not empty, only these threads are candidates (for re-ranking a given list);
 *     the viewer's access still applies
 */
public record SimilarQuery(String title, String body, List<Tag> tags, int limit,
    Set<ThreadId> within) {
  /** Checks and copies; title and body together must hold some text. */
  public SimilarQuery {
    title = Validate.required("title", title).strip();
    body = Validate.required("body", body).strip();
    if (title.isEmpty() && body.isEmpty()) {
      throw new InvalidInputException("title", "notBlank",
          "a similar-questions query needs a title or a body");
    }
    if (title.length() > 1_000) {
      throw new InvalidInputException("title", "maxLength",
          "title is " + title.length() + " characters long; at most 1000 are allowed");
    }
    if (body.length() > 100_000) {
      throw new InvalidInputException("body", "maxLength",
          "body is " + body.length() + " characters long; at most 100000 are allowed");
    }
    tags = Validate.list("tags", tags);
    Validate.range("limit", limit, 1, 100);
    within = Validate.set("within", within);
  }

  /** The {@code limit} questions most like a draft with this title, body and tags. */
  public static SimilarQuery of(String title, String body, List<Tag> tags, int limit) {
    return new SimilarQuery(title, body, tags, limit, Set.of());
  }
}
