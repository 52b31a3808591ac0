package io.socialearn.core.log;

import io.socialearn.api.ConflictException;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link KilledProcessIT} kills: appends from several threads until killed, printing
 * {@code ack FIRST LAST WRITER-BATCH end} on stdout after each acknowledged append.
 *
 * <p>Arguments: the log directory, the durability mode, the number of threads.
 */
final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Durability mode = Durability.valueOf(args[1]);
    int threads = Integer.parseInt(args[2]);
    PrintStream out = System.out;
    FileEventLog log = FileEventLog.builder(dir).durability(mode).segmentSize(64 << 10).build();
    String run = Long.toString(ProcessHandle.current().pid());
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String writer = "p" + run + "w" + t;
      Thread thread = new Thread(() -> {
        for (int b = 0; ; b++) {
          List<DomainEvent> batch = new ArrayList<>();
          for (int k = 0; k <= b % 3; k++) {
            batch.add(new ThreadStarted(ThreadId.of(writer + "-" + b + "-" + k),
                SpaceId.of("s-1"), ThreadKind.QUESTION, "title " + b, "body " + k,
                List.of(Tag.of("java")), PersonId.of("ana")));
          }
          while (true) {
            try {
              List<RecordedEvent> recorded = log.append(log.lastSequence(), batch, Instant.now());
              synchronized (out) {
                out.println("ack " + recorded.get(0).sequence() + " "
                    + recorded.get(recorded.size() - 1).sequence() + " " + writer + "-" + b
                    + " end");
                out.flush();
              }
              break;
            } catch (ConflictException retry) {
              // Another writer got there first.
            }
          }
        }
      }, "writer-" + t);
      writers.add(thread);
      thread.start();
    }
    for (Thread thread : writers) {
      thread.join();
    }
  }
}
