package io.socialearn.api.expertise;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.Tag;
import java.util.List;

/**
 * "Who knows X": free text (a draft question; its first line is read as the title) and/or
 * topics, with options. Immutable.
 *
 * @param text the text, possibly empty when topics are given; at most 100,000 characters
 * @param topics the topics, a repeat dropped; when empty, topics are suggested from the text
 * @param options how to pick people
 */
public record WhoKnowsQuery(String text, List<Tag> topics, WhoKnowsOptions options) {
  /** The longest text. */
  public static final int MAX_TEXT_LENGTH = 100_000;

  /** Checks and copies; text and topics together must say something. */
  public WhoKnowsQuery {
    text = Validate.required("text", text).strip();
    // A topic named twice is one topic: its evidence must not count twice.
    topics = Validate.list("topics", topics).stream().distinct().toList();
    Validate.required("options", options);
    if (text.isEmpty() && topics.isEmpty()) {
      throw new InvalidInputException("text", "textOrTopics",
          "who-knows needs some text or at least one topic");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new InvalidInputException("text", "maxLength", "text is " + text.length()
          + " characters long; at most " + MAX_TEXT_LENGTH + " are allowed");
    }
    if (topics.size() > 20) {
      throw new InvalidInputException("topics", "maxCount",
          "at most 20 topics; got " + topics.size());
    }
  }

  /** Who knows about {@code text}, with default options. */
  public static WhoKnowsQuery text(String text) {
    return new WhoKnowsQuery(text, List.of(), WhoKnowsOptions.defaults());
  }

  /** Who knows these topics, with default options. */
  public static WhoKnowsQuery topics(Tag... topics) {
    return new WhoKnowsQuery("", List.of(topics), WhoKnowsOptions.defaults());
  }

  /** This query with other options. */
  public WhoKnowsQuery with(WhoKnowsOptions newOptions) {
    return new WhoKnowsQuery(text, topics, newOptions);
  }
}
