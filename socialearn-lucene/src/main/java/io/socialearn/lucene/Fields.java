package io.socialearn.lucene;

/** The names of the index's fields and of its commit user data. Constants only. */
final class Fields {
  /** The thread id, indexed as one term, for updates and deletes. */
  static final String ID = "id";
  /** A dense int per thread: indexes the live vote scores and breaks sort ties. */
  static final String KEY = "key";
  static final String SPACE = "space";
  static final String KIND = "kind";
  static final String AUTHOR = "author";
  static final String STATE = "state";
  /** Flags for {@code is:} filters. */
  static final String FLAG = "flag";
  static final String FLAG_ANSWERED = "answered";
  static final String FLAG_ACCEPTED = "accepted";
  /** Tags as exact terms and doc values. */
  static final String TAG = "tag";
  /** Tags as analysed words. */
  static final String TAG_TEXT = "tagtext";
  /** Creation time in epoch milliseconds, as points. */
  static final String CREATED = "created";
  static final String CREATED_SEQ = "createdSeq";
  static final String ACTIVITY = "activity";
  /** The vote score as of the last write or commit; the live score is held in memory. */
  static final String VOTES = "votes";
  /**
   * The sequence of the last vote counted in {@link #VOTES}: a vote at or below it is not
   * counted again when the log is replayed over a commit that already holds it.
   */
  static final String VOTE_SEQ = "voteSeq";
  static final String TITLE = "title";
  static final String BODY = "body";
  /** Answers' and comments' text. */
  static final String REPLIES = "replies";
  /** The whole thread state, as a binary doc value. */
  static final String STORED = "thread";
  /** A question's vector from the host's {@link TextEmbedder}, as a binary doc value. */
  static final String MEANING = "meaning";

  static final String DATA_SCHEMA = "socialearn.schema";
  static final String DATA_ANALYZER = "socialearn.analyzer";
  /** The embedder's name, or empty for none. */
  static final String DATA_EMBEDDER = "socialearn.embedder";
  static final String DATA_CHECKPOINT = "socialearn.checkpoint";
  static final String DATA_NEXT_KEY = "socialearn.nextKey";

  private Fields() {}
}
