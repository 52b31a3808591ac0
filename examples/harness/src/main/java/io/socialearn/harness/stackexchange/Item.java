package io.socialearn.harness.stackexchange;

import java.util.Map;

/**
 * One dump row on the import's time line.
 *
 * @param time when it takes effect, in epoch milliseconds (never before what it refers to)
 * @param stream which file it came from, which also orders rows of equal time
 * @param seq the order in which it was read, the last tie-breaker
 * @param row the row's attributes
 */
record Item(long time, int stream, long seq, Map<String, String> row) {
  static final int USER = 0;
  static final int POST = 1;
  /** A post becoming community wiki: before the votes of the same moment. */
  static final int WIKI = 2;
  static final int COMMENT = 3;
  static final int VOTE = 4;
  static final int LINK = 5;
  static final int EDIT = 6;
}
