package io.socialearn.harness.eval;

import io.socialearn.harness.UsageException;
import io.socialearn.harness.stackexchange.DumpDates;
import io.socialearn.harness.stackexchange.PostIndex;
import io.socialearn.harness.stackexchange.XmlRows;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates how many down votes each user cast on answers the dump still holds, each of which
 * cost its voter one point. A public dump does not say who cast a down vote: Votes.xml has the
 * post and the day of every down vote but no voter, and Users.xml has each person's total
 * ({@code DownVotes}) but not what those votes hit. Both margins are known, so the estimate
 * shares every down vote among the people who could have cast it, by iterative proportional
 * fitting:
 *
 * <ul>
 *   <li>a person could have cast a vote of a given day if the day is in one of their windows;
 *   <li>person {@code p}'s share of each vote of day {@code d} in their window is {@code r[p] *
 *       s[d]}: the {@code r[p]} are scaled so that each person's shares add up to their
 *       {@code DownVotes}, and the {@code s[d]} so that no day's votes are shared out more than
 *       once ({@code s[d] = min(1, 1 / sum of r[p] over the people who could vote that day)}),
 *       alternately until they settle. With the day factors all 1 this is each person's total
 *       times the share of down votes in their window that hit present answers;
 *   <li>a person's estimate is the sum of their shares of the votes on answers still present
 *       (votes on deleted posts are refunded, and down votes on questions cost nothing), rounded.
 * </ul>
 *
 * <p>The windows are what the caller knows: from account creation to last visit, less the days
 * before the person had the reputation to vote down (outside a private beta). It is an estimate,
 * not data: for someone who cast one or two down votes it is close to a coin flip, and it ignores
 * that nobody votes on their own posts. Immutable once read.
 */
final class DownVoteEstimate {
  private static final int MAX_ROUNDS = 2_000;
  private static final double SETTLED = 1e-12;
  /**
   * A bound on a person's weight: when people's totals ask for more votes than their windows hold,
   * weights would grow without end, and the day sums (kept as running differences) would lose
   * their precision.
   */
  private static final double MAX_WEIGHT = 1e6;
  private static final long DAY_MS = Duration.ofDays(1).toMillis();

  /** Each person who cast down votes: {id, downVotes, firstDay, lastDay}. */
  private final List<long[]> voters;
  /** The day of every down vote of the dump. */
  private final long[] voteDays;
  /** Whether each down vote hit an answer the dump still holds. */
  private final boolean[] onAnswer;

  private DownVoteEstimate(List<long[]> voters, long[] voteDays, boolean[] onAnswer) {
    this.voters = List.copyOf(voters);
    this.voteDays = voteDays;
    this.onAnswer = onAnswer;
  }

  /**
   * Reads each person's down votes from {@code usersXml} and the down votes of
   * {@code votesXml}, noting which hit answers of {@code posts}.
   */
  static DownVoteEstimate read(Path usersXml, Path votesXml, PostIndex posts) {
    List<long[]> voters = new ArrayList<>();
    try (XmlRows rows = XmlRows.open(usersXml)) {
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        int downVotes = integer(row, "DownVotes", usersXml);
        if (downVotes > 0) {
          voters.add(new long[] {integer(row, "Id", usersXml), downVotes,
              day(row.get("CreationDate"), Long.MIN_VALUE, usersXml),
              day(row.get("LastAccessDate"), Long.MAX_VALUE, usersXml)});
        }
      }
    }
    long[] days = new long[64];
    boolean[] onAnswer = new boolean[64];
    int votes = 0;
    try (XmlRows rows = XmlRows.open(votesXml)) {
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        if (!"3".equals(row.get("VoteTypeId"))) {
          continue;
        }
        if (votes == days.length) {
          days = Arrays.copyOf(days, votes * 2);
          onAnswer = Arrays.copyOf(onAnswer, votes * 2);
        }
        int at = posts.find(integer(row, "PostId", votesXml));
        days[votes] = day(row.get("CreationDate"), Long.MIN_VALUE, votesXml);
        onAnswer[votes] = at >= 0 && posts.typeAt(at) == 2;
        votes++;
      }
    }
    return new DownVoteEstimate(voters, Arrays.copyOf(days, votes),
        Arrays.copyOf(onAnswer, votes));
  }

  /**
   * The estimated number of down votes each user cast on answers still present, by user id;
   * users whose estimate rounds to 0 are left out.
   *
   * @param privileged the moment each user reached the reputation to vote down (absent: never)
   * @param privateBetaEnd until when anyone could vote down (a private beta's threshold is 1)
   */
  Map<Integer, Integer> charges(Map<Integer, Instant> privileged, Instant privateBetaEnd) {
    long betaLastDay = day(privateBetaEnd) - 1;
    int[] totals = new int[voters.size()];
    long[][] windows = new long[voters.size()][];
    for (int p = 0; p < totals.length; p++) {
      long[] v = voters.get(p);
      totals[p] = (int) v[1];
      long first = v[2];
      long last = v[3];
      Instant reached = privileged.get((int) v[0]);
      long privilege = Math.max(first, reached == null ? Long.MAX_VALUE : day(reached));
      // During the private beta from the account's creation; afterwards from the privilege on.
      if (privilege <= betaLastDay + 1) {
        windows[p] = new long[] {first, last};
      } else {
        windows[p] = new long[] {first, Math.min(last, betaLastDay), privilege, last};
      }
    }
    double[] expected = expected(totals, windows, voteDays, onAnswer);
    Map<Integer, Integer> estimate = new LinkedHashMap<>();
    for (int p = 0; p < totals.length; p++) {
      int rounded = (int) Math.round(expected[p]);
      if (rounded > 0) {
        estimate.put((int) voters.get(p)[0], rounded);
      }
    }
    return estimate;
  }

  /**
   * Each person's expected number of down votes on present answers (not rounded).
   *
   * @param totals each person's down votes cast in all
   * @param windows per person, pairs of first and last day (inclusive, any consistent day
   *     numbering) on which they could vote down; a pair whose first day is after its last is empty
   * @param voteDays the day of every down vote of the dump
   * @param onPresentAnswer whether each down vote hit an answer the dump still holds
   */
  static double[] expected(int[] totals, long[][] windows, long[] voteDays,
      boolean[] onPresentAnswer) {
    long[] sorted = voteDays.clone();
    Arrays.sort(sorted);
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (n == 0 || sorted[n - 1] != sorted[i]) {
        sorted[n++] = sorted[i];
      }
    }
    long[] day = Arrays.copyOf(sorted, n);
    double[] count = new double[n];
    double[] answers = new double[n];
    for (int v = 0; v < voteDays.length; v++) {
      int d = Arrays.binarySearch(day, voteDays[v]);
      count[d]++;
      answers[d] += onPresentAnswer[v] ? 1 : 0;
    }
    int people = totals.length;
    int[][] from = new int[people][];
    int[][] to = new int[people][];
    for (int p = 0; p < people; p++) {
      int pairs = windows[p].length / 2;
      from[p] = new int[pairs];
      to[p] = new int[pairs];
      for (int w = 0; w < pairs; w++) {
        long first = windows[p][2 * w];
        long last = windows[p][2 * w + 1];
        from[p][w] = lowerBound(day, first);
        to[p][w] = first > last ? from[p][w] : lowerBound(day, saturatedNext(last));
      }
    }
    double[] r = new double[people];
    double[] s = new double[n];
    Arrays.fill(s, 1);
    double[] prefix = new double[n + 1];
    double[] running = new double[n + 1];
    for (int round = 0; round < MAX_ROUNDS; round++) {
      for (int d = 0; d < n; d++) {
        prefix[d + 1] = prefix[d] + s[d] * count[d];
      }
      Arrays.fill(running, 0);
      for (int p = 0; p < people; p++) {
        double supply = sum(prefix, from[p], to[p]);
        r[p] = supply > 0 ? Math.min(MAX_WEIGHT, totals[p] / supply) : 0;
        for (int w = 0; w < from[p].length; w++) {
          running[from[p][w]] += r[p];
          running[to[p][w]] -= r[p];
        }
      }
      double change = 0;
      double claimed = 0;
      for (int d = 0; d < n; d++) {
        claimed += running[d];
        double next = claimed > 1 ? 1 / claimed : 1;
        change = Math.max(change, Math.abs(next - s[d]));
        s[d] = next;
      }
      if (change < SETTLED) {
        break;
      }
    }
    // s was last fitted to this r, so no day is shared out more than once; until the two have
    // settled a person could be charged a little over their total, hence the min.
    for (int d = 0; d < n; d++) {
      prefix[d + 1] = prefix[d] + s[d] * answers[d];
    }
    double[] expected = new double[people];
    for (int p = 0; p < people; p++) {
      expected[p] = Math.min(totals[p], r[p] * sum(prefix, from[p], to[p]));
    }
    return expected;
  }

  /** The sum over a person's windows, from prefix sums over days. */
  private static double sum(double[] prefix, int[] from, int[] to) {
    double sum = 0;
    for (int w = 0; w < from.length; w++) {
      sum += prefix[to[w]] - prefix[from[w]];
    }
    return sum;
  }

  private static long day(Instant at) {
    return Math.floorDiv(at.toEpochMilli(), DAY_MS);
  }

  private static long saturatedNext(long day) {
    return day == Long.MAX_VALUE ? day : day + 1;
  }

  /** The first position in {@code sorted} whose value is at least {@code key}. */
  private static int lowerBound(long[] sorted, long key) {
    int at = Arrays.binarySearch(sorted, key);
    if (at < 0) {
      return -at - 1;
    }
    while (at > 0 && sorted[at - 1] == key) {
      at--;
    }
    return at;
  }

  private static int integer(Map<String, String> row, String name, Path file) {
    String value = row.get(name);
    try {
      return value == null ? 0 : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(file + ": attribute " + name + " is not a number: '" + value
          + "'");
    }
  }

  private static long day(String value, long missing, Path file) {
    if (value == null || value.isBlank()) {
      return missing;
    }
    try {
      return Math.floorDiv(DumpDates.parse(value).toEpochMilli(), DAY_MS);
    } catch (IllegalArgumentException e) {
      throw new UsageException(file + ": " + e.getMessage());
    }
  }
}
