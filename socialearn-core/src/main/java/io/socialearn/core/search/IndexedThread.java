package io.socialearn.core.search;

import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.CommentId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thread's searchable text and its term counts, as {@link MemorySearchIndex} holds it. Not
 * thread-safe: guarded by the index's lock.
 */
final class IndexedThread {
  /** How many times a title term counts, against once for any other text. */
  static final int TITLE_WEIGHT = 2;

  final SpaceId space;
  final ThreadKind kind;
  /** The sequence that started the thread: orders "newest". */
  final long createdSeq;
  /** The sequence of the last answer, comment or edit: orders "activity". */
  long activitySeq;
  /** Up votes minus down votes on the opening post. */
  int score;
  String title;
  String body;
  List<Tag> tags;
  /** The live answers' text, by answer. */
  final Map<PostId, String> answers = new LinkedHashMap<>();
  /** The comments, by comment. */
  final Map<CommentId, Comment> comments = new LinkedHashMap<>();
  /** Each term's weighted count, as of the last {@link #recount()}. */
  Map<String, Integer> termFrequencies = Map.of();
  /** The sum of {@link #termFrequencies}, as of the last {@link #recount()}. */
  int length;

  IndexedThread(SpaceId space, ThreadKind kind, long createdSeq, String title, String body,
      List<Tag> tags) {
    this.space = space;
    this.kind = kind;
    this.createdSeq = createdSeq;
    this.activitySeq = createdSeq;
    this.title = title;
    this.body = body;
    this.tags = tags;
  }

  /** Recounts {@link #termFrequencies} and {@link #length} from the current text. */
  void recount() {
    Map<String, Integer> counts = new HashMap<>();
    count(title, TITLE_WEIGHT, counts);
    count(body, 1, counts);
    tags.forEach(tag -> count(tag.value(), 1, counts));
    answers.values().forEach(answer -> count(answer, 1, counts));
    comments.values().forEach(comment -> count(comment.body(), 1, counts));
    termFrequencies = counts;
    length = counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static void count(String text, int weight, Map<String, Integer> counts) {
    for (String term : Analyzer.terms(text)) {
      counts.merge(term, weight, Integer::sum);
    }
  }

  /** A comment's text and what it comments on. */
  record Comment(ContentRef target, String body) {}
}
