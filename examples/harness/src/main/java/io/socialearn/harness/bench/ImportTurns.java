package io.socialearn.harness.bench;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.lucene.LuceneSearch;
import io.socialearn.lucene.LuceneSearchIndex;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Raw Lucene's and socialearn's imports of the same events, timed side by side: each importer
 * runs in a JVM of its own, and the two take turns of {@value #SLICE_MILLIS} ms, the one not
 * taking its turn paused by the operating system ({@code kill -STOP}, then {@code -CONT}), so that
 * neither runs its collector, merges or commits in the other's time. An importer's time is the
 * sum of its turns until it has committed. The machines this runs on change speed by a fifth
 * within a minute; turns of half a second expose both imports to the same machine, where imports
 * timed one after the other each met the machine of their own minute.
 *
 * <p>Each worker first warms up alone (its importer on the first {@value #WARM_IMPORT} events
 * until the JIT settles, then on all of them until it settles again, at most {@value
 * #MAX_FULL_ROUNDS} times) and collects its garbage before the measured
 * import. Where {@code kill} cannot pause a worker, the imports run one after the other instead;
 * {@link Result#sliced()} says which.
 */
final class ImportTurns {
  /** The length of a turn. */
  static final int SLICE_MILLIS = 500;
  private static final int WARM_IMPORT = 50_000;
  private static final int MAX_WARM_ROUNDS = 16;
  /**
   * The most warm-up imports of all the events: one left socialearn's worker compiling for 8.9 s
   * of its 84 and for 3.2 s more in the measured import (raw Lucene's 1.2 of 55, then 0.5).
   */
  private static final int MAX_FULL_ROUNDS = 3;

  private ImportTurns() {}

  /**
   * One importer's measured import: its time (the sum of its turns until it committed), and the
   * process's CPU, collection and compilation time over the import.
   */
  record Side(long nanos, long cpuMillis, long gcMillis, long jitMillis) {
    /** Posts per second over the import. */
    double rate(int posts) {
      return posts / (nanos / 1e9);
    }

    /** Posts per second of CPU time. */
    double cpuRate(int posts) {
      return cpuMillis == 0 ? 0 : posts / (cpuMillis / 1e3);
    }
  }

  /** Both imports, and whether they ran in turns ({@code sliced}) or one after the other. */
  record Result(Side raw, Side socialearn, int turns, boolean sliced) {
    /** socialearn's rate over raw Lucene's: raw Lucene's time over socialearn's. */
    double ratio() {
      return (double) raw.nanos / socialearn.nanos;
    }
  }

  /**
   * Imports the events that {@code source} names (the arguments {@link #events} takes) through
   * raw Lucene into a directory under {@code work} and through socialearn into {@code
   * socialearnDir}, in turns, and times both.
   */
  static Result measure(List<String> source, int events, Path work, Path socialearnDir,
      PrintStream err) throws IOException, InterruptedException {
    Worker raw = null;
    Worker ours = null;
    try {
      raw = new Worker("raw", work.resolve("raw"), work.resolve("raw-warm-up"), source, err);
      ours = new Worker("socialearn", socialearnDir, work.resolve("socialearn-warm-up"), source,
          err);
      Worker[] both = {raw, ours};
      boolean sliced = raw.pause() & ours.pause();
      if (!sliced) {
        raw.stopPausing();
        ours.stopPausing();
      }
      for (Worker worker : both) {
        worker.step("warm");
        worker.step("gc");
      }
      Costs[] before = {Costs.parse(raw.step("costs")), Costs.parse(ours.step("costs"))};
      long[] ran = new long[2];
      boolean[] done = new boolean[2];
      int turns = 0;
      if (sliced) {
        err.println("importing in turns of " + SLICE_MILLIS + " ms");
        for (Worker worker : both) {
          worker.send("import"); // read when the worker is resumed
        }
        long next = System.nanoTime() + 10_000_000_000L;
        while (!done[0] || !done[1]) {
          int side = done[turns % 2] ? 1 - turns % 2 : turns % 2;
          turns++;
          Worker worker = both[side];
          long start = System.nanoTime();
          worker.resume();
          long finished = worker.awaitReply(start + SLICE_MILLIS * 1_000_000L);
          worker.pause();
          // an answer read only after the turn ended came before this turn began: nothing more
          ran[side] += Math.max(0, (finished > 0 ? finished : System.nanoTime()) - start);
          done[side] = finished > 0;
          if (System.nanoTime() > next) {
            next += 10_000_000_000L;
            err.printf(java.util.Locale.ROOT, "imports in turns: raw Lucene %.1f s, socialearn"
                + " %.1f s so far%n", ran[0] / 1e9, ran[1] / 1e9);
          }
        }
      } else {
        err.println("kill cannot pause the workers: importing one after the other");
        for (int side = 0; side < 2; side++) {
          ran[side] = Long.parseLong(both[side].ask("import"));
        }
      }
      Costs[] after = {Costs.parse(raw.step("costs")), Costs.parse(ours.step("costs"))};
      err.printf(java.util.Locale.ROOT, "imports in turns: raw Lucene %.1f s, socialearn %.1f s,"
          + " %d turns%n", ran[0] / 1e9, ran[1] / 1e9, turns);
      return new Result(after[0].since(before[0], ran[0]), after[1].since(before[1], ran[1]),
          turns, sliced);
    } finally {
      for (Worker worker : new Worker[] {raw, ours}) {
        if (worker != null) {
          worker.quit();
        }
      }
    }
  }

  /** A worker's cumulative CPU, collection and compilation time, in milliseconds. */
  private record Costs(long cpuMillis, long gcMillis, long jitMillis) {
    static Costs parse(String reply) {
      long[] v = Arrays.stream(reply.split(" ")).mapToLong(Long::parseLong).toArray();
      return new Costs(v[0], v[1], v[2]);
    }

    Side since(Costs start, long nanos) {
      return new Side(nanos, cpuMillis - start.cpuMillis, gcMillis - start.gcMillis,
          jitMillis - start.jitMillis);
    }
  }

  /** A worker JVM, the steps it is sent and the lines it answers, each with when it came. */
  private static final class Worker {
    private final String kind;
    private final Process process;
    private final PrintWriter commands;
    private final java.util.concurrent.BlockingQueue<Reply> replies =
        new java.util.concurrent.LinkedBlockingQueue<>();
    private boolean canPause = true;

    /** A line the worker answered, and {@link System#nanoTime()} when it was read. */
    private record Reply(String line, long at) {}

    Worker(String kind, Path dir, Path warmUpDir, List<String> source, PrintStream err)
        throws IOException, InterruptedException {
      this.kind = kind;
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // the same heap and collector settings as this JVM, no agents or debugger ports
      for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (arg.startsWith("-X")) {
          command.add(arg);
        }
      }
      command.addAll(List.of("-cp", System.getProperty("java.class.path"),
          ImportTurns.class.getName(), kind, dir.toString(), warmUpDir.toString()));
      command.addAll(source);
      this.process = new ProcessBuilder(command).start();
      this.commands = new PrintWriter(new java.io.OutputStreamWriter(process.getOutputStream(),
          StandardCharsets.UTF_8), true);
      daemon(kind + "-worker-replies", () -> read(process.getInputStream(),
          line -> replies.add(new Reply(line, System.nanoTime()))));
      daemon(kind + "-worker-stderr", () -> read(process.getErrorStream(),
          line -> err.println("[" + kind + "] " + line)));
      ask("start");
    }

    private static void daemon(String name, Runnable task) {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      thread.start();
    }

    private static void read(java.io.InputStream in, java.util.function.Consumer<String> each) {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          each.accept(line);
        }
      } catch (IOException e) {
        each.accept("lost: " + e.getMessage());
      }
    }

    void send(String step) {
      commands.println(step);
    }

    /** Resumes the worker for one step, waits for its answer and pauses it again. */
    String step(String step) throws IOException, InterruptedException {
      resume();
      String answer = ask(step);
      pause();
      return answer;
    }

    /** Sends a step and waits for its answer, without the leading {@code ok}. */
    String ask(String step) throws IOException, InterruptedException {
      if (!step.equals("start")) {
        send(step);
      }
      Reply reply = next(step, System.nanoTime() + TimeUnit.HOURS.toNanos(2));
      if (reply == null) {
        throw new IOException(kind + " worker did not answer " + step + " within two hours");
      }
      return check(step, reply.line());
    }

    /**
     * Waits until {@code deadline} (a {@link System#nanoTime()}) for the answer to a step sent
     * before: when it came, or 0 if it did not.
     */
    long awaitReply(long deadline) throws IOException, InterruptedException {
      Reply reply = next("import", deadline);
      if (reply == null) {
        return 0;
      }
      check("import", reply.line());
      return reply.at();
    }

    /**
     * The next answer, or null if none came by {@code deadline}.
     *
     * @throws IOException if the worker exited without answering
     */
    private Reply next(String step, long deadline) throws IOException, InterruptedException {
      while (true) {
        long left = deadline - System.nanoTime();
        Reply reply = replies.poll(Math.max(0, Math.min(left, 1_000_000_000L)),
            TimeUnit.NANOSECONDS);
        if (reply != null) {
          return reply;
        }
        if (!process.isAlive()) {
          // its last lines may still be on their way from the reading thread
          reply = replies.poll(200, TimeUnit.MILLISECONDS);
          if (reply != null) {
            return reply;
          }
          throw new IOException(kind + " worker exited with status " + process.exitValue()
              + " at " + step);
        }
        if (deadline - System.nanoTime() <= 0) {
          return null;
        }
      }
    }

    private String check(String step, String line) throws IOException {
      if (line == null || !line.startsWith("ok")) {
        throw new IOException(kind + " worker failed at " + step + ": " + line);
      }
      return line.length() > 3 ? line.substring(3) : "";
    }

    /** Pauses the worker, if {@code kill} can; whether it could. */
    boolean pause() throws InterruptedException {
      canPause = canPause && signal("STOP");
      return canPause;
    }

    /** Lets the worker run on: it is no longer paused between steps. */
    void stopPausing() throws InterruptedException {
      if (canPause) {
        signal("CONT");
      }
      canPause = false;
    }

    void resume() throws InterruptedException {
      if (canPause && !signal("CONT")) {
        throw new IllegalStateException(kind + " worker could not be resumed");
      }
    }

    private boolean signal(String signal) throws InterruptedException {
      try {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
            .redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        return kill.waitFor() == 0;
      } catch (IOException e) {
        return false;
      }
    }

    void quit() throws InterruptedException {
      if (canPause) {
        signal("CONT");
      }
      commands.println("quit");
      commands.close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /**
   * The events a worker imports, rebuilt as the bench built them: {@code --dump DIR} replays a
   * dump; {@code POSTS SEED recent|uniform} generates the synthetic corpus.
   */
  static List<DomainEvent> events(List<String> source, PrintStream err) {
    if (source.get(0).equals("--dump")) {
      return SearchBench.replay(Path.of(source.get(1)), err);
    }
    return SearchBench.generate(new Corpus(Long.parseLong(source.get(1)), 50_000),
        Integer.parseInt(source.get(0)), new ArrayList<ThreadStarted>(),
        source.get(2).equals("uniform"));
  }

  /**
   * A worker: {@code raw|socialearn DIR WARM_UP_DIR SOURCE...}, importing into {@code DIR}. Says
   * {@code ok} once it has built the events, then reads steps from stdin (warm, gc, costs,
   * import, quit) and answers each with a line starting {@code ok}; prints its progress to
   * stderr.
   */
  public static void main(String[] args) throws IOException {
    PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    System.setOut(System.err);
    boolean raw = args[0].equals("raw");
    Path dir = Path.of(args[1]);
    Path warmUpDir = Path.of(args[2]);
    List<DomainEvent> events = events(List.of(args).subList(3, args.length), System.err);
    replies.println("ok");
    BufferedReader steps = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    String line;
    while ((line = steps.readLine()) != null && !line.equals("quit")) {
      long start = System.nanoTime();
      switch (line) {
        case "warm" -> {
          warmUp(raw, warmUpDir, events);
          replies.println("ok");
        }
        case "gc" -> {
          System.gc();
          replies.println("ok");
        }
        case "costs" -> replies.println("ok " + SearchBench.processCpuNanos() / 1_000_000 + " "
            + SearchBench.collectionMillis() + " " + Warmup.compileMillis());
        case "import" -> {
          importOnce(raw, dir, events);
          replies.println("ok " + (System.nanoTime() - start));
        }
        default -> replies.println("unknown step " + line);
      }
    }
  }

  /** Warms up one importer alone, as {@link ImportTurns} describes, in throwaway directories. */
  private static void warmUp(boolean raw, Path dir, List<DomainEvent> events) {
    List<DomainEvent> first = events.subList(0, Math.min(events.size(), WARM_IMPORT));
    String what = raw ? "raw Lucene import" : "socialearn import";
    int[] round = {0};
    Warmup.untilSettled(what, () -> throwaway(raw, dir.resolve("round-" + round[0]++), first),
        MAX_WARM_ROUNDS, System.err);
    Warmup.untilSettled(what + " at full size", () -> throwaway(raw, dir.resolve("full"),
        events), MAX_FULL_ROUNDS, System.err);
  }

  private static void throwaway(boolean raw, Path dir, List<DomainEvent> events) {
    try {
      importOnce(raw, dir, events);
      SearchBench.deleteTree(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Imports {@code events} through one importer into {@code dir} and commits: raw Lucene each
   * post a document of its own ({@link SearchBench#rawDocument}); socialearn the events applied in
   * batches, as a host's engine hands them.
   */
  private static void importOnce(boolean raw, Path dir, List<DomainEvent> events)
      throws IOException {
    if (raw) {
      try (FSDirectory directory = FSDirectory.open(dir);
          IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(
              new EnglishAnalyzer()).setRAMBufferSizeMB(SearchBench.RAW_RAM_BUFFER_MB))) {
        for (DomainEvent event : events) {
          Document doc = SearchBench.rawDocument(event);
          if (doc != null) {
            writer.addDocument(doc);
          }
        }
        writer.commit();
      }
      return;
    }
    LuceneSearchIndex index = LuceneSearch.at(dir);
    try {
      SearchBench.importAll(index, events, new PrintStream(OutputStream.nullOutputStream()));
    } finally {
      index.close();
    }
  }
}
