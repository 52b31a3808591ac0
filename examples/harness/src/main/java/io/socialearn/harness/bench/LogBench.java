package io.socialearn.harness.bench;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.socialearn.api.ConflictException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AddComment;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.core.WriteRateLimit;
import io.socialearn.core.json.SocialearnJson;
import io.socialearn.core.log.Durability;
import io.socialearn.core.log.FileEventLog;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Progress;
import io.socialearn.harness.Subcommand;
import io.socialearn.harness.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code bench log}: the file event log's acknowledged appends per second and append latency for
 * 1, 4, 16 and 64 appending threads in each durability mode, side by side with the physical
 * floor (a raw {@code FileChannel.write} + {@code force} loop on the same disk) and SQLite (WAL,
 * {@code synchronous=FULL}) on the same stream of events; then the replay rate of a large log.
 * The floor and the SYNC run of the fewest threads take turns of a tenth of a run each, so that
 * their ratio does not hang on which of them met the disk's slow moments. After every run the log
 * is reopened and the durable records counted.
 *
 * <p>Options: {@code --dir DIR} (a directory on the disk to measure, default the temp
 * directory), {@code --seconds N} per run (default 3), {@code --threads 1,4,16,64}, {@code
 * --replay-records N} (default 1,000,000), {@code --store-json FILE} (the output of a {@code
 * bench store} run, whose open time and heap per post and per vote fill {@code
 * open_1m_posts_ms} (only for a run of at least 1,000,000 posts), {@code heap_bytes_per_post} and
 * {@code heap_bytes_per_vote}; they are null without it). Not thread-safe; run once.
 */
public final class LogBench implements Subcommand {
  private static final Instant T = Instant.parse("2026-03-04T05:06:07.123Z");

  /**
   * The JSON object on the last line that starts with '{' of a {@code bench store} output file,
   * or null for no file.
   */
  private static Map<String, Object> storeFigures(String file) throws IOException {
    if (file == null) {
      return null;
    }
    List<String> lines = Files.readAllLines(Path.of(file)).stream()
        .filter(l -> l.startsWith("{")).toList();
    if (lines.isEmpty()) {
      throw new UsageException("--store-json " + file + " holds no JSON line");
    }
    String last = lines.get(lines.size() - 1);
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(last,
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new UsageException("--store-json " + file + " does not end with bench store's JSON"
          + " line: " + e.getOriginalMessage());
    }
  }

  /** One run's figures. */
  private record Run(long acknowledged, double seconds, long[] latenciesNanos) {
    double perSecond() {
      return acknowledged / seconds;
    }

    double percentileMicros(double p) {
      if (latenciesNanos.length == 0) {
        return 0;
      }
      int at = (int) Math.min(latenciesNanos.length - 1,
          Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
      return latenciesNanos[Math.max(0, at)] / 1000.0;
    }

    /** This run and {@code other} as one: their appends, times and latencies together. */
    Run and(Run other) {
      long[] all = Arrays.copyOf(latenciesNanos, latenciesNanos.length
          + other.latenciesNanos.length);
      System.arraycopy(other.latenciesNanos, 0, all, latenciesNanos.length,
          other.latenciesNanos.length);
      Arrays.sort(all);
      return new Run(acknowledged + other.acknowledged, seconds + other.seconds, all);
    }

    Map<String, Object> figures() {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("appends_per_s", Math.round(perSecond()));
      figures.put("p50_us", round(percentileMicros(50)));
      figures.put("p99_us", round(percentileMicros(99)));
      return figures;
    }
  }

  /** How many turns the floor and the fewest SYNC appenders take ({@link #rawAndSyncInTurns}). */
  private static final int TURNS = 10;

  /** An appender: one append of one event, for the thread numbered {@code thread}. */
  @FunctionalInterface
  private interface Appender {
    void append(int thread, long n) throws Exception;
  }

  @Override
  public void run(Args args, PrintStream out, PrintStream err) throws Exception {
    Path base = Path.of(args.optional("dir", System.getProperty("java.io.tmpdir")));
    double seconds = args.number("seconds", 3, 1, 600);
    long replayRecords = args.number("replay-records", 1_000_000, 1000, 100_000_000);
    int[] threadCounts = threads(args.optional("threads", "1,4,16,64"));
    String storeJson = args.optional("store-json", null);
    args.done();
    Map<String, Object> store = storeFigures(storeJson);
    if (!Files.isDirectory(base)) {
      throw new UsageException("--dir " + base + ": no such directory");
    }
    Path work = Files.createTempDirectory(base, "socialearn-bench-log-");
    err.println("bench log: measuring in " + work);
    JsonSummary summary = new JsonSummary();
    try {
      // The floor and the fewest SYNC appenders take turns, so that both meet the same disk.
      Path firstSync = work.resolve("log-" + Durability.SYNC + "-" + threadCounts[0]);
      Run[] turns = rawAndSyncInTurns(work.resolve("raw.bin"), firstSync, threadCounts[0],
          seconds);
      Run raw = turns[0];
      err.printf(Locale.ROOT, "raw write+force: %.0f/s p50 %.0f us p99 %.0f us%n",
          raw.perSecond(), raw.percentileMicros(50), raw.percentileMicros(99));

      long acknowledged = 0;
      long durable = 0;
      Map<String, Object> modes = new LinkedHashMap<>();
      Map<String, Run> byKey = new LinkedHashMap<>();
      for (Durability mode : Durability.values()) {
        Map<String, Object> perThreads = new LinkedHashMap<>();
        for (int threads : threadCounts) {
          Path dir = work.resolve("log-" + mode + "-" + threads);
          Run run;
          if (dir.equals(firstSync)) {
            run = turns[1];
          } else {
            try (FileEventLog log = FileEventLog.builder(dir).durability(mode).build()) {
              run = measure(threads, seconds, (thread, n) -> appendOne(log, thread, n));
            }
          }
          long counted = countDurable(dir);
          acknowledged += run.acknowledged();
          durable += counted;
          err.printf(Locale.ROOT, "%-5s %2d threads: %.0f acks/s p50 %.0f us p99 %.0f us;"
              + " durable %d of %d%n", mode, threads, run.perSecond(),
              run.percentileMicros(50), run.percentileMicros(99), counted, run.acknowledged());
          perThreads.put(Integer.toString(threads), run.figures());
          byKey.put(mode + "-" + threads, run);
          deleteTree(dir);
        }
        modes.put(mode.name().toLowerCase(Locale.ROOT), perThreads);
      }

      // The same through the engine: commands applied under its lock, acknowledged once
      // durable outside it, so that in GROUP mode concurrent commands share forces.
      Map<String, Object> engineModes = new LinkedHashMap<>();
      Map<String, Run> engineRuns = new LinkedHashMap<>();
      int engineMost = threadCounts[threadCounts.length - 1];
      for (Durability mode : List.of(Durability.SYNC, Durability.GROUP)) {
        Map<String, Object> perThreads = new LinkedHashMap<>();
        for (int threads : new int[] {1, engineMost}) {
          Path dir = work.resolve("engine-" + mode + "-" + threads);
          Run run;
          long setUp;
          try (FileEventLog log = FileEventLog.builder(dir).durability(mode).build();
              SocialLearningEngine engine = SocialLearningEngine.builder().eventLog(log)
                  .writeRateLimit(WriteRateLimit.unlimited()).build()) {
            ThreadId[] threadIds = engineSetUp(engine, threads);
            setUp = log.lastSequence();
            run = measure(threads, seconds, (thread, n) -> engine.execute(
                Viewer.of("p" + thread), new AddComment(threadIds[thread], "comment " + n)));
          }
          long counted = countDurable(dir) - setUp;
          acknowledged += run.acknowledged();
          durable += counted;
          err.printf(Locale.ROOT, "engine %-5s %2d threads: %.0f commands/s p50 %.0f us p99 %.0f"
              + " us; durable %d of %d%n", mode, threads, run.perSecond(),
              run.percentileMicros(50), run.percentileMicros(99), counted, run.acknowledged());
          perThreads.put(Integer.toString(threads), run.figures());
          engineRuns.put(mode + "-" + threads, run);
          deleteTree(dir);
        }
        engineModes.put(mode.name().toLowerCase(Locale.ROOT), perThreads);
      }

      Map<String, Object> sqlite = new LinkedHashMap<>();
      Map<Integer, Run> sqliteRuns = new LinkedHashMap<>();
      for (int threads : threadCounts) {
        Path file = work.resolve("sqlite-" + threads + ".db");
        Run run = sqlite(file, threads, seconds);
        err.printf(Locale.ROOT, "SQLite WAL FULL %2d threads: %.0f acks/s p50 %.0f us p99 %.0f"
            + " us%n", threads, run.perSecond(), run.percentileMicros(50),
            run.percentileMicros(99));
        sqlite.put(Integer.toString(threads), run.figures());
        sqliteRuns.put(threads, run);
        deleteTree(file);
        deleteTree(Path.of(file + "-wal"));
        deleteTree(Path.of(file + "-shm"));
      }

      long[] replay = replay(work.resolve("replay"), replayRecords, err);
      double replayPerSecond = replay[0] * 1e9 / replay[1];
      acknowledged += replayRecords;
      durable += replay[0];

      int most = threadCounts[threadCounts.length - 1];
      Run sync1 = byKey.get("SYNC-" + threadCounts[0]);
      Run groupMost = byKey.get("GROUP-" + most);
      Run sqliteMost = sqliteRuns.get(most);
      summary.put("sync_p99_us", round(sync1.percentileMicros(99)));
      summary.put("raw_force_p99_us", round(raw.percentileMicros(99)));
      summary.put("group64_appends_per_s", most == 64 ? Math.round(groupMost.perSecond()) : null);
      summary.put("group64_p99_ms", most == 64 ? round(groupMost.percentileMicros(99) / 1000)
          : null);
      summary.put("sqlite_full_appends_per_s", most == 64 ? Math.round(sqliteMost.perSecond())
          : null);
      summary.put("replay_records_per_s", Math.round(replayPerSecond));
      // From a bench store run (--store-json), which builds and opens the store through the
      // engine; null when none was given.
      boolean fullScale = store != null && store.get("posts") instanceof Number n
          && n.longValue() >= 1_000_000;
      summary.put("open_1m_posts_ms", fullScale ? store.get("open_ms") : null);
      summary.put("acknowledged", acknowledged);
      summary.put("durable", durable);
      summary.put("heap_bytes_per_post", store == null ? null : store.get("heap_bytes_per_post"));
      summary.put("heap_bytes_per_vote", store == null ? null : store.get("heap_bytes_per_vote"));
      summary.put("store_figures_from", store == null
          ? "none: run bench store and pass its output with --store-json FILE"
          : storeJson + " (bench store, " + store.get("posts") + " posts, " + store.get("votes")
              + " votes, index " + store.get("index") + ", open " + store.get("open_ms")
              + " ms)");
      summary.put("sync_p99_over_raw_p99", round(sync1.percentileMicros(99)
          / raw.percentileMicros(99)));
      summary.put("group_over_sqlite", round(groupMost.perSecond() / sqliteMost.perSecond()));
      summary.put("threads_most", most);
      summary.put("engine_group_most_commands_per_s",
          Math.round(engineRuns.get("GROUP-" + engineMost).perSecond()));
      summary.put("engine_sync_most_commands_per_s",
          Math.round(engineRuns.get("SYNC-" + engineMost).perSecond()));
      summary.put("engine_group_over_sync", round(engineRuns.get("GROUP-" + engineMost)
          .perSecond() / engineRuns.get("SYNC-" + engineMost).perSecond()));
      summary.put("engine", engineModes);
      summary.put("raw_force", raw.figures());
      summary.put("modes", modes);
      summary.put("sqlite_wal_full", sqlite);
      summary.put("replay_records", replay[0]);
      summary.put("log_open_ms", round(replay[2] / 1e6));
      summary.put("seconds_per_run", seconds);
      summary.put("dir", work.toString());
    } finally {
      deleteTree(work);
    }
    summary.print(out);
  }

  /** One person and one question per appending thread, in one space. */
  private static ThreadId[] engineSetUp(SocialLearningEngine engine, int threads) {
    SpaceId space = engine.execute(Viewer.system(), CreateSpace.community("Bench"));
    ThreadId[] ids = new ThreadId[threads];
    for (int t = 0; t < threads; t++) {
      engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(
          PersonId.of("p" + t)).displayName("Person " + t).build()));
      ids[t] = engine.execute(Viewer.of("p" + t), StartThread.question(space,
          "Question of thread " + t, "body"));
    }
    return ids;
  }

  private static int[] threads(String list) {
    try {
      int[] counts = Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.trim()))
          .toArray();
      if (counts.length == 0 || Arrays.stream(counts).anyMatch(c -> c < 1 || c > 1024)) {
        throw new UsageException("--threads takes counts between 1 and 1024, was " + list);
      }
      return counts;
    } catch (NumberFormatException e) {
      throw new UsageException("--threads takes a comma-separated list of counts, was " + list);
    }
  }

  private static DomainEvent vote(int thread, long n) {
    return new VoteCast(PostId.of("p-" + (n % 100_000)), ThreadId.of("t-" + (n % 10_000)),
        PersonId.of("u" + thread + "-" + n), VoteDirection.UP, PersonId.of("author-" + (n % 997)));
  }

  private static void appendOne(FileEventLog log, int thread, long n) {
    List<DomainEvent> batch = List.of(vote(thread, n));
    while (true) {
      try {
        log.append(log.lastSequence(), batch, T);
        return;
      } catch (ConflictException retry) {
        // Another thread appended first; append at the new end.
      }
    }
  }

  /** Runs {@code threads} appenders for {@code seconds}; latency from first try to success. */
  private static Run measure(int threads, double seconds, Appender appender) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    AtomicLong failures = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    long[] window = new long[2];
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        long[] mine = new long[1 << 12];
        int count = 0;
        try {
          start.await();
          long deadline = window[1];
          for (long n = 0; ; n++) {
            long began = System.nanoTime();
            if (began >= deadline) {
              break;
            }
            appender.append(thread, n);
            if (count == mine.length) {
              mine = Arrays.copyOf(mine, count * 2);
            }
            mine[count++] = System.nanoTime() - began;
          }
        } catch (Exception e) {
          failures.incrementAndGet();
          e.printStackTrace();
        }
        latencies[thread] = mine;
        counts[thread] = count;
      }, "bench-appender-" + t);
      workers.add(worker);
      worker.start();
    }
    window[0] = System.nanoTime();
    window[1] = window[0] + (long) (seconds * 1e9);
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - window[0]) / 1e9;
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " appenders failed");
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(latencies[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    return new Run(total, elapsed, all);
  }

  /**
   * The physical floor (one thread writing a record-sized buffer to {@code file} and forcing, in
   * a loop) and {@code threads} SYNC appenders on a log in {@code dir}, in {@value #TURNS} turns
   * each of {@code seconds / TURNS}, one after the other: a shared disk's slow moments, which
   * come and go over seconds, then fall on both rather than on whichever ran during them. A
   * turn of each before them, the appenders' on a log of their own, is not counted.
   *
   * @return the floor's run and the appenders' run, each its turns together
   */
  private static Run[] rawAndSyncInTurns(Path file, Path dir, int threads, double seconds)
      throws Exception {
    ObjectWriter json = SocialearnJson.newMapper().writerFor(DomainEvent.class);
    byte[] record = new byte[38 + json.writeValueAsBytes(vote(0, 0)).length];
    Arrays.fill(record, (byte) 'x');
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
        FileEventLog log = FileEventLog.builder(dir).durability(Durability.SYNC).build()) {
      long[] position = {0};
      Appender floor = (thread, n) -> {
        ByteBuffer buffer = ByteBuffer.wrap(record);
        while (buffer.hasRemaining()) {
          position[0] += channel.write(buffer, position[0]);
        }
        channel.force(false);
      };
      // A turn of each first, not counted: a fresh JVM's first appends run its compilers.
      measure(1, seconds / TURNS, floor);
      Path warmUp = dir.resolveSibling(dir.getFileName() + "-warm-up");
      try (FileEventLog other = FileEventLog.builder(warmUp).durability(Durability.SYNC)
          .build()) {
        measure(threads, seconds / TURNS, (thread, n) -> appendOne(other, thread, n));
      }
      deleteTree(warmUp);
      long appended = 0;
      Run raw = null;
      Run sync = null;
      for (int turn = 0; turn < TURNS; turn++) {
        Run rawTurn = measure(1, seconds / TURNS, floor);
        long from = appended;
        Run syncTurn = measure(threads, seconds / TURNS,
            (thread, n) -> appendOne(log, thread, from + n));
        appended += syncTurn.acknowledged();
        raw = raw == null ? rawTurn : raw.and(rawTurn);
        sync = sync == null ? syncTurn : sync.and(syncTurn);
      }
      return new Run[] {raw, sync};
    }
  }

  private static long countDurable(Path dir) {
    try (FileEventLog log = FileEventLog.open(dir);
        Stream<RecordedEvent> all = log.readFrom(1)) {
      return all.count();
    }
  }

  /** SQLite in WAL mode with synchronous=FULL: one autocommit insert per append. */
  private static Run sqlite(Path file, int threads, double seconds) throws Exception {
    String url = "jdbc:sqlite:" + file;
    try (Connection setup = DriverManager.getConnection(url);
        Statement statement = setup.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL,"
          + " type TEXT NOT NULL, json BLOB NOT NULL)");
    }
    ObjectWriter json = SocialearnJson.newMapper().writerFor(DomainEvent.class);
    List<Connection> connections = new ArrayList<>();
    List<PreparedStatement> inserts = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        Connection connection = DriverManager.getConnection(url);
        try (Statement statement = connection.createStatement()) {
          statement.execute("PRAGMA synchronous=FULL");
          statement.execute("PRAGMA busy_timeout=60000");
        }
        connections.add(connection);
        inserts.add(connection.prepareStatement(
            "INSERT INTO events (ts, type, json) VALUES (?, 'vote.cast', ?)"));
      }
      Run run = measure(threads, seconds, (thread, n) -> {
        PreparedStatement insert = inserts.get(thread);
        insert.setLong(1, T.toEpochMilli());
        insert.setBytes(2, json.writeValueAsBytes(vote(thread, n)));
        insert.executeUpdate();
      });
      try (Statement statement = connections.get(0).createStatement();
          var rows = statement.executeQuery("SELECT count(*) FROM events")) {
        rows.next();
        if (rows.getLong(1) != run.acknowledged()) {
          throw new IllegalStateException("SQLite holds " + rows.getLong(1) + " rows, "
              + run.acknowledged() + " acknowledged");
        }
      }
      return run;
    } finally {
      for (Connection connection : connections) {
        try {
          connection.close();
        } catch (SQLException e) {
          // Closing after the measurement; nothing to lose.
        }
      }
    }
  }

  /** Writes {@code records} votes, reopens, reads them all: {count, read nanos, open nanos}. */
  private static long[] replay(Path dir, long records, PrintStream err) {
    Progress writing = new Progress(err, "replay log: writing", records);
    try (FileEventLog log = FileEventLog.builder(dir).durability(Durability.FAST).build()) {
      List<DomainEvent> batch = new ArrayList<>(1000);
      for (long n = 0; n < records; ) {
        batch.clear();
        for (int i = 0; i < 1000 && n < records; i++, n++) {
          batch.add(vote(i, n));
        }
        log.append(log.lastSequence(), batch, T);
        writing.advance(batch.size());
      }
    }
    writing.finish();
    long opening = System.nanoTime();
    try (FileEventLog log = FileEventLog.open(dir)) {
      long opened = System.nanoTime() - opening;
      Progress reading = new Progress(err, "replay log: reading", records);
      long began = System.nanoTime();
      long[] count = {0};
      try (Stream<RecordedEvent> all = log.readFrom(1)) {
        all.forEach(event -> {
          if (++count[0] % 10_000 == 0) {
            reading.advance(10_000);
          }
        });
      }
      long read = System.nanoTime() - began;
      reading.finish();
      return new long[] {count[0], read, opened};
    } finally {
      deleteTree(dir);
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot delete " + root, e);
    }
  }
}
